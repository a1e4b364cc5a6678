package corscredentials_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/corscredentials"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), corscredentials.Analyzer, "manual", "frameworks", "libs", "lookalike/cors")
}
