package threatmodel

import (
	_ "embed"
	"slices"
	"strings"
	"sync"

	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed rules.txt
var rulesDoc string

// Rule IDs of the design gates.
const (
	RuleReferences     = "TM001"
	RuleFlowEncryption = "TM101"
	RuleFlowAuth       = "TM102"
	RuleStoreEncrypt   = "TM201"
	RuleStoreAudit     = "TM202"
	RuleExposedAuthn   = "TM301"
	RuleExposedAuthz   = "TM302"
	RuleTenantIsolate  = "TM401"
	RuleSTRIDE         = "TM501"
	RuleOpenThreat     = "TM601"
	RuleAcceptance     = "TM602"
	RuleMitigationRef  = "TM603"
	RuleFreshness      = "TM701"
)

var ruleMeta = []struct {
	name string
	meta ruledoc.Meta
}{
	{"tmreferences", ruledoc.Meta{ID: RuleReferences, Severity: finding.Moderate, Tags: []string{"design"}}},
	{"tmflowencryption", ruledoc.Meta{ID: RuleFlowEncryption, CWE: []int{319}, Severity: finding.Important, Tags: []string{"design", "encryption-in-transit"}}},
	{"tmflowauth", ruledoc.Meta{ID: RuleFlowAuth, CWE: []int{306}, Severity: finding.Important, Tags: []string{"design", "identity"}}},
	{"tmstoreencryption", ruledoc.Meta{ID: RuleStoreEncrypt, CWE: []int{311}, Severity: finding.Important, Tags: []string{"design", "encryption-at-rest"}}},
	{"tmstoreaudit", ruledoc.Meta{ID: RuleStoreAudit, CWE: []int{778}, Severity: finding.Moderate, Tags: []string{"design", "auditing"}}},
	{"tmexposedauthn", ruledoc.Meta{ID: RuleExposedAuthn, CWE: []int{306}, Severity: finding.Critical, Tags: []string{"design", "identity"}}},
	{"tmexposedauthz", ruledoc.Meta{ID: RuleExposedAuthz, CWE: []int{862}, Severity: finding.Important, Tags: []string{"design", "identity"}}},
	{"tmtenantisolation", ruledoc.Meta{ID: RuleTenantIsolate, CWE: []int{653}, Severity: finding.Important, Tags: []string{"design", "data-segregation"}}},
	{"tmstride", ruledoc.Meta{ID: RuleSTRIDE, Severity: finding.Moderate, Tags: []string{"design"}}},
	{"tmopenthreat", ruledoc.Meta{ID: RuleOpenThreat, Severity: finding.Moderate, Tags: []string{"design"}}},
	{"tmacceptance", ruledoc.Meta{ID: RuleAcceptance, Severity: finding.Important, Tags: []string{"design"}}},
	{"tmmitigationref", ruledoc.Meta{ID: RuleMitigationRef, Severity: finding.Moderate, Tags: []string{"design"}}},
	{"tmfreshness", ruledoc.Meta{ID: RuleFreshness, Severity: finding.Low, Tags: []string{"design"}}},
}

var rules = sync.OnceValue(func() []finding.Rule {
	var out []finding.Rule
	for _, r := range ruleMeta {
		rule, err := ruledoc.FromComment(rulesDoc, r.name, r.meta)
		if err != nil {
			panic(err) // embedded: a test catches it
		}
		out = append(out, rule)
	}
	slices.SortFunc(out, func(a, b finding.Rule) int { return strings.Compare(a.ID, b.ID) })
	return out
})

// Rules returns the design gates' rules, in ID order.
func Rules() []finding.Rule { return slices.Clone(rules()) }

// rule returns the rule with an ID.
func rule(id string) finding.Rule {
	for _, r := range rules() {
		if r.ID == id {
			return r
		}
	}
	panic("unknown design rule " + id)
}
