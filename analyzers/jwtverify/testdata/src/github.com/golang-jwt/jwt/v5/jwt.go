// Package jwt is a stub of github.com/golang-jwt/jwt/v5 with the
// signatures the analyzer matches.
package jwt

import "crypto"

type Claims interface{}

type MapClaims map[string]any

type RegisteredClaims struct {
	Issuer  string
	Subject string
}

type SigningMethod interface {
	Verify(signingString string, sig []byte, key any) error
	Sign(signingString string, key any) ([]byte, error)
	Alg() string
}

type SigningMethodHMAC struct {
	Name string
	Hash crypto.Hash
}

func (m *SigningMethodHMAC) Alg() string                                            { return m.Name }
func (m *SigningMethodHMAC) Verify(signingString string, sig []byte, key any) error { return nil }
func (m *SigningMethodHMAC) Sign(signingString string, key any) ([]byte, error)     { return nil, nil }

type SigningMethodRSA struct {
	Name string
	Hash crypto.Hash
}

func (m *SigningMethodRSA) Alg() string                                            { return m.Name }
func (m *SigningMethodRSA) Verify(signingString string, sig []byte, key any) error { return nil }
func (m *SigningMethodRSA) Sign(signingString string, key any) ([]byte, error)     { return nil, nil }

var (
	SigningMethodHS256 *SigningMethodHMAC
	SigningMethodRS256 *SigningMethodRSA
)

var SigningMethodNone *signingMethodNone

const UnsafeAllowNoneSignatureType unsafeNoneMagicConstant = "none signing method allowed"

type signingMethodNone struct{}
type unsafeNoneMagicConstant string

func (m *signingMethodNone) Alg() string                                            { return "none" }
func (m *signingMethodNone) Verify(signingString string, sig []byte, key any) error { return nil }
func (m *signingMethodNone) Sign(signingString string, key any) ([]byte, error)     { return nil, nil }

func GetSigningMethod(alg string) (method SigningMethod) { return nil }

type Keyfunc func(*Token) (any, error)

type Token struct {
	Raw       string
	Method    SigningMethod
	Header    map[string]any
	Claims    Claims
	Signature []byte
	Valid     bool
}

type TokenOption func(*Token)

func New(method SigningMethod, opts ...TokenOption) *Token { return nil }

func NewWithClaims(method SigningMethod, claims Claims, opts ...TokenOption) *Token { return nil }

func (t *Token) SignedString(key any) (string, error) { return "", nil }

type Parser struct {
	validMethods []string
}

type ParserOption func(*Parser)

func NewParser(options ...ParserOption) *Parser { return nil }

func (p *Parser) Parse(tokenString string, keyFunc Keyfunc) (*Token, error) { return nil, nil }

func (p *Parser) ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc) (*Token, error) {
	return nil, nil
}

func (p *Parser) ParseUnverified(tokenString string, claims Claims) (token *Token, parts []string, err error) {
	return nil, nil, nil
}

func Parse(tokenString string, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return nil, nil
}

func ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return nil, nil
}

func WithValidMethods(methods []string) ParserOption { return nil }

func WithLeeway(leeway int64) ParserOption { return nil }

func WithIssuer(iss string) ParserOption { return nil }
