package v4

import (
	"errors"

	jwt "github.com/golang-jwt/jwt/v4"
)

var secret = []byte("secret")

func unchecked(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) { return secret, nil }) // want `JWT keyfunc never checks`
}

func parserLiteral(raw string) (*jwt.Token, error) {
	p := &jwt.Parser{SkipClaimsValidation: true}
	return p.Parse(raw, func(t *jwt.Token) (interface{}, error) { return secret, nil }) // want `JWT keyfunc never checks`
}

func parserValue(raw string) (*jwt.Token, error) {
	var p jwt.Parser
	return p.Parse(raw, func(t *jwt.Token) (interface{}, error) { return secret, nil }) // want `JWT keyfunc never checks`
}

func noneField() *jwt.Parser {
	return &jwt.Parser{ValidMethods: []string{"none"}} // want `"none" is among the accepted`
}

func noneAssigned(p *jwt.Parser) {
	p.ValidMethods = []string{"RS256", jwt.SigningMethodNone.Alg()} // want `"none" is among the accepted`
}

func unverified(raw string) jwt.MapClaims {
	claims := jwt.MapClaims{}
	jwt.NewParser().ParseUnverified(raw, claims) // want `ParseUnverified does not check`
	return claims
}

// Quiet.

func validMethodsField(raw string) (*jwt.Token, error) {
	p := &jwt.Parser{ValidMethods: []string{"HS256"}}
	return p.Parse(raw, func(t *jwt.Token) (interface{}, error) { return secret, nil })
}

func validMethodsAssigned(raw string) (*jwt.Token, error) {
	p := new(jwt.Parser)
	p.ValidMethods = []string{"HS256"}
	return p.Parse(raw, func(t *jwt.Token) (interface{}, error) { return secret, nil })
}

func validMethodsOption(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) { return secret, nil }, jwt.WithValidMethods([]string{"HS256"}))
}

func checked(raw string) (*jwt.Token, error) {
	return jwt.ParseWithClaims(raw, jwt.MapClaims{}, func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodRSA); !ok {
			return nil, errors.New("alg")
		}
		return secret, nil
	})
}
