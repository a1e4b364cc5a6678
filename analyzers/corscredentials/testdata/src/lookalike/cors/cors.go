// Package cors has types named like the CORS libraries' that are not.
package cors

type Options struct {
	AllowedOrigins   []string
	AllowCredentials bool
}

type Header map[string][]string

func (h Header) Set(key, value string) {}

func CORS(opts ...string) {}
