// Package jwt is a stub of gopkg.in/square/go-jose.v2/jwt.
package jwt

type JSONWebToken struct{}

func (t *JSONWebToken) Claims(key interface{}, dest ...interface{}) error { return nil }

func (t *JSONWebToken) UnsafeClaimsWithoutVerification(dest ...interface{}) error { return nil }

func ParseSigned(s string) (*JSONWebToken, error) { return nil, nil }

type Claims struct {
	Issuer  string
	Subject string
}
