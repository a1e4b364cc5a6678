// Package jwt is a stub of github.com/form3tech-oss/jwt-go with the signatures the analyzer
// matches.
package jwt

import "crypto"

type Claims interface {
	Valid() error
}

type MapClaims map[string]interface{}

func (m MapClaims) Valid() error { return nil }

type StandardClaims struct {
	Issuer  string
	Subject string
}

func (c StandardClaims) Valid() error { return nil }

type SigningMethod interface {
	Verify(signingString, signature string, key interface{}) error
	Sign(signingString string, key interface{}) (string, error)
	Alg() string
}

type SigningMethodHMAC struct {
	Name string
	Hash crypto.Hash
}

func (m *SigningMethodHMAC) Alg() string { return m.Name }
func (m *SigningMethodHMAC) Verify(signingString, signature string, key interface{}) error {
	return nil
}
func (m *SigningMethodHMAC) Sign(signingString string, key interface{}) (string, error) {
	return "", nil
}

type SigningMethodRSA struct {
	Name string
	Hash crypto.Hash
}

func (m *SigningMethodRSA) Alg() string { return m.Name }
func (m *SigningMethodRSA) Verify(signingString, signature string, key interface{}) error {
	return nil
}
func (m *SigningMethodRSA) Sign(signingString string, key interface{}) (string, error) {
	return "", nil
}

var (
	SigningMethodHS256 *SigningMethodHMAC
	SigningMethodRS256 *SigningMethodRSA
)

var SigningMethodNone *signingMethodNone

const UnsafeAllowNoneSignatureType unsafeNoneMagicConstant = "none signing method allowed"

type signingMethodNone struct{}
type unsafeNoneMagicConstant string

func (m *signingMethodNone) Alg() string { return "none" }
func (m *signingMethodNone) Verify(signingString, signature string, key interface{}) (err error) {
	return nil
}
func (m *signingMethodNone) Sign(signingString string, key interface{}) (string, error) {
	return "", nil
}

func GetSigningMethod(alg string) (method SigningMethod) { return nil }

type Keyfunc func(*Token) (interface{}, error)

type Token struct {
	Raw       string
	Method    SigningMethod
	Header    map[string]interface{}
	Claims    Claims
	Signature string
	Valid     bool
}

func New(method SigningMethod) *Token { return nil }

func NewWithClaims(method SigningMethod, claims Claims) *Token { return nil }

func (t *Token) SignedString(key interface{}) (string, error) { return "", nil }

type Parser struct {
	ValidMethods         []string
	UseJSONNumber        bool
	SkipClaimsValidation bool
}

func (p *Parser) Parse(tokenString string, keyFunc Keyfunc) (*Token, error) { return nil, nil }

func (p *Parser) ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc) (*Token, error) {
	return nil, nil
}

func (p *Parser) ParseUnverified(tokenString string, claims Claims) (token *Token, parts []string, err error) {
	return nil, nil, nil
}

func Parse(tokenString string, keyFunc Keyfunc) (*Token, error) { return nil, nil }

func ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc) (*Token, error) {
	return nil, nil
}
