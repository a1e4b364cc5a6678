// Package tainttest runs taint rules under analysistest over the library
// stubs and test packages that every taint rule shares, in
// analyzers/taintkit/testdata.
package tainttest

import (
	"path/filepath"
	"runtime"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/gosec"
	"github.com/sdlkit/sdlkit/analyzers/taintkit"
)

// Dir returns the absolute path of the shared testdata directory.
func Dir(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("tainttest: cannot locate its own source")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "taintkit", "testdata")
}

// Run runs the rules alone (none of gosec's own) over the test packages
// and checks their // want lines.
func Run(t *testing.T, rules []taintkit.Rule, pkgs ...string) []*analysistest.Result {
	t.Helper()
	a, err := gosec.New(gosec.Config{NoGosecRules: true, Taint: rules})
	if err != nil {
		t.Fatal(err)
	}
	return analysistest.Run(t, Dir(t), a, pkgs...)
}
