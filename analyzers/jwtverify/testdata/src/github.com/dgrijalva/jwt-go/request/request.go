// Package request is a stub of github.com/dgrijalva/jwt-go/request.
package request

import (
	"net/http"

	jwt "github.com/dgrijalva/jwt-go"
)

type Extractor interface {
	ExtractToken(*http.Request) (string, error)
}

var OAuth2Extractor Extractor

type ParseFromRequestOption func(*fromRequestParser)

type fromRequestParser struct{}

func ParseFromRequest(req *http.Request, extractor Extractor, keyFunc jwt.Keyfunc, options ...ParseFromRequestOption) (token *jwt.Token, err error) {
	return nil, nil
}

func ParseFromRequestWithClaims(req *http.Request, extractor Extractor, claims jwt.Claims, keyFunc jwt.Keyfunc) (token *jwt.Token, err error) {
	return nil, nil
}

func WithClaims(claims jwt.Claims) ParseFromRequestOption { return nil }

func WithParser(parser *jwt.Parser) ParseFromRequestOption { return nil }
