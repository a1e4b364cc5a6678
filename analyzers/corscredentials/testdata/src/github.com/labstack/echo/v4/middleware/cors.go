// Package middleware is a stub of github.com/labstack/echo/v4/middleware.
package middleware

import "github.com/labstack/echo/v4"

type Skipper func(c echo.Context) bool

type CORSConfig struct {
	Skipper                                  Skipper
	AllowOrigins                             []string
	AllowOriginFunc                          func(origin string) (bool, error)
	AllowMethods                             []string
	AllowHeaders                             []string
	AllowCredentials                         bool
	UnsafeWildcardOriginWithAllowCredentials bool
	ExposeHeaders                            []string
	MaxAge                                   int
}

var DefaultCORSConfig = CORSConfig{AllowOrigins: []string{"*"}}

func CORS() echo.MiddlewareFunc                            { return nil }
func CORSWithConfig(config CORSConfig) echo.MiddlewareFunc { return nil }
