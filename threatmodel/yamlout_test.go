package threatmodel

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/sdlkit/sdlkit/policy"
)

func mustDate(t *testing.T, s string) policy.Date {
	t.Helper()
	d, err := policy.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// richModel uses every field of the format, with strings YAML would
// misread if they were not quoted.
func richModel(t *testing.T) *Model {
	return &Model{
		Version: 1,
		System: System{
			Name:        "Shop: checkout",
			Owner:       "shop-team@example.com",
			Description: "Line one\nline two: with a colon\n  indented line\n",
		},
		Reviewed: mustDate(t, "2026-02-03"),
		Assets: []Asset{
			{ID: "pii", Name: "Customer data", Classification: Confidential, PersonalData: true},
			{ID: "catalog", Classification: Public},
			{ID: "yes", Name: "true", Classification: Internal},
		},
		Elements: []Element{
			{ID: "user", Kind: External, Name: "User", Type: "user"},
			{
				ID: "api", Kind: Process, Name: "- API #1", Owner: "api-team", Description: "null",
				Exposure:       "internet",
				Tenancy:        Tenancy{Mode: "multi", Isolation: "row-level security, per tenant"},
				Authentication: policy.StringList{"oidc", "mtls"},
				Authorization:  Authorization{Model: "rbac", Roles: []string{"admin", "on", "reader, writer"}},
				AuditLogging:   true,
				Assets:         []string{"pii", "catalog"},
				Code:           []string{"./internal/api/...", "./cmd/api"},
			},
			{ID: "db", Kind: Store, Name: "123", Authentication: policy.StringList{"password"},
				EncryptionAtRest: EncryptionAtRest{Enabled: true, KeyManagement: "customer-managed"}, Backups: true},
			{ID: "cache", Kind: Store, EncryptionAtRest: EncryptionAtRest{KeyManagement: "service-managed"}},
		},
		Boundaries: []Boundary{
			{ID: "internet", Name: "The Internet", Elements: []string{"user"}},
			{ID: "dc", Elements: []string{"api", "db", "cache"}},
		},
		Flows: []Flow{
			{ID: "f1", From: "user", To: "api", Protocol: "HTTPS", Assets: []string{"pii"}, Encryption: "tls1.3", Authentication: "oidc"},
			{ID: "f2", From: "api", To: "db", Protocol: "SQL: postgres", Encryption: "none"},
			{ID: "f3", From: "api", To: "cache"},
		},
		Threats: []Threat{
			{ID: "T1", Title: "token forgery: 'quoted'", Category: Spoofing, Target: "api", Level: "important", Status: Open,
				Description: "A \"double\" quote\tand a tab"},
			{ID: "T2", Category: Tampering, Target: "f2", Status: Mitigated,
				Mitigations: []Mitigation{
					{Text: "TLS", References: []string{"rule:SDL101", "test:example.com/shop/api:TestTLS", "requirement:REQ-1"}},
					{Text: "multi\nline mitigation"},
				}},
			{ID: "T3", Category: DenialOfService, Target: "api", Status: Accepted,
				Acceptance: &Acceptance{Approver: "ops@example.com", Justification: "gateway limits", Expires: mustDate(t, "2026-06-01")}},
			{ID: "T4", Category: Repudiation, Target: "api", Status: NotApplicable, Reason: "~"},
			{ID: "T5", Category: InformationDisclosure, Target: "f1", Status: Transferred, Reason: "the CDN, see contract 2024-01"},
			{ID: "T6", Category: ElevationOfPrivilege, Target: "api", Status: Open, Title: "émigré ✓ 日本"},
		},
	}
}

// comparable clears what Parse adds (file, digest, positions) and sets
// the indexes Parse sets.
func comparable(m *Model) *Model {
	c := *m
	c.File, c.Digest, c.where = "", "", nil
	c.Elements = append([]Element(nil), m.Elements...)
	for i := range c.Elements {
		c.Elements[i].Index = i
	}
	c.Flows = append([]Flow(nil), m.Flows...)
	for i := range c.Flows {
		c.Flows[i].Index = i
	}
	c.Threats = append([]Threat(nil), m.Threats...)
	for i := range c.Threats {
		c.Threats[i].Index = i
	}
	return &c
}

func TestWriteYAMLRoundTrip(t *testing.T) {
	m := richModel(t)
	var buf bytes.Buffer
	if err := WriteYAML(&buf, m); err != nil {
		t.Fatal(err)
	}
	got, err := Parse("threatmodel.yaml", buf.Bytes())
	if err != nil {
		t.Fatalf("Parse(WriteYAML(m)): %v\n%s", err, buf.String())
	}
	if want := comparable(m); !reflect.DeepEqual(comparable(got), want) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v\nYAML:\n%s", comparable(got), want, buf.String())
	}

	// Deterministic, and stable through a second round.
	var again bytes.Buffer
	if err := WriteYAML(&again, got); err != nil {
		t.Fatal(err)
	}
	if again.String() != buf.String() {
		t.Errorf("second write differs:\n%s\n---\n%s", buf.String(), again.String())
	}
}

