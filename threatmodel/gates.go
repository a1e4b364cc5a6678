package threatmodel

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/policy"
)

// Context is what the design gates need besides the model.
type Context struct {
	// Path is the model's path relative to the repository root, which
	// findings are located in.
	Path  string
	Today policy.Date
	// Rule reports whether a rule exists and whether the policy runs it,
	// for mitigations citing rules; nil skips those references.
	Rule func(id string) (exists, enabled bool)
	// Requirements are the requirement IDs the policy declares; nil skips
	// requirement references.
	Requirements map[string]bool
	// TestExists reports whether a Go test exists ("pkg", "TestName");
	// nil skips test references.
	TestExists func(pkg, name string) (bool, error)
	// LastChange returns when Go code under an element's code paths last
	// changed in Git (zero when never); nil skips the freshness check.
	LastChange func(paths []string) (time.Time, error)
	// FreshnessDays is how long code may have changed since the review
	// before the freshness finding is important (0: at once).
	FreshnessDays int
}

// checker collects the findings of one run of the gates.
type checker struct {
	m   *Model
	ctx Context
	out []finding.Finding

	ids        map[string]string // id -> kind ("element", ...)
	elements   map[string]*Element
	flows      map[string]*Flow
	assets     map[string]*Asset
	boundaryOf map[string]string   // element id -> boundary id
	flowAssets map[string][]string // element id -> assets of its flows
}

// Check runs every design gate and returns its findings, positioned in the
// model's file.
func (m *Model) Check(ctx Context) []finding.Finding {
	c := &checker{m: m, ctx: ctx, ids: map[string]string{}, elements: map[string]*Element{},
		flows: map[string]*Flow{}, assets: map[string]*Asset{}, boundaryOf: map[string]string{}}
	c.references()
	c.flowsAcrossBoundaries()
	c.elementControls()
	c.stride()
	c.threats()
	c.freshness()
	finding.Sort(c.out)
	return c.out
}

// add records a finding of rule at the value ptr points to. subject names
// what the finding is about (an element, flow or threat ID), so that its
// fingerprint survives edits that move lines or reorder lists.
func (c *checker) add(ruleID, ptr, subject string, sev finding.Severity, format string, args ...any) {
	r := rule(ruleID)
	if sev == finding.SeverityNone {
		sev = r.Severity
	}
	line, col := c.m.Where(ptr)
	c.out = append(c.out, finding.Finding{
		Tool:     "sdl",
		RuleID:   ruleID,
		Message:  fmt.Sprintf(format, args...),
		Severity: sev,
		CWE:      r.CWE,
		Location: finding.Location{Path: c.ctx.Path, StartLine: line, StartColumn: col, EndLine: line, EndColumn: col},
		Context:  ruleID + " " + subject + " " + fmt.Sprintf(format, args...),
		// The element, flow or threat the finding is about, for diagrams.
		Properties: map[string]any{"subject": subject},
	})
}

func elementPtr(e *Element) string { return "/elements/" + strconv.Itoa(e.Index) }
func flowPtr(f *Flow) string       { return "/flows/" + strconv.Itoa(f.Index) }
func threatPtr(t *Threat) string   { return "/threats/" + strconv.Itoa(t.Index) }

