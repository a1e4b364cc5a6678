package tlsminversion_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/tlsminversion"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tlsminversion.Analyzer, "a", "lookalike")
}

func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), tlsminversion.Analyzer, "fix")
}
