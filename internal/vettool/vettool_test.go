package vettool

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/sdlkit/sdlkit/analyzers/suite"
	"github.com/sdlkit/sdlkit/internal/vetfront"
)

// TestFrontNamesMatchSuite keeps vetfront.Names (which the front end uses
// without linking the analyzers) equal to the suite's root analyzers, and
// checks none defines flags the front end's stand-ins would lack.
func TestFrontNamesMatchSuite(t *testing.T) {
	s, err := suite.NewSuite(suite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range s.Analyzers {
		names = append(names, a.Name)
		n := 0
		a.Flags.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			t.Errorf("%s defines flags; vetfront's stand-ins must define them too", a.Name)
		}
	}
	want := slices.Clone(vetfront.Names)
	slices.Sort(names)
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("suite analyzers %v\nvetfront.Names  %v", names, vetfront.Names)
	}
}

func TestPolicyTurnsAnalyzersInert(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module m\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "sdl.yaml"), []byte("version: 1\nscan:\n  exclude: [tlsminversion]\n"), 0o644)
	as, err := Analyzers(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != len(vetfront.Names) {
		t.Fatalf("%d analyzers, want %d", len(as), len(vetfront.Names))
	}
	for _, a := range as {
		if a.Name == "tlsminversion" && len(a.Requires) != 0 {
			t.Error("the excluded analyzer is not inert")
		}
		if a.Name == "gosec" && len(a.Requires) == 0 {
			t.Error("gosec is inert")
		}
	}
	os.WriteFile(filepath.Join(dir, "sdl.yaml"), []byte("version: 1\nscan:\n  exclude: [nope]\n"), 0o644)
	if _, err := Analyzers(dir); err == nil {
		t.Error("an unknown rule in sdl.yaml was accepted")
	}
}
