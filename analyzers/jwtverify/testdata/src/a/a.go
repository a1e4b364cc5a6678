package a

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/golang-jwt/jwt/v5"
	myjwt "github.com/golang-jwt/jwt/v5"
	"github.com/golang-jwt/jwt/v5/request"

	fake "example.com/fake/jwt"
)

var secret = []byte("secret")

// ParseUnverified.

func unverifiedClaims(raw string) (jwt.MapClaims, error) {
	token, _, err := new(jwt.Parser).ParseUnverified(raw, jwt.MapClaims{}) // want `ParseUnverified does not check the JWT signature`
	if err != nil {
		return nil, err
	}
	return token.Claims.(jwt.MapClaims), nil
}

func unverifiedRenamed(raw string) string {
	p := myjwt.NewParser()
	claims := &jwt.RegisteredClaims{}
	_, _, _ = p.ParseUnverified(raw, claims) // want `ParseUnverified does not check`
	return claims.Subject
}

func unverifiedMethodValue(raw string) {
	p := jwt.NewParser()
	parse := p.ParseUnverified // want `ParseUnverified does not check`
	parse(raw, jwt.MapClaims{})
}

func unverifiedMethodExpr(raw string) {
	(*jwt.Parser).ParseUnverified(jwt.NewParser(), raw, jwt.MapClaims{}) // want `ParseUnverified does not check`
}

func unverifiedReparsedOther(raw, other string) (*jwt.Token, error) {
	t, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{}) // want `ParseUnverified does not check`
	if err != nil {
		return nil, err
	}
	iss := t.Claims.(jwt.MapClaims)["iss"].(string)
	return jwt.Parse(other, func(t *jwt.Token) (any, error) { return keys[iss], nil }, jwt.WithValidMethods([]string{"RS256"}))
}

func unverifiedReparsedBefore(raw string) (*jwt.Token, error) {
	jwt.Parse(raw, keyFuncChecked)
	t, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{}) // want `ParseUnverified does not check`
	return t, err
}

func unverifiedPartsUsed(raw string) []string {
	_, parts, _ := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{}) // want `ParseUnverified does not check`
	return parts
}

func unverifiedTokenReturned(raw string) *jwt.Token {
	t, _, _ := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{}) // want `ParseUnverified does not check`
	if t.Header["kid"] == nil {
		return nil
	}
	return t
}

func unverifiedClaimsVarRead(raw string) any {
	claims := jwt.MapClaims{}
	t, _, _ := jwt.NewParser().ParseUnverified(raw, claims) // want `ParseUnverified does not check`
	_ = t.Header["kid"]
	return claims["sub"]
}

var keys = map[string]any{}

// Quiet: the header is read to pick a key, then the same token is verified.
func kidThenVerify(raw string) (*jwt.Token, error) {
	unverified, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		return nil, err
	}
	key := keys[unverified.Header["kid"].(string)]
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) { return key, nil }, jwt.WithValidMethods([]string{"RS256"}))
}

// Quiet: only the header of the unverified token is read.
func kidOnly(raw string) (string, error) {
	t, _, err := new(jwt.Parser).ParseUnverified(raw, &jwt.RegisteredClaims{})
	if err != nil || t == nil {
		return "", err
	}
	kid, _ := t.Header["kid"].(string)
	return kid, nil
}

// Quiet: the same request header is parsed again, with a method check.
func headerReparse(r *http.Request) (*jwt.Token, error) {
	p := jwt.NewParser()
	t, _, err := p.ParseUnverified(r.Header.Get("Authorization"), jwt.MapClaims{})
	if err != nil {
		return nil, err
	}
	_ = t.Claims
	return p.ParseWithClaims(r.Header.Get("Authorization"), jwt.MapClaims{}, keyFuncChecked)
}

// The none algorithm.

func noneConst() (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"sub": "x"}) // want `"none" signing method`
	return t.SignedString(jwt.UnsafeAllowNoneSignatureType)                  // want `UnsafeAllowNoneSignatureType enables the "none" algorithm`
}

func noneByName() *jwt.Token {
	m := jwt.GetSigningMethod("none")
	return jwt.New(m) // want `"none" signing method`
}

func noneLiteral() *jwt.Token {
	t := &jwt.Token{Method: jwt.SigningMethodNone} // want `"none" signing method`
	t.Method = jwt.SigningMethodNone               // want `"none" signing method`
	return t
}

