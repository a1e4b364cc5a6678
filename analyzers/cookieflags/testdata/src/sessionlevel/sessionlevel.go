// Package sessionlevel gives every session its options in the handler.
package sessionlevel

import (
	"net/http"

	"github.com/gorilla/sessions"
)

var store = sessions.NewCookieStore([]byte("k"))

func handler(w http.ResponseWriter, r *http.Request) {
	sess, _ := store.Get(r, "sid")
	sess.Options = &sessions.Options{Path: "/", MaxAge: 600, Secure: true, HttpOnly: true, SameSite: http.SameSiteStrictMode}
	_ = sess.Save(r, w)
}
