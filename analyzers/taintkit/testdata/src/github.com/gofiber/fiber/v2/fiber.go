// Package fiber is a stub of github.com/gofiber/fiber/v2.
package fiber

type Ctx struct{}

func (c *Ctx) Query(key string, defaultValue ...string) string  { return "" }
func (c *Ctx) Params(key string, defaultValue ...string) string { return "" }
func (c *Ctx) FormValue(key string, defaultValue ...string) string {
	return ""
}
func (c *Ctx) Get(key string, defaultValue ...string) string  { return "" }
func (c *Ctx) QueryInt(key string, defaultValue ...int) int   { return 0 }
func (c *Ctx) BodyParser(out any) error                       { return nil }
func (c *Ctx) Redirect(location string, status ...int) error  { return nil }
func (c *Ctx) SendFile(file string, compress ...bool) error   { return nil }
func (c *Ctx) Download(file string, filename ...string) error { return nil }
func (c *Ctx) SendString(body string) error                   { return nil }
