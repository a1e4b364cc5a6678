package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sdlkit/sdlkit/evidence"
	"github.com/sdlkit/sdlkit/internal/sarifschema"
)

// externalSARIF is a minimal SARIF log of another tool, pointing at line
// `line` of app/main.go.
func externalSARIF(line int, level string) string {
	return `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"semgrep","rules":[
  {"id":"go.lang.security.sqli","properties":{"tags":["CWE-89: SQL Injection"]}},
  {"id":"go.lang.best-practice.x","defaultConfiguration":{"level":"note"}}]}},
  "results":[
   {"ruleId":"go.lang.security.sqli","level":"` + level + `","message":{"text":"SQL built from input"},
    "locations":[{"physicalLocation":{"artifactLocation":{"uri":"app/main.go"},"region":{"startLine":` + itoa(line) + `}}}]},
   {"ruleIndex":1,"message":{"text":"style"},
    "locations":[{"physicalLocation":{"artifactLocation":{"uri":"app/main.go"},"region":{"startLine":` + itoa(line+1) + `}}}]}
  ]}]}`
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

const appSource = "package main\n\nfunc main() {\n\tdb.Query(\"SELECT \" + q)\n\tstyle()\n}\n"

// repo makes a Git-less repository with a policy, a source file and a
// SARIF file.
func repo(t *testing.T, policy string, sarif string) string {
	t.Helper()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "app"), 0o755)
	os.Mkdir(filepath.Join(dir, ".git"), 0o755) // the repository root
	os.WriteFile(filepath.Join(dir, "app", "main.go"), []byte(appSource), 0o644)
	os.WriteFile(filepath.Join(dir, "sdl.yaml"), []byte(policy), 0o644)
	os.WriteFile(filepath.Join(dir, "semgrep.sarif"), []byte(sarif), 0o644)
	return dir
}

func TestGateDecisions(t *testing.T) {
	t.Setenv("GITHUB_ACTIONS", "")
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	t.Run("failed", func(t *testing.T) {
		dir := repo(t, "version: 1\n", externalSARIF(4, "error"))
		code, out, errOut := sdl(t, dir, "gate", "verification", "--commit", "c0ffee", "semgrep.sarif")
		if code != 1 || !strings.Contains(out, "verification gate: FAILED") || !strings.Contains(out, "1 critical findings, more than the 0 allowed") {
			t.Fatalf("exit %d\n%s%s", code, out, errOut)
		}
		rec, err := evidence.Read(filepath.Join(dir, ".sdl", "evidence", "verification.json"))
		if err != nil {
			t.Fatal(err)
		}
		if rec.Decision != "FAILED" || rec.Commit != "c0ffee" || rec.Counts["critical"].Counted != 1 || len(rec.Inputs) != 1 ||
			!strings.HasPrefix(rec.Inputs[0].Digest.Digest, "sha256:") || !strings.HasPrefix(rec.Policy.Digest, "sha256:") {
			t.Errorf("evidence = %+v", rec)
		}
	})
	t.Run("passed with exceptions", func(t *testing.T) {
		pol := `version: 1
exceptions:
  - id: EX-1
    scope: {tool: semgrep, rule: "go.lang.security.*", path: "app/**"}
    justification: the query only reads a constant table name
    approver: alice@example.com
    expires: 2099-01-01
`
		dir := repo(t, pol, externalSARIF(4, "error"))
		code, out, _ := sdl(t, dir, "gate", "verification", "--no-evidence", "semgrep.sarif")
		if code != 0 || !strings.Contains(out, "PASSED WITH EXCEPTIONS") || !strings.Contains(out, "exception EX-1 in force until 2099-01-01") {
			t.Errorf("exit %d\n%s", code, out)
		}
		if _, err := os.Stat(filepath.Join(dir, ".sdl", "evidence")); err == nil {
			t.Error("--no-evidence wrote evidence")
		}
	})
	t.Run("passed", func(t *testing.T) {
		dir := repo(t, "version: 1\n", externalSARIF(4, "note"))
		// A note-level finding with CWE-89 is still critical by the
		// shipped bug bar; only the style finding remains without it.
		code, out, _ := sdl(t, dir, "gate", "verification", "--no-evidence", "semgrep.sarif")
		if code != 1 {
			t.Errorf("exit %d\n%s", code, out)
		}
		dir = repo(t, "version: 1\nbugbar: {default: keep, classify: []}\n", externalSARIF(4, "note"))
		code, out, _ = sdl(t, dir, "gate", "verification", "--no-evidence", "semgrep.sarif")
		if code != 0 || !strings.Contains(out, "verification gate: PASSED") {
			t.Errorf("exit %d\n%s", code, out)
		}
	})
}

