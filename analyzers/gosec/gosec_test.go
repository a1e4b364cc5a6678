package gosec_test

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/gosec"
	"github.com/sdlkit/sdlkit/analyzers/internal/tainttest"
	"github.com/sdlkit/sdlkit/analyzers/pathtraversal"
	"github.com/sdlkit/sdlkit/analyzers/sqlinjection"
	"github.com/sdlkit/sdlkit/analyzers/ssrf"
	"github.com/sdlkit/sdlkit/analyzers/taintkit"
	"github.com/sdlkit/sdlkit/finding"
)

func TestAnalyzer(t *testing.T) {
	a, err := gosec.New(gosec.Config{Include: []string{"G302", "G402"}})
	if err != nil {
		t.Fatal(err)
	}
	results := analysistest.Run(t, analysistest.TestData(), a, "a")
	res := results[0].Action.Result.(*gosec.Result)
	var nosec *gosec.Issue
	for i, is := range res.Issues {
		if len(is.Suppressions) > 0 {
			nosec = &res.Issues[i]
		}
	}
	if len(res.Issues) != 3 || nosec == nil {
		t.Fatalf("issues = %+v, want 3 with one #nosec", res.Issues)
	}
	if nosec.RuleID != "G302" || nosec.Suppressions[0].Justification != "a scratch directory shared with the sidecar" || nosec.Suppressions[0].Kind != finding.SuppressionInSource {
		t.Errorf("#nosec issue = %+v", nosec)
	}
	for _, is := range res.Issues {
		if len(is.CWE) == 0 || is.Severity == "" || is.Confidence == "" {
			t.Errorf("issue lacks CWE, severity or confidence: %+v", is)
		}
	}
}

func TestConfig(t *testing.T) {
	if _, err := gosec.New(gosec.Config{Exclude: []string{"G999"}}); err == nil {
		t.Error("an unknown rule was accepted")
	}
	on, err := gosec.Config{Exclude: []string{"G104"}}.Enabled()
	if err != nil || slices.Contains(on, "G104") || !slices.Contains(on, "G101") {
		t.Errorf("Enabled = %v, %v", on, err)
	}
}

// TestEveryRuleDocumented keeps docs/ complete: every rule gosec can report
// has a document with its sections, a CWE and a level.
func TestEveryRuleDocumented(t *testing.T) {
	if missing := gosec.Undocumented(); len(missing) > 0 {
		t.Fatalf("gosec rules without docs/ID.md: %v", missing)
	}
	rules := gosec.Rules()
	if len(rules) != len(gosec.IDs()) {
		t.Fatalf("%d documents for %d rules", len(rules), len(gosec.IDs()))
	}
	for _, r := range rules {
		if len(r.CWE) == 0 || r.Severity == finding.SeverityNone || r.Summary == "" {
			t.Errorf("%s: incomplete documentation %+v", r.ID, r)
		}
	}
	// The CWEs gosec v2.30.0 cannot name itself.
	for id, cwe := range map[string]int{"G116": 838, "G121": 346, "G710": 601} {
		i := slices.IndexFunc(rules, func(r finding.Rule) bool { return r.ID == id })
		if i < 0 || !slices.Contains(rules[i].CWE, cwe) {
			t.Errorf("%s does not carry CWE-%d", id, cwe)
		}
	}
}

// TestOutranked: a pattern rule's finding inside a call that a taint rule
// of the same kind reports is dropped (G304 for SDL904, G107 for SDL905,
// G201 and G202 for SDL901, G204 for G702); elsewhere it is kept.
func TestOutranked(t *testing.T) {
	a, err := gosec.New(gosec.Config{
		Include: []string{"G107", "G201", "G202", "G204", "G304", "G702"},
		Taint:   []taintkit.Rule{pathtraversal.Rule, ssrf.Rule, sqlinjection.Rule},
	})
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, tainttest.Dir(t), a, "outrank")
}

// TestBinding: the taint rules follow a request body read with io.ReadAll
// (an interface conversion the engine does not follow by itself) and the
// variables it is bound or decoded into (writes through a pointer the
// engine cannot see), and not variables filled from constant data.
func TestBinding(t *testing.T) {
	tainttest.Run(t, []taintkit.Rule{pathtraversal.Rule}, "binding", "bindnostore")
}
