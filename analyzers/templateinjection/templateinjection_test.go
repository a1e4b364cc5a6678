package templateinjection_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/gosec"
	"github.com/sdlkit/sdlkit/analyzers/taintkit"
	"github.com/sdlkit/sdlkit/analyzers/templateinjection"
)

// The library stubs and test packages of every taint rule live in
// analyzers/taintkit/testdata.
func Test(t *testing.T) {
	a, err := gosec.New(gosec.Config{NoGosecRules: true, Taint: []taintkit.Rule{templateinjection.Rule}})
	if err != nil {
		t.Fatal(err)
	}
	dir, err := filepath.Abs(filepath.Join("..", "taintkit", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, a, "ssti")
}
