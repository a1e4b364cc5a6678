// Package cors is a stub of github.com/rs/cors v1.11.1.
package cors

import "net/http"

type Options struct {
	AllowedOrigins             []string
	AllowOriginFunc            func(origin string) bool
	AllowOriginRequestFunc     func(r *http.Request, origin string) bool
	AllowOriginVaryRequestFunc func(r *http.Request, origin string) (bool, []string)
	AllowedMethods             []string
	AllowedHeaders             []string
	ExposedHeaders             []string
	MaxAge                     int
	AllowCredentials           bool
	AllowPrivateNetwork        bool
	OptionsPassthrough         bool
	OptionsSuccessStatus       int
	Debug                      bool
}

type Cors struct{}

func New(options Options) *Cors                     { return &Cors{} }
func Default() *Cors                                { return &Cors{} }
func AllowAll() *Cors                               { return &Cors{} }
func (c *Cors) Handler(h http.Handler) http.Handler { return h }
