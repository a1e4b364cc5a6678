package deps

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/policy"
)

// ServiceURL is the OSV service's query endpoint, which osv-scanner
// queries in online mode and Probe checks.
const ServiceURL = "https://api.osv.dev/v1/query"

// Database modes: sdl.yaml's vulndb.mode values, defined once in policy.
const (
	// ModeAuto queries the OSV service, or the local database when the
	// service cannot be reached.
	ModeAuto = policy.VulndbAuto
	// ModeOnline queries the OSV service only.
	ModeOnline = policy.VulndbOnline
	// ModeOffline reads the local database only.
	ModeOffline = policy.VulndbOffline
)

// Probe reports whether the OSV service answers at url: any HTTP response
// (even an error status) means it can be reached; a DNS, connection or TLS
// failure, or no answer within timeout, means it cannot.
func Probe(ctx context.Context, client *http.Client, url string, timeout time.Duration) error {
	if client == nil {
		client = &http.Client{Timeout: timeout}
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader([]byte("{}")))
	if err != nil {
		return fmt.Errorf("probe the OSV service: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "sdlkit")
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("the OSV service at %s cannot be reached: %w", url, err)
	}
	return resp.Body.Close()
}

// Choose decides, for a mode, whether a scan reads the local database.
// In ModeAuto it calls probe and chooses the local database when the
// service cannot be reached, returning a note that says so; in
// ModeOnline an unreachable service is an error.
func Choose(ctx context.Context, mode string, probe func(context.Context) error) (offline bool, note string, err error) {
	switch mode {
	case ModeOffline:
		return true, "", nil
	case ModeOnline:
		if err := probe(ctx); err != nil {
			return false, "", fmt.Errorf("%w (scan offline with --offline after sdl vulndb update)", err)
		}
		return false, "", nil
	case ModeAuto, "":
		if err := probe(ctx); err != nil {
			return true, fmt.Sprintf("%v; using the local vulnerability database instead", err), nil
		}
		return false, "", nil
	}
	return false, "", fmt.Errorf("unknown vulnerability database mode %q (want auto, online or offline)", mode)
}

// SARIF returns the dependency scan as a SARIF run of its own, with
// osv-scanner as the driver, so that a gate can require osv-scanner's
// output, and the database used recorded in the run's properties.
func (r *Result) SARIF() finding.Run {
	run := finding.Run{
		Driver:     driver(),
		Rules:      r.Rules,
		Findings:   r.Findings,
		Successful: true,
		Properties: map[string]any{"database": r.Database, "packages": r.Packages},
	}
	run.Notifications = append(run.Notifications, r.Notes...)
	return run
}

// FailedRun is the SARIF run of a dependency scan that could not run: it
// records the reason and is marked unsuccessful, so that a gate reading
// it fails closed instead of seeing no vulnerabilities.
func FailedRun(err error) finding.Run {
	return finding.Run{Driver: driver(), Notifications: []string{err.Error()}}
}

func driver() finding.Tool {
	return finding.Tool{Name: Tool, Version: Version, InformationURI: "https://github.com/google/osv-scanner"}
}
