package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sdlkit/sdlkit/evidence"
)

// osvSARIF is a minimal SARIF log of osv-scanner with one vulnerability
// finding, GO-2026-0001 alias CVE-2026-1111, at go.mod:3.
const osvSARIF = `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"osv-scanner","rules":[
  {"id":"GO-2026-0001","shortDescription":{"text":"Parser panics on crafted input"}}]}},
  "results":[
   {"ruleId":"GO-2026-0001","level":"error",
    "message":{"text":"example.com/parser 1.2.0 is affected by GO-2026-0001 (CVE-2026-1111)"},
    "locations":[{"physicalLocation":{"artifactLocation":{"uri":"go.mod"},"region":{"startLine":3}}}],
    "properties":{"aliases":["CVE-2026-1111"],"package":"example.com/parser","installed":"1.2.0","ecosystem":"Go"}}
  ]}]}`

// osvRepo makes a repository with the osv-scanner SARIF and, when toml is
// not empty, an osv-scanner.toml at its root.
func osvRepo(t *testing.T, toml string) string {
	t.Helper()
	dir := repo(t, "version: 1\n", externalSARIF(4, "note"))
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/app\n\nrequire example.com/parser v1.2.0\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "osv.sarif"), []byte(osvSARIF), 0o644)
	if toml != "" {
		os.WriteFile(filepath.Join(dir, "osv-scanner.toml"), []byte(toml), 0o644)
	}
	return dir
}

const ignoreByAlias = `[[IgnoredVulns]]
id = "CVE-2026-1111"
ignoreUntil = 2027-06-01T00:00:00Z
reason = "the parser only reads our own files"
`

