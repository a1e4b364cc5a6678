// Package identity holds authentication flaws: unverified JWTs, weakened
// OIDC verification, constant OAuth2 state, fast password hashes.
package identity

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"

	"github.com/coreos/go-oidc/v3/oidc"
	jwtgo "github.com/dgrijalva/jwt-go"
	jwtv4 "github.com/golang-jwt/jwt/v4"
	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/crypto/bcrypt"
	"golang.org/x/oauth2"
)

// insecureUnverified reads claims without checking the signature (SDL201).
func insecureUnverified(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(raw, claims)
	return claims, err
}

// secureVerified verifies an HMAC-signed token and pins the algorithm.
func secureVerified(raw string, key []byte) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) { return key, nil },
		jwt.WithValidMethods([]string{"HS256"}))
}

// insecureKeyfunc never checks the token's algorithm (SDL201).
func insecureKeyfunc(raw string, key []byte) (*jwtv4.Token, error) {
	return jwtv4.Parse(raw, func(t *jwtv4.Token) (interface{}, error) {
		return key, nil
	})
}

// secureKeyfunc checks it.
func secureKeyfunc(raw string, key []byte) (*jwtv4.Token, error) {
	return jwtv4.Parse(raw, func(t *jwtv4.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwtv4.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
		}
		return key, nil
	})
}

// insecureLegacy accepts the none algorithm with the deprecated library (SDL201).
func insecureLegacy(raw string) (*jwtgo.Token, error) {
	return jwtgo.Parse(raw, func(t *jwtgo.Token) (interface{}, error) {
		return jwtgo.UnsafeAllowNoneSignatureType, nil
	})
}

// insecureOIDC skips the expiry check (SDL202).
func insecureOIDC(p *oidc.Provider, clientID string) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: clientID, SkipExpiryCheck: true})
}

// secureOIDC keeps every check.
func secureOIDC(p *oidc.Provider, clientID string) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: clientID})
}

// insecureState uses the same OAuth2 state for every login (SDL203).
func insecureState(c *oauth2.Config) string {
	return c.AuthCodeURL("state")
}

// secureState uses a per-login random state.
func secureState(c *oauth2.Config, newState func() string) string {
	return c.AuthCodeURL(newState())
}

// User is an account.
type User struct {
	Name         string
	Password     string
	PasswordHash []byte
}

// insecureHash stores a SHA-256 of the password (SDL204).
func insecureHash(u *User) {
	sum := sha256.Sum256([]byte(u.Password))
	u.PasswordHash = sum[:]
}

// secureHash uses bcrypt.
func secureHash(u *User) error {
	h, err := bcrypt.GenerateFromPassword([]byte(u.Password), bcrypt.DefaultCost)
	if err != nil {
		return err
	}
	u.PasswordHash = h
	return nil
}

var _ = []any{insecureUnverified, secureVerified, insecureKeyfunc, secureKeyfunc, insecureLegacy,
	insecureOIDC, secureOIDC, insecureState, secureState, insecureHash, secureHash,
	context.Background, errors.New}
