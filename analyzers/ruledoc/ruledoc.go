// Package ruledoc turns the doc.go of an analyzer package into the
// documentation of its rule: the summary, the full text for terminals, the
// Markdown for SARIF help and docs/rules.md, and the structured sections
// every rule must have (why it matters, an insecure and a fixed example,
// references).
//
// A doc.go follows the golang.org/x/tools/go/analysis/passes convention:
//
//	// Package name defines an Analyzer that ...
//	//
//	// # Analyzer name
//	//
//	// name: one-line summary
//	//
//	// What the analyzer reports, in paragraphs.
//	//
//	// # Why it matters
//	// ...
//	// # Insecure example
//	// ...
//	// # Fixed example
//	// ...
//	// # References
//	// ...
//	package name
package ruledoc

import (
	"fmt"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"slices"
	"strings"

	"github.com/sdlkit/sdlkit/finding"
)

// DocsURL is where the generated rule documentation is published; each
// rule's help URI is this address with the rule ID as the anchor.
const DocsURL = "https://github.com/sdlkit/sdlkit/blob/main/docs/rules.md"

// Required section headings, in the order they must appear.
var Required = []string{"Why it matters", "Insecure example", "Fixed example", "References"}

// Meta is what an analyzer's Go code states about its rule.
type Meta struct {
	// ID is the stable rule identifier, never reused.
	ID string
	// CWE lists the weaknesses the rule detects.
	CWE []int
	// Severity is the default bug-bar level.
	Severity finding.Severity
	// Tags are extra SARIF tags.
	Tags []string
}

// Rule parses the contents of doc.go for the section "# Analyzer name" and
// returns the rule it documents. It panics when the documentation is
// malformed, since that is a programming error caught by every test.
func Rule(docGo, name string, meta Meta) finding.Rule {
	r, err := Parse(docGo, name, meta)
	if err != nil {
		panic(err)
	}
	return r
}

// Parse is Rule, returning an error instead of panicking.
func Parse(docGo, name string, meta Meta) (finding.Rule, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "doc.go", docGo, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return finding.Rule{}, fmt.Errorf("parsing doc.go of %s: %w", name, err)
	}
	if f.Doc == nil {
		return finding.Rule{}, fmt.Errorf("doc.go of %s has no package comment", name)
	}
	return FromComment(f.Doc.Text(), name, meta)
}

// FromComment builds a rule from doc-comment text (as ast.CommentGroup.Text
// returns it) holding a "# Analyzer name" section.
func FromComment(docText, name string, meta Meta) (finding.Rule, error) {
	var p comment.Parser
	doc := p.Parse(docText)
	start := -1
	for i, b := range doc.Content {
		if h, ok := b.(*comment.Heading); ok && plain(h.Text) == "Analyzer "+name {
			start = i + 1
			break
		}
	}
	if start < 0 {
		return finding.Rule{}, fmt.Errorf("doc.go has no heading %q", "# Analyzer "+name)
	}
	blocks := doc.Content[start:]
	for i, b := range blocks {
		if h, ok := b.(*comment.Heading); ok && strings.HasPrefix(plain(h.Text), "Analyzer ") {
			blocks = blocks[:i] // the next analyzer's section
			break
		}
	}
	if len(blocks) == 0 {
		return finding.Rule{}, fmt.Errorf("analyzer %s: empty documentation", name)
	}
	first, ok := blocks[0].(*comment.Paragraph)
	prefix := name + ": "
	if !ok || !strings.HasPrefix(plain(first.Text), prefix) {
		return finding.Rule{}, fmt.Errorf("analyzer %s: documentation must start with %q", name, prefix+"summary")
	}
	summary := strings.TrimSpace(strings.TrimPrefix(plain(first.Text), prefix))
	body := blocks[1:]

	var headings []string
	for _, b := range body {
		if h, ok := b.(*comment.Heading); ok {
			headings = append(headings, plain(h.Text))
		}
	}
	for _, want := range Required {
		if !slices.Contains(headings, want) {
			return finding.Rule{}, fmt.Errorf("analyzer %s: documentation lacks the section %q", name, "# "+want)
		}
	}
	if len(body) == 0 || isHeading(body[0]) {
		return finding.Rule{}, fmt.Errorf("analyzer %s: documentation must describe what it reports before its first section", name)
	}

	bodyDoc := &comment.Doc{Content: body, Links: doc.Links}
	text := (&comment.Printer{TextWidth: 78}).Text(bodyDoc)
	md := (&comment.Printer{HeadingLevel: 4}).Markdown(bodyDoc)

	return finding.Rule{
		ID:       meta.ID,
		Name:     name,
		Tool:     "sdl",
		Summary:  summary,
		Text:     summary + "\n\n" + strings.TrimRight(string(text), "\n") + "\n",
		Help:     strings.TrimRight(string(md), "\n") + "\n",
		HelpURI:  DocsURL + "#" + strings.ToLower(meta.ID),
		CWE:      slices.Clone(meta.CWE),
		Severity: meta.Severity,
		Tags:     slices.Clone(meta.Tags),
	}, nil
}

// AnalyzerDoc is the Doc of the rule's analysis.Analyzer: the summary line,
// then the full text, as `go vet help NAME` shows it.
func AnalyzerDoc(r finding.Rule) string {
	return fmt.Sprintf("%s (%s)\n\n%s", r.Summary, r.ID, strings.TrimPrefix(r.Text, r.Summary+"\n\n"))
}

func isHeading(b comment.Block) bool {
	_, ok := b.(*comment.Heading)
	return ok
}

func plain(text []comment.Text) string {
	var b strings.Builder
	var walk func([]comment.Text)
	walk = func(ts []comment.Text) {
		for _, t := range ts {
			switch t := t.(type) {
			case comment.Plain:
				b.WriteString(string(t))
			case comment.Italic:
				b.WriteString(string(t))
			case *comment.Link:
				walk(t.Text)
			case *comment.DocLink:
				walk(t.Text)
			}
		}
	}
	walk(text)
	return strings.Join(strings.Fields(b.String()), " ")
}
