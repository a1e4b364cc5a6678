// Package tlsconn wraps accepted connections in TLS itself.
package tlsconn

import (
	"crypto/tls"
	"net"
	"net/http"
)

func acceptTLS(cfg *tls.Config) {
	ln, _ := net.Listen("tcp", ":9000")
	for {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		go handle(tls.Server(conn, cfg))
	}
}

func handle(c net.Conn) { c.Close() }

type server struct {
	ln net.Listener
}

func newServer() *server {
	ln, _ := net.Listen("tcp", ":9001")
	return &server{ln: ln}
}

func serveWrapped(cfg *tls.Config) {
	ln, _ := net.Listen("tcp", ":9002")
	wrap(ln, cfg)
}

func wrap(l net.Listener, cfg *tls.Config) {
	http.Serve(tls.NewListener(l, cfg), nil)
}

// Served as plaintext HTTP whatever else the package does.
func plain() {
	ln, _ := net.Listen("tcp", ":9003") // want `served as plaintext HTTP`
	http.Serve(ln, nil)
}
