// Package echo is a stub of github.com/labstack/echo/v4.
package echo

import "net/http"

type Response struct {
	Writer http.ResponseWriter
}

func (r *Response) Header() http.Header         { return nil }
func (r *Response) Write(b []byte) (int, error) { return 0, nil }
func (r *Response) WriteHeader(code int)        {}

type Context interface {
	Request() *http.Request
	Response() *Response
	String(code int, s string) error
	JSON(code int, i interface{}) error
	Bind(i interface{}) error
}
