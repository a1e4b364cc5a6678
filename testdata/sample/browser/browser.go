// Package browser holds session and browser flaws: cookie flags, WebSocket
// origins, CORS with credentials.
package browser

import (
	"net/http"

	gincors "github.com/gin-contrib/cors"
	"github.com/gorilla/sessions"
	"github.com/gorilla/websocket"
	"github.com/rs/cors"
)

// insecureCookies lets scripts read the session cookie and sends it over HTTP (SDL301).
func insecureCookies(key []byte) *sessions.CookieStore {
	store := sessions.NewCookieStore(key)
	store.Options = &sessions.Options{Path: "/", MaxAge: 3600}
	return store
}

// secureCookies sets Secure, HttpOnly and SameSite.
func secureCookies(key []byte) *sessions.CookieStore {
	store := sessions.NewCookieStore(key)
	store.Options = &sessions.Options{Path: "/", MaxAge: 3600, Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode}
	return store
}

// insecureUpgrader accepts WebSocket connections from any origin (SDL302).
var insecureUpgrader = websocket.Upgrader{
	CheckOrigin: func(r *http.Request) bool { return true },
}

// secureUpgrader checks the origin.
var secureUpgrader = websocket.Upgrader{
	CheckOrigin: func(r *http.Request) bool { return r.Header.Get("Origin") == "https://app.example.com" },
}

// insecureCORS reflects any origin with credentials (SDL303).
func insecureCORS(h http.Handler) http.Handler {
	return cors.New(cors.Options{
		AllowOriginFunc:  func(origin string) bool { return true },
		AllowCredentials: true,
	}).Handler(h)
}

// secureCORS allows one origin.
func secureCORS(h http.Handler) http.Handler {
	return cors.New(cors.Options{
		AllowedOrigins:   []string{"https://app.example.com"},
		AllowCredentials: true,
	}).Handler(h)
}

// insecureGinCORS allows every origin with credentials (SDL303).
func insecureGinCORS() gincors.Config {
	return gincors.Config{AllowAllOrigins: true, AllowCredentials: true}
}

// secureGinCORS names the origin.
func secureGinCORS() gincors.Config {
	return gincors.Config{AllowOrigins: []string{"https://app.example.com"}, AllowCredentials: true}
}

var _ = []any{insecureCookies, secureCookies, insecureUpgrader, secureUpgrader, insecureCORS, secureCORS,
	insecureGinCORS, secureGinCORS}
