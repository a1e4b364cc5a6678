package policy

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestParseScanSettings(t *testing.T) {
	src := `version: 1
scan:
  exclude: [G104, tlsminversion]
  tests: true
  options:
    G101:
      pattern: "(?i)secret"
`
	p, err := Parse("sdl.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Scan.Exclude) != 2 || !p.Scan.Tests || p.Scan.Options["G101"]["pattern"] != "(?i)secret" {
		t.Errorf("parsed %+v", p.Scan)
	}
	if !strings.HasPrefix(p.Digest, "sha256:") {
		t.Errorf("digest = %q", p.Digest)
	}
}

func TestUnknownRuleIsPositioned(t *testing.T) {
	src := "version: 1\nscan:\n  exclude:\n    - G104\n    - SDL999\n"
	p, err := Parse("sdl.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	err = p.CheckRules(func(id string) bool { return id == "G104" })
	if err == nil || !strings.Contains(err.Error(), `sdl.yaml:5:7: unknown rule "SDL999"`) {
		t.Errorf("error = %v", err)
	}
}

func TestStrictness(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"version: 2\n", "sdl.yaml:1:10"},
		{"version: 1\nscann: {}\n", `sdl.yaml:2:1: unknown key "scann"`},
		{"version: 1\nscan:\n  tests: sometimes\n", "sdl.yaml:3:10"},
		{"version: 1\nscan:\n  exclude: [G104, G104]\n", "sdl.yaml:3:12"},
		// A baseline the gate writes must stay inside the repository.
		{"version: 1\ngates:\n  implementation:\n    baseline: ../elsewhere/baseline.json\n", `sdl.yaml:4:15: baseline "../elsewhere/baseline.json" leaves the repository`},
		{"version: 1\ngates:\n  design:\n    baseline: /etc/sdl-baseline.json\n", "sdl.yaml:4:15"},
	} {
		if _, err := Parse("sdl.yaml", []byte(tc.src)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) error = %v, want %q", tc.src, err, tc.want)
		}
	}
}

func TestSchemaIsJSON(t *testing.T) {
	var v map[string]any
	if err := json.Unmarshal(Schema(), &v); err != nil {
		t.Fatal(err)
	}
	if v["title"] == nil {
		t.Error("schema has no title")
	}
}

func TestFindStopsAtModuleRoot(t *testing.T) {
	root := t.TempDir()
	mod := filepath.Join(root, "mod")
	sub := filepath.Join(mod, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	// A policy above the module is not the module's.
	os.WriteFile(filepath.Join(root, DefaultFile), []byte("version: 1\n"), 0o644)
	os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module m\n"), 0o644)
	got, err := Find(sub)
	if err != nil || got != "" {
		t.Fatalf("Find = %q, %v; want none", got, err)
	}
	os.WriteFile(filepath.Join(mod, DefaultFile), []byte("version: 1\n"), 0o644)
	got, err = Find(sub)
	if err != nil || got != filepath.Join(mod, DefaultFile) {
		t.Fatalf("Find = %q, %v", got, err)
	}
}

// TestHugeFile checks a 1 GB policy file is refused without being read
// into memory (the file is sparse, so the test is cheap).
func TestHugeFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "sdl.yaml")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Skip("cannot make a sparse file here:", err)
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = Load(p)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("error = %v", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 512<<20 { // far below the 1 GB file, even under -race
		t.Errorf("loading allocated %d MB", grew>>20)
	}
}
