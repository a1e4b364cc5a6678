// Package oidcskip defines an Analyzer that reports go-oidc ID token
// verifiers configured to skip their checks.
//
// # Analyzer oidcskip
//
// oidcskip: report go-oidc verifier configurations that skip the audience, expiry, issuer or signature check
//
// The analyzer reports the fields of an oidc.Config of
// github.com/coreos/go-oidc (v2, and the oidc package of v3 and later) that
// turn a check of IDTokenVerifier.Verify off: SkipClientIDCheck (audience),
// SkipExpiryCheck (expiry), SkipIssuerCheck (issuer) and
// InsecureSkipSignatureCheck (signature), when they are set to anything
// but the constant false. It looks at composite literals, keyed or
// positional, by value or behind a pointer, and at assignments to these
// fields after construction (also through a struct that embeds
// oidc.Config). Each finding is on the value and names the check that is
// lost. A value that is not constant (read from configuration, say) is
// reported too, since it can turn the check off in production; a local
// variable only ever assigned false is not.
//
// SkipClientIDCheck is sometimes set on purpose, when the audience is
// compared by hand after Verify (for access tokens whose audience is an
// API); it is still reported, since the manual check is easy to get wrong
// or lose, and the message says so. With a ClientID set in the same
// literal the setting is contradictory: the ClientID is ignored.
//
// Any use of oidc.InsecureIssuerURLContext is also reported: it makes
// discovery and verification expect an issuer other than the discovery
// URL.
//
// Reading the fields, setting them to false, and look-alike Config types
// of other packages are not reported. Files ending in _test.go are not
// checked: tests verify fixed tokens whose expiry has passed.
//
// # Why it matters
//
// An ID token proves who the user is only if all of its checks pass: the
// signature (the provider issued it), the issuer (the right provider or
// tenant), the audience (it was issued to this client, not to another
// application that could replay it), and the expiry (it is current).
// Skipping the audience check lets any other relying party of the same
// provider log in as its users here; skipping the issuer check accepts
// tokens of another tenant of a multi-tenant provider; skipping expiry
// keeps leaked tokens valid forever; skipping the signature accepts forged
// tokens.
//
// # Insecure example
//
//	verifier := provider.Verifier(&oidc.Config{
//		SkipClientIDCheck: true,
//		SkipExpiryCheck:   true,
//	})
//
// # Fixed example
//
//	verifier := provider.Verifier(&oidc.Config{ClientID: clientID})
//
// # References
//
//   - CWE-287: Improper Authentication, https://cwe.mitre.org/data/definitions/287.html
//   - CWE-347: Improper Verification of Cryptographic Signature, https://cwe.mitre.org/data/definitions/347.html
//   - OpenID Connect Core 1.0, section 3.1.3.7 (ID Token Validation), https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
//   - go-oidc Config, https://pkg.go.dev/github.com/coreos/go-oidc/v3/oidc#Config
package oidcskip
