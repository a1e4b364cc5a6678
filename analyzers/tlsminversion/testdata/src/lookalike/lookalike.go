// Package lookalike has a type named Config that is not crypto/tls.Config.
package lookalike

// Config looks like tls.Config.
type Config struct {
	MinVersion uint16
	ServerName string
}
