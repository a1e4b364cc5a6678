package threatmodel

import (
	"fmt"
	"io"
	"strings"
)

// Applicable returns the STRIDE categories that apply to an element kind
// or to a flow ("flow"), as the Microsoft Threat Modeling Tool's
// STRIDE-per-element table has them.
func Applicable(kind string) []string {
	switch kind {
	case External:
		return []string{Spoofing, Repudiation}
	case Process:
		return Categories
	case Store:
		return []string{Tampering, InformationDisclosure, DenialOfService}
	case "flow":
		return []string{Tampering, InformationDisclosure, DenialOfService}
	}
	return nil
}

// Gap is a STRIDE category an element or flow has no threat for.
type Gap struct {
	// Kind is the element's kind, or "flow".
	Kind     string
	Target   string
	Category string
	// Index is the element's or flow's position in its list.
	Index int
	// Name is the element's name, when it has one.
	Name string
}

// Missing returns, for every element and flow, the applicable STRIDE
// categories with no threat targeting it (in any status; a not-applicable
// threat counts when it gives a reason), in model order.
func Missing(m *Model) []Gap {
	covered := map[[2]string]bool{}
	for i := range m.Threats {
		t := &m.Threats[i]
		if t.Status == NotApplicable && strings.TrimSpace(t.Reason) == "" {
			continue
		}
		covered[[2]string{t.Target, t.Category}] = true
	}
	var gaps []Gap
	for i := range m.Elements {
		e := &m.Elements[i]
		for _, cat := range Applicable(e.Kind) {
			if !covered[[2]string{e.ID, cat}] {
				gaps = append(gaps, Gap{Kind: e.Kind, Target: e.ID, Category: cat, Index: i, Name: e.Name})
			}
		}
	}
	for i := range m.Flows {
		f := &m.Flows[i]
		for _, cat := range Applicable("flow") {
			if !covered[[2]string{f.ID, cat}] {
				gaps = append(gaps, Gap{Kind: "flow", Target: f.ID, Category: cat, Index: i, Name: f.From + " to " + f.To})
			}
		}
	}
	return gaps
}

// categoryTitles describe each STRIDE category as a question about a
// target.
var categoryTitles = map[string]string{
	Spoofing:              "Someone impersonates %s",
	Tampering:             "Data of %s is modified without authorization",
	Repudiation:           "An action on %s cannot be traced to who did it",
	InformationDisclosure: "Data of %s is disclosed to someone not authorized to see it",
	DenialOfService:       "%s is made unavailable",
	ElevationOfPrivilege:  "A caller of %s gains rights it should not have",
}

// WriteThreatsYAML writes the gaps as threats ready to paste under
// threats: in threatmodel.yaml, open, for a reviewer to assess.
func WriteThreatsYAML(w io.Writer, gaps []Gap) error {
	var b strings.Builder
	if len(gaps) == 0 {
		b.WriteString("# Every element and flow has a threat for each STRIDE category that applies.\n")
	} else {
		fmt.Fprintf(&b, "# %d STRIDE threats to assess: set status (and level, mitigations,\n# acceptance, or reason for not-applicable) and paste under threats:.\n", len(gaps))
	}
	for _, g := range gaps {
		name := g.Target
		if g.Name != "" && g.Kind != "flow" {
			name = g.Name
		}
		fmt.Fprintf(&b, "- id: %s\n  title: %q\n  category: %s\n  target: %s\n  status: open\n  level: moderate\n",
			threatID(g), fmt.Sprintf(categoryTitles[g.Category], name), g.Category, g.Target)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var categoryLetters = map[string]string{
	Spoofing: "S", Tampering: "T", Repudiation: "R", InformationDisclosure: "I", DenialOfService: "D", ElevationOfPrivilege: "E",
}

func threatID(g Gap) string { return "T-" + g.Target + "-" + categoryLetters[g.Category] }
