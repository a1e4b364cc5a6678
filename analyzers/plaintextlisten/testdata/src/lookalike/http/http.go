// Package http is a look-alike of net/http in another import path.
package http

// Handler is not net/http.Handler.
type Handler interface{}

// ListenAndServe has the name and shape of net/http.ListenAndServe.
func ListenAndServe(addr string, h Handler) error { return nil }

// Server has the name of net/http.Server.
type Server struct {
	Addr    string
	Handler Handler
}

// ListenAndServe has the name of (*net/http.Server).ListenAndServe.
func (s *Server) ListenAndServe() error { return nil }

// Listen has the name and shape of net.Listen.
func Listen(network, addr string) (interface{ Accept() (any, error) }, error) { return nil, nil }
