// Package xss defines sdlkit's cross-site scripting taint rule: untrusted
// input written into an HTTP response as HTML without escaping, through
// gosec's taint engine.
//
// # Analyzer xss
//
// xss: untrusted input is written into an HTML response without escaping (net/http, gin, echo)
//
// The rule follows request data and the other sources of sdlkit's taint
// rules through local variables, concatenation, fmt.Sprintf, struct fields
// and the package's own helpers to what a handler writes to the response:
//
//   - net/http: http.ResponseWriter's Write, and fmt.Fprint, Fprintf,
//     Fprintln and io.WriteString when their writer is an
//     http.ResponseWriter (writing to a file, a buffer or os.Stdout is not
//     a sink);
//   - gin: (*Context).Data and the Write and WriteString methods of
//     c.Writer;
//   - echo (v4 and v5): Context.HTML, HTMLBlob and Blob.
//
// html.EscapeString, template.HTMLEscapeString, JSEscapeString and
// URLQueryEscaper, url.QueryEscape and url.PathEscape, bluemonday's
// (*Policy).Sanitize and SanitizeBytes, encoding/json's Marshal and
// MarshalIndent and the numeric conversions end the flow.
//
// What the engine cannot express, and so this rule does not report:
//
//   - conversions to html/template's trusted types (template.HTML, JS, URL,
//     HTMLAttr, CSS, JSStr, Srcset): the engine's sinks are calls, and a
//     conversion is not a call. A template.HTML(r.FormValue("bio")) handed
//     to a template bypasses its escaping unseen; review such conversions
//     by hand, or look for them with a syntactic check.
//   - the response's content type: gin's Data and echo's Blob are sinks
//     whatever content type they are given, and a JSON or plain-text body
//     built from request data without json.Marshal is reported too.
//     Conversely gin's (*Context).String, fiber's SendString and echo's
//     String are not sinks: they send text/plain, which browsers do not
//     render as HTML.
//   - templates: html/template escapes what it renders, and gin's
//     (*Context).HTML and echo's Render go through it; text/template does
//     not escape and is the template injection rule's concern.
//
// This rule supersedes gosec's G705, which knows net/http only (its
// html/template sinks name conversions, which never match a call): when
// both are enabled, the suite runs this rule in place of G705.
//
// # Why it matters
//
// Request data written into a page as HTML runs as script in the browser
// of whoever opens it: an attacker who gets a victim to follow a link (or,
// when the data is stored, to view a page) acts with the victim's session,
// reads what the victim sees and changes what the victim sends.
//
// # Insecure example
//
//	func hello(w http.ResponseWriter, r *http.Request) {
//		fmt.Fprintf(w, "<h1>Hello, %s</h1>", r.URL.Query().Get("name"))
//	}
//
// # Fixed example
//
//	func hello(w http.ResponseWriter, r *http.Request) {
//		fmt.Fprintf(w, "<h1>Hello, %s</h1>", html.EscapeString(r.URL.Query().Get("name")))
//	}
//
// # References
//
//   - CWE-79: Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting'), https://cwe.mitre.org/data/definitions/79.html
//   - OWASP Cross Site Scripting Prevention Cheat Sheet, https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html
//   - html/template, https://pkg.go.dev/html/template
package xss
