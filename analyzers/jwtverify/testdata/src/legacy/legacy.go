package legacy

import (
	"net/http"

	jwtgo "github.com/dgrijalva/jwt-go"
	"github.com/dgrijalva/jwt-go/request"
	form3 "github.com/form3tech-oss/jwt-go"
	jwt3 "github.com/golang-jwt/jwt"
)

var secret = []byte("secret")

func keyFunc(t *jwtgo.Token) (interface{}, error) { return secret, nil }

func dgrijalva(raw string) (*jwtgo.Token, error) {
	return jwtgo.Parse(raw, keyFunc) // want `JWT keyfunc never checks`
}

func dgrijalvaClaims(raw string) (*jwtgo.Token, error) {
	return jwtgo.ParseWithClaims(raw, &jwtgo.StandardClaims{}, keyFunc) // want `JWT keyfunc never checks`
}

func dgrijalvaRequest(r *http.Request) (*jwtgo.Token, error) {
	return request.ParseFromRequestWithClaims(r, request.OAuth2Extractor, &jwtgo.StandardClaims{}, keyFunc) // want `JWT keyfunc never checks`
}

func dgrijalvaRequestParser(r *http.Request) (*jwtgo.Token, error) {
	p := &jwtgo.Parser{ValidMethods: []string{"HS256"}}
	return request.ParseFromRequest(r, request.OAuth2Extractor, keyFunc, request.WithParser(p))
}

func dgrijalvaUnverified(raw string) jwtgo.Claims {
	t, _, _ := new(jwtgo.Parser).ParseUnverified(raw, jwtgo.MapClaims{}) // want `ParseUnverified does not check`
	return t.Claims
}

func form3tech(raw string) (*form3.Token, error) {
	return form3.Parse(raw, func(t *form3.Token) (interface{}, error) { return secret, nil }) // want `JWT keyfunc never checks`
}

func golangJWTv3(raw string) (string, error) {
	tok := jwt3.New(jwt3.SigningMethodNone)                    // want `"none" signing method`
	return tok.SignedString(jwt3.UnsafeAllowNoneSignatureType) // want `UnsafeAllowNoneSignatureType`
}

func golangJWTv3Checked(raw string) (*jwt3.Token, error) {
	return jwt3.Parse(raw, func(t *jwt3.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt3.SigningMethodHMAC); !ok {
			return nil, nil
		}
		return secret, nil
	})
}
