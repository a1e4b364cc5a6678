package importer

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/policy"
	"github.com/sdlkit/sdlkit/threatmodel"
)

func read(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// yamlOf writes m and checks that threatmodel.Parse accepts what it wrote.
func yamlOf(t *testing.T, m *threatmodel.Model) string {
	t.Helper()
	var buf bytes.Buffer
	if err := threatmodel.WriteYAML(&buf, m); err != nil {
		t.Fatal(err)
	}
	if _, err := threatmodel.Parse("threatmodel.yaml", buf.Bytes()); err != nil {
		t.Fatalf("Parse(WriteYAML(imported)): %v\n%s", err, buf.String())
	}
	return buf.String()
}

type elem struct{ id, kind, name string }

func elements(m *threatmodel.Model) []elem {
	var out []elem
	for _, e := range m.Elements {
		out = append(out, elem{e.ID, e.Kind, e.Name})
	}
	return out
}

type flow struct{ id, from, to, protocol, encryption string }

func flows(m *threatmodel.Model) []flow {
	var out []flow
	for _, f := range m.Flows {
		out = append(out, flow{f.ID, f.From, f.To, f.Protocol, f.Encryption})
	}
	return out
}

func boundaries(m *threatmodel.Model) map[string][]string {
	out := map[string][]string{}
	for _, b := range m.Boundaries {
		out[b.ID] = b.Elements
	}
	return out
}

type threat struct{ category, target, status, level string }

func threats(m *threatmodel.Model) map[string]threat {
	out := map[string]threat{}
	for _, th := range m.Threats {
		out[th.ID] = threat{th.Category, th.Target, th.Status, th.Level}
	}
	return out
}

func find(m *threatmodel.Model, id string) *threatmodel.Threat {
	for i := range m.Threats {
		if m.Threats[i].ID == id {
			return &m.Threats[i]
		}
	}
	return nil
}

func element(m *threatmodel.Model, id string) *threatmodel.Element {
	for i := range m.Elements {
		if m.Elements[i].ID == id {
			return &m.Elements[i]
		}
	}
	return nil
}

// checkNotes asserts that each want matches exactly one note, and that the
// notes are single lines.
func checkNotes(t *testing.T, notes []string, want []string) {
	t.Helper()
	for _, n := range notes {
		if n == "" || strings.ContainsAny(n, "\r\n") {
			t.Errorf("note is not one line: %q", n)
		}
	}
	for _, w := range want {
		re := regexp.MustCompile(w)
		var hits []string
		for _, n := range notes {
			if re.MatchString(n) {
				hits = append(hits, n)
			}
		}
		if len(hits) != 1 {
			t.Errorf("want one note matching %q, got %d: %q", w, len(hits), hits)
		}
	}
	if t.Failed() {
		t.Logf("notes:\n%s", strings.Join(notes, "\n"))
	}
}

// checkGates runs the design gates: the imported model must have no
// reference problem (IDs unique, every reference resolving, every element
// on a flow); other gates may fail.
func checkGates(t *testing.T, m *threatmodel.Model) []finding.Finding {
	t.Helper()
	parsed, err := threatmodel.Parse("threatmodel.yaml", []byte(yamlOf(t, m)))
	if err != nil {
		t.Fatal(err)
	}
	today, _ := policy.ParseDate("2026-03-01")
	fs := parsed.Check(threatmodel.Context{Path: "threatmodel.yaml", Today: today})
	for _, f := range fs {
		if f.RuleID == threatmodel.RuleReferences {
			t.Errorf("reference finding: %s", f.Message)
		}
	}
	if len(fs) == 0 {
		t.Error("no gate finding; the fixtures have open threats and STRIDE gaps")
	}
	return fs
}

func TestThreatDragon(t *testing.T) {
	const file = "testdata/online-shop.json"
	m, notes, err := ThreatDragon(file, read(t, file))
	if err != nil {
		t.Fatal(err)
	}
	if m.System != (threatmodel.System{Name: "Online Shop", Owner: "Shop Team", Description: "Web shop with checkout and a back office.\nHosted on AWS."}) {
		t.Errorf("system = %+v", m.System)
	}
	wantElems := []elem{
		{"customer", "external", "Customer"},
		{"identity-provider", "external", "Identity Provider"},
		{"web-shop", "process", "Web Shop"},
		{"orders-db", "store", "Orders DB"},
		{"audit-log", "store", "Audit Log"},
		{"clerk", "external", "Clerk"},
		{"back-office", "process", "Back Office"},
		{"orders-db-2", "store", "Orders DB"},
		{"printer", "external", "Printer"},
	}
	if got := elements(m); !reflect.DeepEqual(got, wantElems) {
		t.Errorf("elements:\n got %v\nwant %v", got, wantElems)
	}
	if e := element(m, "customer"); e.Description != "A shopper using a web browser" {
		t.Errorf("customer description %q", e.Description)
	}
	if e := element(m, "identity-provider"); e.Type != "identity-provider" {
		t.Errorf("identity provider type %q", e.Type)
	}
	db := element(m, "orders-db")
	if !db.EncryptionAtRest.Enabled || !reflect.DeepEqual(db.Assets, []string{"credentials"}) {
		t.Errorf("orders-db: %+v", db)
	}
	if len(m.Assets) != 1 || m.Assets[0] != (threatmodel.Asset{ID: "credentials", Name: "Credentials", Classification: threatmodel.Restricted}) {
		t.Errorf("assets %+v", m.Assets)
	}

	wantBoundaries := map[string][]string{
		"shop-vpc":       {"web-shop", "orders-db"},
		"corporate":      {"orders-db-2"},
		"office-network": {"back-office"},
	}
	if got := boundaries(m); !reflect.DeepEqual(got, wantBoundaries) {
		t.Errorf("boundaries:\n got %v\nwant %v", got, wantBoundaries)
	}

	wantFlows := []flow{
		{"place-order", "customer", "web-shop", "HTTPS", "tls1.2"},
		{"sql-query", "web-shop", "orders-db", "PostgreSQL", ""},
		{"sql-query-reverse", "orders-db", "web-shop", "PostgreSQL", ""},
		{"web-shop-to-audit-log", "web-shop", "audit-log", "", ""},
		{"login", "customer", "identity-provider", "", ""},
		{"manage-orders", "clerk", "back-office", "HTTPS", "tls1.2"},
		{"read-orders", "back-office", "orders-db-2", "", ""},
		{"print-labels", "back-office", "printer", "", ""},
	}
	if got := flows(m); !reflect.DeepEqual(got, wantFlows) {
		t.Errorf("flows:\n got %v\nwant %v", got, wantFlows)
	}

	wantThreats := map[string]threat{
		"T1":  {"spoofing", "customer", "open", "important"},
		"T2":  {"tampering", "web-shop", "mitigated", "moderate"},
		"T3":  {"elevation-of-privilege", "web-shop", "not-applicable", "important"},
		"T4":  {"repudiation", "web-shop", "open", "critical"},
		"T5":  {"denial-of-service", "web-shop", "open", ""},
		"T6":  {"information-disclosure", "web-shop", "open", "moderate"},
		"T8":  {"information-disclosure", "orders-db", "open", "low"},
		"T9":  {"tampering", "orders-db", "not-applicable", "moderate"},
		"T10": {"information-disclosure", "place-order", "mitigated", "important"},
		"T11": {"tampering", "sql-query", "open", "moderate"},
		"T12": {"spoofing", "login", "open", "moderate"},
	}
	if got := threats(m); !reflect.DeepEqual(got, wantThreats) {
		t.Errorf("threats:\n got %v\nwant %v", got, wantThreats)
	}
	if th := find(m, "T2"); th.Title != "Cart price tampering" || len(th.Mitigations) != 1 ||
		th.Mitigations[0].Text != "Prices are looked up server side; the client sends only item IDs." {
		t.Errorf("T2 = %+v", th)
	}
	if th := find(m, "T3"); th.Reason != "The shop exposes no admin endpoint; administration is in the back office." || len(th.Mitigations) != 0 {
		t.Errorf("T3 reason = %q", th.Reason)
	}
	if th := find(m, "T1"); th.Description != "An attacker replays a stolen session cookie to act as the customer." {
		t.Errorf("T1 description = %q", th.Description)
	}

	checkNotes(t, notes, []string{
		`^detail\.reviewer "Jane Smith"`,
		`^detail\.contributors \(Ana Lima, Raj Patel\)`,
		`"Web Shop" \(web-shop\): privilegeLevel "www-data"`,
		`"Web Shop" \(web-shop\): isWebApplication`,
		`"Web Shop" \(web-shop\): handlesGoodsOrServices`,
		`"Orders DB" \(orders-db\) stores credentials: given the asset "credentials"`,
		`"Orders DB" \(orders-db\): isALog`,
		`"Audit Log" \(audit-log\): isALog`,
		`"Printer" \(printer\) is out of scope in Threat Dragon \(Managed by the print vendor\)`,
		`descriptive text "Draft - do not share"`,
		`trust boundary curve "Internet boundary" .* cannot be derived; not imported`,
		`"Audit Log" \(audit-log\) straddles the edge of trust boundary shop-vpc`,
		`"Back Office" \(back-office\) lies in nested trust boundaries corporate, office-network; placed in the innermost, office-network`,
		`trust boundary "DMZ" \(dmz\) contains no element; not imported`,
		`flow "Place order" \(place-order\) is encrypted: encryption set to tls1\.2, an assumption`,
		`flow "Manage orders" \(manage-orders\) is encrypted`,
		`flow "Place order" \(place-order\) crosses a public network`,
		`flow "SQL query" \(sql-query\): its description "Parameterized queries via pgx"`,
		`flow "SQL query" \(sql-query\) is bidirectional: imported as two flows, sql-query and sql-query-reverse`,
		`flow "Annotate" .*: its target is not a process, store or actor \(a text\); not imported`,
		`threat "Orphan threat" \(#13\) not imported`,
		`flow "Unfinished" .*: its target is not connected to an element; not imported`,
		`threat "Order history leak" \(#6\): CIA type "Confidentiality" approximated by the STRIDE category information-disclosure`,
		`threat "Tracking across visits" \(#7\) not imported: its LINDDUN type "Linkability" is not a STRIDE category`,
		`threat "Backup theft" \(#8\): score "4\.2"`,
		`threat "Row tampering" \(#9\) is not applicable without a reason`,
		`threat "Credential stuffing" \(#12\): status "Investigating" is not Open, Mitigated or NotApplicable; imported as open`,
	})
	if len(notes) != 27 {
		t.Errorf("%d notes, want 27 (each checked above)", len(notes))
	}
	checkGates(t, m)

	// Deterministic.
	again, _, err := ThreatDragon(file, read(t, file))
	if err != nil {
		t.Fatal(err)
	}
	if yamlOf(t, again) != yamlOf(t, m) {
		t.Error("a second import writes different YAML")
	}
}

func TestTM7(t *testing.T) {
	const file = "testdata/orders-platform.tm7"
	m, notes, err := TM7(file, read(t, file))
	if err != nil {
		t.Fatal(err)
	}
	if m.System != (threatmodel.System{Name: "Orders Platform", Owner: "unknown", Description: "Orders platform on Azure: a public API, its SQL database and an audit log."}) {
		t.Errorf("system = %+v", m.System)
	}
	wantElems := []elem{
		{"browser", "external", "Browser"},
		{"orders-api", "process", "Orders API"},
		{"orders-sql", "store", "Orders SQL"},
		{"audit-log", "store", "Audit Log"},
		{"legacy-crm", "external", "Legacy CRM"},
		{"administrator", "external", "Administrator"},
		{"admin-portal", "process", "Admin Portal"},
	}
	if got := elements(m); !reflect.DeepEqual(got, wantElems) {
		t.Errorf("elements:\n got %v\nwant %v", got, wantElems)
	}
	if e := element(m, "orders-api"); e.Description != "Threat Modeling Tool stencil: Web API (SE.P.TMCore.WebAPI)" {
		t.Errorf("orders-api description %q", e.Description)
	}
	if e := element(m, "audit-log"); !e.EncryptionAtRest.Enabled || !reflect.DeepEqual(e.Assets, []string{"credentials"}) || e.Description != "" {
		t.Errorf("audit-log: %+v", e)
	}
	wantBoundaries := map[string][]string{
		"azure":             {"orders-api", "orders-sql", "audit-log"},
		"corporate-network": {"admin-portal"},
	}
	if got := boundaries(m); !reflect.DeepEqual(got, wantBoundaries) {
		t.Errorf("boundaries:\n got %v\nwant %v", got, wantBoundaries)
	}
	wantFlows := []flow{
		{"browse-catalog", "browser", "orders-api", "HTTPS", "tls1.2"},
		{"orders-api-to-browser", "orders-api", "browser", "", ""},
		{"orders-api-to-orders-sql", "orders-api", "orders-sql", "", ""},
		{"write-audit", "orders-api", "audit-log", "", "none"},
		{"nightly-sync", "orders-api", "legacy-crm", "", ""},
		{"admin-actions", "administrator", "admin-portal", "", ""},
	}
	if got := flows(m); !reflect.DeepEqual(got, wantFlows) {
		t.Errorf("flows:\n got %v\nwant %v", got, wantFlows)
	}
	wantThreats := map[string]threat{
		"T1": {"spoofing", "browse-catalog", "mitigated", "important"},
		"T2": {"information-disclosure", "browse-catalog", "not-applicable", "moderate"},
		"T3": {"tampering", "orders-api-to-orders-sql", "open", "important"},
		"T4": {"elevation-of-privilege", "orders-api-to-orders-sql", "open", "low"}, // category from the knowledge base
		"T5": {"denial-of-service", "orders-api-to-browser", "open", "moderate"},
		"T6": {"spoofing", "orders-api", "open", "important"}, // its flow is not imported
		"T8": {"repudiation", "write-audit", "not-applicable", "low"},
		"T9": {"elevation-of-privilege", "admin-actions", "open", ""},
	}
	if got := threats(m); !reflect.DeepEqual(got, wantThreats) {
		t.Errorf("threats:\n got %v\nwant %v", got, wantThreats)
	}
	if th := find(m, "T1"); th.Title != "An adversary may spoof the browser user" || len(th.Mitigations) != 1 || th.Mitigations[0].Text != "Azure AD B2C sign-in with PKCE" {
		t.Errorf("T1 = %+v", th)
	}
	if th := find(m, "T2"); th.Reason != "The catalog is public data" {
		t.Errorf("T2 reason %q", th.Reason)
	}
	if th := find(m, "T3"); len(th.Mitigations) != 1 || th.Mitigations[0].Text != "Use parameterized queries. Refer: https://aka.ms/tmt-th97" {
		t.Errorf("T3 mitigations %+v", th.Mitigations)
	}
	if th := find(m, "T5"); th.Description != "Large responses exhaust the client.\n\nJustification: Waiting for the load test" {
		t.Errorf("T5 description %q", th.Description)
	}

	checkNotes(t, notes, []string{
		`element "Browser" \(browser\): attribute "Browser Client Technologies" = "HTML5"`,
		`element "Orders API" \(orders-api\): attribute "Hosting environment" = "Azure"`,
		`element "Orders SQL" \(orders-sql\): attribute "Azure SQL DB TLS Enforced" = "True"`,
		`element "Audit Log" \(audit-log\) stores credentials`,
		`element "Audit Log" \(audit-log\): attribute "Stores Log Data" = "Yes"`,
		`element "Legacy CRM" \(legacy-crm\) is out of scope in the Threat Modeling Tool \(Decommissioned in 2025\)`,
		`annotation "Prod only" .*: not imported`,
		`trust line boundary "Internet Boundary" .* cannot be derived; not imported`,
		`data flow "Browse catalog" \(browse-catalog\) is an HTTPS flow: encryption set to tls1\.2, an assumption`,
		`data flow "Unfinished" .*: its source is not attached to an element; not imported`,
		`threat "Credentials replayed to Orders API" \(#6\) on data flow "Unfinished": its data flow is not imported; the threat is on its target element, orders-api`,
		`threat "Audit entries reveal personal data" \(#7\) .* not imported: its category "Privacy" \(type THC-1\) is not a STRIDE category`,
		`threat "Audit trail can be denied" \(#8\) .* is not applicable without a justification`,
		`threat "Administrator gains elevated privileges" \(#9\) .*: priority "Urgent"`,
		`threat "Administrator gains elevated privileges" \(#9\) .*: property "f9e02b87-2914-407e-bd11-97353ef43162" = "Risk: 12"`,
		`^MetaInformation/Reviewer "Bob Reviewer"`,
		`^MetaInformation/Assumptions "All traffic enters through Azure Front Door\."`,
		`^Notes "Revisit after the CRM migration\."`,
		`^the model names no owner: system\.owner set to "unknown"`,
	})
	if len(notes) != 19 {
		t.Errorf("%d notes, want 19 (each checked above)", len(notes))
	}
	checkGates(t, m)

	again, _, err := TM7(file, read(t, file))
	if err != nil {
		t.Fatal(err)
	}
	if yamlOf(t, again) != yamlOf(t, m) {
		t.Error("a second import writes different YAML")
	}
}

func TestImportDetects(t *testing.T) {
	for file, want := range map[string]Format{
		"testdata/online-shop.json":     ThreatDragonFormat,
		"testdata/orders-platform.tm7":  TM7Format,
		"testdata/minimal-tm7.xml":      TM7Format,
		"testdata/minimal-dragon.json":  ThreatDragonFormat,
		"testdata/bad-flow-target.json": ThreatDragonFormat,
	} {
		data := read(t, file)
		got, err := Detect(file, data)
		if err != nil || got != want {
			t.Errorf("Detect(%s) = %q, %v; want %q", file, got, err, want)
		}
	}
	// Import gives what the format's importer gives.
	for _, file := range []string{"testdata/online-shop.json", "testdata/orders-platform.tm7"} {
		data := read(t, file)
		m, notes, err := Import(file, data)
		if err != nil {
			t.Fatal(err)
		}
		var direct *threatmodel.Model
		var directNotes []string
		if strings.HasSuffix(file, ".json") {
			direct, directNotes, err = ThreatDragon(file, data)
		} else {
			direct, directNotes, err = TM7(file, data)
		}
		if err != nil || yamlOf(t, m) != yamlOf(t, direct) || !reflect.DeepEqual(notes, directNotes) {
			t.Errorf("Import(%s) differs from the direct import (%v)", file, err)
		}
	}
}

func TestMinimal(t *testing.T) {
	m, notes, err := Import("testdata/minimal-dragon.json", read(t, "testdata/minimal-dragon.json"))
	if err != nil {
		t.Fatal(err)
	}
	// No title, no owner: the file name, and a placeholder owner.
	if m.System.Name != "minimal-dragon" || m.System.Owner != "unknown" {
		t.Errorf("system = %+v", m.System)
	}
	checkNotes(t, notes, []string{`^the model has no title: system\.name set to "minimal-dragon"`, `^the model names no owner`})
	if got := elements(m); !reflect.DeepEqual(got, []elem{{"process", "process", ""}, {"user", "external", "User"}}) {
		t.Errorf("elements %v", got)
	}
	yamlOf(t, m)

	m, _, err = Import("testdata/minimal-tm7.xml", read(t, "testdata/minimal-tm7.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if got := flows(m); !reflect.DeepEqual(got, []flow{{"user-to-service", "user", "service", "", ""}}) {
		t.Errorf("flows %v", got)
	}
	yamlOf(t, m)
}

func TestDuplicateCells(t *testing.T) {
	doc := `{"version": "2.2.0", "summary": {"title": "Dup", "owner": "me"}, "detail": {"diagrams": [
	  {"title": "One", "cells": [
	    {"id": "a", "shape": "actor", "data": {"type": "tm.Actor", "name": "User"}},
	    {"id": "p", "shape": "process", "data": {"type": "tm.Process", "name": "API"}},
	    {"id": "p", "shape": "process", "data": {"type": "tm.Process", "name": "Copy", "threats": [{"title": "lost", "type": "Spoofing", "status": "Open"}]}},
	    {"id": "f", "shape": "flow", "source": {"cell": "a"}, "target": {"cell": "p"}, "data": {"type": "tm.Flow", "name": "Call"}}]},
	  {"title": "Two", "cells": [
	    {"id": "p", "shape": "process", "data": {"type": "tm.Process", "name": "API"}},
	    {"id": "f", "shape": "flow", "source": {"cell": "p"}, "target": {"cell": "p"}, "data": {"type": "tm.Flow", "name": "Call"}}]}]}}`
	m, notes, err := Import("dup.json", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	// Cell IDs are per diagram: the second diagram's p is another element.
	if got := elements(m); !reflect.DeepEqual(got, []elem{{"user", "external", "User"}, {"api", "process", "API"}, {"api-2", "process", "API"}}) {
		t.Errorf("elements %v", got)
	}
	if got := flows(m); !reflect.DeepEqual(got, []flow{{"call", "user", "api", "", ""}, {"call-2", "api-2", "api-2", "", ""}}) {
		t.Errorf("flows %v", got)
	}
	checkNotes(t, notes, []string{
		`^diagram "One": cell "Copy" \(p\): its ID is used by an earlier cell; not imported`,
		`^diagram "One": cell "Copy" \(p\): threat "lost" not imported`,
	})
	if len(notes) != 2 {
		t.Errorf("notes: %q", notes)
	}
}

func TestUTF16(t *testing.T) {
	const file = "testdata/orders-platform.tm7"
	data := read(t, file)
	want, wantNotes, err := TM7(file, data)
	if err != nil {
		t.Fatal(err)
	}
	u := utf16.Encode([]rune(string(data)))
	le := []byte{0xFF, 0xFE}
	for _, c := range u {
		le = append(le, byte(c), byte(c>>8))
	}
	got, notes, err := Import(file, le)
	if err != nil {
		t.Fatal(err)
	}
	if yamlOf(t, got) != yamlOf(t, want) || !reflect.DeepEqual(notes, wantNotes) {
		t.Error("the UTF-16 file imports differently")
	}
}

func TestBadInput(t *testing.T) {
	tm7 := func(body string) string {
		return `<ThreatModel xmlns="http://schemas.datacontract.org/2004/07/ThreatModeling.Model" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">` + body + `</ThreatModel>`
	}
	for _, tc := range []struct {
		name, data, want string
		importer         func(string, []byte) (*threatmodel.Model, []string, error)
	}{
		{"empty.json", "", "file is empty", Import},
		{"notes.txt", "hello, world", "neither a Threat Dragon model (JSON) nor a Microsoft Threat Modeling Tool model", Import},
		{"broken.json", `{"summary": {"title": "x"}, "detail": `, "invalid JSON", Import},
		{"package.json", `{"name": "left-pad", "version": "1.0.0"}`, `JSON, but not a Threat Dragon model`, Import},
		{"array.json", `[1, 2]`, "neither a Threat Dragon model", Import},
		{"types.json", `{"summary": {}, "detail": {"diagrams": "many"}}`, "not a valid Threat Dragon model", Import},
		{"nodetail.json", `{"version": "2.0", "summary": {"title": "x"}}`, `not a Threat Dragon model: it has no "detail"`, ThreatDragon},
		{"v1.json", `{"version": "1.6.1", "summary": {"title": "x"}, "detail": {"diagrams": [{"diagramJson": {"cells": []}}]}}`, "Threat Dragon 1.x model", Import},
		{"nodiagram.json", `{"version": "2.0", "summary": {"title": "x"}, "detail": {"diagrams": []}}`, "has no diagram", Import},
		{"textonly.json", `{"version": "2.0", "summary": {"title": "x"}, "detail": {"diagrams": [{"cells": [{"id": "t", "shape": "td-text-block", "data": {"type": "tm.Text", "name": "hi"}}]}]}}`, "no process, data store or external entity", Import},
		{"bad-flow-target.json", string(read(t, "testdata/bad-flow-target.json")), `flow "Save" (f1): its target is cell "no-such-cell", which the diagram does not have`, Import},
		{"page.html", `<html><body/></html>`, "not a Microsoft Threat Modeling Tool model (the root element is <html>, not <ThreatModel>)", Import},
		{"broken.tm7", `<ThreatModel><DrawingSurfaceList></ThreatModel>`, "invalid XML", Import},
		{"nosurface.tm7", tm7(`<DrawingSurfaceList/>`), "has no diagram", Import},
		{"dangling.tm7", strings.Replace(string(read(t, "testdata/minimal-tm7.xml")), "bbbbbbbb-0000-4000-8000-000000000002</TargetGuid>", "cccccccc-0000-4000-8000-000000000009</TargetGuid>", 1),
			"its target is cccccccc-0000-4000-8000-000000000009, which the model does not have", Import},
		{"json-as-tm7.tm7", `{"detail": {}}`, "invalid XML", TM7},
		{"tm7-as-json.json", tm7(""), "not a valid Threat Dragon model", ThreatDragon},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, _, err := tc.importer(tc.name, []byte(tc.data))
			if err == nil {
				t.Fatalf("no error; model %+v", m)
			}
			if !strings.HasPrefix(err.Error(), tc.name+": ") {
				t.Errorf("error does not name the file: %v", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not say %q", err, tc.want)
			}
		})
	}
	if _, _, err := Import("huge.json", make([]byte, MaxBytes+1)); err == nil || !strings.Contains(err.Error(), "more than the") {
		t.Errorf("huge file: %v", err)
	}
	cells := strings.Repeat(`{"id":"x","shape":"actor","data":{"name":"A"}},`, MaxShapes)
	many := `{"version":"2.0","summary":{"title":"t"},"detail":{"diagrams":[{"cells":[` + cells + `{"id":"y","shape":"actor"}]}]}}`
	if _, _, err := Import("many.json", []byte(many)); err == nil || !strings.Contains(err.Error(), "many.json: the model has 10001 cells, more than the 10000 allowed") {
		t.Errorf("many cells: %v", err)
	}
}

func TestIDs(t *testing.T) {
	c := newConverter("x")
	idPattern := regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.:-]*$`)
	for _, tc := range []struct{ name, fallback, want string }{
		{"Web Application", "process", "web-application"},
		{"Web Application", "process", "web-application-2"},
		{"web-application", "process", "web-application-3"},
		{"  --Orders DB (primary)--  ", "store", "orders-db-primary"},
		{"Пользователь", "external", "external"},
		{"", "external", "external-2"},
		{"Café № 5", "process", "caf-5"},
		{strings.Repeat("very long name ", 10), "process", "very-long-name-very-long-name-very-long-name-ver"},
		{"!!!", "", "x"},
	} {
		got := c.id(tc.name, tc.fallback)
		if got != tc.want {
			t.Errorf("id(%q, %q) = %q, want %q", tc.name, tc.fallback, got, tc.want)
		}
		if !idPattern.MatchString(got) {
			t.Errorf("id %q does not match the schema's pattern", got)
		}
	}
	if got := c.threatID("7", "api", threatmodel.Tampering); got != "T7" {
		t.Errorf("threatID = %q", got)
	}
	if got := c.threatID("7", "api", threatmodel.Tampering); got != "T7-2" {
		t.Errorf("threatID, taken = %q", got)
	}
	if got := c.threatID("", "api", threatmodel.Tampering); got != "T-api-T" {
		t.Errorf("threatID, no number = %q", got)
	}
}

func TestMappings(t *testing.T) {
	for in, want := range map[string]string{
		"Spoofing": "spoofing", "Tampering": "tampering", "Repudiation": "repudiation",
		"Information disclosure": "information-disclosure", "Information Disclosure": "information-disclosure",
		"Denial of service": "denial-of-service", "Denial Of Service": "denial-of-service",
		"Elevation of privilege": "elevation-of-privilege", "Elevation of Privileges": "elevation-of-privilege",
		"S": "spoofing", "E": "elevation-of-privilege", "Non-repudiation": "", "Linkability": "", "": "",
	} {
		if got := stride(in); got != want {
			t.Errorf("stride(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"High": "important", "Medium": "moderate", "Low": "low", "Critical": "critical", "TBD": "", "": ""} {
		if got, known := level(in); got != want || !known {
			t.Errorf("level(%q) = %q, %v", in, got, known)
		}
	}
	if _, known := level("Urgent"); known {
		t.Error("Urgent is a known level")
	}
	for _, tc := range []struct {
		shape, typ string
		want       tdKind
	}{
		{"actor", "tm.Actor", tdActor}, {"process", "", tdProcess}, {"", "tm.Store", tdStore}, {"flow", "tm.Flow", tdFlow},
		{"trust-boundary-box", "tm.BoundaryBox", tdBox}, {"trust-boundary-box", "tm.Boundary", tdBox},
		{"trust-boundary-curve", "tm.Boundary", tdCurve}, {"trust-broundary-curve", "tm.Boundary", tdCurve}, // Threat Dragon 2.0
		{"trust-boundary", "", tdCurve}, {"td-text-block", "tm.Text", tdText}, {"agent", "", tdUnknown},
	} {
		if got := classify(&tdCell{Shape: lstr(tc.shape), Data: tdData{Type: lstr(tc.typ)}}); got != tc.want {
			t.Errorf("classify(%q, %q) = %v, want %v", tc.shape, tc.typ, got, tc.want)
		}
	}
	if got := text(" a\r\nb  \r c\x00\x1b \u2028d\t "); got != "a\nb\n c\nd" {
		t.Errorf("text = %q", got)
	}
}

// FuzzImport: no input panics, and whatever imports passes the schema.
func FuzzImport(f *testing.F) {
	for _, file := range []string{"testdata/online-shop.json", "testdata/orders-platform.tm7", "testdata/minimal-dragon.json", "testdata/minimal-tm7.xml", "testdata/bad-flow-target.json"} {
		f.Add(read(f, file))
	}
	f.Add([]byte(`{"version":"2.0","summary":{"title":"t"},"detail":{"diagrams":[{"cells":[{"id":"a","shape":"actor","position":{"x":0,"y":0},"size":{"width":10,"height":10},"data":{"name":"A","threats":[{"title":"x","type":"Spoofing","status":"NotApplicable","severity":"High"}]}},{"id":"b","shape":"trust-boundary-box","position":{"x":-5,"y":-5},"size":{"width":50,"height":50}},{"id":"f","shape":"flow","source":{"cell":"a"},"target":{"cell":"a"},"data":{"isBidirectional":true}}]}]}}`))
	f.Add([]byte("\xFF\xFE<\x00T\x00h\x00r\x00e\x00a\x00t\x00M\x00o\x00d\x00e\x00l\x00/\x00>\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, notes, err := Import("fuzz", data)
		if err != nil {
			if errors.Is(err, errInvalidOutput) {
				t.Fatalf("imported model fails the schema: %v", err)
			}
			if !strings.HasPrefix(err.Error(), "fuzz: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if m == nil || len(m.Elements) == 0 {
			t.Fatal("no error and no model")
		}
		for _, n := range notes {
			if strings.ContainsAny(n, "\r\n") {
				t.Fatalf("note of several lines: %q", n)
			}
		}
	})
}
