// Package echo is a stub of github.com/labstack/echo/v4.
package echo

import "net/http"

type Response struct {
	Writer http.ResponseWriter
}

func (r *Response) Header() http.Header         { return nil }
func (r *Response) Write(b []byte) (int, error) { return 0, nil }
func (r *Response) WriteHeader(code int)        {}

type Map map[string]interface{}

type Context interface {
	Request() *http.Request
	Response() *Response
	String(code int, s string) error
	HTML(code int, html string) error
	JSON(code int, i interface{}) error
	Blob(code int, contentType string, b []byte) error
	NoContent(code int) error
}

type HTTPError struct {
	Internal error       `json:"-"`
	Message  interface{} `json:"message"`
	Code     int         `json:"-"`
}

func (he *HTTPError) Error() string { return "" }

func (he *HTTPError) SetInternal(err error) *HTTPError { return he }

func NewHTTPError(code int, message ...interface{}) *HTTPError { return nil }
