// Package insecure is a stub of google.golang.org/grpc/credentials/insecure.
package insecure

import "google.golang.org/grpc/credentials"

// NewCredentials is a stub.
func NewCredentials() credentials.TransportCredentials { return nil }

// NewBundle is a stub.
func NewBundle() credentials.Bundle { return nil }
