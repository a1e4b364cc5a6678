package a

import (
	"crypto/tls"
	mytls "crypto/tls"
	"net/http"

	"legacy"
	"lookalike"
)

type alias = tls.Config

const chained = legacy.MinTLS

func missing() *tls.Config {
	return &tls.Config{ServerName: "example.com"} // want `tls.Config does not set MinVersion`
}

func missingRenamed() *mytls.Config {
	return &mytls.Config{} // want `tls.Config does not set MinVersion`
}

func missingAlias() *alias {
	c := &alias{} // want `tls.Config does not set MinVersion`
	return c
}

func missingNew() *tls.Config {
	return new(tls.Config) // want `tls.Config does not set MinVersion`
}

func missingInServer() *http.Server {
	return &http.Server{
		Addr:      ":443",
		TLSConfig: &tls.Config{}, // want `tls.Config does not set MinVersion`
	}
}

var pkgLevel = tls.Config{} // want `tls.Config does not set MinVersion`

func fromOtherPackage() *tls.Config {
	return &tls.Config{MinVersion: legacy.MinTLS} // want `MinVersion is TLS 1.0, below TLS 1.2`
}

func fromChain() *tls.Config {
	return &tls.Config{MinVersion: chained} // want `MinVersion is TLS 1.0, below TLS 1.2`
}

func fromConversion() *tls.Config {
	return &tls.Config{MinVersion: uint16(0x0302)} // want `MinVersion is TLS 1.1, below TLS 1.2`
}

func assignedLow() *tls.Config {
	cfg := &tls.Config{}
	cfg.MinVersion = tls.VersionTLS11 // want `MinVersion is TLS 1.1, below TLS 1.2`
	return cfg
}

// Look-alikes that must not be reported.

func explicit() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12}
}

func explicitOtherPackage() *tls.Config {
	return &tls.Config{MinVersion: legacy.Modern}
}

func gosecReportsThese() []*tls.Config {
	const local = tls.VersionTLS10
	return []*tls.Config{
		{MinVersion: tls.VersionTLS10}, // G402 resolves a crypto/tls constant
		{MinVersion: 0x0301},           // and an integer literal
		{MinVersion: local},            // and an identifier initialised with one
	}
}

func assignedLater() *tls.Config {
	cfg := &tls.Config{}
	cfg.MinVersion = tls.VersionTLS13
	return cfg
}

func assignedInClosure() *tls.Config {
	cfg := new(tls.Config)
	func() { cfg.MinVersion = tls.VersionTLS12 }()
	return cfg
}

func assignedThroughField() *http.Server {
	srv := &http.Server{TLSConfig: &tls.Config{}}
	srv.TLSConfig.MinVersion = tls.VersionTLS12
	return srv
}

func fromConfiguration(v uint16) *tls.Config {
	return &tls.Config{MinVersion: v}
}

func notTLS() *lookalike.Config {
	return &lookalike.Config{ServerName: "x"}
}

func zeroVar() tls.Config {
	var cfg tls.Config // a zero value is not a creation this check follows
	cfg.MinVersion = tls.VersionTLS12
	return cfg
}
