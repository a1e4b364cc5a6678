// Package cookieflags defines an Analyzer that reports session cookie
// options without the Secure and HttpOnly attributes.
//
// # Analyzer cookieflags
//
// cookieflags: report gorilla/sessions cookie options that lack Secure or HttpOnly or use SameSite=None
//
// The analyzer reports a github.com/gorilla/sessions Options value (also the
// Options type of github.com/gin-contrib/sessions, which is converted into
// it), created as a composite literal, that does not set Secure or HttpOnly
// and is not given them by an assignment in the same function (opts.Secure =
// true, store.Options.HttpOnly = cfg.HTTPOnly); it offers a fix that adds
// Secure: true and HttpOnly: true. It reports Secure or HttpOnly set to the
// constant false, in the literal or by a later assignment such as
// store.Options.Secure = false (the fix sets true), and SameSite set to the
// constant http.SameSiteNoneMode (the fix uses http.SameSiteLaxMode). Options
// with a constant negative MaxAge, which delete the cookie, are not reported.
//
// It also reports a store created by sessions.NewFilesystemStore or
// sessions.NewCookieStore whose Options are never replaced or given the
// missing attributes in the package. Every gorilla/sessions version creates
// both stores with HttpOnly off; NewFilesystemStore also leaves Secure off,
// and NewCookieStore left Secure off before v1.3.0 (v1.3.0 and later set
// Secure and SameSite=None). A store that leaves the function (returned or
// passed to another function) is not reported when the package sets store or
// session Options anywhere, and session.Options set in handlers count for
// every store. The stores of gin-contrib/sessions (cookie.NewStore,
// memstore.NewStore, redis.NewStore), which keep these defaults, are
// reported when the package never calls the Options method of a store or a
// session.
//
// Values that are not constant (read from configuration) are not reported.
// Cookies built directly as net/http.Cookie are left to gosec's G124, and
// securecookie codecs, which have no cookie attributes, are not checked.
//
// # Why it matters
//
// A session cookie without Secure is sent over plain HTTP whenever the
// browser is led to an http:// URL of the site, where anyone on the network
// can read it and take over the session. Without HttpOnly, any script
// injection (XSS) can read document.cookie and send the session elsewhere.
// SameSite=None attaches the cookie to requests that other sites trigger,
// which makes cross-site request forgery possible. gorilla/sessions leaves
// these attributes to the application: its stores are created with HttpOnly
// off.
//
// # Insecure example
//
//	store := sessions.NewCookieStore(authKey, encKey)
//	store.Options = &sessions.Options{
//		Path:   "/",
//		MaxAge: 3600,
//	}
//
// # Fixed example
//
//	store := sessions.NewCookieStore(authKey, encKey)
//	store.Options = &sessions.Options{
//		Path:     "/",
//		MaxAge:   3600,
//		Secure:   true,
//		HttpOnly: true,
//		SameSite: http.SameSiteLaxMode,
//	}
//
// # References
//
//   - CWE-614: Sensitive Cookie in HTTPS Session Without 'Secure' Attribute, https://cwe.mitre.org/data/definitions/614.html
//   - CWE-1004: Sensitive Cookie Without 'HttpOnly' Flag, https://cwe.mitre.org/data/definitions/1004.html
//   - CWE-1275: Sensitive Cookie with Improper SameSite Attribute, https://cwe.mitre.org/data/definitions/1275.html
//   - OWASP Session Management Cheat Sheet, https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#cookies
//   - gorilla/sessions Options, https://pkg.go.dev/github.com/gorilla/sessions#Options
package cookieflags