func noneKeyfunc(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		if t.Method == jwt.SigningMethodNone {
			return jwt.UnsafeAllowNoneSignatureType, nil // want `UnsafeAllowNoneSignatureType`
		}
		return secret, nil
	})
}

func noneValidMethods(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, keyFuncChecked, jwt.WithValidMethods([]string{"HS256", "none"})) // want `"none" is among the accepted JWT algorithms`
}

func noneAlg(raw string) *jwt.Parser {
	algs := []string{jwt.SigningMethodNone.Alg()} // want `"none" is among the accepted`
	return jwt.NewParser(jwt.WithValidMethods(algs))
}

// Quiet: rejecting none.
func rejectNone(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		if t.Method == jwt.SigningMethodNone {
			return nil, errors.New("none")
		}
		return secret, nil
	})
}

// Quiet: signing with HS256.
func sign() (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{}).SignedString(secret)
}

// Keyfuncs.

func keyFuncChecked(t *jwt.Token) (any, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, fmt.Errorf("unexpected method %v", t.Header["alg"])
	}
	return secret, nil
}

func keyFuncUnchecked(t *jwt.Token) (any, error) {
	return secret, nil
}

type server struct{ key []byte }

func (s *server) keyFunc(t *jwt.Token) (any, error) { return s.key, nil }

func (s *server) checkedKeyFunc(t *jwt.Token) (any, error) {
	if t.Method.Alg() != "HS256" {
		return nil, errors.New("alg")
	}
	return s.key, nil
}

func literal(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(token *jwt.Token) (interface{}, error) { // want `JWT keyfunc never checks token.Method`
		return secret, nil
	})
}

func literalWithClaims(raw string) (*jwt.Token, error) {
	claims := &jwt.RegisteredClaims{}
	return myjwt.ParseWithClaims(raw, claims, func(token *jwt.Token) (interface{}, error) { // want `JWT keyfunc never checks`
		return secret, nil
	}, jwt.WithLeeway(5))
}

func declared(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, keyFuncUnchecked) // want `JWT keyfunc never checks`
}

func (s *server) methodValue(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, s.keyFunc) // want `JWT keyfunc never checks`
}

func localVar(raw string) (*jwt.Token, error) {
	kf := func(t *jwt.Token) (any, error) {
		kid := t.Header["kid"].(string)
		return keys[kid], nil
	}
	return jwt.Parse(raw, kf) // want `JWT keyfunc never checks`
}

func converted(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, jwt.Keyfunc(keyFuncUnchecked)) // want `JWT keyfunc never checks`
}

func keyFuncFor(key []byte) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) { return key, nil }
}

func checkedKeyFuncFor(key []byte) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, errors.New("alg")
		}
		return key, nil
	}
}

func factory(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, keyFuncFor(secret)) // want `JWT keyfunc never checks`
}

func parserNew(raw string) (*jwt.Token, error) {
	p := jwt.NewParser(jwt.WithIssuer("me"))
	return p.Parse(raw, keyFuncUnchecked) // want `JWT keyfunc never checks`
}

func parserInline(raw string) (*jwt.Token, error) {
	return jwt.NewParser().ParseWithClaims(raw, jwt.MapClaims{}, keyFuncUnchecked) // want `JWT keyfunc never checks`
}

func parserNewBuiltin(raw string) (*jwt.Token, error) {
	return new(jwt.Parser).Parse(raw, keyFuncUnchecked) // want `JWT keyfunc never checks`
}

func parseHelper(raw string, kf jwt.Keyfunc) (*jwt.Token, error) {
	return jwt.Parse(raw, kf)
}

func viaHelper(raw string) {
	parseHelper(raw, func(t *jwt.Token) (any, error) { return secret, nil }) // want `JWT keyfunc never checks`
	parseHelper(raw, keyFuncChecked)
}

func passesToChecker(t *jwt.Token) error {
	if t.Header["alg"] != "HS256" {
		return errors.New("alg")
	}
	return nil
}

func helperChecksToken(t *jwt.Token) (any, error) {
	if err := passesToChecker(t); err != nil {
		return nil, err
	}
	return secret, nil
}

func helperNoCheck(t *jwt.Token) (any, error) {
	log(t)
	return secret, nil
}

func log(t *jwt.Token) { _ = t.Header["kid"] }

func fromRequest(r *http.Request) (*jwt.Token, error) {
	return request.ParseFromRequest(r, request.AuthorizationHeaderExtractor, keyFuncUnchecked) // want `JWT keyfunc never checks`
}

