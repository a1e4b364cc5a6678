package a

import (
	"net/http"

	"github.com/gorilla/sessions"
	gs "github.com/gorilla/sessions"
	look "lookalike/sessions"
)

type opts = sessions.Options

const disabled = false

type config struct {
	Secure   bool
	HTTPOnly bool
}

var store = sessions.NewCookieStore([]byte("k")) // covered: Options replaced in init

func init() {
	store.Options = &sessions.Options{ // want `sessions.Options does not set Secure or HttpOnly`
		Path:   "/",
		MaxAge: 3600,
	}
}

func secureMissing() sessions.Options {
	o := sessions.Options{Path: "/", HttpOnly: true} // want `does not set Secure: `
	return o
}

func httpOnlyMissing() *sessions.Options {
	return &sessions.Options{Path: "/", Secure: true} // want `does not set HttpOnly: `
}

func explicitFalse() *sessions.Options {
	return &sessions.Options{Secure: false, HttpOnly: true} // want `sets Secure to false`
}

func namedFalse() *sessions.Options {
	return &sessions.Options{Secure: true, HttpOnly: disabled} // want `sets HttpOnly to false`
}

func renamed() *gs.Options {
	return &gs.Options{MaxAge: 60} // want `does not set Secure or HttpOnly`
}

func aliased() opts {
	return opts{Path: "/", Secure: true} // want `does not set HttpOnly`
}

func positional() sessions.Options {
	return sessions.Options{"/", "", 60, false, true, false, http.SameSiteLaxMode} // want `sets Secure to false`
}

func sameSiteNone() *sessions.Options {
	return &sessions.Options{Secure: true, HttpOnly: true, SameSite: http.SameSiteNoneMode} // want `sets SameSite to None`
}

func assignedFalse(s *sessions.CookieStore) {
	s.Options.Secure = false                   // want `sets Secure to false`
	s.Options.HttpOnly = false                 // want `sets HttpOnly to false`
	s.Options.SameSite = http.SameSiteNoneMode // want `sets SameSite to None`
	s.Options.SameSite = http.SameSite(4)      // want `sets SameSite to None`
	(*s.Options).HttpOnly = !true              // want `sets HttpOnly to false`
}

func handler(w http.ResponseWriter, r *http.Request) {
	session, _ := store.Get(r, "sid")
	session.Options = &sessions.Options{MaxAge: 86400} // want `does not set HttpOnly`
	session.Options.Secure = false                     // want `sets Secure to false`
	_ = session.Save(r, w)
}

func newCookie(v string) *http.Cookie {
	return sessions.NewCookie("sid", v, &sessions.Options{Path: "/", HttpOnly: true}) // want `does not set Secure`
}

var pkgOptions = &sessions.Options{Path: "/"} // want `does not set Secure or HttpOnly`

// Safe forms.

func allSet() *sessions.Options {
	return &sessions.Options{Path: "/", MaxAge: 3600, Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode}
}

func strict() sessions.Options {
	return sessions.Options{Secure: true, HttpOnly: true, SameSite: http.SameSiteStrictMode}
}

func assignedLater(cfg config) *sessions.Options {
	o := &sessions.Options{Path: "/"}
	o.Secure = true
	o.HttpOnly = cfg.HTTPOnly
	return o
}

func assignedThroughStore(s *sessions.CookieStore) {
	s.Options = &sessions.Options{Path: "/", MaxAge: 60}
	s.Options.Secure = true
	s.Options.HttpOnly = true
}

func fromConfig(cfg config) *sessions.Options {
	return &sessions.Options{Secure: cfg.Secure, HttpOnly: cfg.HTTPOnly}
}

func logout(w http.ResponseWriter, r *http.Request) {
	session, _ := store.Get(r, "sid")
	session.Options = &sessions.Options{Path: "/", MaxAge: -1}
	session.Options.MaxAge = -1
	_ = session.Save(r, w)
}

func assignedTrue(s *sessions.CookieStore) {
	s.Options.Secure = true
	s.Options.HttpOnly = !disabled
	s.Options.SameSite = http.SameSiteLaxMode
}

func lookalike() *look.Options {
	s := look.NewCookieStore([]byte("k"))
	s.Options = &look.Options{Path: "/", Secure: false}
	s.Options.HttpOnly = false
	return s.Options
}
