// Package suppressed shows how findings are suppressed, and what is wrong
// with a suppression.
package suppressed

import (
	"crypto/tls"
	"os"
)

// Sidecar talks to a local sidecar that only speaks TLS 1.3.
func Sidecar() *tls.Config {
	//sdl:ignore SDL101 -- the sidecar on loopback negotiates TLS 1.3 only; see ADR-7
	return &tls.Config{ServerName: "localhost"}
}

// Scratch makes a directory every local process may write.
func Scratch() error {
	return os.Mkdir("/tmp/scratch", 0o777) // #nosec G301 -- shared scratch space, emptied at boot
}

// NoReason has a directive without a reason (SDL001), so it still reports.
func NoReason() *tls.Config {
	//sdl:ignore SDL101
	return &tls.Config{}
}

// Stale has a directive that no longer suppresses anything (SDL002).
func Stale() *tls.Config {
	//sdl:ignore SDL101 -- MinVersion is set now
	return &tls.Config{MinVersion: tls.VersionTLS13}
}
