// Package gin is a stub of github.com/gin-gonic/gin.
package gin

import "net/http"

type ResponseWriter interface {
	http.ResponseWriter
}

type Context struct {
	Request *http.Request
	Writer  ResponseWriter
}

func (c *Context) Header(key, value string)    {}
func (c *Context) GetHeader(key string) string { return "" }
func (c *Context) Next()                       {}
func (c *Context) AbortWithStatus(code int)    {}

type HandlerFunc func(*Context)

type Engine struct{}

func New() *Engine                              { return &Engine{} }
func (e *Engine) Use(middleware ...HandlerFunc) {}
