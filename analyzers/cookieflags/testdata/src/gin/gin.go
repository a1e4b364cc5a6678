package gin

import (
	"net/http"

	"github.com/gin-contrib/sessions"
	"github.com/gin-contrib/sessions/cookie"
)

func setup() {
	store := cookie.NewStore([]byte("secret"))
	store.Options(sessions.Options{Path: "/", MaxAge: 3600}) // want `does not set Secure or HttpOnly`
}

func handler(s sessions.Session) {
	s.Options(sessions.Options{MaxAge: 60, HttpOnly: true, Secure: false}) // want `sets Secure to false`
	s.Options(sessions.Options{MaxAge: -1})
	s.Options(sessions.Options{Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}
