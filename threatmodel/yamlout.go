package threatmodel

import (
	"bytes"
	"io"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// WriteYAML writes m as threatmodel.yaml: the schema's key names in a fixed
// order (version, system, reviewed, assets, elements, boundaries, flows,
// threats, and within each object the order the schema lists them), empty
// and false fields left out, lists of words written on one line, text of
// several lines as literal blocks, and strings quoted only where YAML would
// otherwise read them as something else. The output is deterministic and
// Parse reads it back to the same model; WriteYAML does not validate m, so
// a model that breaks the schema (an element without a kind, say) is
// written as it is and Parse reports it.
//
// A zero Version is written as 1, the only version there is.
func WriteYAML(w io.Writer, m *Model) error {
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{modelNode(m)}}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func modelNode(m *Model) *yaml.Node {
	root := mapNode()
	version := m.Version
	if version == 0 {
		version = 1
	}
	put(root, "version", intNode(version))
	sys := mapNode()
	putStr(sys, "name", m.System.Name)
	putStr(sys, "owner", m.System.Owner)
	putStr(sys, "description", m.System.Description)
	putMap(root, "system", sys)
	if !m.Reviewed.IsZero() {
		put(root, "reviewed", plainNode(m.Reviewed.String()))
	}
	if len(m.Assets) > 0 {
		seq := seqNode()
		for i := range m.Assets {
			seq.Content = append(seq.Content, assetNode(&m.Assets[i]))
		}
		put(root, "assets", seq)
	}
	if len(m.Elements) > 0 {
		seq := seqNode()
		for i := range m.Elements {
			seq.Content = append(seq.Content, elementNode(&m.Elements[i]))
		}
		put(root, "elements", seq)
	}
	if len(m.Boundaries) > 0 {
		seq := seqNode()
		for i := range m.Boundaries {
			b := &m.Boundaries[i]
			n := mapNode()
			putStr(n, "id", b.ID)
			putStr(n, "name", b.Name)
			putWords(n, "elements", b.Elements)
			seq.Content = append(seq.Content, n)
		}
		put(root, "boundaries", seq)
	}
	if len(m.Flows) > 0 {
		seq := seqNode()
		for i := range m.Flows {
			f := &m.Flows[i]
			n := mapNode()
			putStr(n, "id", f.ID)
			putStr(n, "from", f.From)
			putStr(n, "to", f.To)
			putStr(n, "protocol", f.Protocol)
			putWords(n, "assets", f.Assets)
			putStr(n, "encryption", f.Encryption)
			putStr(n, "authentication", f.Authentication)
			seq.Content = append(seq.Content, n)
		}
		put(root, "flows", seq)
	}
	if len(m.Threats) > 0 {
		seq := seqNode()
		for i := range m.Threats {
			seq.Content = append(seq.Content, threatNode(&m.Threats[i]))
		}
		put(root, "threats", seq)
	}
	return root
}

func assetNode(a *Asset) *yaml.Node {
	n := mapNode()
	putStr(n, "id", a.ID)
	putStr(n, "name", a.Name)
	putStr(n, "classification", a.Classification)
	putBool(n, "personalData", a.PersonalData)
	return n
}

func elementNode(e *Element) *yaml.Node {
	n := mapNode()
	putStr(n, "id", e.ID)
	putStr(n, "kind", e.Kind)
	putStr(n, "name", e.Name)
	putStr(n, "type", e.Type)
	putStr(n, "owner", e.Owner)
	putStr(n, "description", e.Description)
	putStr(n, "exposure", e.Exposure)
	if e.Tenancy.Mode != "" || e.Tenancy.Isolation != "" {
		t := mapNode()
		putStr(t, "mode", e.Tenancy.Mode)
		putStr(t, "isolation", e.Tenancy.Isolation)
		put(n, "tenancy", t)
	}
	switch len(e.Authentication) {
	case 0:
	case 1:
		putStr(n, "authentication", e.Authentication[0])
	default:
		putWords(n, "authentication", e.Authentication)
	}
	if e.Authorization.Model != "" || len(e.Authorization.Roles) > 0 {
		a := mapNode()
		putStr(a, "model", e.Authorization.Model)
		putWords(a, "roles", e.Authorization.Roles)
		put(n, "authorization", a)
	}
	putBool(n, "auditLogging", e.AuditLogging)
	putWords(n, "assets", e.Assets)
	putWords(n, "code", e.Code)
	if e.EncryptionAtRest.Enabled || e.EncryptionAtRest.KeyManagement != "" {
		r := mapNode()
		put(r, "enabled", boolNode(e.EncryptionAtRest.Enabled))
		putStr(r, "keyManagement", e.EncryptionAtRest.KeyManagement)
		put(n, "encryptionAtRest", r)
	}
	putBool(n, "backups", e.Backups)
	return n
}

func threatNode(t *Threat) *yaml.Node {
	n := mapNode()
	putStr(n, "id", t.ID)
	putStr(n, "title", t.Title)
	putStr(n, "category", t.Category)
	putStr(n, "target", t.Target)
	putStr(n, "description", t.Description)
	putStr(n, "level", t.Level)
	putStr(n, "status", t.Status)
	putStr(n, "reason", t.Reason)
	if len(t.Mitigations) > 0 {
		seq := seqNode()
		for _, mit := range t.Mitigations {
			mn := mapNode()
			putStr(mn, "text", mit.Text)
			putWords(mn, "references", mit.References)
			seq.Content = append(seq.Content, mn)
		}
		put(n, "mitigations", seq)
	}
	if a := t.Acceptance; a != nil {
		an := mapNode()
		putStr(an, "approver", a.Approver)
		putStr(an, "justification", a.Justification)
		if !a.Expires.IsZero() {
			put(an, "expires", plainNode(a.Expires.String()))
		}
		put(n, "acceptance", an)
	}
	return n
}

func mapNode() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode} }
func seqNode() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode} }

// strNode is a string: the encoder quotes it when it would read as another
// type (true, 1, null, a date) and writes text of several lines as a literal
// block. Words YAML 1.1 reads as booleans (yes, off) and sexagesimal
// numbers (1:30) are quoted too, for readers other than ours.
func strNode(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if yaml11Bools[s] || base60.MatchString(s) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

var yaml11Bools = map[string]bool{
	"y": true, "Y": true, "yes": true, "Yes": true, "YES": true,
	"n": true, "N": true, "no": true, "No": true, "NO": true,
	"on": true, "On": true, "ON": true, "off": true, "Off": true, "OFF": true,
}

var base60 = regexp.MustCompile(`^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`)

// plainNode is written as it is, for dates, which the schema wants as
// strings and YAML would otherwise quote.
func plainNode(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }

func intNode(i int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(i)}
}

func boolNode(b bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(b)}
}

func put(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
}

func putStr(m *yaml.Node, key, v string) {
	if v != "" {
		put(m, key, strNode(v))
	}
}

func putBool(m *yaml.Node, key string, v bool) {
	if v {
		put(m, key, boolNode(true))
	}
}

// putMap adds a mapping, even an empty one (system is required).
func putMap(m *yaml.Node, key string, v *yaml.Node) {
	if len(v.Content) == 0 {
		v.Style = yaml.FlowStyle
	}
	put(m, key, v)
}

// putWords adds a list of strings on one line ([a, b]).
func putWords(m *yaml.Node, key string, words []string) {
	if len(words) == 0 {
		return
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, w := range words {
		seq.Content = append(seq.Content, strNode(w))
	}
	put(m, key, seq)
}
