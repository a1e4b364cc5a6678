// Package tlsminversion defines an Analyzer that reports TLS configurations
// that may accept protocol versions older than TLS 1.2.
//
// # Analyzer tlsminversion
//
// tlsminversion: report tls.Config values that do not require TLS 1.2 or later
//
// The analyzer reports a crypto/tls.Config that is created (as a composite
// literal or with new) without a MinVersion and never given one in the same
// function, and a MinVersion set from a constant below tls.VersionTLS12
// where gosec's G402 cannot see the value: a constant declared in another
// package, a constant expression or conversion, a chain of named constants,
// or an assignment to the MinVersion field after the literal. It offers a
// fix that sets MinVersion to tls.VersionTLS12.
//
// A MinVersion set from a value that is not constant (read from
// configuration, say) is not reported.
//
// # Why it matters
//
// TLS 1.0 and 1.1 are deprecated (RFC 8996): they rely on SHA-1 and on
// cipher constructions with practical attacks (BEAST, POODLE variants,
// Lucky13). Encryption in transit is only as strong as the weakest version
// a peer will agree to, and a downgrade needs only one endpoint to allow
// it. Which version Go uses when MinVersion is zero depends on the Go
// version in go.mod and on GODEBUG settings (tls10server=1 restores TLS 1.0
// for servers), so the only configuration that is safe whatever the build
// is an explicit MinVersion of TLS 1.2 or 1.3.
//
// # Insecure example
//
//	srv := &http.Server{
//		TLSConfig: &tls.Config{Certificates: certs},
//	}
//
//	cfg.MinVersion = legacy.MinTLS // a constant equal to tls.VersionTLS10
//
// # Fixed example
//
//	srv := &http.Server{
//		TLSConfig: &tls.Config{
//			MinVersion:   tls.VersionTLS12,
//			Certificates: certs,
//		},
//	}
//
// # References
//
//   - CWE-326: Inadequate Encryption Strength, https://cwe.mitre.org/data/definitions/326.html
//   - CWE-757: Selection of Less-Secure Algorithm During Negotiation, https://cwe.mitre.org/data/definitions/757.html
//   - RFC 8996, Deprecating TLS 1.0 and TLS 1.1, https://www.rfc-editor.org/rfc/rfc8996
//   - crypto/tls Config.MinVersion, https://pkg.go.dev/crypto/tls#Config
package tlsminversion
