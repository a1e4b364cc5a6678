package threatmodel

import (
	"fmt"
	"io"
	"strings"

	"github.com/sdlkit/sdlkit/finding"
)

// Marked returns the IDs of the elements and flows that findings are
// about (a threat's findings mark its target).
func Marked(m *Model, fs []finding.Finding) map[string]bool {
	targets := map[string]string{}
	for i := range m.Threats {
		targets[m.Threats[i].ID] = m.Threats[i].Target
	}
	out := map[string]bool{}
	for i := range fs {
		s, _ := fs[i].Properties["subject"].(string)
		if t, ok := targets[s]; ok {
			s = t
		}
		if s != "" {
			out[s] = true
		}
	}
	return out
}

// nodeID makes a diagram-safe identifier.
func nodeID(id string) string {
	var b strings.Builder
	b.WriteString("n_")
	for _, r := range id {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "_%x_", r)
		}
	}
	return b.String()
}

func label(e *Element) string {
	if e.Name != "" {
		return e.Name
	}
	return e.ID
}

func flowLabel(f *Flow) string {
	var parts []string
	if f.Protocol != "" {
		parts = append(parts, f.Protocol)
	}
	enc := f.Encryption
	if enc == "" {
		enc = "encryption ?"
	}
	parts = append(parts, enc)
	if f.Authentication != "" {
		parts = append(parts, "auth "+f.Authentication)
	}
	return strings.Join(parts, " / ")
}

// mermaidText escapes a label for Mermaid's quoted strings.
func mermaidText(s string) string {
	return strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;", "\n", " ").Replace(s)
}

// WriteMermaid draws the data-flow diagram as a Mermaid flowchart: trust
// boundaries as subgraphs, processes as rounded boxes, stores as
// cylinders, external entities as rectangles, flows labelled with their
// protocol, encryption and authentication; marked elements and flows
// (those with findings) in red.
func WriteMermaid(w io.Writer, m *Model, marked map[string]bool) error {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	node := func(e *Element, indent string) {
		id, l := nodeID(e.ID), mermaidText(label(e))
		switch e.Kind {
		case Process:
			fmt.Fprintf(&b, "%s%s([\"%s\"])\n", indent, id, l)
		case Store:
			fmt.Fprintf(&b, "%s%s[(\"%s\")]\n", indent, id, l)
		default:
			fmt.Fprintf(&b, "%s%s[\"%s\"]\n", indent, id, l)
		}
	}
	inBoundary := map[string]bool{}
	byID := map[string]*Element{}
	for i := range m.Elements {
		byID[m.Elements[i].ID] = &m.Elements[i]
	}
	for _, bd := range m.Boundaries {
		name := bd.Name
		if name == "" {
			name = bd.ID
		}
		fmt.Fprintf(&b, "  subgraph %s[\"%s\"]\n", nodeID("boundary:"+bd.ID), mermaidText(name))
		for _, id := range bd.Elements {
			if e := byID[id]; e != nil && !inBoundary[id] {
				inBoundary[id] = true
				node(e, "    ")
			}
		}
		b.WriteString("  end\n")
	}
	for i := range m.Elements {
		if !inBoundary[m.Elements[i].ID] {
			node(&m.Elements[i], "  ")
		}
	}
	var markedLinks []string
	for i := range m.Flows {
		f := &m.Flows[i]
		fmt.Fprintf(&b, "  %s -- \"%s\" --> %s\n", nodeID(f.From), mermaidText(flowLabel(f)), nodeID(f.To))
		if marked[f.ID] {
			markedLinks = append(markedLinks, fmt.Sprint(i))
		}
	}
	var markedNodes []string
	for i := range m.Elements {
		if marked[m.Elements[i].ID] {
			markedNodes = append(markedNodes, nodeID(m.Elements[i].ID))
		}
	}
	if len(markedNodes) > 0 {
		b.WriteString("  classDef finding stroke:#d00,stroke-width:3px,color:#d00\n")
		fmt.Fprintf(&b, "  class %s finding\n", strings.Join(markedNodes, ","))
	}
	if len(markedLinks) > 0 {
		fmt.Fprintf(&b, "  linkStyle %s stroke:#d00,stroke-width:3px\n", strings.Join(markedLinks, ","))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// dotText quotes a string for Graphviz.
func dotText(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

// WriteDOT draws the data-flow diagram for Graphviz: trust boundaries as
// dashed clusters, processes as ellipses, stores as cylinders, external
// entities as boxes; marked elements and flows in red.
func WriteDOT(w io.Writer, m *Model, marked map[string]bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "digraph %s {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n", dotText(m.System.Name))
	byID := map[string]*Element{}
	for i := range m.Elements {
		byID[m.Elements[i].ID] = &m.Elements[i]
	}
	node := func(e *Element, indent string) {
		shape := "box"
		switch e.Kind {
		case Process:
			shape = "ellipse"
		case Store:
			shape = "cylinder"
		}
		attrs := fmt.Sprintf("shape=%s, label=%s", shape, dotText(label(e)))
		if marked[e.ID] {
			attrs += ", color=red, fontcolor=red, penwidth=2"
		}
		fmt.Fprintf(&b, "%s%s [%s];\n", indent, dotText(e.ID), attrs)
	}
	in := map[string]bool{}
	for _, bd := range m.Boundaries {
		name := bd.Name
		if name == "" {
			name = bd.ID
		}
		fmt.Fprintf(&b, "  subgraph %s {\n    label=%s;\n    style=dashed;\n    color=gray40;\n", dotText("cluster_"+bd.ID), dotText(name))
		for _, id := range bd.Elements {
			if e := byID[id]; e != nil && !in[id] {
				in[id] = true
				node(e, "    ")
			}
		}
		b.WriteString("  }\n")
	}
	for i := range m.Elements {
		if !in[m.Elements[i].ID] {
			node(&m.Elements[i], "  ")
		}
	}
	for i := range m.Flows {
		f := &m.Flows[i]
		attrs := "label=" + dotText(flowLabel(f))
		if marked[f.ID] {
			attrs += ", color=red, fontcolor=red, penwidth=2"
		}
		fmt.Fprintf(&b, "  %s -> %s [%s];\n", dotText(f.From), dotText(f.To), attrs)
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}
