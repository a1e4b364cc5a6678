package plaintextlisten_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/plaintextlisten"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), plaintextlisten.Analyzer, "a", "rawtcp", "tlsconn", "grpcserved", "frameworks", "lookalike/http")
}