func TestWriteYAMLLayout(t *testing.T) {
	m := &Model{
		System: System{Name: "Shop", Owner: "team"},
		Elements: []Element{
			{ID: "user", Kind: External, Name: "User"},
			{ID: "db", Kind: Store, EncryptionAtRest: EncryptionAtRest{Enabled: true}},
		},
		Boundaries: []Boundary{{ID: "dc", Elements: []string{"db"}}},
		Flows:      []Flow{{ID: "f1", From: "user", To: "db", Encryption: "tls1.2"}},
		Threats: []Threat{{ID: "T1", Category: Tampering, Target: "f1", Status: NotApplicable,
			Reason: "true", Description: "two\nlines"}},
	}
	var buf bytes.Buffer
	if err := WriteYAML(&buf, m); err != nil {
		t.Fatal(err)
	}
	want := `version: 1
system:
  name: Shop
  owner: team
elements:
  - id: user
    kind: external
    name: User
  - id: db
    kind: store
    encryptionAtRest:
      enabled: true
boundaries:
  - id: dc
    elements: [db]
flows:
  - id: f1
    from: user
    to: db
    encryption: tls1.2
threats:
  - id: T1
    category: tampering
    target: f1
    description: |-
      two
      lines
    status: not-applicable
    reason: "true"
`
	if buf.String() != want {
		t.Errorf("WriteYAML:\n%s\nwant:\n%s", buf.String(), want)
	}
	if _, err := Parse("threatmodel.yaml", buf.Bytes()); err != nil {
		t.Error(err)
	}
}

func TestWriteYAMLQuotesOnlyWhereNeeded(t *testing.T) {
	m := &Model{
		System:   System{Name: "plain words", Owner: "yes"},
		Elements: []Element{{ID: "e1", Kind: Process, Name: "2026-01-01", Description: "#not a comment"}},
	}
	var buf bytes.Buffer
	if err := WriteYAML(&buf, m); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"name: plain words\n", `owner: "yes"`, `name: "2026-01-01"`, `description: '#not a comment'`, "id: e1\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	got, err := Parse("threatmodel.yaml", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got.System.Owner != "yes" || got.Elements[0].Name != "2026-01-01" || got.Elements[0].Description != "#not a comment" {
		t.Errorf("values changed: %+v %+v", got.System, got.Elements[0])
	}
}

// TestWriteYAMLFlawed rewrites the flawed test model: what WriteYAML
// writes parses to the same model and keeps the gates' findings.
func TestWriteYAMLFlawed(t *testing.T) {
	m, err := Load("testdata/flawed.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteYAML(&buf, m); err != nil {
		t.Fatal(err)
	}
	got, err := Parse("rewritten.yaml", buf.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if !reflect.DeepEqual(comparable(got), comparable(m)) {
		t.Errorf("rewritten model differs:\n%s", buf.String())
	}
	ctx := Context{Path: "threatmodel.yaml", Today: mustDate(t, "2026-03-01")}
	before, after := m.Check(ctx), got.Check(ctx)
	if len(before) != len(after) {
		t.Fatalf("%d findings before, %d after", len(before), len(after))
	}
	for i := range before {
		if before[i].RuleID != after[i].RuleID || before[i].Message != after[i].Message {
			t.Errorf("finding %d: %s %q, then %s %q", i, before[i].RuleID, before[i].Message, after[i].RuleID, after[i].Message)
		}
	}
}
