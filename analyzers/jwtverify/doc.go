// Package jwtverify defines an Analyzer that reports JSON Web Tokens
// accepted without sound signature verification.
//
// # Analyzer jwtverify
//
// jwtverify: report JWTs parsed without signature verification, the "none" algorithm, and keyfuncs that never check the algorithm
//
// The analyzer covers github.com/golang-jwt/jwt (v3, v4 and v5) and its
// predecessors github.com/dgrijalva/jwt-go and
// github.com/form3tech-oss/jwt-go, with their request subpackages, and the
// unverified entry points of go-jose and lestrrat-go/jwx. It reports:
//
//   - any use, called or taken as a method value, of
//     (*jwt.Parser).ParseUnverified. It is left alone when it only serves
//     to read the header before a verified parse: the same token string is
//     passed to Parse or ParseWithClaims later in the same function, or the
//     result is assigned as "tok, _, err :=" with claims that are a fresh
//     value nobody reads, and tok is only used for tok.Header and
//     tok.Method;
//   - go-jose's (*jwt.JSONWebToken).UnsafeClaimsWithoutVerification, unless
//     the same token's claims are also read with the verifying Claims(key,
//     ...) in the same function; lestrrat-go/jwx's jwt.ParseInsecure
//     (unless the same bytes are parsed again with jwt.Parse in the same
//     function) and jwt.WithVerify(false);
//   - the "none" algorithm: any use of jwt.UnsafeAllowNoneSignatureType
//     (the key that makes jwt.SigningMethodNone sign and verify), a token
//     created with jwt.SigningMethodNone or jwt.GetSigningMethod("none")
//     (jwt.New, jwt.NewWithClaims, a Token literal or an assignment to its
//     Method field), and "none" (or jwt.SigningMethodNone.Alg()) in
//     jwt.WithValidMethods or in the ValidMethods field of a jwt.Parser;
//   - a keyfunc that never checks the signing method, passed to jwt.Parse,
//     jwt.ParseWithClaims, (*jwt.Parser).Parse or ParseWithClaims, or
//     request.ParseFromRequest(WithClaims), when the parser does not
//     restrict the algorithms (no jwt.WithValidMethods option, no
//     ValidMethods field set on the parser literal or variable, no
//     request.WithParser with such a parser). The keyfunc is checked when
//     its code is visible: a function literal, a function or method of the
//     package, a local variable assigned only such functions, a function of
//     the package returning such keyfuncs, or the keyfunc callers pass to a
//     helper of the package that parses with its parameter. It counts as
//     checking the method when it reads token.Method (a type assertion,
//     Alg(), a comparison), reads token.Header["alg"] or the whole header,
//     or passes the token to code the analyzer cannot see or to a function
//     of the package that checks;
//   - a verified parse whose error is thrown away ("tok, _ := jwt.Parse(...)",
//     or a ParseWithClaims call used as a statement) when the token, or the
//     claims value it fills, is used afterwards and token.Valid is read
//     nowhere in the function: golang-jwt returns the decoded token and
//     fills the claims even when the signature does not verify.
//
// A keyfunc that is a parameter, a field, or the result of a call into
// another package (a JWKS client such as keyfunc.Keyfunc) is not reported,
// nor is a parser whose options or origin are not visible (options passed
// as opts..., a parser stored in a struct field). Comparing token.Method
// with jwt.SigningMethodNone to reject it is not reported. Files ending in
// _test.go are not checked: tests legitimately forge unsigned tokens to
// check that they are rejected.
//
// # Why it matters
//
// A JWT is only as trustworthy as its signature check. ParseUnverified
// (and go-jose's UnsafeClaimsWithoutVerification) decode the claims
// without looking at the signature, so anyone can write "admin": true into
// a token. The "none" algorithm declares the token unsigned; accepting it
// is the same as not verifying. And since the algorithm is named by the
// token itself, a keyfunc that returns a key without checking token.Method
// lets the attacker choose how that key is used: the classic algorithm
// confusion signs an HS256 token with the server's RSA public key as the
// HMAC secret. Checking the method in the keyfunc, or restricting the
// parser with WithValidMethods, pins the algorithm to the one the key is
// meant for.
//
// # Insecure example
//
//	token, _, err := new(jwt.Parser).ParseUnverified(raw, jwt.MapClaims{})
//	claims := token.Claims.(jwt.MapClaims) // never verified
//
//	token, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
//		return publicKey, nil // any algorithm the token names
//	})
//
// # Fixed example
//
//	token, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
//		if _, ok := t.Method.(*jwt.SigningMethodRSA); !ok {
//			return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
//		}
//		return publicKey, nil
//	})
//
//	token, err := jwt.Parse(raw, keyFunc, jwt.WithValidMethods([]string{"RS256"}))
//
// # References
//
//   - CWE-347: Improper Verification of Cryptographic Signature, https://cwe.mitre.org/data/definitions/347.html
//   - CWE-345: Insufficient Verification of Data Authenticity, https://cwe.mitre.org/data/definitions/345.html
//   - RFC 8725, JSON Web Token Best Current Practices, section 3.1 (Perform Algorithm Verification), https://www.rfc-editor.org/rfc/rfc8725#section-3.1
//   - OWASP JSON Web Token Cheat Sheet, https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html
//   - golang-jwt Parser and WithValidMethods, https://pkg.go.dev/github.com/golang-jwt/jwt/v5#WithValidMethods
package jwtverify
