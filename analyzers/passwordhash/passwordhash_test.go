package passwordhash_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/passwordhash"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), passwordhash.Analyzer, "a")
}
