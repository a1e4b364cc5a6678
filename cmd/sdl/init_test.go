package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInit(t *testing.T) {
	dir := module(t, map[string]string{"m.go": secure})
	code, out, errOut := sdl(t, dir, "init", "--template", "saas")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, f := range []string{"sdl.yaml", "threatmodel.yaml", "SECURITY.md", ".github/workflows/sdl.yml", ".github/workflows/sdl-monitor.yml"} {
		if !strings.Contains(out, "wrote "+f) {
			t.Errorf("output does not name %s:\n%s", f, out)
		}
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	// What init writes is valid: the policy loads, the threat model passes
	// the design gate, and the response plan asks only for its placeholders.
	if code, out, errOut := sdl(t, dir, "policy", "check"); code != 0 {
		t.Errorf("policy check: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, _ := sdl(t, dir, "threatmodel", "validate", "--no-evidence"); code != 0 {
		t.Errorf("threatmodel validate: exit %d\n%s", code, out)
	}
	code, out, _ = sdl(t, dir, "check", "--no-deps")
	if code != 1 || !strings.Contains(out, "design          PASSED") || !strings.Contains(out, "response plan   MISSING") || !strings.Contains(out, "CHANGE-ME") {
		t.Errorf("check after init: exit %d\n%s", code, out)
	}

	// Nothing is overwritten without --force, and nothing is written.
	if err := os.WriteFile(filepath.Join(dir, "SECURITY.md"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "sdl.yaml")); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = sdl(t, dir, "init")
	if code != 2 || !strings.Contains(errOut, "SECURITY.md") || !strings.Contains(errOut, "--force") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "SECURITY.md")); string(data) != "mine" {
		t.Errorf("SECURITY.md was overwritten")
	}
	if _, err := os.Stat(filepath.Join(dir, "sdl.yaml")); err == nil {
		t.Errorf("sdl.yaml was written although init refused")
	}
	if code, _, errOut := sdl(t, dir, "init", "--force"); code != 0 {
		t.Errorf("--force: exit %d: %s", code, errOut)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "SECURITY.md")); string(data) == "mine" {
		t.Errorf("--force did not overwrite")
	}
	if code, _, errOut := sdl(t, dir, "init", "--template", "nope", t.TempDir()); code != 2 || !strings.Contains(errOut, "webapi") {
		t.Errorf("unknown template: exit %d, stderr %q", code, errOut)
	}
}
