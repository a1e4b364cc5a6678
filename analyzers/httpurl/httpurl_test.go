package httpurl_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/httpurl"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), httpurl.Analyzer, "a", "lookalike/http")
}
