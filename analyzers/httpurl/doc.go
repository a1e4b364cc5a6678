// Package httpurl defines an Analyzer that reports constant http:// URLs
// used for requests to hosts other than the local machine.
//
// # Analyzer httpurl
//
// httpurl: report requests sent to constant plaintext http:// URLs
//
// The analyzer reports an http:// URL (not https://) whose host is not a
// loopback host when it is passed, outside _test.go files, to a net/http
// client: http.Get, http.Head, http.Post and http.PostForm, the methods of
// the same names on *http.Client, http.NewRequest and
// http.NewRequestWithContext, or the URL field of an http.Request literal.
//
// The URL may be a literal or a constant (also one declared in another
// package), a constant concatenated with anything ("http://api.example.com"
// + path), fmt.Sprintf with a constant format that starts with the scheme
// and host, a local or package-level variable or struct field that one of
// its assignments sets to such a value (a plaintext default that
// configuration may replace is reported too), the String method of a
// *url.URL obtained from url.Parse of such a value, or a url.URL literal
// with the constant scheme "http" and a constant host.
//
// Not reported: https:// URLs; URLs whose scheme or host is not known
// ("http://" + host, a URL read from configuration); loopback hosts
// (localhost, names under .localhost, 127.0.0.0/8, ::1, and 0.0.0.0); the
// instance metadata endpoints that only speak plain HTTP (link-local
// addresses such as 169.254.169.254, fd00:ec2::254 and
// metadata.google.internal); http:// strings that are not sent as a
// request (log messages, comparisons, XML namespaces, http.Redirect
// targets); _test.go files. gosec's G107 reports URLs that are not constant.
//
// # Why it matters
//
// A request to an http:// URL travels in cleartext: credentials, API keys,
// cookies and the data in the request and response can be read by anyone on
// the network path, and the response can be modified (injecting content or
// redirecting the client) because the server is not authenticated. A URL
// hard-coded in the program makes every deployment use the plaintext
// transport.
//
// # Insecure example
//
//	const apiBase = "http://api.example.com/v1"
//
//	resp, err := http.Get(apiBase + "/users/" + id)
//
// # Fixed example
//
//	const apiBase = "https://api.example.com/v1"
//
//	resp, err := http.Get(apiBase + "/users/" + id)
//
// # References
//
//   - CWE-319: Cleartext Transmission of Sensitive Information, https://cwe.mitre.org/data/definitions/319.html
//   - OWASP Transport Layer Security Cheat Sheet, https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html
//   - OWASP ASVS V9.2, Server Communication Security, https://owasp.org/www-project-application-security-verification-standard/
//   - net/http Client, https://pkg.go.dev/net/http#Client
package httpurl
