// Package jwt is a stub of github.com/golang-jwt/jwt/v5.
package jwt

type Claims interface{}
type MapClaims map[string]interface{}

type Token struct {
	Raw    string
	Claims Claims
	Valid  bool
}

func Parse(tokenString string, keyFunc func(*Token) (interface{}, error)) (*Token, error) {
	return nil, nil
}

func (t *Token) SignedString(key interface{}) (string, error) { return "", nil }
