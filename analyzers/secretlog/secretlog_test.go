package secretlog_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/secretlog"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), secretlog.Analyzer, "stdlog", "libs")
}
