// Package escape creates stores in one function and configures them in
// another.
package escape

import "github.com/gorilla/sessions"

func newStore() *sessions.CookieStore {
	return sessions.NewCookieStore([]byte("k"))
}

func build() *sessions.FilesystemStore {
	s := sessions.NewFilesystemStore("", []byte("k"))
	configure(s)
	return s
}

func configure(s *sessions.FilesystemStore) {
	s.Options = &sessions.Options{Path: "/", Secure: true, HttpOnly: true}
}

func init() {
	st := newStore()
	st.Options.HttpOnly = true
}
