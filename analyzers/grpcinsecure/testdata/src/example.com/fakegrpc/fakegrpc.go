// Package fakegrpc has functions named like grpc's.
package fakegrpc

// DialOption is not grpc.DialOption.
type DialOption interface{}

// ServerOption is not grpc.ServerOption.
type ServerOption interface{}

// Server is not grpc.Server.
type Server struct{}

// WithInsecure looks like grpc.WithInsecure.
func WithInsecure() DialOption { return nil }

// Dial looks like grpc.Dial.
func Dial(target string, opts ...DialOption) (any, error) { return nil, nil }

// NewServer looks like grpc.NewServer.
func NewServer(opt ...ServerOption) *Server { return &Server{} }
