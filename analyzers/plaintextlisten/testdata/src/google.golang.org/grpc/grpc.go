// Package grpc is a stub of google.golang.org/grpc.
package grpc

import "net"

// ServerOption is a stub.
type ServerOption interface{ apply() }

// Server is a stub.
type Server struct{}

// NewServer is a stub.
func NewServer(opt ...ServerOption) *Server { return &Server{} }

// Serve is a stub.
func (s *Server) Serve(lis net.Listener) error { return nil }
