package cookieflags_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/cookieflags"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), cookieflags.Analyzer, "a", "stores", "escape", "sessionlevel", "gin", "gindefault", "lookalike/sessions")
}

func TestBeforeV13(t *testing.T) {
	analysistest.Run(t, filepath.Join(analysistest.TestData(), "v12"), cookieflags.Analyzer, "old")
}

func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), cookieflags.Analyzer, "fix")
}
