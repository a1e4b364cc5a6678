package sqlstring_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/sqlstring"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), sqlstring.Analyzer, "gormuse", "sqlxuse", "pgxuse", "gopguse", "gormv1", "wrapperuse")
}
