// Package oauthstate defines an Analyzer that reports OAuth2 authorization
// requests whose state parameter is a constant.
//
// # Analyzer oauthstate
//
// oauthstate: report OAuth2 authorization URLs built with a constant or empty state
//
// The analyzer reports calls of (*oauth2.Config).AuthCodeURL of
// golang.org/x/oauth2 (called directly, through an embedding struct, as a
// method value or as a method expression) whose state argument is a
// constant string, the empty string included: a literal, a named
// constant, a variable (local or package-level) only ever assigned
// constants or left at its zero value, or a call of a function of the
// package that only returns constants. When the state is a parameter of
// a function of the package, the constants its callers pass are reported
// instead. oauth2.SetAuthURLParam("state", value) with a constant value
// is reported the same way.
//
// A state computed at run time (from crypto/rand, a session, a parameter,
// a struct field or any non-constant expression) is not reported. Nor
// are requests that send a PKCE challenge (the OAuth 2.0 Security Best
// Current Practice lets PKCE replace the state as CSRF protection):
// AuthCodeURL calls whose options include oauth2.S256ChallengeOption or
// a code_challenge parameter, directly or through a local variable, and
// SetAuthURLParam("state", ...) in a function that sets up such a
// challenge. Files ending in _test.go are not checked, nor are look-alike
// AuthCodeURL methods of other packages.
//
// # Why it matters
//
// The state parameter binds the authorization response to the browser
// session that started the login. With a constant state, the callback
// cannot tell a response it asked for from one an attacker crafted: the
// attacker starts a login with their own account, stops before the
// callback, and lures the victim to the callback URL with the attacker's
// code. The victim is then logged in as the attacker (login CSRF), and
// whatever they save or upload lands in the attacker's account; when
// accounts are linked, the attacker's identity gets linked to the
// victim's.
//
// # Insecure example
//
//	url := conf.AuthCodeURL("state", oauth2.AccessTypeOffline)
//	http.Redirect(w, r, url, http.StatusFound)
//
// # Fixed example
//
//	state := rand.Text() // crypto/rand
//	http.SetCookie(w, &http.Cookie{Name: "oauthstate", Value: state, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
//	url := conf.AuthCodeURL(state, oauth2.AccessTypeOffline)
//	http.Redirect(w, r, url, http.StatusFound)
//	// In the callback, compare r.FormValue("state") with the cookie.
//
// # References
//
//   - CWE-352: Cross-Site Request Forgery (CSRF), https://cwe.mitre.org/data/definitions/352.html
//   - RFC 6749, section 10.12 (Cross-Site Request Forgery), https://www.rfc-editor.org/rfc/rfc6749#section-10.12
//   - RFC 9700, OAuth 2.0 Security Best Current Practice, section 4.7 (CSRF), https://www.rfc-editor.org/rfc/rfc9700#section-4.7
//   - golang.org/x/oauth2 Config.AuthCodeURL, https://pkg.go.dev/golang.org/x/oauth2#Config.AuthCodeURL
package oauthstate
