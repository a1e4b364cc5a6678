package server

import (
	"crypto/tls"
	"net"
	"net/http"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/test/bufconn"
)

func interceptor(ctx any, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	return nil, nil
}

func plain() {
	lis, _ := net.Listen("tcp", ":50051")
	s := grpc.NewServer() // want `grpc.NewServer has no transport credentials \(grpc.Creds\): the server accepts plaintext connections`
	s.Serve(lis)
}

func plainOptions() *grpc.Server {
	return grpc.NewServer(grpc.UnaryInterceptor(nil), grpc.MaxRecvMsgSize(1<<20)) // want `grpc.NewServer has no transport credentials`
}

func plainSlice() *grpc.Server {
	opts := []grpc.ServerOption{grpc.ChainUnaryInterceptor(), grpc.MaxRecvMsgSize(1 << 20)}
	opts = append(opts, grpc.EmptyServerOption{})
	return grpc.NewServer(opts...) // want `grpc.NewServer has no transport credentials`
}

func insecureCreds() *grpc.Server {
	return grpc.NewServer(grpc.Creds(insecure.NewCredentials())) // want `insecure.NewCredentials makes the gRPC server accept plaintext connections`
}

type service struct {
	grpc *grpc.Server
}

func newService() *service {
	return &service{grpc: grpc.NewServer()} // want `grpc.NewServer has no transport credentials`
}

// --- Not reported ---

func withCreds(cfg *tls.Config) {
	grpc.NewServer(grpc.Creds(credentials.NewTLS(cfg)))
	creds, _ := credentials.NewServerTLSFromFile("cert.pem", "key.pem")
	opts := []grpc.ServerOption{grpc.UnaryInterceptor(nil)}
	opts = append(opts, grpc.Creds(creds))
	grpc.NewServer(opts...)
}

func conditionalCreds(useTLS bool, creds credentials.TransportCredentials) {
	var opts []grpc.ServerOption
	if useTLS {
		opts = append(opts, grpc.Creds(creds))
	}
	grpc.NewServer(opts...)
}

func opaque(opts []grpc.ServerOption, extra grpc.ServerOption) {
	grpc.NewServer(opts...)
	grpc.NewServer(extra)
	grpc.NewServer(serverOptions()...)
	grpc.NewServer(grpc.UnaryInterceptor(nil), extra)
}

func serverOptions() []grpc.ServerOption { return nil }

func loopbackServed() {
	lis, _ := net.Listen("tcp", "127.0.0.1:50051")
	s := grpc.NewServer()
	s.Serve(lis)

	u, _ := net.Listen("unix", "/run/app.sock")
	s2 := grpc.NewServer(grpc.Creds(insecure.NewCredentials()))
	s2.Serve(u)

	b := bufconn.Listen(1 << 20)
	grpc.NewServer().Serve(b)
}

func tlsListener(cfg *tls.Config) {
	lis, _ := net.Listen("tcp", ":50051")
	s := grpc.NewServer()
	s.Serve(tls.NewListener(lis, cfg))
}

func mountedOnHTTP() {
	s := grpc.NewServer()
	srv := &http.Server{Addr: ":443", Handler: s}
	srv.ListenAndServeTLS("cert.pem", "key.pem")

	s2 := grpc.NewServer()
	http.Handle("/", s2)

	s3 := grpc.NewServer()
	http.HandleFunc("/grpc", func(w http.ResponseWriter, r *http.Request) { s3.ServeHTTP(w, r) })
}
