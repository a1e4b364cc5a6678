// Package corscredentials defines an Analyzer that reports CORS policies
// that let any origin make credentialed requests.
//
// # Analyzer corscredentials
//
// corscredentials: report CORS that allows any origin together with credentials
//
// The analyzer reports an Access-Control-Allow-Origin response header set to
// "*" or to the request's Origin header, when the same function also sets
// Access-Control-Allow-Credentials to "true" (two writes guarded by
// different configuration flags, if cfg.AllowAll and if cfg.Credentials,
// are not paired). Headers are recognised by
// name whatever their case, when written with http.Header's Set or Add, by
// assigning h["Access-Control-Allow-Origin"], with gin's Context.Header, with
// fiber's Ctx.Set or with fasthttp's ResponseHeader.Set. The Origin may be
// reflected directly (r.Header.Get("Origin"), gin's c.GetHeader, fiber's
// c.Get) or through local variables; it is not reported when the top-level
// declaration (closures included) checks it: compares it with anything but "" or "null", passes it to
// a function returning a bool (an allowlist lookup, strings.HasSuffix, a
// regexp match), indexes a map with it or switches on it.
//
// It also reports CORS middleware configured the same way, with
// AllowCredentials set to the constant true in the composite literal or by a
// later assignment in the same function: github.com/rs/cors and
// github.com/go-chi/cors Options with AllowedOrigins absent, empty or holding
// "*" or a pattern matching every host ("https://*"), or with an origin
// callback that returns true on every path (a callback, when set, replaces
// the list); github.com/gin-contrib/cors Config with AllowAllOrigins, "*" in
// AllowOrigins, an every-host pattern with AllowWildcard, or an always-true
// AllowOriginFunc or AllowOriginWithContextFunc (also when built from
// cors.DefaultConfig() and fields assigned later); echo's
// middleware.CORSConfig (also from DefaultCORSConfig) whose AllowOrigins is
// empty or holds "*" (reported as reflecting when
// UnsafeWildcardOriginWithAllowCredentials is true) or whose AllowOriginFunc
// always returns true; fiber's cors.Config; and gorilla/handlers.CORS called
// with AllowCredentials() and AllowedOrigins holding "*", no AllowedOrigins,
// or an always-true AllowedOriginValidator, including options held in
// variables.
//
// "*" with credentials and a reflected Origin get different messages: the
// first is refused by browsers (and often "fixed" by reflecting), the second
// is exploitable. Policies without credentials, explicit lists of origins,
// AllowCredentials false or not constant, and origin lists or callbacks that
// are not constant or not declared in the package are not reported; neither
// are rs/cors AllowAll and gin-contrib cors.Default, which do not allow
// credentials. Go 1.25's http.CrossOriginProtection is left to gosec's G121.
//
// # Why it matters
//
// CORS relaxes the same-origin policy: when a response carries
// Access-Control-Allow-Credentials: true and an Access-Control-Allow-Origin
// naming the calling site, the browser sends the user's cookies and lets
// that site's scripts read the response. A server that echoes whatever
// Origin it receives therefore lets any web page the user visits act as the
// user and read their data (account details, CSRF tokens, API keys). The
// wildcard "*" is refused by browsers for credentialed requests, so a
// configuration that combines them is broken and usually ends up reflecting
// the Origin.
//
// # Insecure example
//
//	func cors(next http.Handler) http.Handler {
//		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
//			w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
//			w.Header().Set("Access-Control-Allow-Credentials", "true")
//			next.ServeHTTP(w, r)
//		})
//	}
//
//	handler := cors.New(cors.Options{
//		AllowedOrigins:   []string{"*"},
//		AllowCredentials: true,
//	}).Handler(mux)
//
// # Fixed example
//
//	var trusted = map[string]bool{"https://app.example.com": true}
//
//	func cors(next http.Handler) http.Handler {
//		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
//			if origin := r.Header.Get("Origin"); trusted[origin] {
//				w.Header().Set("Access-Control-Allow-Origin", origin)
//				w.Header().Set("Access-Control-Allow-Credentials", "true")
//				w.Header().Add("Vary", "Origin")
//			}
//			next.ServeHTTP(w, r)
//		})
//	}
//
//	handler := cors.New(cors.Options{
//		AllowedOrigins:   []string{"https://app.example.com"},
//		AllowCredentials: true,
//	}).Handler(mux)
//
// # References
//
//   - CWE-942: Permissive Cross-domain Policy with Untrusted Domains, https://cwe.mitre.org/data/definitions/942.html
//   - CWE-346: Origin Validation Error, https://cwe.mitre.org/data/definitions/346.html
//   - MDN, CORS requests with credentials, https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS#requests_with_credentials
//   - PortSwigger, Exploiting CORS misconfigurations, https://portswigger.net/web-security/cors
//   - rs/cors Options, https://pkg.go.dev/github.com/rs/cors#Options
//   - gin-contrib/cors Config, https://pkg.go.dev/github.com/gin-contrib/cors#Config
package corscredentials
