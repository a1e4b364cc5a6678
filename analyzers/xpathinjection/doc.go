// Package xpathinjection defines sdlkit's XPath injection taint rule:
// untrusted input in the expression of an XPath query, through gosec's
// taint engine.
//
// # Analyzer xpathinjection
//
// xpathinjection: untrusted input is part of an XPath expression (antchfx xpath, xmlquery, htmlquery, jsonquery; xmlpath; goxpath)
//
// The rule follows request data and the other sources of sdlkit's taint
// rules through local variables, concatenation, fmt.Sprintf, struct fields
// and the package's own helpers to the expression of an XPath query:
//
//   - github.com/antchfx/xpath: Compile, MustCompile, CompileWithNS and the
//     expression of Select;
//   - github.com/antchfx/xmlquery: the expression of Find, FindOne, Query,
//     QueryAll, FindEach and FindEachWithBreak, of CreateStreamParser and
//     CreateStreamParserWithOptions (the element expression and the
//     filter), and of (*Node).SelectElement and SelectElements, whose
//     "name" is evaluated as an expression;
//   - github.com/antchfx/htmlquery and github.com/antchfx/jsonquery: the
//     expression of Find, FindOne, Query and QueryAll;
//   - gopkg.in/xmlpath.v2: Compile and MustCompile;
//   - github.com/ChrisTrenkamp/goxpath: Parse, MustParse, the expression of
//     ParseExec, and parser.Parse.
//
// Only the expression is checked, never the document: querying an XML or
// HTML document the caller sent with a constant expression is how these
// libraries are meant to be used. QuerySelector and QuerySelectorAll take
// an expression compiled beforehand, which is checked where it is compiled.
// (*xmlquery.Node).SelectAttr and jsonquery's (*Node).SelectElement compare
// a name and are not sinks.
//
// The numeric conversions end the flow. Go has no standard XPath escaping
// function, and none of these libraries offers one: XPath 1.0 string
// literals have no escape sequences, so strconv.Quote, html.EscapeString
// or url.QueryEscape do not make a value safe inside quotes, and none of
// them ends the flow. Keep the expression constant: select with a fixed
// expression (//user) and compare the name in Go, on InnerText or
// SelectAttr; with goxpath, pass the value as a variable ($name in the
// expression, its value in Opts.Vars). antchfx/xpath has no variable
// bindings (an expression that names one does not compile). A check of the
// value before the query (a regular expression, an allow-list) is a
// condition, which the engine does not see: convert or look the value up
// instead (a number, a map from allowed names to constants), or keep the
// check and suppress the finding with a reason.
//
// # Why it matters
//
// An attacker who can close the string literal the value was put in can
// rewrite the query: ' or '1'='1 turns a lookup of one user into a match of
// every user, which bypasses an authentication made by an XPath query over
// a users document, and further predicates or a union (|) read nodes the
// query was never meant to return, such as password hashes or other
// tenants' data. XPath has no access control inside a document: whatever
// the document holds, an injected query can read.
//
// # Insecure example
//
//	func profile(w http.ResponseWriter, r *http.Request) {
//		user := xmlquery.FindOne(users, "//user[name='"+r.URL.Query().Get("name")+"']")
//		...
//	}
//
// # Fixed example
//
//	func profile(w http.ResponseWriter, r *http.Request) {
//		name := r.URL.Query().Get("name")
//		for _, u := range xmlquery.Find(users, "//user") {
//			if n := u.SelectElement("name"); n != nil && n.InnerText() == name {
//				...
//			}
//		}
//	}
//
// # References
//
//   - CWE-643: Improper Neutralization of Data within XPath Expressions ('XPath Injection'), https://cwe.mitre.org/data/definitions/643.html
//   - OWASP XPath Injection, https://owasp.org/www-community/attacks/XPATH_Injection
//   - OWASP Web Security Testing Guide: Testing for XPath Injection, https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/07-Input_Validation_Testing/09-Testing_for_XPath_Injection
package xpathinjection
