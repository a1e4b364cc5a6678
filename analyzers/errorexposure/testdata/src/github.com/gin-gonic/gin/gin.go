// Package gin is a stub of github.com/gin-gonic/gin.
package gin

import "net/http"

type ResponseWriter interface {
	http.ResponseWriter
	Status() int
}

type Context struct {
	Request *http.Request
	Writer  ResponseWriter
}

type H map[string]any

type Error struct {
	Err  error
	Meta any
}

func (c *Context) String(code int, format string, values ...any)  {}
func (c *Context) JSON(code int, obj any)                         {}
func (c *Context) IndentedJSON(code int, obj any)                 {}
func (c *Context) XML(code int, obj any)                          {}
func (c *Context) Data(code int, contentType string, data []byte) {}
func (c *Context) AbortWithStatusJSON(code int, jsonObj any)      {}
func (c *Context) AbortWithError(code int, err error) *Error      { return nil }
func (c *Context) Error(err error) *Error                         { return nil }
func (c *Context) Param(key string) string                        { return "" }