// references checks that IDs are unique and every reference resolves.
func (c *checker) references() {
	m := c.m
	define := func(id, kind, ptr string) {
		if prev, ok := c.ids[id]; ok {
			c.add(RuleReferences, ptr+"/id", id, 0, "ID %q is used twice (already by a %s)", id, prev)
			return
		}
		c.ids[id] = kind
	}
	for i := range m.Assets {
		a := &m.Assets[i]
		define(a.ID, "asset", "/assets/"+strconv.Itoa(i))
		c.assets[a.ID] = a
	}
	for i := range m.Elements {
		e := &m.Elements[i]
		define(e.ID, "element", elementPtr(e))
		c.elements[e.ID] = e
	}
	for i := range m.Boundaries {
		define(m.Boundaries[i].ID, "boundary", "/boundaries/"+strconv.Itoa(i))
	}
	for i := range m.Flows {
		f := &m.Flows[i]
		define(f.ID, "flow", flowPtr(f))
		c.flows[f.ID] = f
	}
	for i := range m.Threats {
		define(m.Threats[i].ID, "threat", threatPtr(&m.Threats[i]))
	}

	checkAssets := func(ptr, what, subject string, ids []string) {
		for j, a := range ids {
			if c.assets[a] == nil {
				c.add(RuleReferences, ptr+"/assets/"+strconv.Itoa(j), subject, 0, "%s %s names asset %q, which the model does not declare", what, subject, a)
			}
		}
	}
	for i := range m.Elements {
		e := &m.Elements[i]
		checkAssets(elementPtr(e), "element", e.ID, e.Assets)
	}
	for i := range m.Boundaries {
		b := &m.Boundaries[i]
		for j, id := range b.Elements {
			ptr := fmt.Sprintf("/boundaries/%d/elements/%d", i, j)
			if c.elements[id] == nil {
				c.add(RuleReferences, ptr, b.ID, 0, "boundary %s names element %q, which does not exist", b.ID, id)
				continue
			}
			if prev, ok := c.boundaryOf[id]; ok && prev != b.ID {
				c.add(RuleReferences, ptr, b.ID, 0, "element %s is in two trust boundaries (%s and %s)", id, prev, b.ID)
				continue
			}
			c.boundaryOf[id] = b.ID
		}
	}
	linked := map[string]bool{}
	for i := range m.Flows {
		f := &m.Flows[i]
		for _, end := range []struct{ id, key string }{{f.From, "from"}, {f.To, "to"}} {
			if c.elements[end.id] == nil {
				c.add(RuleReferences, flowPtr(f)+"/"+end.key, f.ID, 0, "flow %s: %s %q is not an element of the model", f.ID, end.key, end.id)
			}
			linked[end.id] = true
		}
		checkAssets(flowPtr(f), "flow", f.ID, f.Assets)
	}
	for i := range m.Elements {
		e := &m.Elements[i]
		if !linked[e.ID] {
			c.add(RuleReferences, elementPtr(e), e.ID, 0, "element %s has no data flow: connect it, or remove it from the model", e.ID)
		}
	}
	for i := range m.Threats {
		t := &m.Threats[i]
		if c.elements[t.Target] == nil && c.flows[t.Target] == nil {
			c.add(RuleReferences, threatPtr(t)+"/target", t.ID, 0, "threat %s targets %q, which is neither an element nor a flow", t.ID, t.Target)
		}
	}
}

// crosses reports whether a flow crosses a trust boundary.
func (c *checker) crosses(f *Flow) bool {
	if c.elements[f.From] == nil || c.elements[f.To] == nil {
		return false
	}
	return c.boundaryOf[f.From] != c.boundaryOf[f.To]
}

func (c *checker) describeCrossing(f *Flow) string {
	name := func(id string) string {
		if b := c.boundaryOf[id]; b != "" {
			return b
		}
		return "outside every boundary"
	}
	return fmt.Sprintf("%s (%s) to %s (%s)", f.From, name(f.From), f.To, name(f.To))
}

func (c *checker) flowsAcrossBoundaries() {
	for i := range c.m.Flows {
		f := &c.m.Flows[i]
		if !c.crosses(f) {
			continue
		}
		switch f.Encryption {
		case "tls1.2", "tls1.3", "mtls":
		default:
			enc := f.Encryption
			if enc == "" {
				enc = "not stated"
			}
			c.add(RuleFlowEncryption, flowPtr(f), f.ID, 0, "flow %s crosses a trust boundary, %s, and its encryption is %s: require TLS 1.2 or later, or mTLS", f.ID, c.describeCrossing(f), enc)
		}
		if f.Authentication == "" || f.Authentication == "none" {
			c.add(RuleFlowAuth, flowPtr(f), f.ID, 0, "flow %s crosses a trust boundary, %s, without authenticating the sender", f.ID, c.describeCrossing(f))
		}
	}
}

