package oidcskip_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/oidcskip"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), oidcskip.Analyzer, "a", "v2", "lookalike")
}
