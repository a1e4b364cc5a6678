package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sdlkit/sdlkit/templates"
	"github.com/sdlkit/sdlkit/threatmodel"
)

func TestThreatModelValidate(t *testing.T) {
	flawed, err := os.ReadFile("../../threatmodel/testdata/flawed.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := module(t, map[string]string{
		"good.yaml":   string(templates.ThreatModels()["webapi"]),
		"flawed.yaml": string(flawed),
		"broken.yaml": "version: 1\nsystem:\n  name: x\n  owner: y\nelements:\n  - {id: a, kind: gadget}\n",
	})
	t.Run("a model meeting every design gate passes", func(t *testing.T) {
		code, out, errOut := sdl(t, dir, "threatmodel", "validate", "good.yaml")
		if code != 0 || !strings.Contains(out, "PASSED") {
			t.Fatalf("exit %d\n%s%s", code, out, errOut)
		}
	})
	t.Run("a flawed model fails the design gate", func(t *testing.T) {
		code, out, errOut := sdl(t, dir, "threatmodel", "validate", "flawed.yaml")
		if code != 1 || !strings.Contains(out, "FAILED") {
			t.Fatalf("exit %d\n%s%s", code, out, errOut)
		}
		// An unencrypted flow across a boundary, named with its position.
		if !regexp.MustCompile(`flawed\.yaml:\d+:\d+: sdl TM1\d\d`).MatchString(out) {
			t.Errorf("no positioned boundary-flow finding:\n%s", out)
		}
	})
	t.Run("a model breaking the schema is bad input", func(t *testing.T) {
		code, _, errOut := sdl(t, dir, "threatmodel", "validate", "broken.yaml")
		if code != 2 || !strings.Contains(errOut, "broken.yaml:6:") {
			t.Fatalf("exit %d, stderr %q", code, errOut)
		}
	})
}

func TestThreatModelImport(t *testing.T) {
	src, err := filepath.Abs("../../threatmodel/importer/testdata/online-shop.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "threatmodel.yaml")

	code, stdout, stderr := sdl(t, dir, "threatmodel", "import", src, "-o", out)
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	m, err := threatmodel.Load(out)
	if err != nil {
		t.Fatalf("the imported model does not load: %v", err)
	}
	if m.System.Name != "Online Shop" || len(m.Elements) == 0 || len(m.Flows) == 0 {
		t.Errorf("imported %+v", m.System)
	}
	if !strings.Contains(stderr, `not mapped: detail.reviewer "Jane Smith"`) || strings.Contains(stderr, "warning:") {
		t.Errorf("stderr:\n%s", stderr)
	}
	written, _ := os.ReadFile(out)

	// Standard output gets the same model.
	if code, stdout, _ := sdl(t, dir, "threatmodel", "import", src); code != 0 || stdout != string(written) {
		t.Errorf("stdout differs from -o (exit %d)", code)
	}

	// An existing file is kept without --force.
	if err := os.WriteFile(out, []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := sdl(t, dir, "threatmodel", "import", src, "-o", out); code != 2 || !strings.Contains(stderr, "--force") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile(out); string(b) != "mine\n" {
		t.Errorf("the user's file was overwritten: %q", b)
	}
	if code, _, _ := sdl(t, dir, "threatmodel", "import", src, "-o", out, "--force"); code != 0 {
		t.Errorf("--force: exit %d", code)
	}
	if b, _ := os.ReadFile(out); string(b) != string(written) {
		t.Errorf("--force did not replace the file")
	}

	// Input that is neither format is bad input, and nothing is written.
	bad := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(bad, []byte("just some notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.yaml")
	if code, _, stderr := sdl(t, dir, "threatmodel", "import", bad, "-o", other); code != 2 || !strings.Contains(stderr, "notes.txt") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(other); err == nil {
		t.Errorf("an output was written for bad input")
	}
}
