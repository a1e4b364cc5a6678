package lookalike

import (
	"example.com/fake/jwt"
)

func unverified(s string) *jwt.Token {
	t, _, _ := new(jwt.Parser).ParseUnverified(s, nil)
	return t
}

func parse(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) { return []byte("k"), nil })
}

func none() any {
	_ = jwt.WithValidMethods([]string{"none"})
	return jwt.NewWithClaims(jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType)
}
