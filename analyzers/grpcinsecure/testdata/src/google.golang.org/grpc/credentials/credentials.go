// Package credentials is a stub of google.golang.org/grpc/credentials.
package credentials

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"net"
)

// PerRPCCredentials is a stub.
type PerRPCCredentials interface {
	GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error)
	RequireTransportSecurity() bool
}

// ProtocolInfo is a stub.
type ProtocolInfo struct {
	ProtocolVersion  string
	SecurityProtocol string
	SecurityVersion  string
	ServerName       string
}

// AuthInfo is a stub.
type AuthInfo interface {
	AuthType() string
}

// TransportCredentials is a stub.
type TransportCredentials interface {
	ClientHandshake(context.Context, string, net.Conn) (net.Conn, AuthInfo, error)
	ServerHandshake(net.Conn) (net.Conn, AuthInfo, error)
	Info() ProtocolInfo
	Clone() TransportCredentials
	OverrideServerName(string) error
}

// Bundle is a stub.
type Bundle interface {
	TransportCredentials() TransportCredentials
	PerRPCCredentials() PerRPCCredentials
	NewWithMode(mode string) (Bundle, error)
}

// NewTLS is a stub.
func NewTLS(c *tls.Config) TransportCredentials { return nil }

// NewClientTLSFromCert is a stub.
func NewClientTLSFromCert(cp *x509.CertPool, serverNameOverride string) TransportCredentials {
	return nil
}

// NewClientTLSFromFile is a stub.
func NewClientTLSFromFile(certFile, serverNameOverride string) (TransportCredentials, error) {
	return nil, nil
}

// NewServerTLSFromCert is a stub.
func NewServerTLSFromCert(cert *tls.Certificate) TransportCredentials { return nil }

// NewServerTLSFromFile is a stub.
func NewServerTLSFromFile(certFile, keyFile string) (TransportCredentials, error) {
	return nil, nil
}
