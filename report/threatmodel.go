package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/threatmodel"
)

// ThreatModelMarkdown writes a threat model as a report: the system, its
// data-flow diagram (Mermaid, which GitHub renders), elements, boundaries,
// flows, threats with their status, and the design gates' findings.
func ThreatModelMarkdown(w io.Writer, m *threatmodel.Model, findings []finding.Finding) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Threat model: %s\n\n", md(m.System.Name))
	fmt.Fprintf(bw, "Owner: %s.", md(m.System.Owner))
	if !m.Reviewed.IsZero() {
		fmt.Fprintf(bw, " Reviewed %s.", m.Reviewed)
	}
	fmt.Fprint(bw, "\n\n")
	if m.System.Description != "" {
		fmt.Fprintf(bw, "%s\n\n", strings.TrimSpace(m.System.Description))
	}
	if err := DiagramMarkdown(bw, m, findings); err != nil {
		return err
	}

	fmt.Fprint(bw, "## Elements\n\n| Element | Kind | Exposure | Tenancy | Authentication | Authorization | Audit | Encryption at rest |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for i := range m.Elements {
		e := &m.Elements[i]
		kind := e.Kind
		if e.Type != "" {
			kind += " (" + e.Type + ")"
		}
		tenancy := e.Tenancy.Mode
		if e.Tenancy.Isolation != "" {
			tenancy += ": " + e.Tenancy.Isolation
		}
		authz := e.Authorization.Model
		if len(e.Authorization.Roles) > 0 {
			authz += " (" + strings.Join(e.Authorization.Roles, ", ") + ")"
		}
		enc := ""
		if e.Kind == threatmodel.Store {
			enc = "no"
			if e.EncryptionAtRest.Enabled {
				enc = "yes, " + orDash(e.EncryptionAtRest.KeyManagement)
			}
		}
		fmt.Fprintf(bw, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", md(elementName(e)), kind, orDash(e.Exposure), md(orDash(tenancy)),
			orDash(strings.Join(e.Authentication, ", ")), md(orDash(authz)), yesNo(e.AuditLogging), orDash(enc))
	}
	if len(m.Boundaries) > 0 {
		fmt.Fprint(bw, "\n## Trust boundaries\n\n| Boundary | Elements |\n| --- | --- |\n")
		for _, b := range m.Boundaries {
			name := b.ID
			if b.Name != "" {
				name = b.Name + " (" + b.ID + ")"
			}
			fmt.Fprintf(bw, "| %s | %s |\n", md(name), md(strings.Join(b.Elements, ", ")))
		}
	}
	if len(m.Flows) > 0 {
		fmt.Fprint(bw, "\n## Data flows\n\n| Flow | From | To | Protocol | Encryption | Authentication | Assets |\n| --- | --- | --- | --- | --- | --- | --- |\n")
		for i := range m.Flows {
			f := &m.Flows[i]
			fmt.Fprintf(bw, "| %s | %s | %s | %s | %s | %s | %s |\n", md(f.ID), md(f.From), md(f.To), md(orDash(f.Protocol)),
				orDash(f.Encryption), orDash(f.Authentication), md(orDash(strings.Join(f.Assets, ", "))))
		}
	}
	if len(m.Threats) > 0 {
		fmt.Fprint(bw, "\n## Threats\n\n| Threat | Category | Target | Level | Status | Mitigation or decision |\n| --- | --- | --- | --- | --- | --- |\n")
		for i := range m.Threats {
			t := &m.Threats[i]
			var how []string
			for _, mit := range t.Mitigations {
				s := mit.Text
				if len(mit.References) > 0 {
					s += " (" + strings.Join(mit.References, ", ") + ")"
				}
				how = append(how, s)
			}
			if t.Acceptance != nil {
				how = append(how, fmt.Sprintf("accepted by %s until %s: %s", t.Acceptance.Approver, t.Acceptance.Expires, t.Acceptance.Justification))
			}
			if t.Reason != "" {
				how = append(how, t.Reason)
			}
			title := t.ID
			if t.Title != "" {
				title += ": " + t.Title
			}
			fmt.Fprintf(bw, "| %s | %s | %s | %s | %s | %s |\n", md(title), t.Category, md(t.Target), orDash(t.Level), t.Status, md(orDash(strings.Join(how, "; "))))
		}
	}
	fmt.Fprintf(bw, "\n## Design gates\n\n")
	if len(findings) == 0 {
		fmt.Fprint(bw, "No findings.\n")
	} else {
		fmt.Fprint(bw, "| Rule | Level | Where | Finding |\n| --- | --- | --- | --- |\n")
		for _, f := range findings {
			fmt.Fprintf(bw, "| %s | %s | `%s` | %s |\n", f.RuleID, f.Severity, md(f.Location.String()), md(f.Message))
		}
	}
	return bw.Flush()
}

// DiagramMarkdown writes the data-flow diagram as a Mermaid block, with
// the elements and flows that have findings marked.
func DiagramMarkdown(w io.Writer, m *threatmodel.Model, findings []finding.Finding) error {
	if _, err := fmt.Fprint(w, "## Data-flow diagram\n\n```mermaid\n"); err != nil {
		return err
	}
	if err := threatmodel.WriteMermaid(w, m, threatmodel.Marked(m, findings)); err != nil {
		return err
	}
	_, err := fmt.Fprint(w, "```\n\n")
	return err
}

func elementName(e *threatmodel.Element) string {
	if e.Name != "" && e.Name != e.ID {
		return e.Name + " (" + e.ID + ")"
	}
	return e.ID
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
