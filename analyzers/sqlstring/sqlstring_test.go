package sqlstring_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/internal/tainttest"
	"github.com/sdlkit/sdlkit/analyzers/sqlstring"
)

// The library stubs (gorm, sqlx, pgx, go-pg, squirrel, ...) are shared with
// the taint rules in analyzers/taintkit/testdata.
func Test(t *testing.T) {
	dir := tainttest.Dir(t)
	analysistest.Run(t, dir, sqlstring.Analyzer, "gormuse", "sqlxuse", "pgxuse", "gopguse", "gormv1", "wrapperuse")
}