func TestGateBadInput(t *testing.T) {
	dir := repo(t, "version: 1\n", externalSARIF(4, "error"))
	os.WriteFile(filepath.Join(dir, "bad.sarif"), []byte(`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"level":7}]}]}`), 0o644)
	os.WriteFile(filepath.Join(dir, "old.sarif"), []byte(`{"version":"2.0.0","runs":[]}`), 0o644)
	os.WriteFile(filepath.Join(dir, "text.sarif"), []byte("this is not json"), 0o644)
	for _, tc := range []struct{ args, want string }{
		{"gate verification bad.sarif", "bad.sarif: at /runs/0/results/0/level"},
		{"gate verification old.sarif", "old.sarif: at /version: SARIF version 2.0.0 is not supported"},
		{"gate verification text.sarif", "text.sarif: at byte offset 2: not valid JSON"},
		{"gate verification missing.sarif", "missing.sarif: the SARIF file is missing"},
		{"gate nophase semgrep.sarif", `unknown phase "nophase"`},
		{"gate verification --today 2026-02-30 semgrep.sarif", "--today: bad date"},
	} {
		code, _, errOut := sdl(t, dir, strings.Fields(tc.args)...)
		if code != 2 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%s: exit %d, stderr %q, want it to contain %q", tc.args, code, errOut, tc.want)
		}
	}
}

func TestGateBaselineSurvivesEdits(t *testing.T) {
	pol := "version: 1\ngates:\n  implementation: {max: {critical: 0}, newOnly: true}\n"
	dir := repo(t, pol, externalSARIF(4, "error"))
	code, out, errOut := sdl(t, dir, "gate", "implementation", "--update-baseline", "--today", "2026-11-01", "semgrep.sarif")
	if code != 0 || !strings.Contains(out, "baseline") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	data, err := os.ReadFile(filepath.Join(dir, ".sdl", "baseline.json"))
	if err != nil || !strings.Contains(string(data), `"firstSeen":"2026-11-01"`) {
		t.Fatalf("baseline: %s %v", data, err)
	}
	// Insert lines above the finding; the tool now reports line 7.
	os.WriteFile(filepath.Join(dir, "app", "main.go"), []byte("// one\n// two\n// three\n"+appSource), 0o644)
	os.WriteFile(filepath.Join(dir, "semgrep.sarif"), []byte(externalSARIF(7, "error")), 0o644)
	code, out, errOut = sdl(t, dir, "gate", "implementation", "--no-evidence", "--today", "2026-11-05", "semgrep.sarif")
	if code != 0 || !strings.Contains(out, "baselined 1") {
		t.Errorf("after moving lines: exit %d\n%s%s", code, out, errOut)
	}
	// Past the SLA (7 days for critical), the baselined finding fails the gate.
	code, out, _ = sdl(t, dir, "gate", "implementation", "--no-evidence", "--today", "2026-12-20", "semgrep.sarif")
	if code != 1 || !strings.Contains(out, "past their fix deadline") {
		t.Errorf("past the SLA: exit %d\n%s", code, out)
	}
}

func TestGateGitHubOutputs(t *testing.T) {
	dir := repo(t, "version: 1\n", externalSARIF(4, "error"))
	summary := filepath.Join(t.TempDir(), "summary.md")
	os.WriteFile(summary, []byte("earlier step\n"), 0o644)
	t.Setenv("GITHUB_ACTIONS", "true")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	code, out, _ := sdl(t, dir, "gate", "verification", "--no-evidence", "--format", "sarif", "-o", "gate.sarif", "semgrep.sarif")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out, "::error file=app/main.go,line=4,title=semgrep go.lang.security.sqli (critical)::SQL built from input\n") ||
		!strings.Contains(out, "::error title=sdl verification gate::FAILED: 1 critical") {
		t.Errorf("annotations:\n%s", out)
	}
	md, _ := os.ReadFile(summary)
	if !strings.HasPrefix(string(md), "earlier step\n## sdl verification gate: **FAILED**") {
		t.Errorf("summary was not appended:\n%s", md)
	}
	data, err := os.ReadFile(filepath.Join(dir, "gate.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifschema.Validate(data); err != nil {
		t.Fatalf("gate SARIF invalid: %v", err)
	}
	if !strings.Contains(string(data), `"level": "error"`) || !strings.Contains(string(data), `"sdl.status": "new"`) {
		t.Errorf("gate SARIF lacks the bug bar's verdict")
	}
}
