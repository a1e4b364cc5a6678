// Package templateinjection defines sdlkit's server-side template
// injection taint rule: untrusted input parsed as the text of a Go template,
// or rendered unescaped into a response by text/template, through gosec's
// taint engine.
//
// # Analyzer templateinjection
//
// templateinjection: untrusted input is the text of a template, or data rendered unescaped into a response (text/template, html/template)
//
// The rule follows request data and the other sources of sdlkit's taint
// rules (net/http, gin, echo, fiber and chi, bound and decoded request
// bodies, the command line, the environment, network connections) through
// local variables, concatenation, fmt.Sprintf, struct fields and the
// package's own helpers to:
//
//   - the text of a template: (*Template).Parse of text/template and of
//     html/template. html/template escapes what a template prints, not the
//     template itself: a template written by the attacker prints what it
//     likes, unescaped where it is literal text, and calls the methods and
//     functions its data and FuncMap expose;
//   - the data of text/template's (*Template).Execute and ExecuteTemplate
//     when the writer is an http.ResponseWriter: text/template does not
//     escape, so request data rendered into a response is cross-site
//     scripting (html/template's Execute is not a sink: it escapes).
//
// html.EscapeString, template.HTMLEscapeString and JSEscapeString,
// url.QueryEscape and PathEscape and the numeric conversions end the flow.
// A template file read from disk (template.ParseFiles, ParseFS, ParseGlob)
// is not a sink: its name is the path traversal rule's concern (SDL904).
//
// This rule supersedes gosec's G708, which has the same sinks for
// text/template but only net/http requests, the command line, the
// environment and bufio readers as sources: when both are enabled, the
// suite runs this rule in place of G708.
//
// # Why it matters
//
// A template whose text comes from a request runs the attacker's template:
// {{.}} and {{printf "%v" .}} print the data it is given (session fields,
// configuration, secrets held by the handler's structs), and
// {{.Method args}} calls any exported method of that data. Rendered with
// text/template into a response, any input is also script in the victim's
// browser.
//
// # Insecure example
//
//	func greet(c *gin.Context) {
//		t, err := template.New("greeting").Parse("Hello, " + c.Query("name") + "!")
//		...
//		t.Execute(c.Writer, session)
//	}
//
// # Fixed example
//
//	var greeting = template.Must(template.New("greeting").Parse("Hello, {{.Name}}!"))
//
//	func greet(c *gin.Context) {
//		greeting.Execute(c.Writer, struct{ Name string }{c.Query("name")}) // html/template
//	}
//
// # References
//
//   - CWE-1336: Improper Neutralization of Special Elements Used in a Template Engine, https://cwe.mitre.org/data/definitions/1336.html
//   - CWE-94: Improper Control of Generation of Code ('Code Injection'), https://cwe.mitre.org/data/definitions/94.html
//   - OWASP Web Security Testing Guide: Testing for Server-side Template Injection, https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/07-Input_Validation_Testing/18-Testing_for_Server-side_Template_Injection
package templateinjection
