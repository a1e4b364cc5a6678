package templates_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sdlkit/sdlkit/analyzers/suite"
	"github.com/sdlkit/sdlkit/policy"
	"github.com/sdlkit/sdlkit/release"
	"github.com/sdlkit/sdlkit/templates"
	"github.com/sdlkit/sdlkit/threatmodel"
)

// ruleRuns reports whether a rule exists and whether the shipped policy
// (what a project gets from `sdl init`) runs it.
func ruleRuns(id string) (exists, enabled bool) {
	r, ok := suite.Lookup(id)
	if !ok {
		return false, false
	}
	scan := policy.Default().Scan
	named := func(names []string) bool {
		ids, err := suite.Resolve(names)
		return err == nil && slices.Contains(ids, r.ID)
	}
	if len(scan.Include) > 0 && !named(scan.Include) {
		return true, false
	}
	return true, !named(scan.Exclude)
}

func TestThreatModelsPassEveryDesignGate(t *testing.T) {
	models := templates.ThreatModels()
	for _, name := range []string{"webapi", "saas", "cicd"} {
		if _, ok := models[name]; !ok {
			t.Errorf("no starter threat model %q", name)
		}
	}
	for name, data := range models {
		t.Run(name, func(t *testing.T) {
			m, err := threatmodel.Parse(name+".yaml", data)
			if err != nil {
				t.Fatal(err)
			}
			fs := m.Check(threatmodel.Context{
				Path:  "threatmodel.yaml",
				Today: policy.Today(time.Now()),
				Rule:  ruleRuns,
				// As in a module fresh from `sdl init`: it declares no
				// requirements and has none of the tests a template could
				// name, so a template may cite neither.
				Requirements: map[string]bool{},
				TestExists:   func(pkg, name string) (bool, error) { return false, nil },
			})
			for _, f := range fs {
				t.Errorf("%s: %s %s: %s", f.Location, f.RuleID, f.Severity, f.Message)
			}
			if gaps := threatmodel.Missing(m); len(gaps) > 0 {
				t.Errorf("STRIDE gaps: %v", gaps)
			}
		})
	}
}

// TestThreatModelsAreSelfContained checks what the gates cannot see in a
// template: it cites only rules (tests and requirements would not exist in
// the module it is copied into), and it leaves no threat open.
func TestThreatModelsAreSelfContained(t *testing.T) {
	for name, data := range templates.ThreatModels() {
		m, err := threatmodel.Parse(name+".yaml", data)
		if err != nil {
			t.Fatal(err)
		}
		if m.System.Name == "" || len(m.Assets) == 0 || len(m.Boundaries) == 0 {
			t.Errorf("%s: want a named system with assets and boundaries", name)
		}
		for _, th := range m.Threats {
			if th.Status == threatmodel.Open {
				t.Errorf("%s: threat %s is open", name, th.ID)
			}
			for _, mit := range th.Mitigations {
				for _, ref := range mit.References {
					if !strings.HasPrefix(ref, "rule:") {
						t.Errorf("%s: threat %s cites %s: a template may cite only rules", name, th.ID, ref)
					}
				}
			}
		}
	}
}

// TestGatesSeeDefects makes sure the check above can fail: with the same
// context, a threat moved off its target leaves a dangling reference
// (TM001) and a STRIDE gap (TM501), and a mitigation citing a rule that
// does not exist is reported (TM603).
func TestGatesSeeDefects(t *testing.T) {
	for name, data := range templates.ThreatModels() {
		m, err := threatmodel.Parse(name+".yaml", data)
		if err != nil {
			t.Fatal(err)
		}
		m.Threats[0].Target = "no-such-element"
		m.Threats[0].Mitigations = append(m.Threats[0].Mitigations,
			threatmodel.Mitigation{Text: "a check that does not exist", References: []string{"rule:SDL999"}})
		fs := m.Check(threatmodel.Context{Path: "threatmodel.yaml", Today: policy.Today(time.Now()), Rule: ruleRuns})
		var got []string
		for _, f := range fs {
			got = append(got, f.RuleID)
		}
		for _, want := range []string{threatmodel.RuleReferences, threatmodel.RuleSTRIDE, threatmodel.RuleMitigationRef} {
			if !slices.Contains(got, want) {
				t.Errorf("%s: changed model: no %s finding (got %v)", name, want, got)
			}
		}
	}
}

func TestSecurityPolicy(t *testing.T) {
	root := t.TempDir()
	data := templates.SecurityPolicy()
	if err := os.WriteFile(filepath.Join(root, "SECURITY.md"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := release.CheckResponsePlan(root)
	if err != nil {
		t.Fatal(err)
	}
	// As shipped, the contact and the other placeholders are missing, and
	// nothing else.
	if len(c.Problems) != 2 || !strings.Contains(c.Problems[0], "no contact") || !strings.Contains(c.Problems[1], "CHANGE-ME placeholders") {
		t.Fatalf("problems %q, want the placeholder contact and placeholders", c.Problems)
	}
	filled := strings.ReplaceAll(string(data), "security@example.com", "security@contoso.com")
	filled = strings.ReplaceAll(filled, "CHANGE-ME/CHANGE-ME", "contoso/shop")
	filled = strings.ReplaceAll(filled, "CHANGE-ME key fingerprint", "0xDEADBEEF")
	filled = strings.ReplaceAll(filled, "until CHANGE-ME", "until 2027-06-30")
	if err := os.WriteFile(filepath.Join(root, "SECURITY.md"), []byte(filled), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, err = release.CheckResponsePlan(root); err != nil || !c.OK() {
		t.Fatalf("filled in: %v %q", err, c.Problems)
	}
}
