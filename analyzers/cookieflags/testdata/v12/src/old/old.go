package old

import "github.com/gorilla/sessions"

var store = sessions.NewCookieStore([]byte("k")) // want `HttpOnly is off \(and Secure too before gorilla/sessions v1.3.0\)`

var fs = sessions.NewFilesystemStore("", []byte("k")) // want `Secure and HttpOnly are off`

func configured() *sessions.CookieStore {
	s := sessions.NewCookieStore([]byte("k"))
	s.Options.HttpOnly = true
	return s
}
