package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/sdlkit/sdlkit/internal/sampletest"
	"github.com/sdlkit/sdlkit/internal/sarifschema"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestSampleSARIF scans the sample service (real jwt, gorm, grpc, gorilla,
// ... code with one instance of every rule and a clean twin of each) and
// compares the SARIF with the golden file.
func TestSampleSARIF(t *testing.T) {
	dir := sampletest.Dir(t)
	golden, err := filepath.Abs(filepath.Join("testdata", "sample.sarif.golden"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "sample.sarif")
	code, _, errOut := sdl(t, dir, "scan", "--no-deps", "--format", "sarif", "-o", out, "./...")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (the sample has findings): %s", code, errOut)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifschema.Validate(got); err != nil {
		t.Fatalf("invalid SARIF: %v", err)
	}
	// Rule documentation is checked by TestRulesDocIsCurrent; the golden
	// file holds everything else, the results in full.
	got = withoutRuleDocs(t, got)
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("SARIF differs from %s; if the change is intended, rerun with -update and review the diff", golden)
	}
}

// withoutRuleDocs drops the descriptions and help of every rule from a
// SARIF log and re-indents it.
func withoutRuleDocs(t *testing.T, data []byte) []byte {
	t.Helper()
	var log map[string]any
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	for _, run := range log["runs"].([]any) {
		tool := run.(map[string]any)["tool"].(map[string]any)
		components := []any{tool["driver"]}
		if ext, ok := tool["extensions"].([]any); ok {
			components = append(components, ext...)
		}
		for _, c := range components {
			rules, _ := c.(map[string]any)["rules"].([]any)
			for _, r := range rules {
				rule := r.(map[string]any)
				delete(rule, "help")
				delete(rule, "fullDescription")
			}
		}
	}
	out, err := json.MarshalIndent(log, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}
