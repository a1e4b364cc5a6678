package templateinjection_test

import (
	"testing"

	"github.com/sdlkit/sdlkit/analyzers/internal/tainttest"
	"github.com/sdlkit/sdlkit/analyzers/taintkit"
	"github.com/sdlkit/sdlkit/analyzers/templateinjection"
)

// The library stubs and test packages of every taint rule live in
// analyzers/taintkit/testdata.
func Test(t *testing.T) {
	tainttest.Run(t, []taintkit.Rule{templateinjection.Rule}, "ssti")
}
