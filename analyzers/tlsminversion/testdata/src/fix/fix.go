package fix

import (
	"crypto/tls"

	"legacy"
)

func empty() *tls.Config {
	return &tls.Config{} // want `does not set MinVersion`
}

func oneLine() *tls.Config {
	return &tls.Config{ServerName: "example.com"} // want `does not set MinVersion`
}

func multiLine() *tls.Config {
	return &tls.Config{ // want `does not set MinVersion`
		ServerName: "example.com",
		NextProtos: []string{"h2"},
	}
}

func low() *tls.Config {
	return &tls.Config{MinVersion: legacy.MinTLS} // want `below TLS 1.2`
}
