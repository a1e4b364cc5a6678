// Package websocket has types named like the WebSocket libraries' that are
// not theirs.
package websocket

import "net/http"

type Upgrader struct {
	CheckOrigin func(r *http.Request) bool
}

type AcceptOptions struct {
	InsecureSkipVerify bool
	OriginPatterns     []string
}

func Upgrade(w http.ResponseWriter, r *http.Request) {}
