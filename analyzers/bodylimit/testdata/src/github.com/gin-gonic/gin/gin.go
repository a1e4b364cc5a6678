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

func (c *Context) GetRawData() ([]byte, error)                   { return nil, nil }
func (c *Context) ShouldBindJSON(obj any) error                  { return nil }
func (c *Context) JSON(code int, obj any)                        {}
func (c *Context) String(code int, format string, values ...any) {}
