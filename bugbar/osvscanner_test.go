package bugbar

import (
	"slices"
	"strings"
	"testing"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/policy"
)

const osvScannerTOML = `[[IgnoredVulns]]
id = "CVE-2026-1111"
ignoreUntil = 2027-01-01
reason = "the vulnerable parser is never called"

[[IgnoredVulns]]
id = "GO-2026-0002"
ignoreUntil = 2026-11-01
reason = "was waiting for a release"

[[IgnoredVulns]]
id = "GO-2026-9999"
ignoreUntil = 2027-01-01
reason = "long fixed"

[[PackageOverrides]]
name = "golang.org/x/net"
version = "0.30.0"
ecosystem = "Go"
vulnerability.ignore = true
effectiveUntil = 2027-01-01
reason = "only the client is used"
`

func vulnFinding(id, pkg, version string, aliases ...string) finding.Finding {
	v := f(id, "go.mod", 5, finding.Important)
	al := make([]any, len(aliases))
	for i, a := range aliases {
		al[i] = a
	}
	v.Properties = map[string]any{"aliases": al, "package": pkg, "installed": version, "ecosystem": "Go"}
	return v
}

func TestOSVScannerIgnores(t *testing.T) {
	p := mustPolicy(t, "version: 1\ngates:\n  verification: {max: {critical: 0, important: 0}}\n")
	c, err := policy.ParseOSVScannerConfig("osv-scanner.toml", []byte(osvScannerTOML))
	if err != nil {
		t.Fatal(err)
	}
	p.AddExceptions(c.Exceptions...)
	logs := []*finding.SARIFLog{
		log("osv-scanner",
			// Ignored by its alias.
			vulnFinding("GO-2026-0001", "example.com/parser", "1.2.0", "CVE-2026-1111", "GHSA-aaaa-bbbb-cccc"),
			// Ignored until 2026-11-01: expired on 2026-10-31.
			vulnFinding("GO-2026-0002", "example.com/other", "0.1.0"),
			// Ignored by the package override.
			vulnFinding("GO-2026-0003", "golang.org/x/net", "0.30.0"),
			// Another version of the package is not.
			vulnFinding("GO-2026-0004", "golang.org/x/net", "0.31.0"),
		),
		// Another tool reporting the same id is not covered: the ignores
		// are osv-scanner's.
		log("trivy", f("CVE-2026-1111", "Dockerfile", 1, finding.Moderate)),
	}
	d, err := Evaluate(Input{Phase: "verification", Policy: p, Today: date(t, "2026-11-27"), Logs: logs, Warnings: c.Warnings})
	if err != nil {
		t.Fatal(err)
	}
	got := levels(d)
	want := []string{"CVE-2026-1111=moderate/new", "GO-2026-0001=important/excepted", "GO-2026-0002=important/new", "GO-2026-0003=important/excepted", "GO-2026-0004=important/new"}
	if !slices.Equal(got, want) {
		t.Errorf("statuses:\n got %v\nwant %v", got, want)
	}
	for _, it := range d.Items {
		if it.Finding.RuleID == "GO-2026-0002" && (it.Exception == nil || it.Exception.ID != "GO-2026-0002") {
			t.Errorf("expired ignore: exception %+v", it.Exception)
		}
	}
	states := map[string]ExceptionStatus{}
	for _, x := range d.Exceptions {
		states[x.Exception.ID] = x
	}
	for id, w := range map[string]struct {
		state ExceptionState
		where string
	}{
		"CVE-2026-1111":                        {ExceptionInForce, "osv-scanner.toml:1:1"},
		"GO-2026-0002":                         {ExceptionExpired, "osv-scanner.toml:6:1"},
		"GO-2026-9999":                         {ExceptionStale, "osv-scanner.toml:11:1"},
		"package golang.org/x/net@0.30.0 (Go)": {ExceptionInForce, "osv-scanner.toml:16:1"},
	} {
		if s := states[id]; s.State != w.state || s.Where != w.where || s.Exception.Approver != policy.OSVScannerApprover {
			t.Errorf("%s: %+v, want %s at %s", id, s, w.state, w.where)
		}
	}
	if d.Result != Failed {
		t.Errorf("result %s", d.Result)
	}
	warn := strings.Join(d.Warnings, "\n")
	for _, w := range []string{
		"exception GO-2026-0002 (osv-scanner.toml:6:1) expired on 2026-10-31: its 1 findings count again",
		"exception GO-2026-9999 (osv-scanner.toml:11:1) matches no finding",
	} {
		if !strings.Contains(warn, w) {
			t.Errorf("warnings lack %q:\n%s", w, warn)
		}
	}

	// SARIF output carries the ignore as a suppression with its reason.
	runs := d.SARIF(NewRuleIndex(logs), "test")
	found := false
	for _, r := range runs {
		for _, fd := range r.Findings {
			if fd.RuleID == "GO-2026-0001" {
				found = len(fd.Suppressions) == 1 && strings.Contains(fd.Suppressions[0].Justification,
					"exception CVE-2026-1111, approved by osv-scanner.toml until 2026-12-31: the vulnerable parser is never called")
			}
		}
	}
	if !found {
		t.Errorf("the SARIF output lacks the suppression of GO-2026-0001")
	}
}

