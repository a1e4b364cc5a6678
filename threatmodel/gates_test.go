package threatmodel

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/policy"
)

func load(t *testing.T, name string) *Model {
	t.Helper()
	m, err := Load(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func date(t *testing.T, s string) policy.Date {
	t.Helper()
	d, err := policy.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestGates(t *testing.T) {
	m := load(t, "flawed.yaml")
	ctx := Context{
		Path:  "threatmodel.yaml",
		Today: date(t, "2026-11-27"),
		Rule: func(id string) (bool, bool) {
			switch id {
			case "SDL101":
				return true, true
			case "G104":
				return true, false
			}
			return false, false
		},
		Requirements: map[string]bool{"REQ-1": true},
		TestExists: func(pkg, name string) (bool, error) {
			return pkg == "example.com/shop/api" && name == "TestTLS", nil
		},
		LastChange: func(paths []string) (time.Time, error) {
			return time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), nil
		},
		FreshnessDays: 30,
	}
	fs := m.Check(ctx)
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%d %s %s", f.Location.StartLine, f.RuleID, f.Severity))
		if f.Location.Path != "threatmodel.yaml" || f.Tool != "sdl" {
			t.Errorf("location %+v, tool %q", f.Location, f.Tool)
		}
	}
	// Every gate fires where expected.
	expect := map[string]int{ // rule -> line that must have it
		"TM001": 21, // ghost in boundary dc
		"TM101": 23, // f1 crosses internet->dc unencrypted
		"TM102": 23,
		"TM201": 16, // db holds pii, not encrypted
		"TM202": 16,
		"TM301": 11,
		"TM302": 11,
		"TM401": 14, // tenancy without isolation
		"TM601": 27, // T1 open
		"TM602": 31, // T2 accepted without acceptance (its status)
		"TM603": 43, // references
		"TM701": 15, // code changed after review
	}
	for rule, line := range expect {
		if !slices.Contains(got, fmt.Sprintf("%d %s %s", line, rule, severityOf(t, fs, rule, line))) {
			t.Errorf("no %s finding at line %d; got:\n%s", rule, line, strings.Join(got, "\n"))
		}
	}
	msgs := map[string][]string{}
	for _, f := range fs {
		msgs[f.RuleID] = append(msgs[f.RuleID], f.Message)
	}
	all := func(rule string) string { return strings.Join(msgs[rule], "\n") }
	for _, w := range []struct{ rule, text string }{
		{"TM001", `ID "T1" is used twice`},
		{"TM001", `boundary dc names element "ghost"`},
		{"TM001", `flow f2 names asset "nope"`},
		{"TM001", "element lonely has no data flow"},
		{"TM001", `threat T6 targets "ghost-target"`},
		{"TM201", "store db holds pii"},
		{"TM501", "process api has no repudiation threat"},
		{"TM501", "threat T5 is not-applicable without a reason"},
		{"TM501", "flow f1 has no tampering threat"},
		{"TM501", "external user has no spoofing threat"},
		{"TM602", "the acceptance of threat T3 by ops@example.com expired on 2026-06-01"},
		{"TM603", "rule SDL999, which does not exist"},
		{"TM603", "rule G104, which sdl.yaml does not run"},
		{"TM603", "test TestNope, which package example.com/shop/api does not have"},
		{"TM603", "requirement REQ-X, which sdl.yaml does not declare"},
		{"TM701", "changed on 2026-03-01, after the model was reviewed 2026-01-01"},
	} {
		if !strings.Contains(all(w.rule), w.text) {
			t.Errorf("%s: no message with %q in\n%s", w.rule, w.text, all(w.rule))
		}
	}
	for _, bad := range []string{"rule SDL101", "test TestTLS,", "requirement REQ-1,"} {
		if strings.Contains(all("TM603"), bad) {
			t.Errorf("TM603 reports a valid reference: %s", bad)
		}
	}
	// The cache store holds only public data: no encryption findings.
	for _, f := range fs {
		if (f.RuleID == "TM201" || f.RuleID == "TM202") && strings.Contains(f.Message, "cache") {
			t.Errorf("public store reported: %s", f.Message)
		}
	}
	// Open threat T1 keeps its level; freshness past 30 days is important.
	if s := severityOf(t, fs, "TM601", 27); s != "important" {
		t.Errorf("open threat level %s", s)
	}
}

func severityOf(t *testing.T, fs []finding.Finding, rule string, line int) string {
	t.Helper()
	for _, f := range fs {
		if f.RuleID == rule && f.Location.StartLine == line {
			return f.Severity.String()
		}
	}
	return "?"
}

func fingerprints(fs []finding.Finding) []string {
	cp := slices.Clone(fs)
	finding.AssignFingerprints(cp)
	var out []string
	for _, f := range cp {
		out = append(out, f.Fingerprint)
	}
	slices.Sort(out)
	return out
}

func TestFingerprintsSurviveReordering(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "flawed.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	m1, err := Parse("threatmodel.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	moved := strings.Replace(string(data), "assets:\n", "# a comment\n# and another\nassets:\n", 1)
	m2, err := Parse("threatmodel.yaml", []byte(moved))
	if err != nil {
		t.Fatal(err)
	}
	ctx := Context{Path: "threatmodel.yaml", Today: date(t, "2026-11-27")}
	a, b := m1.Check(ctx), m2.Check(ctx)
	fpa, fpb := fingerprints(a), fingerprints(b)
	if !slices.Equal(fpa, fpb) {
		t.Error("fingerprints changed when lines moved")
	}
	if a[0].Location.StartLine == b[0].Location.StartLine {
		t.Error("lines did not move")
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"version: 1\nsystem: {name: x, owner: y}\nelements:\n  - {id: a, kind: robot}\n", "threatmodel.yaml:4:"},
		{"version: 1\nsystem: {name: x, owner: y}\nelements:\n  - {id: a, kind: process, colour: red}\n", `unknown key "colour"`},
		{"version: 1\nsystem: {name: x, owner: y}\nelements: []\n", "threatmodel.yaml:3:"},
		{"version: 1\nsystem: &s {name: x, owner: y}\nelements:\n  - {id: a, kind: process}\n", "anchors"},
		{"version: 1\nversion: 1\n", "threatmodel.yaml:2:1"},
		{"version: 1\nsystem: {name: x, owner: y}\nreviewed: yesterday\nelements:\n  - {id: a, kind: process}\n", "threatmodel.yaml:3:11"},
	} {
		if _, err := Parse("threatmodel.yaml", []byte(tc.src)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want %q", tc.src, err, tc.want)
		}
	}
}

