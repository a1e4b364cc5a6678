// Package ssrf defines sdlkit's server-side request forgery taint rule:
// untrusted input used as the address of an outgoing request or network
// connection, through gosec's taint engine.
//
// # Analyzer ssrf
//
// ssrf: untrusted input is the address of an outgoing request or connection (net/http, net, resty)
//
// The rule follows request data and the other sources of sdlkit's taint
// rules through local variables, concatenation, fmt.Sprintf, struct fields
// and the package's own helpers to the address of:
//
//   - net/http requests: http.Get, Head, Post and PostForm, the URL of
//     http.NewRequest and http.NewRequestWithContext, (*http.Client).Get,
//     Head, Post and PostForm, and httputil.NewSingleHostReverseProxy;
//   - network connections: net.Dial, net.DialTimeout, (*net.Dialer).Dial
//     and DialContext, tls.Dial and tls.DialWithDialer, and net.LookupHost;
//   - resty v2: the URL of (*resty.Request).Get, Head, Post, Put, Patch,
//     Delete, Options and Execute, and (*resty.Client).SetBaseURL and
//     SetHostURL.
//
// Only the argument that is an address is checked: a request body, query
// parameters set with SetQueryParam or a header built from request data are
// not. (*http.Client).Do is not a sink: the URL of a request built with
// http.NewRequest is checked there, once; a request assembled as an
// http.Request literal with a tainted URL is not seen.
//
// url.PathEscape and url.QueryEscape end the flow (the escaped value cannot
// change the host of a URL whose scheme and host are constants), and so do
// the numeric conversions. The engine sees calls, not conditions: a host
// check on a parsed url.URL before the request does not end the flow, so
// build the URL from an allow-listed host, or keep the check and suppress
// the finding with a reason.
//
// This rule supersedes gosec's G704, which knows the standard library
// only: when both are enabled, the suite runs this rule in place of G704.
//
// # Why it matters
//
// A server that fetches an address chosen by its caller can be made to
// reach what the caller cannot: cloud metadata endpoints
// (http://169.254.169.254/ and their credentials), admin interfaces and
// databases on the internal network, or localhost services; and to scan
// that network, all with the server's identity and network position.
//
// # Insecure example
//
//	func preview(w http.ResponseWriter, r *http.Request) {
//		resp, err := http.Get(r.URL.Query().Get("url"))
//		...
//	}
//
// # Fixed example
//
//	func preview(w http.ResponseWriter, r *http.Request) {
//		resp, err := http.Get("https://images.example.com/" + url.PathEscape(r.URL.Query().Get("name")))
//		...
//	}
//
// # References
//
//   - CWE-918: Server-Side Request Forgery (SSRF), https://cwe.mitre.org/data/definitions/918.html
//   - OWASP Server-Side Request Forgery Prevention Cheat Sheet, https://cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html
package ssrf
