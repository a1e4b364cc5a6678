// Package oidc is a stub of github.com/coreos/go-oidc (v2).
package oidc

import (
	"context"
	"time"
)

type Config struct {
	ClientID             string
	SupportedSigningAlgs []string
	SkipClientIDCheck    bool
	SkipExpiryCheck      bool
	SkipIssuerCheck      bool
	Now                  func() time.Time
}

type Provider struct{}

type IDTokenVerifier struct{}

func NewProvider(ctx context.Context, issuer string) (*Provider, error) { return nil, nil }

func (p *Provider) Verifier(config *Config) *IDTokenVerifier { return nil }
