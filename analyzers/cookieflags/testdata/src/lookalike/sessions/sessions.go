// Package sessions has types named like gorilla/sessions' that are not.
package sessions

type Options struct {
	Path     string
	MaxAge   int
	Secure   bool
	HttpOnly bool
}

type CookieStore struct {
	Options *Options
}

func NewCookieStore(keyPairs ...[]byte) *CookieStore { return &CookieStore{} }
