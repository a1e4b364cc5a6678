package scan_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/scan"
)

// extract writes a txtar archive from testdata into a new directory.
func extract(t *testing.T, name string) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func scanDir(t *testing.T, dir string, opts scan.Options) *scan.Result {
	t.Helper()
	opts.Dir = dir
	if opts.Patterns == nil {
		opts.Patterns = []string{"./..."}
	}
	res, err := scan.Run(context.Background(), opts)
	if err != nil {
		t.Fatalf("scan: %v", err)
	}
	return res
}

type summary struct {
	rule       string
	line       int
	suppressed string
}

func summarize(fs []finding.Finding) []summary {
	var out []summary
	for _, f := range fs {
		s := summary{rule: f.RuleID, line: f.Location.StartLine}
		if len(f.Suppressions) > 0 {
			s.suppressed = f.Suppressions[0].Justification
		}
		out = append(out, s)
	}
	return out
}

func TestScanFindingsAndSuppressions(t *testing.T) {
	dir := extract(t, "basic.txtar")
	res := scanDir(t, dir, scan.Options{})
	got := summarize(res.Findings)
	want := []summary{
		{"SDL101", 10, ""},
		{"SDL101", 21, "talks only to the local sidecar over loopback"},
		{"G302", 26, "a shared scratch directory"},
		{"SDL001", 31, ""},
		{"SDL101", 32, ""},
		{"SDL002", 37, ""},
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n got %v\nwant %v", got, want)
	}
	if res.Unsuppressed() != 4 {
		t.Errorf("unsuppressed = %d, want 4", res.Unsuppressed())
	}
	for _, f := range res.Findings {
		if f.Location.Path != "tlsconf/tlsconf.go" {
			t.Errorf("path = %q, want repository-relative tlsconf/tlsconf.go", f.Location.Path)
		}
		if f.Fingerprint == "" {
			t.Errorf("%s at line %d has no fingerprint", f.RuleID, f.Location.StartLine)
		}
		switch f.RuleID {
		case "G302":
			if f.Tool != "gosec" || !slices.Equal(f.CWE, []int{276}) || f.Properties["gosec.confidence"] == nil {
				t.Errorf("gosec finding not carried over: %+v", f)
			}
			if f.Suppressions[0].Kind != finding.SuppressionInSource {
				t.Errorf("suppression kind = %q", f.Suppressions[0].Kind)
			}
		case "SDL101":
			if f.Tool != "sdl" || f.Severity != finding.Important {
				t.Errorf("SDL101 finding = %+v", f)
			}
			if f.Location.StartLine == 10 && len(f.Fixes) != 1 {
				t.Errorf("SDL101 at line 10 has %d fixes, want 1", len(f.Fixes))
			}
		}
	}
	// The suppression records where the directive is.
	for _, f := range res.Findings {
		if f.RuleID == "SDL101" && f.Suppressed() {
			if loc := f.Suppressions[0].Location; loc == nil || loc.StartLine != 20 {
				t.Errorf("directive location = %+v, want line 20", loc)
			}
		}
	}
}

func TestFingerprintsSurviveLineMoves(t *testing.T) {
	dir := extract(t, "basic.txtar")
	before := scanDir(t, dir, scan.Options{})
	p := filepath.Join(dir, "tlsconf", "tlsconf.go")
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	moved := bytes.Replace(src, []byte("// Bad has"), []byte("// Inserted\n// lines\n// above.\n\n// Bad has"), 1)
	if err := os.WriteFile(p, moved, 0o644); err != nil {
		t.Fatal(err)
	}
	after := scanDir(t, dir, scan.Options{})
	if len(before.Findings) != len(after.Findings) {
		t.Fatalf("%d findings before, %d after", len(before.Findings), len(after.Findings))
	}
	for i := range before.Findings {
		b, a := before.Findings[i], after.Findings[i]
		if a.Location.StartLine != b.Location.StartLine+4 {
			t.Errorf("%s moved from line %d to %d, want +4", b.RuleID, b.Location.StartLine, a.Location.StartLine)
		}
		if a.Fingerprint != b.Fingerprint {
			t.Errorf("%s at line %d: fingerprint changed", b.RuleID, b.Location.StartLine)
		}
	}
}

func TestSARIFIsDeterministic(t *testing.T) {
	dir := extract(t, "basic.txtar")
	var outs [2]bytes.Buffer
	for i := range outs {
		res := scanDir(t, dir, scan.Options{})
		if err := finding.WriteSARIF(&outs[i], res.SARIF("test")); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(outs[0].Bytes(), outs[1].Bytes()) {
		t.Error("two scans of the same tree gave different SARIF")
	}
}

func TestIncludeExclude(t *testing.T) {
	dir := extract(t, "basic.txtar")
	res := scanDir(t, dir, scanOptions([]string{"tlsminversion"}, nil))
	for _, f := range res.Findings {
		if f.RuleID != "SDL101" && f.RuleID != "SDL001" && f.RuleID != "SDL002" {
			t.Errorf("include tlsminversion reported %s", f.RuleID)
		}
	}
	res = scanDir(t, dir, scanOptions(nil, []string{"SDL101", "SDL002"}))
	for _, f := range res.Findings {
		if f.RuleID == "SDL101" || f.RuleID == "SDL002" {
			t.Errorf("excluded rule %s reported", f.RuleID)
		}
	}
}

func scanOptions(include, exclude []string) scan.Options {
	var o scan.Options
	o.Rules.Include, o.Rules.Exclude = include, exclude
	return o
}

func TestBadInput(t *testing.T) {
	dir := extract(t, "broken.txtar")
	for _, tc := range []struct {
		name string
		opts scan.Options
		want string
	}{
		{"no packages", scan.Options{Patterns: []string{"./nothing/..."}}, "matches no packages"},
		{"type errors", scan.Options{Patterns: []string{"./..."}}, "example.com/broken/bad:"},
		{"unknown rule", scan.Options{Patterns: []string{"./..."}, Rules: scanOptions(nil, []string{"SDL999"}).Rules}, "unknown rule SDL999"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Dir = dir
			_, err := scan.Run(context.Background(), tc.opts)
			var ie *scan.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error = %v, want an InputError", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %q, want it to mention %q", err, tc.want)
			}
		})
	}
	t.Run("type errors name the file and line", func(t *testing.T) {
		_, err := scan.Run(context.Background(), scan.Options{Dir: dir, Patterns: []string{"./..."}})
		if err == nil || !strings.Contains(err.Error(), "bad.go:3:") {
			t.Errorf("error = %v", err)
		}
	})
	t.Run("allow errors", func(t *testing.T) {
		res := scanDir(t, dir, scan.Options{AllowErrors: true})
		if len(res.Skipped) != 1 || !strings.Contains(res.Skipped[0], "example.com/broken/bad") {
			t.Errorf("skipped = %q", res.Skipped)
		}
		if res.Packages != 1 || len(res.Findings) != 1 || res.Findings[0].RuleID != "SDL101" {
			t.Errorf("packages = %d, findings = %v", res.Packages, summarize(res.Findings))
		}
	})
}
