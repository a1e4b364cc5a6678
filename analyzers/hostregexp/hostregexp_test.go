package hostregexp_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/hostregexp"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hostregexp.Analyzer, "a", "hosts", "lookalike/regexp")
}

func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), hostregexp.Analyzer, "fix")
}
