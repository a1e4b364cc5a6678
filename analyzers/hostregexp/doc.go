// Package hostregexp defines an Analyzer that reports regular expressions
// for hostnames and URLs that match more than intended.
//
// # Analyzer hostregexp
//
// hostregexp: report hostname and URL regexps with unescaped dots or missing anchors
//
// The analyzer inspects the constant patterns (literals, named constants and
// constant concatenations) given to regexp.Compile, MustCompile,
// CompilePOSIX, MustCompilePOSIX, MatchString and Match. It parses each
// pattern with regexp/syntax and looks for host names in it: sequences of
// label characters separated by dots whose last label is a well-known
// top-level domain (com, org, net, io, dev, co, gov, edu, a country code
// and so on), or that follow a scheme such as https?://.
//
// It reports an unescaped "." that stands between two labels of such a host
// (api.example.com, (www|api).example.com, [a-z]+.example.com): it matches
// any character, so apiXexample.com passes too. The fix escapes it (\. in a
// raw string, \\. in an interpreted one) when the dot is in a string literal
// at the call. A "." in a character class, an escaped one, and wildcards
// such as .* and .+ are not reported.
//
// For a regexp used to validate (regexp.MatchString and regexp.Match, or a
// compiled regexp, kept in a local or package variable, a struct field, or a
// slice or map of regexps, whose MatchString, Match or MatchReader method is
// called in the package), it also reports a host pattern that is not
// anchored at the start, when it begins with a scheme (https?://example\.com
// matches evil.com/?x=https://example.com) or with the registered label of
// the host (example\.com$ matches evil-example.com), and one that ends with
// the host's top-level domain without $ or \z after it (so
// example.com.attacker.net matches). Optional parts such as (www\.)? or
// (:\d+)? are looked through. A pattern that starts with \., with .+ or
// with a subdomain label (www\.example\.com$, which only lets other
// subdomains of example.com through) is not reported for its start, and one
// that ends with a path (example\.com/) not for its end.
// Regexps used only to find, extract or replace are not checked for
// anchors, and patterns without a host (a scheme alone, a file name) are not
// checked at all.
//
// # Why it matters
//
// Allowlists of redirect targets, CORS origins, webhook URLs or OAuth
// callback hosts are often written as regular expressions. In a regexp "."
// matches any character, and MatchString succeeds when the pattern matches
// anywhere in its input: an attacker who registers wwwXexample.com, or who
// puts example.com in the path, query or a subdomain of their own host,
// passes the check and gets an open redirect, a stolen token or a forged
// request.
//
// # Insecure example
//
//	var allowedHost = regexp.MustCompile(`(www|api).example.com`)
//
//	if allowedHost.MatchString(u.Host) {
//		http.Redirect(w, r, u.String(), http.StatusFound)
//	}
//
// # Fixed example
//
//	var allowedHost = regexp.MustCompile(`^(www|api)\.example\.com$`)
//
//	if allowedHost.MatchString(u.Host) {
//		http.Redirect(w, r, u.String(), http.StatusFound)
//	}
//
// # References
//
//   - CWE-20: Improper Input Validation, https://cwe.mitre.org/data/definitions/20.html
//   - CWE-185: Incorrect Regular Expression, https://cwe.mitre.org/data/definitions/185.html
//   - CodeQL, Incomplete regular expression for hostnames, https://codeql.github.com/codeql-query-help/go/go-incomplete-hostname-regexp/
//   - CodeQL, Missing regular expression anchor, https://codeql.github.com/codeql-query-help/go/go-regex-missing-regexp-anchor/
//   - Go regexp syntax, https://pkg.go.dev/regexp/syntax
package hostregexp
