// Package rawtcp serves a custom protocol over plain TCP.
package rawtcp

import (
	"net"
)

const port = "9000"

func serve() {
	ln, err := net.Listen("tcp", "0.0.0.0:"+port) // want `net.Listen opens a plaintext TCP listener on every interface \("0.0.0.0:9000"\)`
	if err != nil {
		return
	}
	for {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		go handle(conn)
	}
}

func handle(c net.Conn) { c.Close() }

func serveTCP() {
	ln, _ := net.ListenTCP("tcp4", &net.TCPAddr{IP: net.IPv4zero, Port: 9001}) // want `net.ListenTCP opens a plaintext TCP listener on every interface`
	c, _ := ln.AcceptTCP()
	handle(c)
}

func listen() (net.Listener, error) {
	return net.Listen("tcp", ":9002") // want `net.Listen opens a plaintext TCP listener`
}

type server struct{ ln net.Listener }

func newServer() *server {
	ln, _ := net.Listen("tcp6", "[::]:9003") // want `net.Listen opens a plaintext TCP listener`
	return &server{ln: ln}
}

func (s *server) loop() {
	for {
		c, _ := s.ln.Accept()
		handle(c)
	}
}

func accepts(l net.Listener) {
	c, _ := l.Accept()
	handle(c)
}

func viaHelper() {
	ln, _ := net.Listen("tcp", ":9004") // want `net.Listen opens a plaintext TCP listener`
	accepts(ln)
}

// Not reported.

func local() {
	ln, _ := net.Listen("tcp", "localhost:9005")
	c, _ := ln.Accept()
	handle(c)
	u, _ := net.Listen("unix", "/tmp/x.sock")
	c, _ = u.Accept()
	handle(c)
}
