// Package echo is a stub of github.com/labstack/echo/v4.
package echo

import "net/http"

type Context interface {
	Request() *http.Request
	Param(name string) string
	QueryParam(name string) string
	FormValue(name string) string
	Bind(i any) error
	Redirect(code int, url string) error
	File(file string) error
	Attachment(file, name string) error
	String(code int, s string) error
	HTML(code int, html string) error
	HTMLBlob(code int, b []byte) error
	Blob(code int, contentType string, b []byte) error
}
