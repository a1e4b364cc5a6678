package wsorigin_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/wsorigin"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), wsorigin.Analyzer, "a", "accept", "lookalike/websocket", "other")
}
