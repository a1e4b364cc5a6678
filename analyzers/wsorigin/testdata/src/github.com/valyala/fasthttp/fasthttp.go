// Package fasthttp is a stub of github.com/valyala/fasthttp.
package fasthttp

type RequestCtx struct{}

func (ctx *RequestCtx) Host() []byte { return nil }
