package grpcinsecure_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/grpcinsecure"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), grpcinsecure.Analyzer, "client", "server", "example.com/fakegrpc")
}
