package stdlog

import (
	"context"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"net/http/httputil"
	"os"
	"strings"

	"example.com/logging"
	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/oauth2"
)

type Config struct {
	Host       string
	Port       int
	DBPassword string
}

type Nested struct {
	Name string
	DB   Config
}

type APIKey string

type Redacted string

func (Redacted) String() string { return "[redacted]" }

type SafeConfig struct {
	User     string
	Password string
}

func (SafeConfig) LogValue() slog.Value { return slog.StringValue("config") }

type Tagged struct {
	User     string
	Password string `json:"-"`
}

type User struct {
	Name         string
	PasswordHash string
	TokenCount   int
	HasToken     bool
}

func names(user, password, apiKey, accessToken string, secret []byte, creds map[string]string) {
	log.Printf("login %s with %s", user, password)                 // want `secret logged by log.Printf: password is named like a secret`
	log.Println("key:", apiKey)                                    // want `secret logged by log.Println: apiKey`
	log.Print("token=" + accessToken)                              // want `accessToken`
	fmt.Printf("secret %x\n", secret)                              // want `secret logged by fmt.Printf: secret`
	fmt.Println(creds)                                             // want `creds`
	fmt.Fprintf(os.Stderr, "pw: %s\n", password)                   // want `secret logged by fmt.Fprintf`
	fmt.Fprintln(log.Writer(), password)                           // want `fmt.Fprintln`
	println(password)                                              // want `secret logged by println`
	log.Print(fmt.Sprintf("user=%s pass=%s", user, password))      // want `password`
	log.Print(strings.TrimSpace(password))                         // want `password`
	log.Print(base64.StdEncoding.EncodeToString([]byte(password))) // want `password`
	msg := "auth with " + apiKey
	log.Print(msg) // want `msg holds apiKey`
	l := log.New(os.Stdout, "", 0)
	l.Printf("%s", accessToken) // want `log.Printf`
}

func fields(cfg Config, n *Nested, k APIKey, r *http.Request, tok *oauth2.Token, jt *jwt.Token, pk *rsa.PrivateKey, oc *oauth2.Config) {
	log.Printf("config: %+v", cfg)         // want `cfg has the field DBPassword`
	log.Printf("nested: %v", n)            // want `n has the field DB.DBPassword`
	log.Printf("db pw %s", cfg.DBPassword) // want `cfg.DBPassword is named like a secret`
	log.Println(k)                         // want `k is a value of type APIKey`
	log.Println(tok)                       // want `an oauth2.Token`
	log.Println(tok.AccessToken)           // want `tok.AccessToken`
	log.Println(jt)                        // want `a JWT token`
	log.Println(jt.Raw)
	log.Printf("%v", pk)                       // want `a rsa.PrivateKey`
	log.Println(oc.ClientSecret)               // want `oc.ClientSecret`
	log.Printf("headers: %v", r.Header)        // want `request headers`
	log.Println(r.Header.Get("Authorization")) // want `r.Header.Get reads "Authorization"`
	log.Println(r.FormValue("password"))       // want `reads "password"`
	log.Println(os.Getenv("DB_PASSWORD"))      // want `os.Getenv reads "DB_PASSWORD"`
	c, _ := r.Cookie("session")
	log.Println(c) // want `an http.Cookie`
	dump, _ := httputil.DumpRequest(r, true)
	log.Printf("%s", dump) // want `request dump`
	log.Println(User{Name: "x", PasswordHash: "y"})
	log.Println(Config{Host: "h", DBPassword: cfg.Host}) // want `a literal with DBPassword set`
}

