// Package insecure looks like grpc's insecure package.
package insecure

// NewCredentials looks like insecure.NewCredentials.
func NewCredentials() any { return nil }
