// Package gin is a stub of github.com/gin-gonic/gin.
package gin

import (
	"mime/multipart"
	"net/http"
)

type Context struct {
	Request *http.Request
	Writer  ResponseWriter
}

// ResponseWriter is gin's response writer.
type ResponseWriter interface {
	http.ResponseWriter
	WriteString(s string) (int, error)
}

type H map[string]any

func (c *Context) Query(key string) string                        { return "" }
func (c *Context) DefaultQuery(key, defaultValue string) string   { return "" }
func (c *Context) Param(key string) string                        { return "" }
func (c *Context) PostForm(key string) string                     { return "" }
func (c *Context) GetHeader(key string) string                    { return "" }
func (c *Context) Cookie(name string) (string, error)             { return "", nil }
func (c *Context) GetInt(key string) int                          { return 0 }
func (c *Context) ShouldBindJSON(obj any) error                   { return nil }
func (c *Context) BindJSON(obj any) error                         { return nil }
func (c *Context) Redirect(code int, location string)             {}
func (c *Context) File(filepath string)                           {}
func (c *Context) FileAttachment(filepath, filename string)       {}
func (c *Context) String(code int, format string, values ...any)  {}
func (c *Context) Data(code int, contentType string, data []byte) {}
func (c *Context) HTML(code int, name string, obj any)            {}
func (c *Context) JSON(code int, obj any)                         {}

func (c *Context) FormFile(name string) (*multipart.FileHeader, error) { return nil, nil }
func (c *Context) SaveUploadedFile(file *multipart.FileHeader, dst string) error {
	return nil
}