func TestGateAppliesOSVScannerIgnores(t *testing.T) {
	t.Setenv("GITHUB_ACTIONS", "")
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	t.Run("ignored", func(t *testing.T) {
		dir := osvRepo(t, ignoreByAlias)
		code, out, errOut := sdl(t, dir, "gate", "verification", "--today", "2026-11-27", "--commit", "c0ffee", "osv.sarif")
		if code != 0 || !strings.Contains(out, "verification gate: PASSED WITH EXCEPTIONS") ||
			!strings.Contains(out, "exception CVE-2026-1111 in force until 2027-05-31 (1 findings, approved by osv-scanner.toml)") {
			t.Fatalf("exit %d\n%s%s", code, out, errOut)
		}
		if errOut != "" {
			t.Errorf("unexpected warnings: %s", errOut)
		}
		rec, err := evidence.Read(filepath.Join(dir, ".sdl", "evidence", "verification.json"))
		if err != nil {
			t.Fatal(err)
		}
		var cfg *evidence.Input
		for i := range rec.Inputs {
			if rec.Inputs[i].Path == "osv-scanner.toml" {
				cfg = &rec.Inputs[i]
			}
		}
		if cfg == nil || !strings.HasPrefix(cfg.Digest.Digest, "sha256:") {
			t.Errorf("evidence inputs lack osv-scanner.toml: %+v", rec.Inputs)
		}
		if len(rec.Exceptions) != 1 || rec.Exceptions[0].ID != "CVE-2026-1111" || rec.Exceptions[0].Source != "osv-scanner.toml:1:1" ||
			rec.Exceptions[0].Expires != "2027-05-31" || rec.Exceptions[0].State != "in force" {
			t.Errorf("evidence exceptions %+v", rec.Exceptions)
		}

		// Markdown and SARIF show the ignore like an exception.
		code, out, _ = sdl(t, dir, "gate", "verification", "--today", "2026-11-27", "--no-evidence", "--format", "markdown", "osv.sarif")
		if code != 0 || !strings.Contains(out, "| CVE-2026-1111 | in force | 1 | osv-scanner.toml | 2027-05-31 | the parser only reads our own files |") ||
			!strings.Contains(out, "osv-scanner.toml (1 ignores)") {
			t.Errorf("markdown: exit %d\n%s", code, out)
		}
		code, out, _ = sdl(t, dir, "gate", "verification", "--today", "2026-11-27", "--no-evidence", "--format", "sarif", "osv.sarif")
		if code != 0 || !strings.Contains(out, `"justification": "exception CVE-2026-1111, approved by osv-scanner.toml until 2027-05-31: the parser only reads our own files"`) {
			t.Errorf("sarif: exit %d\n%s", code, out)
		}
	})
	t.Run("expired", func(t *testing.T) {
		dir := osvRepo(t, ignoreByAlias)
		code, out, errOut := sdl(t, dir, "gate", "verification", "--today", "2027-06-01", "--no-evidence", "osv.sarif")
		if code != 1 || !strings.Contains(out, "verification gate: FAILED") ||
			!strings.Contains(out, "exception CVE-2026-1111 (osv-scanner.toml:1:1) expired on 2027-05-31: its 1 findings count again") {
			t.Errorf("exit %d\n%s%s", code, out, errOut)
		}
	})
	t.Run("disabled", func(t *testing.T) {
		dir := osvRepo(t, ignoreByAlias)
		for _, flag := range []string{"--no-osv-scanner-config", "--osv-scanner-config="} {
			code, out, _ := sdl(t, dir, "gate", "verification", "--today", "2026-11-27", "--no-evidence", flag, "osv.sarif")
			if code != 1 || strings.Contains(out, "exception CVE-2026-1111") {
				t.Errorf("%s: exit %d\n%s", flag, code, out)
			}
		}
	})
	t.Run("named by the flag", func(t *testing.T) {
		dir := osvRepo(t, "")
		os.MkdirAll(filepath.Join(dir, "ci"), 0o755)
		os.WriteFile(filepath.Join(dir, "ci", "osv.toml"), []byte("[[IgnoredVulns]]\nid = \"GO-2026-0001\"\n"), 0o644)
		code, out, errOut := sdl(t, dir, "gate", "verification", "--today", "2026-11-27", "--no-evidence", "--osv-scanner-config", "ci/osv.toml", "osv.sarif")
		if code != 0 || !strings.Contains(out, "PASSED WITH EXCEPTIONS") || !strings.Contains(out, "exception GO-2026-0001 in force until 9999-12-31") {
			t.Errorf("exit %d\n%s%s", code, out, errOut)
		}
		// Warnings go to stderr, and into the decision.
		for _, w := range []string{
			"sdl: warning: ci/osv.toml:1:1: ignore of GO-2026-0001 has no ignoreUntil: it never expires; give it one\n",
			"sdl: warning: ci/osv.toml:1:1: ignore of GO-2026-0001 has no reason\n",
		} {
			if !strings.Contains(errOut, w) {
				t.Errorf("stderr lacks %q:\n%s", w, errOut)
			}
		}
		if !strings.Contains(out, "warning: ci/osv.toml:1:1: ignore of GO-2026-0001 has no reason") {
			t.Errorf("the decision lacks the warning:\n%s", out)
		}
	})
	t.Run("without a file", func(t *testing.T) {
		dir := osvRepo(t, "")
		code, out, errOut := sdl(t, dir, "gate", "verification", "--today", "2026-11-27", "--no-evidence", "osv.sarif")
		if code != 1 || errOut != "" || strings.Contains(out, "osv-scanner.toml") {
			t.Errorf("exit %d\n%s%s", code, out, errOut)
		}
	})
}

func TestGateBadOSVScannerConfig(t *testing.T) {
	dir := osvRepo(t, "[[IgnoredVulns]]\nid = \"CVE-2026-1111\nreason = \"x\"\n")
	code, _, errOut := sdl(t, dir, "gate", "verification", "--no-evidence", "osv.sarif")
	if code != 2 || !strings.Contains(errOut, "osv-scanner.toml:2:20: strings cannot contain newlines") {
		t.Errorf("bad TOML: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = sdl(t, dir, "gate", "verification", "--no-evidence", "--osv-scanner-config", "nope.toml", "osv.sarif")
	if code != 2 || !strings.Contains(errOut, "nope.toml") {
		t.Errorf("missing file: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = sdl(t, dir, "gate", "verification", "--no-evidence", "--osv-scanner-config", "x.toml", "--no-osv-scanner-config", "osv.sarif")
	if code != 2 {
		t.Errorf("both flags: exit %d, stderr %q", code, errOut)
	}
}
