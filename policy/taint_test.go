package policy

import (
	"strings"
	"testing"

	"github.com/sdlkit/sdlkit/finding"
)

const validTaint = `version: 1
taint:
  - id: ACME-DBQUERY
    cwe: [89]
    level: critical
    message: "SQL injection: request data reaches the SQL text of"
    useBuiltinSources: false
    sources:
      - {package: example.com/shop/api, type: Request, pointer: true}
      - {package: example.com/shop/api, function: RawInput}
      - {package: example.com/shop/api, receiver: Request, method: Param}
    sinks:
      - {package: example.com/shop/db, receiver: Store, pointer: true, method: Query, args: [1]}
      - {package: example.com/shop/db, function: Exec}
    sanitizers:
      - {package: example.com/shop/db, function: QuoteIdent}
  - id: X-LOG1
    level: low
    message: log forging
    sinks:
      - {package: example.com/shop/audit, receiver: Logger, method: Write, args: [0]}
`

func TestParseTaint(t *testing.T) {
	p, err := Parse("sdl.yaml", []byte(validTaint))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Taint) != 2 {
		t.Fatalf("taint = %+v", p.Taint)
	}
	r := p.Taint[0]
	if r.ID != "ACME-DBQUERY" || r.Level != finding.Critical || len(r.CWE) != 1 || r.CWE[0] != 89 || r.BuiltinSources() {
		t.Errorf("rule = %+v", r)
	}
	if got := r.Sources[0].String(); got != "*example.com/shop/api.Request" {
		t.Errorf("source 0 = %s", got)
	}
	if got := r.Sources[2].String(); got != "(example.com/shop/api.Request).Param" {
		t.Errorf("source 2 = %s", got)
	}
	if got := r.Sinks[0].String(); got != "(*example.com/shop/db.Store).Query" || len(r.Sinks[0].Args) != 1 || r.Sinks[0].Args[0] != 1 {
		t.Errorf("sink 0 = %s %v", got, r.Sinks[0].Args)
	}
	if got := r.Sanitizers[0].String(); got != "example.com/shop/db.QuoteIdent" {
		t.Errorf("sanitizer = %s", got)
	}
	if !p.Taint[1].BuiltinSources() || p.Taint[1].Index != 1 || p.Where("/taint/1/id") != "sdl.yaml:17:9" {
		t.Errorf("rule 1 = %+v at %s", p.Taint[1], p.Where("/taint/1/id"))
	}
	if !p.TaintRuleID("x-log1") || p.TaintRuleID("X-LOG2") {
		t.Error("TaintRuleID")
	}
}

func TestTaintErrorsArePositioned(t *testing.T) {
	const head = "version: 1\ntaint:\n"
	const rule = "  - id: X-A\n    level: low\n    message: m\n"
	const sink = "    sinks: [{package: p, function: F}]\n"
	for _, tc := range []struct{ name, src, want string }{
		{"unknown key", rule + sink + "    sink: []\n", `sdl.yaml:7:5: unknown key "sink"`},
		{"unknown source key", rule + sink + "    sources: [{package: p, typ: T}]\n", `sdl.yaml:7:28: unknown key "typ"`},
		{"no sinks", rule, `sdl.yaml:3:5: missing required key "sinks"`},
		{"empty sinks", rule + "    sinks: []\n", "sdl.yaml:6:12:"},
		{"bad level", "  - id: X-A\n    level: severe\n    message: m\n" + sink, "sdl.yaml:4:12:"},
		{"cwe type", rule + sink + "    cwe: [CWE-89]\n", "sdl.yaml:7:11:"},
		{"args type", rule + "    sinks: [{package: p, function: F, args: first}]\n", "sdl.yaml:6:45: got string, want array"},
		{"negative arg", rule + "    sinks: [{package: p, function: F, args: [-1]}]\n", "sdl.yaml:6:46: minimum: got -1, want 0"},
		{"id without prefix", "  - id: SQL1\n    level: low\n    message: m\n" + sink, "sdl.yaml:3:9:"},
		{"reserved prefix", "  - id: SDL-901\n    level: low\n    message: m\n" + sink, `sdl.yaml:3:9: taint rule id "SDL-901" uses the reserved prefix SDL-`},
		{"duplicate id", rule + sink + "  - id: x-a\n    level: low\n    message: m\n" + sink, `sdl.yaml:7:9: duplicate taint rule id "x-a" (first at sdl.yaml:3:9)`},
		{"receiver without method", rule + "    sinks: [{package: p, receiver: T}]\n", "sdl.yaml:6:13: properties 'method' required, if 'receiver' exists"},
		{"function and method", rule + "    sinks: [{package: p, function: F, receiver: T, method: M}]\n", "sdl.yaml:6:13: a sink names exactly one of function, or receiver and method"},
		{"sink without function", rule + "    sinks: [{package: p}]\n", "sdl.yaml:6:13: a sink names exactly one of function"},
		{"source type and function", rule + sink + "    sources: [{package: p, type: T, function: F}]\n", "sdl.yaml:7:15: a source names exactly one of type, function, or receiver and method"},
		{"pointer on function source", rule + sink + "    sources: [{package: p, function: F, pointer: true}]\n", "sdl.yaml:7:50: pointer applies to a source type"},
		{"sanitizer empty", rule + sink + "    sanitizers: [{package: p}]\n", "sdl.yaml:7:18: a sanitizer names exactly one of function"},
		{"no sources at all", rule + sink + "    useBuiltinSources: false\n", "sdl.yaml:7:24: a taint rule with useBuiltinSources: false needs sources"},
		{"useBuiltinSources type", rule + sink + "    useBuiltinSources: yes please\n", "sdl.yaml:7:24:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("sdl.yaml", []byte(head+tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v\nwant %q in:\n%s", err, tc.want, head+tc.src)
			}
		})
	}
}

func TestTaintIDsAgainstBuiltinRules(t *testing.T) {
	src := "version: 1\ntaint:\n  - id: X-A\n    level: low\n    message: m\n    sinks: [{package: p, function: F}]\nscan:\n  exclude: [X-A, G104]\n  options:\n    X-A: {}\n"
	p, err := Parse("sdl.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	err = p.CheckRules(func(id string) bool { return id == "G104" })
	if err == nil || strings.Contains(err.Error(), "8:") || !strings.Contains(err.Error(), `sdl.yaml:10:10: unknown rule "X-A"`) {
		t.Errorf("error = %v; want only the options entry refused", err)
	}
	err = p.CheckRules(func(id string) bool { return id == "G104" || id == "X-A" })
	if err == nil || !strings.Contains(err.Error(), `sdl.yaml:3:9: taint rule id "X-A" is a built-in rule's`) {
		t.Errorf("error = %v", err)
	}
}
