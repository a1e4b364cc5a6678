// Package fiber is a stub of github.com/gofiber/fiber/v2.
package fiber

import "net"

// App is a stub.
type App struct{}

// New is a stub.
func New() *App { return &App{} }

// Listen is a stub.
func (app *App) Listen(addr string) error { return nil }

// ListenTLS is a stub.
func (app *App) ListenTLS(addr, certFile, keyFile string) error { return nil }

// Listener is a stub.
func (app *App) Listener(ln net.Listener) error { return nil }
