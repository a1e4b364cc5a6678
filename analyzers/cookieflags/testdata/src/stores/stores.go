package stores

import (
	"net/http"

	"github.com/gorilla/sessions"
	look "lookalike/sessions"
)

var cookieStore = sessions.NewCookieStore([]byte("k")) // want `store created with default cookie options: HttpOnly is off and SameSite is None`

func fsStore() *sessions.FilesystemStore {
	s := sessions.NewFilesystemStore("", []byte("k")) // want `store created with default cookie options: Secure and HttpOnly are off`
	s.MaxAge(3600)
	return s
}

func fsHalf() {
	s := sessions.NewFilesystemStore("/tmp", []byte("k")) // want `default cookie options: Secure is off`
	s.Options.HttpOnly = true
	_ = s
}

type server struct {
	store *sessions.CookieStore
}

func newServer() *server {
	return &server{store: sessions.NewCookieStore([]byte("k"))} // covered in configure
}

func (s *server) configure() {
	s.store.Options.HttpOnly = true
}

func fsConfigured() *sessions.FilesystemStore {
	s := sessions.NewFilesystemStore("", []byte("k"))
	s.Options = &sessions.Options{Path: "/", Secure: true, HttpOnly: true}
	return s
}

func fsFields() {
	s := sessions.NewFilesystemStore("", []byte("k"))
	s.Options.Secure = true
	s.Options.HttpOnly = true
	http.Handle("/", handler(s))
}

func cookieHTTPOnly() {
	s := sessions.NewCookieStore([]byte("k"))
	s.Options.HttpOnly = true
	_ = s
}

func handler(s sessions.Store) http.Handler { return nil }

func lookalike() *look.CookieStore {
	return look.NewCookieStore([]byte("k"))
}
