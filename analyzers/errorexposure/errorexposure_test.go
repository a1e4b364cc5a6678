package errorexposure_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/errorexposure"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), errorexposure.Analyzer, "nethttp", "frameworks", "helpers")
}
