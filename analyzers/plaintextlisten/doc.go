// Package plaintextlisten defines an Analyzer that reports plaintext (non-TLS)
// network listeners bound to addresses reachable from other machines.
//
// # Analyzer plaintextlisten
//
// plaintextlisten: report plaintext HTTP and TCP listeners on non-loopback addresses
//
// The analyzer reports, outside _test.go files:
//
//   - net/http.ListenAndServe called with an address that is not a loopback
//     address: "" and ":8080" (every interface), "0.0.0.0:80", "10.1.2.3:80",
//     "example.com:80";
//   - (*net/http.Server).ListenAndServe, called or taken as a method value
//     (g.Go(srv.ListenAndServe)), when the server's Addr (from its literal,
//     an assignment to srv.Addr, or empty, which means ":http" on every
//     interface) is not a loopback address, unless the same server is also
//     served with ListenAndServeTLS or ServeTLS;
//   - net.Listen, (*net.ListenConfig).Listen and net.ListenTCP on "tcp",
//     "tcp4" or "tcp6" with a non-loopback address, when the listener is
//     served as plaintext HTTP (http.Serve, (*http.Server).Serve), or its
//     connections are accepted or it is handed to other code while nothing
//     in the package adds TLS (tls.NewListener, tls.Server, ServeTLS,
//     ListenAndServeTLS, an SSH server handshake or gRPC credentials);
//   - the plaintext entry points of gin, echo, fiber and fasthttp:
//     (*gin.Engine).Run (with no address it listens on ":8080"),
//     (*echo.Echo).Start and StartH2CServer, (*echo.Echo).StartServer with
//     a server that has no TLSConfig, (*fiber.App).Listen with only an
//     address, fasthttp.ListenAndServe and (*fasthttp.Server).ListenAndServe;
//     a net.Listen listener given to (*gin.Engine).RunListener,
//     (*fiber.App).Listener or fasthttp's Serve counts as served as
//     plaintext HTTP.
//
// An address that is not a constant is followed through local variables,
// package-level variables and struct fields assigned from constants, string
// concatenations ("0.0.0.0:" + port, ":" + port), fmt.Sprintf with a
// constant format, net.JoinHostPort and the default of a flag.String or
// flag.StringVar flag. When one of the values that can reach the call is
// not a loopback address the call is reported; when nothing is known about
// the address the call is not reported.
//
// Not reported: addresses on 127.0.0.0/8, ::1 or localhost; crypto/tls.Listen
// and listeners wrapped with tls.NewListener or served with ServeTLS; Unix
// domain sockets; listeners served by a gRPC server (the grpcinsecure
// analyzer checks those); listeners whose address is only inspected and
// closed (the free-port idiom); servers whose handler only redirects to
// https (http.RedirectHandler, autocert's HTTPHandler, or a handler that
// calls http.Redirect with an https URL); net/http/httptest servers.
//
// # Why it matters
//
// Everything sent over a plaintext connection (credentials, session
// cookies, bearer tokens, personal data) can be read and modified by anyone
// on the network path: a compromised host on the same network segment, a
// misconfigured proxy, or an attacker performing ARP or DNS spoofing.
// Listening on every interface without TLS exposes that traffic to every
// network the host is attached to. Bind plaintext listeners to loopback
// only (behind a TLS-terminating proxy on the same host), or serve TLS.
//
// # Insecure example
//
//	http.HandleFunc("/login", login)
//	log.Fatal(http.ListenAndServe(":8080", nil))
//
//	ln, _ := net.Listen("tcp", "0.0.0.0:9000")
//	for {
//		conn, _ := ln.Accept()
//		go handle(conn)
//	}
//
// # Fixed example
//
//	srv := &http.Server{
//		Addr:      ":8443",
//		TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12},
//	}
//	log.Fatal(srv.ListenAndServeTLS("server.crt", "server.key"))
//
//	ln, _ := tls.Listen("tcp", "0.0.0.0:9000", tlsConfig)
//
// # References
//
//   - CWE-319: Cleartext Transmission of Sensitive Information, https://cwe.mitre.org/data/definitions/319.html
//   - OWASP ASVS V9.1, Client Communication Security, https://owasp.org/www-project-application-security-verification-standard/
//   - OWASP Transport Layer Security Cheat Sheet, https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html
//   - net/http Server.ListenAndServeTLS, https://pkg.go.dev/net/http#Server.ListenAndServeTLS
//   - crypto/tls NewListener, https://pkg.go.dev/crypto/tls#NewListener
package plaintextlisten
