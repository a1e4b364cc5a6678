package oauthstate_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/oauthstate"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), oauthstate.Analyzer, "a")
}
