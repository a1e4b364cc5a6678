// Package echo is a stub of github.com/labstack/echo/v4.
package echo

import "net/http"

const (
	HeaderOrigin                        = "Origin"
	HeaderAccessControlAllowOrigin      = "Access-Control-Allow-Origin"
	HeaderAccessControlAllowCredentials = "Access-Control-Allow-Credentials"
)

type Response struct{}

func (r *Response) Header() http.Header { return nil }

type Context interface {
	Request() *http.Request
	Response() *Response
}

type HandlerFunc func(c Context) error

type MiddlewareFunc func(next HandlerFunc) HandlerFunc

type Echo struct{}

func New() *Echo                                 { return &Echo{} }
func (e *Echo) Use(middleware ...MiddlewareFunc) {}
