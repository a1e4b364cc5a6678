// Package gin is a stub of github.com/gin-gonic/gin.
package gin

import (
	"net"
	"net/http"
)

// Engine is a stub.
type Engine struct{}

// Default is a stub.
func Default() *Engine { return &Engine{} }

// New is a stub.
func New() *Engine { return &Engine{} }

// ServeHTTP is a stub.
func (engine *Engine) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

// Run is a stub.
func (engine *Engine) Run(addr ...string) (err error) { return nil }

// RunTLS is a stub.
func (engine *Engine) RunTLS(addr, certFile, keyFile string) (err error) { return nil }

// RunUnix is a stub.
func (engine *Engine) RunUnix(file string) (err error) { return nil }

// RunListener is a stub.
func (engine *Engine) RunListener(listener net.Listener) (err error) { return nil }
