package a

import (
	"context"

	"github.com/coreos/go-oidc/v3/oidc"
	myoidc "github.com/coreos/go-oidc/v3/oidc"

	fake "example.com/fake/oidc"
)

type alias = oidc.Config

type settings struct {
	SkipExpiry bool
}

type wrapped struct {
	oidc.Config
	Name string
}

const skip = true

func literal(p *oidc.Provider) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{
		SkipClientIDCheck: true, // want `oidc.Config.SkipClientIDCheck set to true disables the audience \(aud\) check`
		SkipExpiryCheck:   true, // want `oidc.Config.SkipExpiryCheck set to true disables the expiry \(exp\) check`
	})
}

func contradictory(p *oidc.Provider, id string) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: id, SkipClientIDCheck: true}) // want `SkipClientIDCheck set to true .* ClientID set in this literal is then ignored`
}

func issuer(p *oidc.Provider) *oidc.IDTokenVerifier {
	cfg := oidc.Config{ClientID: "app", SkipIssuerCheck: skip} // want `oidc.Config.SkipIssuerCheck set to true disables the issuer`
	return p.Verifier(&cfg)
}

func signature(ks oidc.KeySet) *oidc.IDTokenVerifier {
	return oidc.NewVerifier("https://issuer", ks, &myoidc.Config{ClientID: "app", InsecureSkipSignatureCheck: true}) // want `InsecureSkipSignatureCheck set to true disables ID token signature verification`
}

func fromSettings(p *oidc.Provider, s settings) *oidc.IDTokenVerifier {
	return p.Verifier(&alias{ClientID: "app", SkipExpiryCheck: s.SkipExpiry}) // want `SkipExpiryCheck set from a value that may be true`
}

func assigned(p *oidc.Provider, devMode bool) *oidc.IDTokenVerifier {
	cfg := &oidc.Config{ClientID: "app"}
	cfg.SkipExpiryCheck = true    // want `SkipExpiryCheck set to true`
	cfg.SkipIssuerCheck = devMode // want `SkipIssuerCheck set from a value that may be true`
	return p.Verifier(cfg)
}

func embedded(p *oidc.Provider) *oidc.IDTokenVerifier {
	var w wrapped
	w.SkipClientIDCheck = true // want `SkipClientIDCheck set to true`
	return p.Verifier(&w.Config)
}

func positional(p *oidc.Provider) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{"app", nil, false, true, false, nil, false}) // want `SkipExpiryCheck set to true`
}

func issuerContext(ctx context.Context) (*oidc.Provider, error) {
	ctx = oidc.InsecureIssuerURLContext(ctx, "https://login.example.com/tenant") // want `oidc.InsecureIssuerURLContext overrides the issuer`
	return oidc.NewProvider(ctx, "https://login.example.com/common")
}

func issuerContextValue() func(context.Context, string) context.Context {
	return oidc.InsecureIssuerURLContext // want `InsecureIssuerURLContext overrides`
}

// Quiet.

func safe(p *oidc.Provider, ctx context.Context) *oidc.IDTokenVerifier {
	skipNothing := false
	cfg := &oidc.Config{
		ClientID:                   "app",
		SkipClientIDCheck:          false,
		SkipExpiryCheck:            skipNothing,
		InsecureSkipSignatureCheck: !skip,
	}
	cfg.SkipIssuerCheck = false
	if cfg.SkipExpiryCheck || cfg.SkipIssuerCheck {
		panic("unreachable")
	}
	ctx = oidc.ClientContext(ctx, nil)
	return p.VerifierContext(ctx, cfg)
}

func lookalike(ctx context.Context) context.Context {
	c := &fake.Config{SkipExpiryCheck: true, InsecureSkipSignatureCheck: true}
	c.SkipIssuerCheck = true
	return fake.InsecureIssuerURLContext(ctx, "x")
}
