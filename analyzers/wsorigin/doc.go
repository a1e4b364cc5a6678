// Package wsorigin defines an Analyzer that reports WebSocket servers that
// accept connections from any origin.
//
// # Analyzer wsorigin
//
// wsorigin: report WebSocket upgraders whose origin check accepts every origin
//
// The analyzer reports the CheckOrigin function of a
// github.com/gorilla/websocket Upgrader (and of the Upgrader and
// FastHTTPUpgrader of its fork github.com/fasthttp/websocket), set in the
// composite literal or assigned later (upgrader.CheckOrigin = ...), when it
// accepts every request: a function literal, a function or method of the same
// package, or a local variable holding one, whose every return statement
// returns the constant true, whatever else it reads or logs.
//
// It also reports a call of the deprecated package function
// websocket.Upgrade of those packages, which performs no origin check, unless
// the calling function reads the request's Origin header; and, for
// nhooyr.io/websocket and github.com/coder/websocket, AcceptOptions with
// InsecureSkipVerify set to the constant true or with an OriginPatterns
// entry that matches every host (such as "*" or "https://*"), unless the
// function that builds them reads the Origin header itself.
//
// A nil CheckOrigin is not reported: gorilla/websocket then rejects a request
// whose Origin host differs from its Host. Neither is a function that
// returns false or a computed value on some path (an allowlist lookup, a
// comparison with r.Host), nor one declared in another package.
//
// # Why it matters
//
// Browsers do not apply the same-origin policy to WebSocket connections:
// any web page can open one to any server, and the browser sends the user's
// cookies with the handshake. The server's origin check is the only defence
// against cross-site WebSocket hijacking (CSWSH): without it a malicious page
// visited by a logged-in user can open an authenticated socket, read every
// message the server pushes and send commands as that user.
//
// # Insecure example
//
//	var upgrader = websocket.Upgrader{
//		CheckOrigin: func(r *http.Request) bool { return true },
//	}
//
// # Fixed example
//
//	var upgrader = websocket.Upgrader{
//		CheckOrigin: func(r *http.Request) bool {
//			return allowedOrigins[r.Header.Get("Origin")]
//		},
//	}
//
// # References
//
//   - CWE-1385: Missing Origin Validation in WebSockets, https://cwe.mitre.org/data/definitions/1385.html
//   - CWE-346: Origin Validation Error, https://cwe.mitre.org/data/definitions/346.html
//   - OWASP WebSocket Security Cheat Sheet, https://cheatsheetseries.owasp.org/cheatsheets/WebSocket_Security_Cheat_Sheet.html
//   - gorilla/websocket Upgrader.CheckOrigin, https://pkg.go.dev/github.com/gorilla/websocket#Upgrader
//   - coder/websocket AcceptOptions, https://pkg.go.dev/github.com/coder/websocket#AcceptOptions
package wsorigin
