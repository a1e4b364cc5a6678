package v2

import (
	oidc "github.com/coreos/go-oidc"
)

func v2(p *oidc.Provider) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{SkipClientIDCheck: true}) // want `SkipClientIDCheck set to true`
}

func v2Assigned(p *oidc.Provider) *oidc.IDTokenVerifier {
	var cfg oidc.Config
	cfg.ClientID = "app"
	cfg.SkipExpiryCheck = true // want `SkipExpiryCheck set to true`
	return p.Verifier(&cfg)
}
