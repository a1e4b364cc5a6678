// Package audit holds auditing flaws: secrets in logs, internal errors and
// stack traces in responses.
package audit

import (
	"database/sql"
	"log"
	"log/slog"
	"net/http"
	"runtime/debug"

	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
)

// Credentials are what a client logs in with.
type Credentials struct {
	User     string
	Password string
}

// insecureLog writes the password to the log (SDL501).
func insecureLog(c Credentials) {
	log.Printf("login attempt for %s with password %s", c.User, c.Password)
}

// secureLog writes only the user.
func secureLog(c Credentials) {
	log.Printf("login attempt for %s", c.User)
}

// insecureSlog logs an API token (SDL501).
func insecureSlog(apiToken string) {
	slog.Info("calling partner", "token", apiToken)
}

// secureSlog logs its length.
func secureSlog(apiToken string) {
	slog.Info("calling partner", "tokenLength", len(apiToken))
}

// insecureZap logs a session secret (SDL501).
func insecureZap(l *zap.Logger, sessionSecret string) {
	l.Info("session created", zap.String("secret", sessionSecret))
}

// secureZap logs an identifier.
func secureZap(l *zap.Logger, sessionID int) {
	l.Info("session created", zap.Int("session", sessionID))
}

// insecureLogrus logs a password (SDL501).
func insecureLogrus(password string) {
	logrus.WithField("password", password).Warn("password rejected")
}

// secureLogrus does not.
func secureLogrus(user string) {
	logrus.WithField("user", user).Warn("password rejected")
}

// insecureError shows the database error to the client (SDL502).
func insecureError(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := db.PingContext(r.Context()); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
	}
}

// secureError logs it and shows a generic message.
func secureError(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := db.PingContext(r.Context()); err != nil {
			log.Printf("ping: %v", err)
			http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
			return
		}
	}
}

// insecureRecover writes the stack trace to the response (SDL502).
func insecureRecover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				w.WriteHeader(http.StatusInternalServerError)
				w.Write(debug.Stack())
			}
		}()
		next.ServeHTTP(w, r)
	})
}

var _ = []any{insecureLog, secureLog, insecureSlog, secureSlog, insecureZap, secureZap, insecureLogrus,
	secureLogrus, insecureError, secureError, insecureRecover}
