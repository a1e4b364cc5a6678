// Package oidc is a look-alike of go-oidc in another path.
package oidc

import "context"

type Config struct {
	ClientID                   string
	SkipClientIDCheck          bool
	SkipExpiryCheck            bool
	SkipIssuerCheck            bool
	InsecureSkipSignatureCheck bool
}

func InsecureIssuerURLContext(ctx context.Context, issuerURL string) context.Context { return ctx }
