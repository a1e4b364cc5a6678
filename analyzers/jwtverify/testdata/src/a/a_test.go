package a

import (
	"testing"

	"github.com/golang-jwt/jwt/v5"
)

// Test files are not checked: they forge tokens on purpose.
func TestRejectsNone(t *testing.T) {
	s, _ := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{}).SignedString(jwt.UnsafeAllowNoneSignatureType)
	tok, _, _ := jwt.NewParser().ParseUnverified(s, jwt.MapClaims{})
	_ = tok.Claims
	jwt.Parse(s, func(*jwt.Token) (any, error) { return secret, nil })
}
