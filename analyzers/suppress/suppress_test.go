package suppress_test

import (
	"go/ast"
	"reflect"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/suppress"
	"github.com/sdlkit/sdlkit/finding"
)

// fake reports every call to a function named bad as rule FAKE1 and
// declares FAKE2 too, so directives can name a rule that ran but reported
// nothing.
var fake = &analysis.Analyzer{
	Name: "fake",
	Doc:  "report calls of bad",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "bad" {
						pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: "bad call"})
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

var known = []finding.Rule{
	{ID: "FAKE1", Name: "fake"},
	{ID: "FAKE2", Name: "fake2"},
	{ID: "DISABLED", Name: "disabled"},
}

func newSet() (*suppress.Set, *analysis.Analyzer, *analysis.Analyzer) {
	set := suppress.NewSet(known, true)
	wrapped := set.Wrap(fake, []string{"FAKE1", "FAKE2"}, func(analysis.Diagnostic) string { return "FAKE1" })
	return set, wrapped, set.Reporter(nil)
}

func TestWrapSuppresses(t *testing.T) {
	_, wrapped, _ := newSet()
	analysistest.Run(t, analysistest.TestData(), wrapped, "a")
}

func TestReporter(t *testing.T) {
	_, _, reporter := newSet()
	analysistest.Run(t, analysistest.TestData(), reporter, "b")
}

// TestSuppressedRecorded checks that suppressed diagnostics are kept in the
// index with the directive that suppressed them.
func TestSuppressedRecorded(t *testing.T) {
	set, wrapped, _ := newSet()
	probe := &analysis.Analyzer{
		Name:       "probe",
		Doc:        "return what was suppressed",
		Requires:   []*analysis.Analyzer{set.Directives(), wrapped},
		ResultType: reflect.TypeFor[[]suppress.Suppressed](),
		Run: func(pass *analysis.Pass) (any, error) {
			return pass.ResultOf[set.Directives()].(*suppress.Index).Suppressed(), nil
		},
	}
	// The want comments in a are for the wrapped analyzer, not the probe:
	// ignore the probe's mismatches and look at its result.
	results := analysistest.Run(quiet{}, analysistest.TestData(), probe, "a")
	sup := results[0].Action.Result.([]suppress.Suppressed)
	var reasons []string
	for _, s := range sup {
		if s.Rule != "FAKE1" {
			t.Errorf("suppressed rule = %q, want FAKE1", s.Rule)
		}
		reasons = append(reasons, s.Directive.Reason)
	}
	slices.Sort(reasons)
	reasons = slices.Compact(reasons)
	want := []string{
		"a directive in a doc comment covers the declaration",
		"own-line directive covers the next statement",
		"the analyzer name works too",
		"trailing directive covers its line",
	}
	if !slices.Equal(reasons, want) {
		t.Errorf("reasons = %q, want %q", reasons, want)
	}
	if len(sup) != 6 {
		t.Errorf("got %d suppressed diagnostics, want 6", len(sup))
	}
}

// quiet is an analysistest.Testing that ignores expectation mismatches.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}
