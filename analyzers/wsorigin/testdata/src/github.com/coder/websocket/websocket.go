// Package websocket is a stub of the coder/websocket (nhooyr.io/websocket) API.
package websocket

import "net/http"

type Conn struct{}

type AcceptOptions struct {
	Subprotocols       []string
	InsecureSkipVerify bool
	OriginPatterns     []string
}

func Accept(w http.ResponseWriter, r *http.Request, opts *AcceptOptions) (*Conn, error) {
	return nil, nil
}
