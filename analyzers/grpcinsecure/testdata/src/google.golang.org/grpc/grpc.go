// Package grpc is a stub of google.golang.org/grpc with the real
// signatures of the parts the analyzer matches.
package grpc

import (
	"context"
	"net"
	"net/http"
	"time"

	"google.golang.org/grpc/credentials"
)

type dialOptions struct{}

// DialOption configures how we set up the connection.
type DialOption interface {
	apply(*dialOptions)
}

// EmptyDialOption does not alter the dial configuration.
type EmptyDialOption struct{}

func (EmptyDialOption) apply(*dialOptions) {}

type funcDialOption struct{}

func (funcDialOption) apply(*dialOptions) {}

// ClientConn is a stub.
type ClientConn struct{}

// Close is a stub.
func (cc *ClientConn) Close() error { return nil }

// CallOption is a stub.
type CallOption interface{}

// Invoke is a stub.
func (cc *ClientConn) Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error {
	return nil
}

// NewClient is a stub.
func NewClient(target string, opts ...DialOption) (conn *ClientConn, err error) { return nil, nil }

// Dial is a stub.
func Dial(target string, opts ...DialOption) (*ClientConn, error) { return nil, nil }

// DialContext is a stub.
func DialContext(ctx context.Context, target string, opts ...DialOption) (conn *ClientConn, err error) {
	return nil, nil
}

// WithInsecure is a stub.
//
// Deprecated: use WithTransportCredentials and insecure.NewCredentials()
// instead.
func WithInsecure() DialOption { return funcDialOption{} }

// WithTransportCredentials is a stub.
func WithTransportCredentials(creds credentials.TransportCredentials) DialOption {
	return funcDialOption{}
}

// WithCredentialsBundle is a stub.
func WithCredentialsBundle(b credentials.Bundle) DialOption { return funcDialOption{} }

// WithPerRPCCredentials is a stub.
func WithPerRPCCredentials(creds credentials.PerRPCCredentials) DialOption { return funcDialOption{} }

// WithBlock is a stub.
func WithBlock() DialOption { return funcDialOption{} }

// WithAuthority is a stub.
func WithAuthority(a string) DialOption { return funcDialOption{} }

// WithContextDialer is a stub.
func WithContextDialer(f func(context.Context, string) (net.Conn, error)) DialOption {
	return funcDialOption{}
}

// WithDialer is a stub.
//
// Deprecated: use WithContextDialer.
func WithDialer(f func(string, time.Duration) (net.Conn, error)) DialOption { return funcDialOption{} }

type serverOptions struct{}

// ServerOption sets options such as credentials, codec and keepalive
// parameters, etc.
type ServerOption interface {
	apply(*serverOptions)
}

// EmptyServerOption does not alter the server configuration.
type EmptyServerOption struct{}

func (EmptyServerOption) apply(*serverOptions) {}

type funcServerOption struct{}

func (funcServerOption) apply(*serverOptions) {}

// Creds is a stub.
func Creds(c credentials.TransportCredentials) ServerOption { return funcServerOption{} }

// MaxRecvMsgSize is a stub.
func MaxRecvMsgSize(m int) ServerOption { return funcServerOption{} }

// UnaryServerInfo is a stub.
type UnaryServerInfo struct{ FullMethod string }

// UnaryHandler is a stub.
type UnaryHandler func(ctx context.Context, req any) (any, error)

// UnaryServerInterceptor is a stub.
type UnaryServerInterceptor func(ctx context.Context, req any, info *UnaryServerInfo, handler UnaryHandler) (resp any, err error)

// UnaryInterceptor is a stub.
func UnaryInterceptor(i UnaryServerInterceptor) ServerOption { return funcServerOption{} }

// ChainUnaryInterceptor is a stub.
func ChainUnaryInterceptor(interceptors ...UnaryServerInterceptor) ServerOption {
	return funcServerOption{}
}

// ServiceDesc is a stub.
type ServiceDesc struct{ ServiceName string }

// ServiceRegistrar is a stub.
type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl any)
}

// Server is a stub.
type Server struct{}

// NewServer is a stub.
func NewServer(opt ...ServerOption) *Server { return &Server{} }

// RegisterService is a stub.
func (s *Server) RegisterService(sd *ServiceDesc, ss any) {}

// Serve is a stub.
func (s *Server) Serve(lis net.Listener) error { return nil }

// ServeHTTP is a stub.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

// Stop is a stub.
func (s *Server) Stop() {}

// GracefulStop is a stub.
func (s *Server) GracefulStop() {}
