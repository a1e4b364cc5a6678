package taintcustom_test

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sdlkit/sdlkit/analyzers/gosec"
	"github.com/sdlkit/sdlkit/analyzers/taintcustom"
	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/policy"
)

// policyYAML declares the rules of docs/taint.md's worked example: the
// shop's own database wrapper as a sink, its own request type as a source.
const policyYAML = `version: 1
taint:
  - id: SHOP-SQL1
    cwe: [89]
    level: critical
    message: shop SQL injection
    help: Pass request data as arguments of Query, never in its SQL text.
    sources:
      - {package: example.com/shop/api, type: Request, pointer: true}
      - {package: example.com/shop/api, function: Header}
    sinks:
      - {package: example.com/shop/db, receiver: Store, pointer: true, method: Query, args: [1]}
      - {package: example.com/shop/db, function: Raw, args: [1]}
    sanitizers:
      - {package: example.com/shop/db, function: QuoteLiteral}
  - id: SHOP-LOG1
    cwe: [117]
    level: low
    message: audit forging
    useBuiltinSources: false
    sources:
      - {package: example.com/shop/api, type: Request, pointer: true}
    sinks:
      - {package: example.com/shop/audit, receiver: Sink, method: Write, args: [0]}
`

func load(t *testing.T) *policy.Policy {
	t.Helper()
	p, err := policy.Parse(filepath.Join("some", "dir", "sdl.yaml"), []byte(policyYAML))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRules(t *testing.T) {
	rs := taintcustom.Rules(load(t))
	if len(rs) != 2 {
		t.Fatalf("rules = %d", len(rs))
	}
	sql := rs[0]
	if sql.Rule.ID != "SHOP-SQL1" || sql.Rule.Tool != "sdl" || sql.Rule.Severity != finding.Critical ||
		len(sql.Rule.CWE) != 1 || sql.Rule.CWE[0] != 89 || sql.Rule.Summary != "shop SQL injection" || sql.Message != "shop SQL injection" {
		t.Errorf("rule = %+v", sql.Rule)
	}
	for _, want := range []string{"taint section of sdl.yaml:3:5", "never in its SQL text", "(*example.com/shop/db.Store).Query (argument 1)",
		"example.com/shop/db.Raw (argument 1)", "*example.com/shop/api.Request", "example.com/shop/db.QuoteLiteral", "built-in sources", "//sdl:ignore SHOP-SQL1"} {
		if !strings.Contains(sql.Rule.Text, want) || !strings.Contains(sql.Rule.Help, want) {
			t.Errorf("help lacks %q:\n%s\n%s", want, sql.Rule.Text, sql.Rule.Help)
		}
	}
	if strings.Contains(sql.Rule.Help, "some") {
		t.Errorf("help names the policy's directory:\n%s", sql.Rule.Help)
	}
	c := sql.Config
	n := len(c.Sources)
	if n < 3 || c.Sources[n-2].Name != "Request" || !c.Sources[n-2].Pointer || c.Sources[n-2].IsFunc || c.Sources[n-1].Name != "Header" || !c.Sources[n-1].IsFunc {
		t.Errorf("sources = %+v", c.Sources)
	}
	if len(c.Sinks) != 2 || c.Sinks[0].Receiver != "Store" || c.Sinks[0].Method != "Query" || !c.Sinks[0].Pointer || c.Sinks[0].CheckArgs[0] != 1 ||
		c.Sinks[1].Receiver != "" || c.Sinks[1].Method != "Raw" {
		t.Errorf("sinks = %+v", c.Sinks)
	}
	if last := c.Sanitizers[len(c.Sanitizers)-1]; last.Method != "QuoteLiteral" || last.Receiver != "" {
		t.Errorf("sanitizers = %+v", c.Sanitizers)
	}
	if got := rs[1].Config.Sources; len(got) != 1 || strings.Contains(rs[1].Rule.Text, "built-in sources") {
		t.Errorf("useBuiltinSources: false gave sources %+v", got)
	}
}

// TestFlows runs the custom rules, loaded from YAML, on gosec's taint
// engine over a small package: tainted flows are reported; bound
// arguments, sanitized and constant look-alikes are not.
func TestFlows(t *testing.T) {
	a, err := gosec.New(gosec.Config{NoGosecRules: true, Taint: taintcustom.Rules(load(t))})
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "example.com/shop/handlers")
}
