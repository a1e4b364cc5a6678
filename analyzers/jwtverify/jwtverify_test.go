package jwtverify_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/jwtverify"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), jwtverify.Analyzer, "a", "v4", "legacy", "jose", "lookalike")
}
