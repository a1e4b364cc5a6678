// Package grpcinsecure defines an Analyzer that reports gRPC clients and
// servers that run without transport security.
//
// # Analyzer grpcinsecure
//
// grpcinsecure: report gRPC connections and servers without transport security
//
// The analyzer reports, for google.golang.org/grpc and outside _test.go
// files:
//
//   - every reference (call or function value) to the deprecated dial option
//     grpc.WithInsecure and to insecure.NewCredentials or insecure.NewBundle
//     from google.golang.org/grpc/credentials/insecure, wherever the option
//     ends up: passed directly to grpc.Dial, grpc.DialContext or
//     grpc.NewClient, wrapped in grpc.WithTransportCredentials,
//     grpc.WithCredentialsBundle or grpc.Creds, collected in a
//     []grpc.DialOption slice (literal or append), stored in a variable or
//     field, or returned from a helper;
//   - grpc.NewServer whose options provably contain no grpc.Creds: no
//     options at all, or options that are calls of other grpc option
//     constructors (grpc.UnaryInterceptor, grpc.MaxRecvMsgSize, ...),
//     directly or in a []grpc.ServerOption slice built in the same package,
//     with no grpc.Creds appended to it. Such a server accepts plaintext
//     HTTP/2 connections.
//
// Not reported: a dial whose target is provably local: a loopback host
// ("localhost:50051", "127.0.0.1:9000", "[::1]:1", "dns:///localhost:1",
// also "localhost:" + port, through local variables and constants), a
// "unix:" or "unix-abstract:" target, lis.Addr().String() of a loopback
// listener, or a bufconn dial (a context dialer using a bufconn.Listener);
// a loopback default of a command-line flag is not proof, since the flag
// can name any host, and is reported; an insecure
// option passed to another function together with a loopback address (the
// grpc-gateway pattern RegisterXHandlerFromEndpoint(ctx, mux,
// "localhost:9090", opts)); a server that is served only on listeners it can
// see are local (loopback or unix net.Listen, bufconn.Listen) or wrapped with
// tls.NewListener, or that is mounted as an http.Handler (ServeHTTP) so that
// the HTTP server decides about TLS; a server whose options come from a
// function parameter, a call or another package, since they may hold
// credentials; credentials such as credentials.NewTLS, alts or
// local.NewCredentials.
//
// # Why it matters
//
// gRPC without transport credentials sends every request, response and
// metadata entry (including bearer tokens and API keys placed in metadata)
// in cleartext HTTP/2, and the client cannot authenticate the server.
// Anyone on the network path can read or alter calls between services, and
// per-RPC credentials that require transport security silently stop
// working or are exposed. Internal networks are not a trust boundary:
// service-to-service traffic should be encrypted and authenticated (TLS or
// mTLS), unless it never leaves the host.
//
// # Insecure example
//
//	conn, err := grpc.NewClient("orders.internal:443",
//		grpc.WithTransportCredentials(insecure.NewCredentials()))
//
//	lis, _ := net.Listen("tcp", ":50051")
//	s := grpc.NewServer(grpc.UnaryInterceptor(logging))
//	s.Serve(lis)
//
// # Fixed example
//
//	creds := credentials.NewTLS(&tls.Config{MinVersion: tls.VersionTLS12, RootCAs: pool})
//	conn, err := grpc.NewClient("orders.internal:443", grpc.WithTransportCredentials(creds))
//
//	serverCreds, err := credentials.NewServerTLSFromFile("server.crt", "server.key")
//	s := grpc.NewServer(grpc.Creds(serverCreds), grpc.UnaryInterceptor(logging))
//
// # References
//
//   - CWE-319: Cleartext Transmission of Sensitive Information, https://cwe.mitre.org/data/definitions/319.html
//   - gRPC authentication guide, https://grpc.io/docs/guides/auth/
//   - google.golang.org/grpc/credentials, https://pkg.go.dev/google.golang.org/grpc/credentials
//   - grpc.WithInsecure (deprecated), https://pkg.go.dev/google.golang.org/grpc#WithInsecure
//   - OWASP Transport Layer Security Cheat Sheet, https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html
package grpcinsecure
