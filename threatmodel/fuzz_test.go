package threatmodel

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sdlkit/sdlkit/internal/yamlschema"
)

// FuzzParse checks that no input makes the parser or the gates panic, and
// that every rejection is a positioned error.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("testdata", "flawed.yaml")); err == nil {
		f.Add(data)
	}
	for _, s := range []string{
		"version: 1\nsystem: {name: a, owner: b}\nelements: [{id: x, kind: process}]\n",
		"version: 1\nsystem: {name: a, owner: b}\nelements: [{id: x, kind: store, encryptionAtRest: {enabled: true}}]\nflows: [{id: f, from: x, to: x}]\nthreats: [{id: t, category: tampering, target: f, status: open, level: critical}]\n",
		"a: &a [x]\nb: *a\n",
		"version: 1\nsystem: {name: a, owner: b}\nreviewed: 2026-02-30\nelements: [{id: x, kind: process}]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse("threatmodel.yaml", data)
		if err != nil {
			var es yamlschema.Errors
			if !errors.As(err, &es) {
				t.Fatalf("error %T is not positioned: %v", err, err)
			}
			return
		}
		_ = m.Check(Context{Path: "threatmodel.yaml", Rule: func(string) (bool, bool) { return true, true }})
		_ = Missing(m)
		var b strings.Builder
		if err := WriteMermaid(&b, m, nil); err != nil {
			t.Fatal(err)
		}
		if err := WriteDOT(&b, m, nil); err != nil {
			t.Fatal(err)
		}
	})
}

// TestLargeFile checks a 50 MB model is refused clearly without being
// read whole.
func TestLargeFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "threatmodel.yaml")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil {
		t.Skip("cannot make a sparse file:", err)
	}
	f.Close()
	if _, err := Load(p); err == nil || !strings.Contains(err.Error(), "larger than the 32 MB allowed") {
		t.Errorf("error = %v", err)
	}
}