func TestAliasBomb(t *testing.T) {
	src := "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	if _, err := Parse("threatmodel.yaml", []byte(src)); err == nil || !strings.Contains(err.Error(), "anchors") {
		t.Errorf("error = %v", err)
	}
}

func TestMissingAndThreatsYAML(t *testing.T) {
	m := load(t, "flawed.yaml")
	gaps := Missing(m)
	var b strings.Builder
	if err := WriteThreatsYAML(&b, gaps); err != nil {
		t.Fatal(err)
	}
	// The printed threats, pasted into the model, close every gap.
	data, _ := os.ReadFile(filepath.Join("testdata", "flawed.yaml"))
	var indented strings.Builder
	for _, line := range strings.Split(b.String(), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			indented.WriteString("  " + line + "\n")
		}
	}
	m2, err := Parse("threatmodel.yaml", append(data, indented.String()...))
	if err != nil {
		t.Fatalf("pasted threats do not parse: %v\n%s", err, indented.String())
	}
	if left := Missing(m2); len(left) != 0 {
		t.Errorf("gaps left after pasting: %v", left)
	}
}

func TestDiagrams(t *testing.T) {
	m := load(t, "flawed.yaml")
	fs := m.Check(Context{Path: "threatmodel.yaml", Today: date(t, "2026-11-27")})
	marked := Marked(m, fs)
	var mm, dot strings.Builder
	if err := WriteMermaid(&mm, m, marked); err != nil {
		t.Fatal(err)
	}
	if err := WriteDOT(&dot, m, marked); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"flowchart LR", `subgraph n_boundary_3a_internet["internet"]`, `n_db[("db")]`, `n_api(["api"])`, `n_user -- "HTTP / none / auth none" --> n_api`, "class ", "linkStyle 0"} {
		if !strings.Contains(mm.String(), want) {
			t.Errorf("mermaid lacks %q:\n%s", want, mm.String())
		}
	}
	for _, want := range []string{`subgraph "cluster_dc"`, `"db" [shape=cylinder`, `"user" -> "api" [label="HTTP / none / auth none", color=red`} {
		if !strings.Contains(dot.String(), want) {
			t.Errorf("dot lacks %q:\n%s", want, dot.String())
		}
	}
}

func TestMixedAuthenticationAndEmptyMitigation(t *testing.T) {
	src := `version: 1
system: {name: s, owner: o}
elements:
  - {id: u, kind: external}
  - {id: api, kind: process, exposure: internet, authentication: [oidc, none], authorization: {model: rbac}}
flows:
  - {id: f, from: u, to: api, encryption: tls1.3, authentication: oidc}
threats:
  - {id: T1, category: spoofing, target: api, status: mitigated}
`
	m, err := Parse("threatmodel.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, f := range m.Check(Context{Path: "threatmodel.yaml"}) {
		msgs = append(msgs, f.RuleID+": "+f.Message)
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		"TM301: process api is exposed to the internet and lets some callers in without authentication",
		"TM603: threat T1 is mitigated but names no mitigation",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in\n%s", want, all)
		}
	}
}
