// Package fasthttp is a stub of github.com/valyala/fasthttp.
package fasthttp

import "net"

// RequestCtx is a stub.
type RequestCtx struct{}

// RequestHandler is a stub.
type RequestHandler func(ctx *RequestCtx)

// Server is a stub.
type Server struct {
	Handler RequestHandler
}

// Serve is a stub.
func Serve(ln net.Listener, handler RequestHandler) error { return nil }

// ListenAndServe is a stub.
func ListenAndServe(addr string, handler RequestHandler) error { return nil }

// ListenAndServeTLS is a stub.
func ListenAndServeTLS(addr, certFile, keyFile string, handler RequestHandler) error { return nil }

// ListenAndServe is a stub.
func (s *Server) ListenAndServe(addr string) error { return nil }

// ListenAndServeTLS is a stub.
func (s *Server) ListenAndServeTLS(addr, certFile, keyFile string) error { return nil }

// Serve is a stub.
func (s *Server) Serve(ln net.Listener) error { return nil }
