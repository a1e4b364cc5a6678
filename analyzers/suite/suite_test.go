package suite_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sdlkit/sdlkit/analyzers"
	"github.com/sdlkit/sdlkit/analyzers/suite"
	"github.com/sdlkit/sdlkit/finding"
)

func TestRegistry(t *testing.T) {
	var as []*analysis.Analyzer
	ids := map[string]bool{}
	names := map[string]bool{}
	for _, c := range analyzers.All() {
		as = append(as, c.Analyzer)
		r := c.Rule
		if ids[r.ID] || names[r.Name] {
			t.Errorf("duplicate rule %s %s", r.ID, r.Name)
		}
		ids[r.ID], names[r.Name] = true, true
		if !strings.HasPrefix(r.ID, "SDL") || c.Analyzer.Name != r.Name {
			t.Errorf("%s: ID or analyzer name does not follow the scheme (analyzer %q)", r.ID, c.Analyzer.Name)
		}
		if len(r.CWE) == 0 || r.Severity == finding.SeverityNone || r.Summary == "" || r.Help == "" {
			t.Errorf("%s: incomplete rule %+v", r.ID, r)
		}
		if len(c.Analyzer.FactTypes) > 0 {
			t.Errorf("%s uses facts; the drivers analyze packages independently", r.ID)
		}
		if !strings.HasSuffix(r.HelpURI, "#"+strings.ToLower(r.ID)) {
			t.Errorf("%s: help URI %q", r.ID, r.HelpURI)
		}
	}
	if len(as) < 17 {
		t.Errorf("%d analyzers registered, want at least 17", len(as))
	}
	if err := analysis.Validate(as); err != nil {
		t.Fatal(err)
	}
}

func TestSuite(t *testing.T) {
	s, err := suite.NewSuite(suite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := analysis.Validate(append(s.Analyzers, s.Directives)); err != nil {
		t.Fatal(err)
	}
	if s.Gosec == nil || len(s.Rules) != len(suite.Rules()) {
		t.Errorf("default suite runs %d of %d rules", len(s.Rules), len(suite.Rules()))
	}

	s, err = suite.NewSuite(suite.Options{Include: []string{"tlsminversion", "G402"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range s.Rules {
		got = append(got, r.ID)
	}
	if strings.Join(got, ",") != "G402,SDL001,SDL002,SDL101" {
		t.Errorf("include selected %v", got)
	}

	if _, err := suite.NewSuite(suite.Options{Exclude: []string{"nosuchrule"}}); err == nil {
		t.Error("an unknown rule was accepted")
	}
}

func TestLookup(t *testing.T) {
	for _, q := range []string{"SDL101", "sdl101", "tlsminversion", "G104", "g104"} {
		if _, ok := suite.Lookup(q); !ok {
			t.Errorf("Lookup(%q) failed", q)
		}
	}
	if _, ok := suite.Lookup("SDL999"); ok {
		t.Error("Lookup found SDL999")
	}
}
