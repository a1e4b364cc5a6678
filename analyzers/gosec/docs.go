package gosec

import (
	"bytes"
	"embed"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	gosecanalyzers "github.com/securego/gosec/v2/analyzers"
	"github.com/securego/gosec/v2/issue"
	"github.com/securego/gosec/v2/rules"

	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed docs/*.md
var docsFS embed.FS

type frontMatter struct {
	Severity finding.Severity `yaml:"severity"`
	CWE      []int            `yaml:"cwe"`
	Summary  string           `yaml:"summary"`
}

// Rules returns the documentation of every gosec rule, sorted by ID.
func Rules() []finding.Rule {
	rs, err := loadDocs()
	if err != nil {
		panic(err) // the docs are embedded: a test catches this
	}
	return rs
}

// Undocumented returns the gosec rules that have no document in docs/; a
// test keeps it empty.
func Undocumented() []string {
	var out []string
	for _, id := range IDs() {
		if _, err := docsFS.ReadFile("docs/" + id + ".md"); err != nil {
			out = append(out, id)
		}
	}
	return out
}

var loadDocs = sync.OnceValues(func() ([]finding.Rule, error) {
	descriptions := map[string]string{}
	for id, d := range rules.Generate(false).Rules {
		descriptions[id] = d.Description
	}
	for id, d := range gosecanalyzers.Generate(false).Analyzers {
		descriptions[id] = d.Description
	}
	var out []finding.Rule
	for _, id := range IDs() {
		name := "docs/" + id + ".md"
		data, err := docsFS.ReadFile(name)
		if err != nil {
			out = append(out, fallbackRule(id, descriptions[id]))
			continue
		}
		r, err := parseDoc(id, data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path.Join("analyzers/gosec", name), err)
		}
		out = append(out, r)
	}
	return out, nil
})

// fallbackRule describes a rule from gosec's own one-line description.
func fallbackRule(id, description string) finding.Rule {
	r := finding.Rule{
		ID:       id,
		Tool:     Tool,
		Summary:  description,
		Help:     description + "\n",
		Text:     description + "\n",
		HelpURI:  InformationURI,
		Severity: finding.Moderate,
	}
	if w := issue.GetCweByRule(id); w != nil {
		if n, err := strconv.Atoi(w.ID); err == nil {
			r.CWE = []int{n}
		}
	}
	return r
}

// parseDoc reads one rule document: YAML front matter between "---" lines,
// a "# ID: title" heading, a description, and the sections ruledoc.Required.
func parseDoc(id string, data []byte) (finding.Rule, error) {
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return finding.Rule{}, fmt.Errorf("no front matter")
	}
	fm, body, ok := bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		return finding.Rule{}, fmt.Errorf("front matter is not closed")
	}
	var meta frontMatter
	dec := yaml.NewDecoder(bytes.NewReader(fm))
	dec.KnownFields(true)
	if err := dec.Decode(&meta); err != nil {
		return finding.Rule{}, fmt.Errorf("front matter: %w", err)
	}
	if meta.Severity == finding.SeverityNone || len(meta.CWE) == 0 || meta.Summary == "" {
		return finding.Rule{}, fmt.Errorf("front matter needs severity, cwe and summary")
	}
	md := strings.TrimSpace(string(body))
	// Drop a leading "# G101: title" heading: the summary carries it.
	if strings.HasPrefix(md, "# ") {
		_, md, _ = strings.Cut(md, "\n")
		md = strings.TrimSpace(md)
	}
	for _, want := range ruledoc.Required {
		if !slices.ContainsFunc(strings.Split(md, "\n"), func(l string) bool {
			return strings.TrimSpace(strings.TrimLeft(l, "#")) == want && strings.HasPrefix(l, "#")
		}) {
			return finding.Rule{}, fmt.Errorf("documentation lacks the section %q", "## "+want)
		}
	}
	return finding.Rule{
		ID:       id,
		Tool:     Tool,
		Summary:  meta.Summary,
		Help:     md + "\n",
		Text:     meta.Summary + "\n\n" + markdownToText(md),
		HelpURI:  ruledoc.DocsURL + "#" + strings.ToLower(id),
		CWE:      meta.CWE,
		Severity: meta.Severity,
	}, nil
}

// markdownToText renders the little Markdown the rule documents use for a
// terminal: headings lose their marks, fenced code is indented.
func markdownToText(md string) string {
	var b strings.Builder
	inCode := false
	for _, line := range strings.Split(md, "\n") {
		switch {
		case strings.HasPrefix(line, "```"):
			inCode = !inCode
			continue
		case inCode:
			b.WriteString("\t" + line + "\n")
		case strings.HasPrefix(line, "#"):
			b.WriteString(strings.TrimSpace(strings.TrimLeft(line, "#")) + "\n")
		default:
			b.WriteString(line + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}
