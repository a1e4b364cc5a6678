// Package cors is a stub of github.com/gofiber/fiber/v2/middleware/cors.
package cors

import "github.com/gofiber/fiber/v2"

type Config struct {
	Next             func(c *fiber.Ctx) bool
	AllowOriginsFunc func(origin string) bool
	AllowOrigins     string
	AllowMethods     string
	AllowHeaders     string
	AllowCredentials bool
	ExposeHeaders    string
	MaxAge           int
}

func New(config ...Config) fiber.Handler { return nil }
