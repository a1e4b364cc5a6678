// Package oauth2 is a stub of golang.org/x/oauth2.
package oauth2

import (
	"context"
	"net/url"
)

type Endpoint struct {
	AuthURL  string
	TokenURL string
}

type Config struct {
	ClientID     string
	ClientSecret string
	Endpoint     Endpoint
	RedirectURL  string
	Scopes       []string
}

type Token struct {
	AccessToken string
}

type AuthCodeOption interface {
	setValue(url.Values)
}

type setParam struct{ k, v string }

func (p setParam) setValue(m url.Values) { m.Set(p.k, p.v) }

var (
	AccessTypeOnline  AuthCodeOption = SetAuthURLParam("access_type", "online")
	AccessTypeOffline AuthCodeOption = SetAuthURLParam("access_type", "offline")
	ApprovalForce     AuthCodeOption = SetAuthURLParam("prompt", "consent")
)

func SetAuthURLParam(key, value string) AuthCodeOption { return setParam{key, value} }

func (c *Config) AuthCodeURL(state string, opts ...AuthCodeOption) string { return "" }

func (c *Config) Exchange(ctx context.Context, code string, opts ...AuthCodeOption) (*Token, error) {
	return nil, nil
}

func GenerateVerifier() string { return "" }

func VerifierOption(verifier string) AuthCodeOption { return nil }

func S256ChallengeOption(verifier string) AuthCodeOption { return nil }
