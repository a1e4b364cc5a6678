package jose

import (
	josejwt "github.com/go-jose/go-jose/v4/jwt"
	"github.com/lestrrat-go/jwx/v2/jwt"
	sqjwt "gopkg.in/square/go-jose.v2/jwt"
)

func unsafeClaims(raw string) (josejwt.Claims, error) {
	var c josejwt.Claims
	tok, err := josejwt.ParseSigned(raw, []josejwt.SignatureAlgorithm{"RS256"})
	if err != nil {
		return c, err
	}
	err = tok.UnsafeClaimsWithoutVerification(&c) // want `UnsafeClaimsWithoutVerification reads JWT claims without checking the signature`
	return c, err
}

func unsafeClaimsV2(raw string) (sqjwt.Claims, error) {
	var c sqjwt.Claims
	tok, _ := sqjwt.ParseSigned(raw)
	read := tok.UnsafeClaimsWithoutVerification // want `UnsafeClaimsWithoutVerification`
	return c, read(&c)
}

// Quiet: the issuer is read to choose the key, then the claims are verified.
func issuerThenVerify(raw string, keys map[string]interface{}) (sqjwt.Claims, error) {
	var c sqjwt.Claims
	tok, err := sqjwt.ParseSigned(raw)
	if err != nil {
		return c, err
	}
	if err := tok.UnsafeClaimsWithoutVerification(&c); err != nil {
		return c, err
	}
	err = tok.Claims(keys[c.Issuer], &c)
	return c, err
}

func jwxInsecure(raw []byte) (jwt.Token, error) {
	return jwt.ParseInsecure(raw) // want `jwt.ParseInsecure neither verifies`
}

func jwxNoVerify(raw string) (jwt.Token, error) {
	return jwt.ParseString(raw, jwt.WithVerify(false)) // want `jwt.WithVerify\(false\) turns off`
}

// Quiet.

func jwxInsecureThenVerify(raw []byte, key interface{}) (jwt.Token, error) {
	t, err := jwt.ParseInsecure(raw)
	if err != nil || t.Subject() == "" {
		return nil, err
	}
	return jwt.Parse(raw, jwt.WithKey("RS256", key))
}

func jwxVerify(raw []byte, key interface{}) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithKey("RS256", key), jwt.WithVerify(true), jwt.WithValidate(false))
}
