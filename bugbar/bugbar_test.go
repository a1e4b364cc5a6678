package bugbar

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/policy"
)

func mustPolicy(t *testing.T, src string) *policy.Policy {
	t.Helper()
	p, err := policy.Parse("sdl.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func date(t *testing.T, s string) policy.Date {
	t.Helper()
	d, err := policy.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func log(tool string, fs ...finding.Finding) *finding.SARIFLog {
	for i := range fs {
		if fs[i].Tool == "" {
			fs[i].Tool = tool
		}
		if fs[i].Level == "" {
			fs[i].Level = "warning"
		}
	}
	ptrs := make([]*finding.Finding, len(fs))
	for i := range fs {
		ptrs[i] = &fs[i]
	}
	return &finding.SARIFLog{File: tool + ".sarif", Runs: []finding.SARIFRun{{Tool: tool, Successful: true}}, Findings: ptrs}
}

func f(rule, path string, line int, sev finding.Severity, cwe ...int) finding.Finding {
	return finding.Finding{RuleID: rule, Message: rule + " here", Severity: sev, CWE: cwe,
		Location: finding.Location{Path: path, StartLine: line}}
}

func levels(d *Decision) []string {
	var out []string
	for _, it := range d.Items {
		out = append(out, it.Finding.RuleID+"="+it.Finding.Severity.String()+"/"+string(it.Status))
	}
	return out
}

func TestClassification(t *testing.T) {
	p := mustPolicy(t, `version: 1
bugbar:
  default: low
  classify:
    - match: {tool: gosec, rule: "G1*"}
      level: keep
    - match: {cwe: [89]}
      level: critical
    - match: {tool: semgrep, path: "internal/**"}
      level: moderate
    - match: {properties: {unreachable: true}}
      level: low
    - match: {securitySeverity: {min: 7.0}}
      level: important
gates:
  verification: {max: {critical: 5, important: 5}}
`)
	unreachable := f("GO-2024-0001", "go.mod", 3, finding.Critical)
	unreachable.Properties = map[string]any{"unreachable": true}
	scored := f("CVE-1", "Dockerfile", 1, finding.Low)
	scored.SecuritySeverity = 8.1
	d, err := Evaluate(Input{Phase: "verification", Policy: p, Today: date(t, "2026-11-27"), Logs: []*finding.SARIFLog{
		log("gosec", f("G104", "a.go", 1, finding.Moderate, 703), f("G201", "a.go", 2, finding.Moderate, 89)),
		log("semgrep", f("sqli", "cmd/x.go", 1, finding.Low, 89), f("x", "internal/y/z.go", 1, finding.Important), f("y", "pkg/z.go", 1, finding.Important)),
		log("osv-scanner", unreachable),
		log("trivy", scored),
	}})
	if err != nil {
		t.Fatal(err)
	}
	got := levels(d)
	want := []string{"CVE-1=important/new", "G104=moderate/new", "G201=critical/new", "sqli=critical/new", "GO-2024-0001=low/new", "x=moderate/new", "y=low/new"}
	if !slices.Equal(got, want) {
		t.Errorf("levels:\n got %v\nwant %v", got, want)
	}
	if d.Result != Passed {
		t.Errorf("result %s, reasons %v", d.Result, d.Reasons)
	}
}

func TestDefaultsShipped(t *testing.T) {
	p := policy.Default()
	d, err := Evaluate(Input{Phase: "verification", Policy: p, Today: date(t, "2026-11-27"), Logs: []*finding.SARIFLog{
		log("sdl", f("SDL401", "a.go", 1, finding.Important, 89)),
		log("CodeQL", f("go/sql-injection", "b.go", 1, finding.Important, 89), f("go/log-injection", "b.go", 2, finding.Moderate, 117)),
	}})
	if err != nil {
		t.Fatal(err)
	}
	got := levels(d)
	want := []string{"SDL401=important/new", "go/sql-injection=critical/new", "go/log-injection=moderate/new"}
	if !slices.Equal(got, want) {
		t.Errorf("levels:\n got %v\nwant %v", got, want)
	}
	if d.Result != Failed || !strings.Contains(d.Reasons[0], "1 critical findings, more than the 0 allowed") {
		t.Errorf("result %s, reasons %v", d.Result, d.Reasons)
	}
}

const exceptionsPolicy = `version: 1
bugbar:
  expiryWarningDays: 14
gates:
  verification: {max: {critical: 0, important: 0}}
exceptions:
  - id: EX-ACTIVE
    scope: {tool: gosec, rule: G402, path: "cmd/**"}
    justification: the CLI talks to a test server only
    approver: alice@example.com
    expires: 2027-06-30
  - id: EX-SOON
    scope: {osv: CVE-2026-1234}
    justification: no fix yet, the vulnerable function is unused
    approver: bob@example.com
    expires: 2026-12-05
  - id: EX-OLD
    scope: {rule: SDL101}
    justification: legacy clients until the migration ends
    approver: carol@example.com
    expires: 2026-10-31
  - id: EX-STALE
    scope: {rule: G999}
    justification: a rule that no longer fires at all
    approver: dave@example.com
    expires: 2027-01-31
`

func TestExceptions(t *testing.T) {
	p := mustPolicy(t, exceptionsPolicy)
	vuln := f("GO-2026-0042", "go.mod", 5, finding.Important)
	vuln.Properties = map[string]any{"aliases": []any{"CVE-2026-1234", "GHSA-aaaa-bbbb-cccc"}}
	d, err := Evaluate(Input{Phase: "verification", Policy: p, Today: date(t, "2026-11-27"), Logs: []*finding.SARIFLog{
		log("gosec", f("G402", "cmd/tool/main.go", 10, finding.Important, 295)),
		log("osv-scanner", vuln),
		log("sdl", f("SDL101", "srv/tls.go", 3, finding.Important, 326)),
	}})
	if err != nil {
		t.Fatal(err)
	}
	got := levels(d)
	want := []string{"G402=important/excepted", "GO-2026-0042=important/excepted", "SDL101=important/new"}
	if !slices.Equal(got, want) {
		t.Errorf("statuses:\n got %v\nwant %v", got, want)
	}
	states := map[string]ExceptionState{}
	for _, x := range d.Exceptions {
		states[x.Exception.ID] = x.State
	}
	wantStates := map[string]ExceptionState{"EX-ACTIVE": ExceptionInForce, "EX-SOON": ExceptionExpiring, "EX-OLD": ExceptionExpired, "EX-STALE": ExceptionStale}
	for id, s := range wantStates {
		if states[id] != s {
			t.Errorf("%s is %q, want %q", id, states[id], s)
		}
	}
	// The expired exception's finding counts again: the gate fails.
	if d.Result != Failed {
		t.Errorf("result %s", d.Result)
	}
	warn := strings.Join(d.Warnings, "\n")
	for _, w := range []string{"EX-OLD (sdl.yaml:17:5) expired on 2026-10-31", "EX-STALE (sdl.yaml:22:5) matches no finding", "EX-SOON (sdl.yaml:12:5) expires on 2026-12-05, in 8 days"} {
		if !strings.Contains(warn, w) {
			t.Errorf("warnings lack %q:\n%s", w, warn)
		}
	}
	// Without the SDL101 finding, the rest passes with exceptions.
	d, _ = Evaluate(Input{Phase: "verification", Policy: p, Today: date(t, "2026-11-27"), Logs: []*finding.SARIFLog{
		log("gosec", f("G402", "cmd/tool/main.go", 10, finding.Important, 295)),
	}})
	if d.Result != PassedWithExceptions {
		t.Errorf("result %s, reasons %v", d.Result, d.Reasons)
	}
}

func TestBaselineAndSLA(t *testing.T) {
	p := mustPolicy(t, `version: 1
gates:
  implementation: {max: {critical: 0, important: 0}, newOnly: true}
exceptions:
  - id: EX-1
    scope: {rule: R3}
    justification: accepted until the rewrite lands
    approver: alice@example.com
    expires: 2026-11-20
sla: {critical: 7, important: 30, moderate: 90, low: 180}
`)
	logs := func() []*finding.SARIFLog {
		return []*finding.SARIFLog{log("tool",
			f("R1", "a.go", 1, finding.Important), // baselined 10 days ago: within SLA
			f("R2", "a.go", 2, finding.Important), // baselined 40 days ago: overdue
			f("R3", "a.go", 3, finding.Important), // baselined long ago, exception expired 7 days ago: clock restarted
			f("R4", "a.go", 4, finding.Moderate),  // new
		)}
	}
	today := date(t, "2026-11-27")
	first, err := Evaluate(Input{Phase: "implementation", Policy: p, Today: today, Logs: logs()})
	if err != nil {
		t.Fatal(err)
	}
	fps := map[string]string{}
	for _, it := range first.Items {
		fps[it.Finding.RuleID] = it.Finding.Fingerprint
	}
	b := &Baseline{FirstSeen: map[string]policy.Date{
		fps["R1"]: date(t, "2026-11-17"),
		fps["R2"]: date(t, "2026-10-18"),
		fps["R3"]: date(t, "2025-01-01"),
	}}
	d, err := Evaluate(Input{Phase: "implementation", Policy: p, Today: today, Logs: logs(), Baseline: b})
	if err != nil {
		t.Fatal(err)
	}
	got := levels(d)
	want := []string{"R1=important/baselined", "R2=important/baselined", "R3=important/baselined", "R4=moderate/new"}
	if !slices.Equal(got, want) {
		t.Errorf("statuses:\n got %v\nwant %v", got, want)
	}
	if len(d.Overdue) != 1 || d.Items[d.Overdue[0]].Finding.RuleID != "R2" {
		t.Errorf("overdue = %v", d.Overdue)
	}
	if r3 := d.Items[2]; r3.FirstSeen.String() != "2026-11-21" || r3.Due.String() != "2026-12-21" {
		t.Errorf("R3 clock: first seen %s, due %s; want the day after the exception expired", r3.FirstSeen, r3.Due)
	}
	if d.Result != Failed || !strings.Contains(strings.Join(d.Reasons, ";"), "1 findings are past their fix deadline") {
		t.Errorf("result %s, reasons %v", d.Result, d.Reasons)
	}
	if c := d.Counts[finding.Important]; c.Counted != 0 || c.Baselined != 3 {
		t.Errorf("important counts %+v", *c)
	}

	// Updating the baseline keeps first-seen dates and dates new ones today.
	nb := b.Updated(d.Items, today)
	if nb.FirstSeen[fps["R2"]].String() != "2026-10-18" || nb.FirstSeen[fps["R4"]].String() != "2026-11-27" {
		t.Errorf("updated baseline %+v", nb.FirstSeen)
	}
	path := filepath.Join(t.TempDir(), "b", "baseline.json")
	if err := nb.Write(path); err != nil {
		t.Fatal(err)
	}
	back, err := LoadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(back.Keys(), nb.Keys()) {
		t.Error("baseline did not survive a round trip")
	}
}

func TestFailClosed(t *testing.T) {
	p := mustPolicy(t, `version: 1
gates:
  verification: {requireTools: [gosec, osv-scanner]}
`)
	crashed := log("gosec")
	crashed.Runs[0].Successful = false
	crashed.Runs[0].Notifications = []string{"panic in analyzer"}
	empty := &finding.SARIFLog{File: "empty.sarif"}
	d, err := Evaluate(Input{Phase: "verification", Policy: p, Today: date(t, "2026-11-27"), Logs: []*finding.SARIFLog{crashed, empty}})
	if err != nil {
		t.Fatal(err)
	}
	reasons := strings.Join(d.Reasons, "\n")
	for _, want := range []string{"empty.sarif has no runs", "the gosec run did not complete (panic in analyzer)", "no output from osv-scanner"} {
		if !strings.Contains(reasons, want) {
			t.Errorf("reasons lack %q:\n%s", want, reasons)
		}
	}
	if d.Result != Failed {
		t.Errorf("result %s", d.Result)
	}
}

func TestRequirements(t *testing.T) {
	p := mustPolicy(t, `version: 1
requirements:
  - id: REQ-TLS
    text: Traffic is encrypted.
    verifiedBy: {rules: [SDL10*]}
  - id: REQ-AUTH
    text: Every request is authenticated.
    verifiedBy: {tests: ["example.com/srv:TestAuth"], threats: [T1]}
  - id: REQ-LOG
    text: No secrets in logs.
    verifiedBy: {rules: [SDL501]}
gates:
  release: {requireRequirements: true}
`)
	l := log("sdl")
	l.Runs[0].Rules = []finding.Rule{{ID: "SDL101"}, {ID: "SDL102"}}
	d, err := Evaluate(Input{Phase: "release", Policy: p, Today: date(t, "2026-11-27"), Logs: []*finding.SARIFLog{l},
		PassedTests: map[string]bool{"example.com/srv:TestAuth": true}})
	if err != nil {
		t.Fatal(err)
	}
	var verified []string
	for _, r := range d.Requirements {
		if r.Verified {
			verified = append(verified, r.Requirement.ID)
		}
	}
	if !slices.Equal(verified, []string{"REQ-TLS", "REQ-AUTH"}) {
		t.Errorf("verified = %v", verified)
	}
	if d.Result != Failed || !strings.Contains(d.Reasons[0], "REQ-LOG") {
		t.Errorf("result %s, reasons %v", d.Result, d.Reasons)
	}
}

// TestExceptionsOfOtherGates: an exception whose tool has no run in the
// gate's input, or whose rule no run declares, is for another gate: it is
// "elsewhere", not stale, and draws no warning; one whose rule a run
// declares but that matches nothing is stale.
func TestExceptionsOfOtherGates(t *testing.T) {
	p := mustPolicy(t, `version: 1
gates:
  design: {max: {critical: 0, important: 0}}
exceptions:
  - id: EX-DEPS
    scope: {tool: osv-scanner, osv: GO-2026-0042, path: go.mod}
    justification: a dependency exception, for the implementation gate
    approver: alice@example.com
    expires: 2027-06-30
  - id: EX-OTHER-RULE
    scope: {tool: sdl, rule: "SDL9*"}
    justification: a scan exception, for the implementation gate
    approver: alice@example.com
    expires: 2027-06-30
  - id: EX-STALE
    scope: {tool: sdl, rule: TM102}
    justification: a design exception whose finding is gone
    approver: alice@example.com
    expires: 2027-06-30
`)
	design := log("sdl")
	design.Runs[0].Rules = []finding.Rule{{ID: "TM101"}, {ID: "TM102"}}
	d, err := Evaluate(Input{Phase: "design", Policy: p, Today: date(t, "2026-11-27"), Logs: []*finding.SARIFLog{design}})
	if err != nil {
		t.Fatal(err)
	}
	states := map[string]ExceptionState{}
	for _, x := range d.Exceptions {
		states[x.Exception.ID] = x.State
	}
	want := map[string]ExceptionState{"EX-DEPS": ExceptionElsewhere, "EX-OTHER-RULE": ExceptionElsewhere, "EX-STALE": ExceptionStale}
	if !maps.Equal(states, want) {
		t.Errorf("states %v, want %v", states, want)
	}
	warn := strings.Join(d.Warnings, "\n")
	if strings.Contains(warn, "EX-DEPS") || strings.Contains(warn, "EX-OTHER-RULE") || !strings.Contains(warn, "EX-STALE") {
		t.Errorf("warnings:\n%s", warn)
	}
}
