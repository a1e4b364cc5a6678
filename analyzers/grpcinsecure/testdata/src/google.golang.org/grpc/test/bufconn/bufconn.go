// Package bufconn is a stub of google.golang.org/grpc/test/bufconn.
package bufconn

import (
	"context"
	"net"
)

// Listener is a stub.
type Listener struct{}

// Listen is a stub.
func Listen(sz int) *Listener { return &Listener{} }

// Accept is a stub.
func (l *Listener) Accept() (net.Conn, error) { return nil, nil }

// Close is a stub.
func (l *Listener) Close() error { return nil }

// Addr is a stub.
func (l *Listener) Addr() net.Addr { return nil }

// Dial is a stub.
func (l *Listener) Dial() (net.Conn, error) { return nil, nil }

// DialContext is a stub.
func (l *Listener) DialContext(ctx context.Context) (net.Conn, error) { return nil, nil }
