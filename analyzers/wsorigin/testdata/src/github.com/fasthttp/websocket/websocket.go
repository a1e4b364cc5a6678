// Package websocket is a stub of github.com/fasthttp/websocket v1.5.12.
package websocket

import (
	"net/http"

	"github.com/valyala/fasthttp"
)

type Conn struct{}

type Upgrader struct {
	ReadBufferSize  int
	WriteBufferSize int
	CheckOrigin     func(r *http.Request) bool
}

type FastHTTPHandler func(*Conn)

type FastHTTPUpgrader struct {
	ReadBufferSize  int
	WriteBufferSize int
	CheckOrigin     func(ctx *fasthttp.RequestCtx) bool
}

func (u *FastHTTPUpgrader) Upgrade(ctx *fasthttp.RequestCtx, handler FastHTTPHandler) error {
	return nil
}

func Upgrade(w http.ResponseWriter, r *http.Request, responseHeader http.Header, readBufSize, writeBufSize int) (*Conn, error) {
	return nil, nil
}
