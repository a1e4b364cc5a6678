package a

import (
	"testing"

	"github.com/coreos/go-oidc/v3/oidc"
)

// Test files are not checked: fixtures verify expired tokens.
func TestVerify(t *testing.T) {
	_ = oidc.NewVerifier("https://issuer", nil, &oidc.Config{ClientID: "app", SkipExpiryCheck: true})
}