func structured(ctx context.Context, logger *slog.Logger, password, token string, cfg Config) {
	slog.Info("login", "user", "bob", "password", password)               // want `secret logged by slog.Info: value logged under the key "password"`
	slog.Info("login", "pw", token)                                       // want `token is named like a secret`
	slog.Info("login", slog.String("api_key", cfg.Host))                  // want `value logged under the key "api_key"`
	slog.Debug("config", "config", cfg)                                   // want `cfg has the field DBPassword`
	logger.InfoContext(ctx, "login", slog.Any("credentials", cfg))        // want `key "credentials"`
	logger.With("token", token).Info("request")                           // want `secret logged by slog.With`
	slog.LogAttrs(ctx, slog.LevelInfo, "x", slog.String("secret", token)) // want `slog.LogAttrs`
	attrs := []any{"password", password}                                  // want `key "password"`
	slog.Info("login", attrs...)
	logger.Warn("token " + token) // want `token`
}

// Not reported.

func describe(tokenCount int, hasToken bool, passwordPolicy, tokenizer, secretName, keyID, tokenExpiry, secretID string, passwordLength int) {
	log.Println(tokenCount, hasToken, passwordPolicy, tokenizer, secretName, keyID, tokenExpiry, secretID, passwordLength)
	log.Printf("password must have %d characters", passwordLength)
	log.Println("password", "token", "secret")
}

func transformed(password, token string, r Redacted, sc SafeConfig, t Tagged, u User) {
	sum := sha256.Sum256([]byte(password))
	log.Printf("hash %x", sum)
	log.Println(len(password), len(token) > 0)
	log.Println(maskToken(token))
	log.Println(redact(password))
	log.Printf("token %s...", token[:4])
	log.Println(r)
	log.Println(r.String())
	slog.Info("config", "config", sc)
	log.Printf("%v", t)
	log.Printf("user %v", u)
	log.Printf("type %T", password)
	hashedPassword := hashIt(password)
	log.Println(hashedPassword)
	masked := "****"
	password = masked
	slog.Info("x", "password", "[redacted]", "token", len(token), "secret", maskToken(token))
}

func notLogs(w http.ResponseWriter, b *strings.Builder, password string, f *os.File) {
	fmt.Fprintf(w, "your password is %s", password)
	fmt.Fprint(b, password)
	fmt.Fprintln(f, password)
	_ = fmt.Sprintf("%s", password)
	logging.Printf("%s", password)
	logging.Info("x", "password", password)
	var l logging.Logger
	l.Info("x", password)
}

func errs(tokenErr error, password string) {
	log.Println(tokenErr)
	err := validatePassword(password)
	log.Println(err, validatePassword(password))
}

func maskToken(s string) string       { return "***" }
func redact(s string) string          { return "***" }
func hashIt(s string) string          { return s }
func validatePassword(s string) error { return nil }

func payment(cardNumber, cvv, creditCardType string, cardNumberLength int, ssn string) {
	log.Printf("charging card %s cvv %s", cardNumber, cvv) // want `cardNumber` `cvv`
	log.Println("ssn", ssn)                                // want `ssn`
	log.Println(creditCardType, cardNumberLength)
}

func moreNames(dbPass, passThrough, authHeader, authService, basicAuth, sessionID, cookieName, jwtClaims, privateKeyPEM, newPassword, pwd string) {
	log.Println(dbPass)        // want `dbPass`
	log.Println(authHeader)    // want `authHeader`
	log.Println(basicAuth)     // want `basicAuth`
	log.Println(sessionID)     // want `sessionID`
	log.Println(privateKeyPEM) // want `privateKeyPEM`
	log.Println(newPassword)   // want `newPassword`
	log.Println(passThrough, authService, cookieName, jwtClaims, pwd)
}

type appLogger struct{ l *log.Logger }

func (a *appLogger) Infof(format string, args ...any) { a.l.Printf(format, args...) }

func logKV(msg string, kv ...any) { slog.Info(msg, kv...) }

func logValue(label string, v string) { log.Println(label, v) }

func wrappers(a *appLogger, password, user string) {
	a.Infof("login %s %s", user, password)      // want `secret logged by Infof \(log.Printf\): password`
	logKV("login", "user", user, "token", user) // want `logKV \(slog.Info\): value logged under the key "token"`
	logValue("pw", password)                    // want `logValue \(log.Println\)`
	a.Infof("login %s", user)
	logKV("login", "user", user)
	logValue("user", user)
}
