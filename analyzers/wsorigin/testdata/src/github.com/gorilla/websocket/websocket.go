// Package websocket is a stub of github.com/gorilla/websocket v1.5.3.
package websocket

import (
	"net/http"
	"time"
)

type Conn struct{}

type Upgrader struct {
	HandshakeTimeout  time.Duration
	ReadBufferSize    int
	WriteBufferSize   int
	Subprotocols      []string
	Error             func(w http.ResponseWriter, r *http.Request, status int, reason error)
	CheckOrigin       func(r *http.Request) bool
	EnableCompression bool
}

func (u *Upgrader) Upgrade(w http.ResponseWriter, r *http.Request, responseHeader http.Header) (*Conn, error) {
	return nil, nil
}

// Upgrade is deprecated and performs no origin check.
func Upgrade(w http.ResponseWriter, r *http.Request, responseHeader http.Header, readBufSize, writeBufSize int) (*Conn, error) {
	return nil, nil
}
