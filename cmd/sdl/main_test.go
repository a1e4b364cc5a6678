package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sdlkit/sdlkit/internal/sarifschema"
)

// sdl runs the command line in dir and returns the exit code and output.
func sdl(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	if dir != "" {
		t.Chdir(dir)
	}
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// module writes a small module with one finding into a new directory.
func module(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	all := map[string]string{"go.mod": "module example.com/m\n\ngo 1.26\n"}
	for k, v := range files {
		all[k] = v
	}
	for name, content := range all {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const insecure = `package m

import "crypto/tls"

func Config() *tls.Config { return &tls.Config{} }
`

const secure = `package m

import "crypto/tls"

func Config() *tls.Config { return &tls.Config{MinVersion: tls.VersionTLS13} }
`

func TestScanExitCodes(t *testing.T) {
	t.Run("findings exit 1", func(t *testing.T) {
		dir := module(t, map[string]string{"m.go": insecure})
		code, out, _ := sdl(t, dir, "scan", "--no-deps", "./...")
		if code != 1 || !strings.Contains(out, "m.go:5:36: SDL101 [important]") {
			t.Errorf("exit %d, output:\n%s", code, out)
		}
	})
	t.Run("clean exits 0", func(t *testing.T) {
		dir := module(t, map[string]string{"m.go": secure})
		code, out, errOut := sdl(t, dir, "scan", "--no-deps", "./...")
		if code != 0 || !strings.Contains(out, "0 findings") {
			t.Errorf("exit %d, output:\n%s%s", code, out, errOut)
		}
	})
	t.Run("bad pattern exits 2", func(t *testing.T) {
		dir := module(t, map[string]string{"m.go": secure})
		code, _, errOut := sdl(t, dir, "scan", "--no-deps", "./nope/...")
		if code != 2 || !strings.Contains(errOut, "matches no packages") {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
	})
	t.Run("unknown rule in a flag exits 2", func(t *testing.T) {
		dir := module(t, map[string]string{"m.go": secure})
		code, _, errOut := sdl(t, dir, "scan", "--no-deps", "--exclude", "G999", "./...")
		if code != 2 || !strings.Contains(errOut, "unknown rule G999") {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
	})
	t.Run("unknown rule in sdl.yaml exits 2 with its position", func(t *testing.T) {
		dir := module(t, map[string]string{"m.go": secure, "sdl.yaml": "version: 1\nscan:\n  exclude: [G104, NOPE]\n"})
		code, _, errOut := sdl(t, dir, "scan", "--no-deps", "./...")
		if code != 2 || !strings.Contains(errOut, `sdl.yaml:3:19: unknown rule "NOPE"`) {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
	})
	t.Run("sdl.yaml excludes a rule", func(t *testing.T) {
		dir := module(t, map[string]string{"m.go": insecure, "sdl.yaml": "version: 1\nscan:\n  exclude: [tlsminversion]\n"})
		code, out, _ := sdl(t, dir, "scan", "--no-deps", "./...")
		if code != 0 || strings.Contains(out, "SDL101") {
			t.Errorf("exit %d, output:\n%s", code, out)
		}
	})
	t.Run("does not compile exits 2", func(t *testing.T) {
		dir := module(t, map[string]string{"m.go": "package m\n\nvar x int = \"s\"\n"})
		code, _, errOut := sdl(t, dir, "scan", "--no-deps", "./...")
		if code != 2 || !strings.Contains(errOut, "m.go:3:13") {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
	})
	t.Run("unknown format exits 2", func(t *testing.T) {
		code, _, errOut := sdl(t, "", "scan", "--format", "xml")
		if code != 2 || !strings.Contains(errOut, `unknown format "xml"`) {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
	})
	t.Run("unknown flag exits 2", func(t *testing.T) {
		code, _, _ := sdl(t, "", "scan", "--frobnicate")
		if code != 2 {
			t.Errorf("exit %d", code)
		}
	})
}

func TestScanSARIFToFile(t *testing.T) {
	dir := module(t, map[string]string{"m.go": insecure})
	code, out, errOut := sdl(t, dir, "scan", "--no-deps", "--format", "sarif", "-o", "results.sarif", "./...")
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if out != "" {
		t.Errorf("stdout = %q, want nothing (the SARIF went to the file)", out)
	}
	if !strings.Contains(errOut, "SDL101") {
		t.Errorf("stderr does not summarise the findings: %q", errOut)
	}
	data, err := os.ReadFile(filepath.Join(dir, "results.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifschema.Validate(data); err != nil {
		t.Fatalf("invalid SARIF: %v", err)
	}
}

func TestScanJSON(t *testing.T) {
	dir := module(t, map[string]string{"m.go": insecure})
	code, out, _ := sdl(t, dir, "scan", "--no-deps", "--format", "json", "./...")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	var v struct {
		Findings []struct {
			RuleID   string `json:"ruleId"`
			Severity string `json:"severity"`
			Location struct {
				Path string `json:"path"`
			} `json:"location"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Findings) != 1 || v.Findings[0].RuleID != "SDL101" || v.Findings[0].Severity != "important" || v.Findings[0].Location.Path != "m.go" {
		t.Errorf("findings = %+v", v.Findings)
	}
}

func TestRulesAndExplain(t *testing.T) {
	code, out, _ := sdl(t, "", "rules")
	if code != 0 || !strings.Contains(out, "SDL101  tlsminversion") || !strings.Contains(out, "G402") {
		t.Errorf("rules: exit %d\n%s", code, out)
	}
	for _, name := range []string{"SDL101", "tlsminversion", "sdl101", "G402"} {
		code, out, _ := sdl(t, "", "explain", name)
		if code != 0 || !strings.Contains(out, "Why it matters") || !strings.Contains(out, "CWE-") {
			t.Errorf("explain %s: exit %d\n%s", name, code, out)
		}
	}
	code, _, errOut := sdl(t, "", "explain", "NOPE")
	if code != 2 || !strings.Contains(errOut, `unknown rule "NOPE"`) {
		t.Errorf("explain NOPE: exit %d, %q", code, errOut)
	}
}

func TestPolicyCommands(t *testing.T) {
	code, out, _ := sdl(t, "", "policy", "schema")
	if code != 0 || !json.Valid([]byte(out)) {
		t.Errorf("policy schema: exit %d", code)
	}
	dir := module(t, map[string]string{"sdl.yaml": "version: 1\nscan:\n  exclud: [G104]\n"})
	code, _, errOut := sdl(t, dir, "policy", "check")
	if code != 2 || !strings.Contains(errOut, `sdl.yaml:3:3: unknown key "exclud"`) {
		t.Errorf("policy check: exit %d, %q", code, errOut)
	}
}

// TestRulesDocIsCurrent fails when docs/rules.md is not what
// `sdl rules --format markdown` generates.
func TestRulesDocIsCurrent(t *testing.T) {
	code, out, _ := sdl(t, "", "rules", "--format", "markdown")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "docs", "rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("docs/rules.md is stale; regenerate it with: go run ./cmd/sdl rules --format markdown -o docs/rules.md")
	}
}
