// Package jwt is a look-alike with the same names as golang-jwt, in
// another package path.
package jwt

type Token struct {
	Method string
	Header map[string]any
}

type Keyfunc func(*Token) (any, error)

type Parser struct{ ValidMethods []string }

func (p *Parser) ParseUnverified(tokenString string, claims any) (*Token, []string, error) {
	return nil, nil, nil
}

func Parse(tokenString string, keyFunc Keyfunc) (*Token, error) { return nil, nil }

const UnsafeAllowNoneSignatureType = "x"

var SigningMethodNone = "none"

func NewWithClaims(method string, claims any) *Token { return nil }

func WithValidMethods(methods []string) int { return 0 }
