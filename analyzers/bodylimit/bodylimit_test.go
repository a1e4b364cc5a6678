package bodylimit_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/bodylimit"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), bodylimit.Analyzer, "a", "frameworks")
}

func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), bodylimit.Analyzer, "fix")
}
