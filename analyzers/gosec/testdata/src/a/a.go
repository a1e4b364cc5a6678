package a

import (
	"crypto/tls"
	"os"
)

func skipVerify() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: true} // want `TLS InsecureSkipVerify set to true`
}

func perms() error {
	return os.Chmod("x", 0o777) // want `Expect file permissions to be 0600 or less`
}

func suppressed() error {
	return os.Chmod("y", 0o777) // #nosec G302 -- a scratch directory shared with the sidecar
}

func verified() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS13}
}
