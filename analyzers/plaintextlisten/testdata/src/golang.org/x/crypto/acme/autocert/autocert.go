// Package autocert is a stub of golang.org/x/crypto/acme/autocert.
package autocert

import (
	"crypto/tls"
	"net"
	"net/http"
)

// Manager is a stub.
type Manager struct {
	Prompt     func(tosURL string) bool
	HostPolicy func(host string) error
}

// HTTPHandler is a stub.
func (m *Manager) HTTPHandler(fallback http.Handler) http.Handler { return fallback }

// TLSConfig is a stub.
func (m *Manager) TLSConfig() *tls.Config { return nil }

// NewListener is a stub.
func NewListener(domains ...string) net.Listener { return nil }