// sensitiveAssets returns the confidential or restricted assets a store
// holds: its own, and those flows carry to or from it.
func (c *checker) sensitiveAssets(e *Element) []string {
	if c.flowAssets == nil {
		c.flowAssets = map[string][]string{}
		for i := range c.m.Flows {
			f := &c.m.Flows[i]
			c.flowAssets[f.From] = append(c.flowAssets[f.From], f.Assets...)
			if f.To != f.From {
				c.flowAssets[f.To] = append(c.flowAssets[f.To], f.Assets...)
			}
		}
	}
	ids := append(slices.Clone(e.Assets), c.flowAssets[e.ID]...)
	var out []string
	for _, id := range ids {
		if a := c.assets[id]; a != nil && (a.Classification == Confidential || a.Classification == Restricted) && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

func (c *checker) elementControls() {
	for i := range c.m.Elements {
		e := &c.m.Elements[i]
		ptr := elementPtr(e)
		if e.Kind == Store {
			if sens := c.sensitiveAssets(e); len(sens) > 0 {
				what := strings.Join(sens, ", ")
				switch {
				case !e.EncryptionAtRest.Enabled:
					c.add(RuleStoreEncrypt, ptr, e.ID, 0, "store %s holds %s (confidential or restricted) and is not encrypted at rest", e.ID, what)
				case e.EncryptionAtRest.KeyManagement == "":
					c.add(RuleStoreEncrypt, ptr+"/encryptionAtRest", e.ID, 0, "store %s is encrypted at rest but does not say who manages its keys (service-managed or customer-managed)", e.ID)
				}
				if !e.AuditLogging {
					c.add(RuleStoreAudit, ptr, e.ID, 0, "store %s holds %s (confidential or restricted) without audit logging", e.ID, what)
				}
			}
		}
		if e.Kind == Process && e.Exposure == "internet" {
			switch {
			case len(e.Authentication) == 0 || (len(e.Authentication) == 1 && e.Authentication[0] == "none"):
				c.add(RuleExposedAuthn, ptr, e.ID, 0, "process %s is exposed to the internet and does not authenticate its callers", e.ID)
			case slices.Contains(e.Authentication, "none"):
				c.add(RuleExposedAuthn, ptr+"/authentication", e.ID, 0, "process %s is exposed to the internet and lets some callers in without authentication (none is among its methods)", e.ID)
			}
			if e.Authorization.Model == "" || e.Authorization.Model == "none" {
				c.add(RuleExposedAuthz, ptr, e.ID, 0, "process %s is exposed to the internet and names no authorization model", e.ID)
			}
		}
		if e.Tenancy.Mode == "multi" && strings.TrimSpace(e.Tenancy.Isolation) == "" {
			c.add(RuleTenantIsolate, ptr+"/tenancy", e.ID, 0, "element %s serves many tenants and names no isolation control", e.ID)
		}
	}
}

func (c *checker) stride() {
	for _, g := range Missing(c.m) {
		ptr := "/elements/" + strconv.Itoa(g.Index)
		if g.Kind == "flow" {
			ptr = "/flows/" + strconv.Itoa(g.Index)
		}
		c.add(RuleSTRIDE, ptr, g.Target, 0, "%s %s has no %s threat: add one, or a not-applicable threat with a reason (sdl threatmodel threats prints them)", g.Kind, g.Target, g.Category)
	}
	for i := range c.m.Threats {
		t := &c.m.Threats[i]
		if t.Status == NotApplicable && strings.TrimSpace(t.Reason) == "" {
			c.add(RuleSTRIDE, threatPtr(t)+"/status", t.ID, 0, "threat %s is not-applicable without a reason", t.ID)
		}
	}
}

func (c *checker) threats() {
	for i := range c.m.Threats {
		t := &c.m.Threats[i]
		ptr := threatPtr(t)
		switch t.Status {
		case Open:
			sev := finding.Moderate
			if t.Level != "" {
				sev, _ = finding.ParseSeverity(t.Level)
			}
			c.add(RuleOpenThreat, ptr+"/status", t.ID, sev, "threat %s (%s of %s) is open%s", t.ID, t.Category, t.Target, titled(t.Title))
		case Accepted:
			switch a := t.Acceptance; {
			case a == nil:
				c.add(RuleAcceptance, ptr+"/status", t.ID, 0, "threat %s is accepted without an acceptance (approver, justification, expiry)", t.ID)
			case a.Expires.Before(c.ctx.Today.Time):
				c.add(RuleAcceptance, ptr+"/acceptance/expires", t.ID, 0, "the acceptance of threat %s by %s expired on %s", t.ID, a.Approver, a.Expires)
			}
		case Transferred:
			if strings.TrimSpace(t.Reason) == "" {
				c.add(RuleAcceptance, ptr+"/status", t.ID, 0, "threat %s is transferred without saying to whom (reason)", t.ID)
			}
		}
		if t.Status == Mitigated && len(t.Mitigations) == 0 {
			c.add(RuleMitigationRef, ptr+"/status", t.ID, 0, "threat %s is mitigated but names no mitigation", t.ID)
		}
		for j, mit := range t.Mitigations {
			for k, ref := range mit.References {
				c.reference(t, fmt.Sprintf("%s/mitigations/%d/references/%d", ptr, j, k), ref)
			}
		}
	}
}

func titled(s string) string {
	if s == "" {
		return ""
	}
	return ": " + s
}

// reference checks one mitigation reference.
func (c *checker) reference(t *Threat, ptr, ref string) {
	kind, val, _ := strings.Cut(ref, ":")
	switch kind {
	case "rule":
		if c.ctx.Rule == nil {
			return
		}
		switch exists, enabled := c.ctx.Rule(val); {
		case !exists:
			c.add(RuleMitigationRef, ptr, t.ID, 0, "threat %s cites rule %s, which does not exist (sdl rules lists them)", t.ID, val)
		case !enabled:
			c.add(RuleMitigationRef, ptr, t.ID, 0, "threat %s cites rule %s, which sdl.yaml does not run", t.ID, val)
		}
	case "test":
		if c.ctx.TestExists == nil {
			return
		}
		pkg, name, ok := cutLast(val, ":")
		if !ok || !strings.HasPrefix(name, "Test") {
			c.add(RuleMitigationRef, ptr, t.ID, 0, "threat %s cites test %q: write it as test:package:TestName", t.ID, val)
			return
		}
		found, err := c.ctx.TestExists(pkg, name)
		switch {
		case err != nil:
			c.add(RuleMitigationRef, ptr, t.ID, 0, "threat %s cites test %s of %s: %v", t.ID, name, pkg, err)
		case !found:
			c.add(RuleMitigationRef, ptr, t.ID, 0, "threat %s cites test %s, which package %s does not have", t.ID, name, pkg)
		}
	case "requirement":
		if c.ctx.Requirements != nil && !c.ctx.Requirements[val] {
			c.add(RuleMitigationRef, ptr, t.ID, 0, "threat %s cites requirement %s, which sdl.yaml does not declare", t.ID, val)
		}
	}
}

func cutLast(s, sep string) (before, after string, ok bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

func (c *checker) freshness() {
	if c.ctx.LastChange == nil {
		return
	}
	for i := range c.m.Elements {
		e := &c.m.Elements[i]
		if len(e.Code) == 0 {
			continue
		}
		last, err := c.ctx.LastChange(e.Code)
		if err != nil {
			c.add(RuleFreshness, elementPtr(e)+"/code", e.ID, 0, "cannot tell when the code of %s last changed: %v", e.ID, err)
			continue
		}
		if last.IsZero() {
			continue
		}
		changed := policy.Today(last)
		if !c.m.Reviewed.IsZero() && !changed.After(c.m.Reviewed.Time) {
			continue
		}
		sev := finding.Low
		age := int(c.ctx.Today.Sub(changed.Time).Hours() / 24)
		if age >= c.ctx.FreshnessDays {
			sev = finding.Important
		}
		reviewed := "never reviewed"
		if !c.m.Reviewed.IsZero() {
			reviewed = "reviewed " + c.m.Reviewed.String()
		}
		c.add(RuleFreshness, elementPtr(e)+"/code", e.ID, sev, "the code of %s changed on %s, after the model was %s (%d days ago): review its threats and update reviewed", e.ID, changed, reviewed, age)
	}
}
