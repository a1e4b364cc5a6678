// Package sessions is a stub of github.com/gorilla/sessions v1.2.2, whose
// Options have no Partitioned field.
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

type Session struct {
	Options *Options
}

type CookieStore struct {
	Options *Options
}

func NewCookieStore(keyPairs ...[]byte) *CookieStore { return &CookieStore{Options: &Options{}} }

type FilesystemStore struct {
	Options *Options
}

func NewFilesystemStore(path string, keyPairs ...[]byte) *FilesystemStore {
	return &FilesystemStore{Options: &Options{}}
}
