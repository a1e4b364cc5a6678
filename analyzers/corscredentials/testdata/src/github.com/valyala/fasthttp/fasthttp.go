// Package fasthttp is a stub of github.com/valyala/fasthttp.
package fasthttp

type RequestHeader struct{}

func (h *RequestHeader) Peek(key string) []byte { return nil }

type ResponseHeader struct{}

func (h *ResponseHeader) Set(key, value string) {}
func (h *ResponseHeader) Add(key, value string) {}

type Request struct{ Header RequestHeader }

type Response struct{ Header ResponseHeader }

type RequestCtx struct {
	Request  Request
	Response Response
}
