// Package sessions is a stub of github.com/gin-contrib/sessions v1.0.4.
package sessions

import "net/http"

type Options struct {
	Path     string
	Domain   string
	MaxAge   int
	Secure   bool
	HttpOnly bool
	SameSite http.SameSite
}

type Store interface {
	Options(Options)
}

type HandlerFunc func()

func Sessions(name string, store Store) HandlerFunc { return nil }

type Session interface {
	Get(key interface{}) interface{}
	Set(key interface{}, val interface{})
	Options(Options)
	Save() error
}