func fromRequestClaims(r *http.Request) (*jwt.Token, error) {
	return request.ParseFromRequest(r, request.AuthorizationHeaderExtractor, helperNoCheck, request.WithClaims(jwt.MapClaims{})) // want `JWT keyfunc never checks`
}

func fromRequestParser(r *http.Request) (*jwt.Token, error) {
	p := jwt.NewParser()
	return request.ParseFromRequest(r, request.AuthorizationHeaderExtractor, keyFuncUnchecked, request.WithParser(p)) // want `JWT keyfunc never checks`
}

// Quiet keyfuncs.

func checkedLiteral(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		switch t.Method.(type) {
		case *jwt.SigningMethodHMAC:
			return secret, nil
		}
		return nil, errors.New("alg")
	})
}

func checkedAlgHeader(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		if t.Header["alg"] != "HS256" {
			return nil, errors.New("alg")
		}
		return secret, nil
	})
}

func checkedDecl(raw string, s *server) {
	jwt.Parse(raw, keyFuncChecked)
	jwt.Parse(raw, s.checkedKeyFunc)
	jwt.Parse(raw, helperChecksToken)
	jwt.Parse(raw, checkedKeyFuncFor(secret))
}

func validMethods(raw string) {
	jwt.Parse(raw, keyFuncUnchecked, jwt.WithValidMethods([]string{"HS256"}))
	jwt.NewParser(jwt.WithValidMethods([]string{"RS256"})).Parse(raw, keyFuncUnchecked)
	p := jwt.NewParser(jwt.WithLeeway(1), jwt.WithValidMethods([]string{"RS256"}))
	p.ParseWithClaims(raw, jwt.MapClaims{}, keyFuncUnchecked)
	request.ParseFromRequest(nil, request.AuthorizationHeaderExtractor, keyFuncUnchecked, request.WithParser(p))
}

var sharedParser = jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))

func packageParser(raw string) (*jwt.Token, error) {
	return sharedParser.Parse(raw, keyFuncUnchecked)
}

func invisible(raw string, kf jwt.Keyfunc, opts []jwt.ParserOption, p *jwt.Parser, other func(*jwt.Token) (any, error)) {
	jwt.Parse(raw, kf)
	jwt.Parse(raw, keyFuncUnchecked, opts...)
	p.Parse(raw, keyFuncUnchecked)
	jwt.Parse(raw, func(t *jwt.Token) (any, error) { return other(t) })
	jwt.Parse(raw, jwksKeyfunc())
}

type jwks interface{ Keyfunc(*jwt.Token) (any, error) }

var set jwks

func jwksKeyfunc() jwt.Keyfunc { return set.Keyfunc }

type holder struct{ parser *jwt.Parser }

func (h *holder) field(raw string) { h.parser.Parse(raw, keyFuncUnchecked) }

// Discarded errors.

func discarded(raw string) jwt.MapClaims {
	token, _ := jwt.Parse(raw, keyFuncChecked) // want `error of this JWT parse is discarded`
	return token.Claims.(jwt.MapClaims)
}

func discardedClaims(raw string) string {
	var claims jwt.RegisteredClaims
	jwt.ParseWithClaims(raw, &claims, keyFuncChecked)                        // want `error of this JWT parse is discarded`
	var _, _ = jwt.NewParser().ParseWithClaims(raw, &claims, keyFuncChecked) // want `error of this JWT parse is discarded`
	return claims.Subject
}

// Quiet: Valid is checked, or the token is not used.
func discardedValid(raw string) jwt.MapClaims {
	token, _ := jwt.Parse(raw, keyFuncChecked)
	if !token.Valid {
		return nil
	}
	return token.Claims.(jwt.MapClaims)
}

func discardedUnused(raw string) {
	_, _ = jwt.Parse(raw, keyFuncChecked)
}

func errorHandled(raw string) (jwt.MapClaims, error) {
	token, err := jwt.Parse(raw, keyFuncChecked)
	if err != nil {
		return nil, err
	}
	return token.Claims.(jwt.MapClaims), nil
}

// Quiet: look-alikes in another package.
func lookalike(raw string) {
	new(fake.Parser).ParseUnverified(raw, nil)
	fake.Parse(raw, func(t *fake.Token) (any, error) { return secret, nil })
	fake.NewWithClaims(fake.SigningMethodNone, fake.UnsafeAllowNoneSignatureType)
	fake.WithValidMethods([]string{"none"})
	_ = &fake.Parser{ValidMethods: []string{"none"}}
}
