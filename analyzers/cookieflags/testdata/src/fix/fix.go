package fix

import (
	"net/http"

	"github.com/gorilla/sessions"
)

func empty() *sessions.Options {
	return &sessions.Options{} // want `does not set Secure or HttpOnly`
}

func oneLine() *sessions.Options {
	return &sessions.Options{Path: "/", HttpOnly: true} // want `does not set Secure`
}

func multiLine(s *sessions.CookieStore) {
	s.Options = &sessions.Options{ // want `does not set Secure or HttpOnly`
		Path:   "/",
		MaxAge: 3600, // an hour
	}
}

func falseValues(s *sessions.CookieStore) {
	s.Options = &sessions.Options{Secure: false, HttpOnly: false} // want `sets Secure to false` `sets HttpOnly to false`
	s.Options.Secure = false                                      // want `sets Secure to false`
}

func none() *sessions.Options {
	return &sessions.Options{Secure: true, HttpOnly: true, SameSite: http.SameSiteNoneMode} // want `sets SameSite to None`
}
