// Package legacy declares TLS constants in another package, where gosec's
// G402 cannot resolve them.
package legacy

import "crypto/tls"

// MinTLS is TLS 1.0.
const MinTLS = tls.VersionTLS10

// Modern is TLS 1.3.
const Modern = tls.VersionTLS13
