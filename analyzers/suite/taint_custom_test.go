package suite_test

import (
	"slices"
	"testing"

	"github.com/securego/gosec/v2/taint"

	"github.com/sdlkit/sdlkit/analyzers/suite"
	"github.com/sdlkit/sdlkit/analyzers/taintkit"
	"github.com/sdlkit/sdlkit/finding"
)

func TestExtraTaintRules(t *testing.T) {
	custom := taintkit.Rule{
		Rule:    finding.Rule{ID: "X-DB1", Tool: "sdl", Summary: "s", Severity: finding.Critical},
		Message: "m",
		Config:  taint.Config{Sinks: []taint.Sink{{Package: "example.com/db", Method: "Raw"}}},
	}
	has := func(s *suite.Suite, id string) bool {
		return slices.ContainsFunc(s.Rules, func(r finding.Rule) bool { return r.ID == id })
	}
	s, err := suite.NewSuite(suite.Options{Taint: []taintkit.Rule{custom}})
	if err != nil {
		t.Fatal(err)
	}
	if !has(s, "X-DB1") || s.Gosec == nil {
		t.Errorf("the custom rule does not run: %v", s.Rules)
	}
	s, err = suite.NewSuite(suite.Options{Taint: []taintkit.Rule{custom}, Exclude: []string{"x-db1", "G104"}})
	if err != nil {
		t.Fatal(err)
	}
	if has(s, "X-DB1") || has(s, "G104") || !has(s, "G101") {
		t.Errorf("exclude: %v", s.Rules)
	}
	s, err = suite.NewSuite(suite.Options{Taint: []taintkit.Rule{custom}, Include: []string{"X-DB1"}})
	if err != nil {
		t.Fatal(err)
	}
	if !has(s, "X-DB1") || has(s, "G101") || has(s, "SDL901") {
		t.Errorf("include: %v", s.Rules)
	}
	if _, err := suite.NewSuite(suite.Options{Exclude: []string{"X-DB1"}}); err == nil {
		t.Error("a custom rule's ID is known without the rule")
	}
}
