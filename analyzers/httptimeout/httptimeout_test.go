package httptimeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/httptimeout"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), httptimeout.Analyzer, "a", "command", "configured", "lookalike")
}

func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), httptimeout.Analyzer, "fix")
}