func TestOSVScannerIgnoreWarningsReachTheDecision(t *testing.T) {
	p := mustPolicy(t, "version: 1\n")
	c, err := policy.ParseOSVScannerConfig("osv-scanner.toml", []byte("[[IgnoredVulns]]\nid = \"GO-2026-0001\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	p.AddExceptions(c.Exceptions...)
	d, err := Evaluate(Input{Phase: "verification", Policy: p, Today: date(t, "2026-11-27"), Warnings: c.Warnings,
		Logs: []*finding.SARIFLog{log("osv-scanner", vulnFinding("GO-2026-0001", "example.com/m", "1.0.0"))}})
	if err != nil {
		t.Fatal(err)
	}
	if d.Result != PassedWithExceptions || len(d.Warnings) < 2 ||
		!strings.Contains(d.Warnings[0], "has no ignoreUntil: it never expires") || !strings.Contains(d.Warnings[1], "has no reason") {
		t.Errorf("result %s, warnings %v", d.Result, d.Warnings)
	}
}

func TestPackageScopeMatching(t *testing.T) {
	for _, tc := range []struct {
		scope policy.PackageScope
		props map[string]any
		want  bool
	}{
		{policy.PackageScope{Name: "golang.org/x/net"}, map[string]any{"package": "golang.org/x/net"}, true},
		{policy.PackageScope{Name: "golang.org/x/net"}, map[string]any{"package": "golang.org/x/net/v2"}, false},
		{policy.PackageScope{Name: "golang.org/x/net"}, nil, false},
		{policy.PackageScope{Name: "golang.org/x/.*", NameIsRegex: true}, map[string]any{"package": "golang.org/x/crypto"}, true},
		{policy.PackageScope{Name: "golang.org/x/.*", NameIsRegex: true}, map[string]any{"package": "github.com/golang.org/x/crypto"}, false},
		{policy.PackageScope{Name: "a|b", NameIsRegex: true}, map[string]any{"package": "abc"}, false},
		{policy.PackageScope{Version: "1.0.0"}, map[string]any{"installed": "1.0.0"}, true},
		{policy.PackageScope{Version: "1.0.0"}, map[string]any{"installed": "1.0.1"}, false},
		{policy.PackageScope{Ecosystem: "Debian"}, map[string]any{"ecosystem": "Debian:12"}, true},
		{policy.PackageScope{Ecosystem: "Go"}, map[string]any{"ecosystem": "npm"}, false},
		{policy.PackageScope{}, nil, true},
	} {
		pm, err := compilePackageScope(&tc.scope)
		if err != nil {
			t.Fatal(err)
		}
		fd := finding.Finding{Properties: tc.props}
		if got := pm.match(&fd); got != tc.want {
			t.Errorf("%+v over %v: %v, want %v", tc.scope, tc.props, got, tc.want)
		}
	}
	if _, err := newExceptionIndex([]policy.Exception{{ID: "X", Scope: policy.ExceptionScope{Package: &policy.PackageScope{Name: "(", NameIsRegex: true}}}}); err == nil {
		t.Error("a bad package pattern was accepted")
	}
}
