// Package fiber is a stub of github.com/gofiber/fiber/v2.
package fiber

type Ctx struct{}

func (c *Ctx) Set(key, val string)                           {}
func (c *Ctx) Append(field string, values ...string)         {}
func (c *Ctx) Get(key string, defaultValue ...string) string { return "" }
func (c *Ctx) Next() error                                   { return nil }

type Handler = func(*Ctx) error

type App struct{}

func New() *App                        { return &App{} }
func (a *App) Use(args ...interface{}) {}
