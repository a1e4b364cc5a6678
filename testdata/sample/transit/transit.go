// Package transit holds encryption-in-transit flaws: TLS versions, plaintext
// listeners, gRPC without transport security, http:// URLs.
package transit

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

// insecureTLS accepts whatever the Go defaults allow (SDL101).
func insecureTLS(certs []tls.Certificate) *http.Server {
	return &http.Server{
		Addr:      "127.0.0.1:8443",
		TLSConfig: &tls.Config{Certificates: certs},
	}
}

// secureTLS requires TLS 1.2.
func secureTLS(certs []tls.Certificate) *http.Server {
	return &http.Server{
		Addr:      "127.0.0.1:8443",
		TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12, Certificates: certs},
	}
}

// insecureListen serves plain HTTP on every interface (SDL102).
func insecureListen(h http.Handler) error {
	return http.ListenAndServe(":8080", h)
}

// secureListen serves HTTPS, and plain HTTP only on loopback.
func secureListen(h http.Handler) error {
	go http.ListenAndServe("127.0.0.1:8081", h)
	return http.ListenAndServeTLS(":8443", "cert.pem", "key.pem", h)
}

// insecureDial talks gRPC in clear text to another host (SDL103).
func insecureDial() (*grpc.ClientConn, error) {
	return grpc.NewClient("orders.internal:50051", grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// secureDial uses TLS.
func secureDial(cfg *tls.Config) (*grpc.ClientConn, error) {
	return grpc.NewClient("orders.internal:50051", grpc.WithTransportCredentials(credentials.NewTLS(cfg)))
}

// insecureServer has no transport credentials (SDL103).
func insecureServer() *grpc.Server {
	return grpc.NewServer()
}

// secureServer has them.
func secureServer(cfg *tls.Config) *grpc.Server {
	return grpc.NewServer(grpc.Creds(credentials.NewTLS(cfg)))
}

// insecureURL calls a partner API over plain HTTP (SDL104).
func insecureURL(ctx context.Context, c *http.Client) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://api.partner.example.com/v1/orders", nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// secureURL uses HTTPS.
func secureURL(ctx context.Context, c *http.Client) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.partner.example.com/v1/orders", nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

var _ = []any{insecureTLS, secureTLS, insecureListen, secureListen, insecureDial, secureDial,
	insecureServer, secureServer, insecureURL, secureURL, net.Listen}
