package suite_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers"
	"github.com/sdlkit/sdlkit/analyzers/internal/tainttest"
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
	// Our taint rules replace the gosec rules they supersede.
	superseded := 0
	for _, tr := range analyzers.Taint() {
		superseded += len(tr.Supersedes)
	}
	if s.Gosec == nil || len(s.Rules) != len(suite.Rules())-superseded {
		t.Errorf("default suite runs %d of %d rules", len(s.Rules), len(suite.Rules()))
	}
	for _, r := range s.Rules {
		if r.ID == "G701" {
			t.Error("G701 runs next to sqlinjection, which supersedes it")
		}
	}
	s, err = suite.NewSuite(suite.Options{Include: []string{"G701"}})
	if err != nil || len(s.Rules) != 3 || s.Rules[0].ID != "G701" {
		t.Errorf("G701 alone: %v, %v", s.Rules, err)
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

// TestSQLStringGivesWay: the non-constant SQL audit check (SDL401) does not
// report a call that the SQL injection taint rule (SDL901) reports.
func TestSQLStringGivesWay(t *testing.T) {
	s, err := suite.NewSuite(suite.Options{Include: []string{"SDL401", "SDL901"}})
	if err != nil {
		t.Fatal(err)
	}
	var sqlstring *analysis.Analyzer
	for _, a := range s.Analyzers {
		if a.Name == "sqlstring" {
			sqlstring = a
		}
	}
	if sqlstring == nil {
		t.Fatal("sqlstring does not run")
	}
	dir := tainttest.Dir(t)
	analysistest.Run(t, dir, sqlstring, "giveway")
}

// TestSupersededSuppressions: //sdl:ignore and #nosec naming G703 (G707)
// suppress SDL904 (SDL908), which replaces it, and such a directive that
// suppresses nothing is reported under the rule that replaced it.
func TestSupersededSuppressions(t *testing.T) {
	checkSuppressions(t, []string{"SDL904", "SDL908"}, "supersede")
}

// TestOutrankedSuppressions: a directive naming G304, whose finding gives
// way to SDL904's on the same call, suppresses SDL904 there, and one naming
// both is not reported unused for G304.
func TestOutrankedSuppressions(t *testing.T) {
	checkSuppressions(t, []string{"G304", "SDL904"}, "outranksup")
}

// checkSuppressions runs the suite's directive reporter, with the rules of
// include, over the taint test package pkg: its // want lines are the
// reporter's diagnostics, and gosec (which runs our taint rules) must
// report nothing, every finding being suppressed.
func checkSuppressions(t *testing.T, include []string, pkg string) {
	t.Helper()
	s, err := suite.NewSuite(suite.Options{Include: include})
	if err != nil {
		t.Fatal(err)
	}
	var reporter *analysis.Analyzer
	for _, a := range s.Analyzers {
		if a.Name == "sdlignore" {
			reporter = a
		}
	}
	if reporter == nil || s.Gosec == nil {
		t.Fatal("the directive reporter or gosec does not run")
	}
	dir := tainttest.Dir(t)
	results := analysistest.Run(t, dir, reporter, pkg)
	for _, dep := range results[0].Action.Deps {
		if dep.Analyzer == s.Gosec {
			for _, d := range dep.Diagnostics {
				t.Errorf("suppressed finding reported: %s", d.Message)
			}
			return
		}
	}
	t.Error("gosec did not run")
}
