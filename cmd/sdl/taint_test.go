package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// shopModule is docs/taint.md's worked example: the team's own database
// wrapper as a sink, its own request type as a source.
func shopModule(t *testing.T, policy string) string {
	t.Helper()
	return module(t, map[string]string{
		"sdl.yaml": policy,
		"db/db.go": `package db

type Store struct{}

func (s *Store) Query(sql string, args ...any) {}

func QuoteLiteral(s string) string { return "'" + s + "'" }
`,
		"api/api.go": `package api

type Request struct{ Params map[string]string }

func (r *Request) Param(name string) string { return r.Params[name] }
`,
		"handlers/handlers.go": `package handlers

import (
	"example.com/m/api"
	"example.com/m/db"
)

func Search(store *db.Store, req *api.Request) {
	name := req.Param("name")
	store.Query("SELECT * FROM items WHERE name = '" + name + "'")
	store.Query("SELECT * FROM items WHERE name = ?", name)
	store.Query("SELECT * FROM items WHERE name = " + db.QuoteLiteral(name))
	store.Query("SELECT * FROM items")
}

func Delete(store *db.Store, req *api.Request) {
	//sdl:ignore SHOP-SQL1 -- the gateway allows only digits in id
	store.Query("DELETE FROM items WHERE id = " + req.Param("id"))
}
`,
	})
}

const shopPolicy = `version: 1
taint:
  - id: SHOP-SQL1
    cwe: [89]
    level: critical
    message: "SQL injection: request data reaches the SQL text of"
    useBuiltinSources: false
    sources:
      - {package: example.com/m/api, type: Request, pointer: true}
    sinks:
      - {package: example.com/m/db, receiver: Store, pointer: true, method: Query, args: [1]}
    sanitizers:
      - {package: example.com/m/db, function: QuoteLiteral}
`

func TestTaintCustomRuleScan(t *testing.T) {
	dir := shopModule(t, shopPolicy)
	code, out, errOut := sdl(t, dir, "scan", "--no-deps", "--format", "json", "./...")
	if code != 1 {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	var v struct {
		Findings []struct {
			RuleID       string `json:"ruleId"`
			Tool         string `json:"tool"`
			Severity     string `json:"severity"`
			Message      string `json:"message"`
			Suppressions []any  `json:"suppressions"`
			Location     struct {
				Path      string `json:"path"`
				StartLine int    `json:"startLine"`
			} `json:"location"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	var open, suppressed []string
	for _, f := range v.Findings {
		if f.RuleID != "SHOP-SQL1" {
			t.Errorf("unexpected finding %+v", f)
			continue
		}
		if f.Tool != "sdl" || f.Severity != "critical" || !strings.Contains(f.Message, "SQL injection: request data reaches the SQL text of") {
			t.Errorf("finding = %+v", f)
		}
		at := f.Location.Path + ":" + itoa(f.Location.StartLine)
		if len(f.Suppressions) > 0 {
			suppressed = append(suppressed, at)
		} else {
			open = append(open, at)
		}
	}
	if strings.Join(open, " ") != "handlers/handlers.go:10" || strings.Join(suppressed, " ") != "handlers/handlers.go:18" {
		t.Errorf("open %v, suppressed %v; output:\n%s", open, suppressed, out)
	}

	// The bug bar counts it like any other finding: the critical finding
	// fails the gate, unless an exception names the rule.
	code, out, errOut = sdl(t, dir, "scan", "--no-deps", "--format", "sarif", "-o", "scan.sarif", "./...")
	if code != 1 {
		t.Fatalf("scan: exit %d: %s%s", code, out, errOut)
	}
	code, out, errOut = sdl(t, dir, "gate", "implementation", "scan.sarif")
	if code != 1 || !strings.Contains(out+errOut, "SHOP-SQL1") {
		t.Errorf("gate: exit %d\n%s%s", code, out, errOut)
	}
	dir = shopModule(t, shopPolicy+`exceptions:
  - id: EX-1
    scope: {rule: SHOP-SQL1}
    justification: the store escapes quotes itself until the rewrite
    approver: security@example.com
    expires: 2999-01-01
`)
	code, out, errOut = sdl(t, dir, "scan", "--no-deps", "--format", "sarif", "-o", "scan.sarif", "./...")
	if code != 1 {
		t.Fatalf("scan: exit %d: %s%s", code, out, errOut)
	}
	code, out, errOut = sdl(t, dir, "gate", "implementation", "scan.sarif")
	if code != 0 {
		t.Errorf("gate with an exception: exit %d\n%s%s", code, out, errOut)
	}
}

func TestTaintCustomRuleExplain(t *testing.T) {
	dir := shopModule(t, shopPolicy)
	code, out, errOut := sdl(t, dir, "explain", "shop-sql1")
	if code != 0 || !strings.Contains(out, "SHOP-SQL1") || !strings.Contains(out, "sdl.yaml:3:5") ||
		!strings.Contains(out, "(*example.com/m/db.Store).Query (argument 1)") || !strings.Contains(out, "CWE-89") {
		t.Errorf("explain: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = sdl(t, dir, "rules")
	if code != 0 || !strings.Contains(out, "SHOP-SQL1") {
		t.Errorf("rules: exit %d\n%s", code, out)
	}
}

func TestTaintCustomRuleInvalid(t *testing.T) {
	dir := shopModule(t, strings.Replace(shopPolicy, "args: [1]", "args: [one]", 1))
	code, _, errOut := sdl(t, dir, "scan", "--no-deps", "./...")
	if code != 2 || !strings.Contains(errOut, "sdl.yaml:11:") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
