// Package openredirect defines sdlkit's open redirect taint rule:
// untrusted input used as the target of an HTTP redirect, through gosec's
// taint engine.
//
// # Analyzer openredirect
//
// openredirect: untrusted input is the target of a redirect (net/http, gin, echo, fiber)
//
// The rule follows request data and the other sources of sdlkit's taint
// rules through local variables, concatenation, fmt.Sprintf, struct fields
// and the package's own helpers to the location of a redirect:
// http.Redirect and http.RedirectHandler, gin's (*Context).Redirect, echo's
// Context.Redirect (v4 and v5), fiber v2's (*Ctx).Redirect and fiber v3's
// (*Redirect).To. url.PathEscape, url.QueryEscape and numeric conversions
// end the flow. A host check on a parsed URL is a condition the engine does
// not see, so a target taken from a checked url.URL is still reported:
// choose the target from an allow-list, a map keyed by the input whose
// values are the service's own paths.
//
// This rule supersedes gosec's G710, which knows http.Redirect only: when
// both are enabled, the suite runs this rule in place of G710.
//
// # Why it matters
//
// A redirect to an address taken from the request lets an attacker send
// users from a trusted domain to a phishing page ("/login?next=https://evil.example"),
// or leak OAuth codes and tokens carried in the redirect to a host they
// control.
//
// # Insecure example
//
//	func afterLogin(c *gin.Context) {
//		c.Redirect(http.StatusFound, c.Query("next"))
//	}
//
// # Fixed example
//
//	// destinations are the pages a login may return to.
//	var destinations = map[string]string{"account": "/account", "orders": "/orders"}
//
//	func afterLogin(c *gin.Context) {
//		next, ok := destinations[c.Query("next")]
//		if !ok {
//			next = "/"
//		}
//		c.Redirect(http.StatusFound, next)
//	}
//
// # References
//
//   - CWE-601: URL Redirection to Untrusted Site ('Open Redirect'), https://cwe.mitre.org/data/definitions/601.html
//   - OWASP Unvalidated Redirects and Forwards Cheat Sheet, https://cheatsheetseries.owasp.org/cheatsheets/Unvalidated_Redirects_and_Forwards_Cheat_Sheet.html
package openredirect
