// Package echo is a stub of github.com/labstack/echo/v4.
package echo

import "net/http"

// Echo is a stub.
type Echo struct{}

// New is a stub.
func New() (e *Echo) { return &Echo{} }

// ServeHTTP is a stub.
func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

// Start is a stub.
func (e *Echo) Start(address string) error { return nil }

// StartTLS is a stub.
func (e *Echo) StartTLS(address string, certFile, keyFile interface{}) (err error) { return nil }

// StartAutoTLS is a stub.
func (e *Echo) StartAutoTLS(address string) error { return nil }

// StartServer is a stub.
func (e *Echo) StartServer(s *http.Server) (err error) { return nil }

// StartH2CServer is a stub; the real second parameter is *http2.Server.
func (e *Echo) StartH2CServer(address string, h2s any) error { return nil }
