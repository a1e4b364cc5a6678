package lookalike

import (
	"context"

	"example.com/fake/oidc"
)

func fake(ctx context.Context) (*oidc.Config, context.Context) {
	c := &oidc.Config{SkipClientIDCheck: true, SkipExpiryCheck: true, SkipIssuerCheck: true, InsecureSkipSignatureCheck: true}
	c.SkipExpiryCheck = true
	return c, oidc.InsecureIssuerURLContext(ctx, "x")
}
