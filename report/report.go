// Package report renders what the phases decide and find for people and
// machines: text for terminals, JSON, and Markdown for GitHub.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/sdlkit/sdlkit/finding"
)

// Formats every command accepts for --format, though not every command
// supports all.
const (
	FormatText     = "text"
	FormatJSON     = "json"
	FormatSARIF    = "sarif"
	FormatMarkdown = "markdown"
)

// Scan is what the text and JSON renderings of a scan need.
type Scan struct {
	Root     string
	Packages int
	Rules    []finding.Rule
	Findings []finding.Finding
	Skipped  []string
	// Deps describes the dependency scan; nil when it did not run.
	Deps *Deps
}

// Deps is what the renderings say about a dependency scan.
type Deps struct {
	// Database names the database used, of what date (one line).
	Database string `json:"database,omitempty"`
	// Details is the database as the scan recorded it, for JSON.
	Details any `json:"details,omitempty"`
	// Packages is the number of packages checked.
	Packages int `json:"packages"`
	// Notes say how the database was chosen or what did not run.
	Notes []string `json:"notes,omitempty"`
	// Error is why the scan could not run ("" when it ran).
	Error string `json:"error,omitempty"`
}

// ScanText writes findings as "path:line:col: RULE [level] message", one
// per line, then a summary. Suppressed findings are counted, not listed.
func ScanText(w io.Writer, s Scan) error {
	counts := map[finding.Severity]int{}
	suppressed := 0
	for _, f := range s.Findings {
		if f.Suppressed() {
			suppressed++
			continue
		}
		counts[f.Severity]++
		cwe := ""
		if len(f.CWE) > 0 {
			cwe = " (" + finding.CWEString(f.CWE[0]) + ")"
		}
		if _, err := fmt.Fprintf(w, "%s: %s [%s] %s%s\n", f.Location, f.RuleID, f.Severity, f.Message, cwe); err != nil {
			return err
		}
	}
	for _, sk := range s.Skipped {
		fmt.Fprintf(w, "not scanned (does not compile): %s\n", sk)
	}
	total := 0
	var parts []string
	for _, sev := range []finding.Severity{finding.Critical, finding.Important, finding.Moderate, finding.Low} {
		if counts[sev] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[sev], sev))
			total += counts[sev]
		}
	}
	ours, theirs := 0, 0
	for _, r := range s.Rules {
		switch r.Tool {
		case "gosec":
			theirs++
		case "sdl":
			ours++
		}
	}
	if d := s.Deps; d != nil {
		for _, n := range d.Notes {
			if _, err := fmt.Fprintf(w, "note: %s\n", n); err != nil {
				return err
			}
		}
		line := fmt.Sprintf("dependencies: %d packages checked against the %s", d.Packages, d.Database)
		if d.Error != "" {
			line = "dependencies NOT scanned: " + d.Error
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	summary := fmt.Sprintf("%d findings", total)
	if len(parts) > 0 {
		summary += " (" + strings.Join(parts, ", ") + ")"
	}
	if suppressed > 0 {
		summary += fmt.Sprintf(", %d suppressed", suppressed)
	}
	if ours+theirs == 0 && s.Packages == 0 {
		_, err := fmt.Fprintf(w, "%s; code not scanned\n", summary)
		return err
	}
	_, err := fmt.Fprintf(w, "%s; %d packages scanned with %d sdl and %d gosec rules\n", summary, s.Packages, ours, theirs)
	return err
}

// ScanJSON writes the scan as one JSON object.
func ScanJSON(w io.Writer, s Scan, version string) error {
	ids := make([]string, len(s.Rules))
	for i, r := range s.Rules {
		ids[i] = r.ID
	}
	findings := s.Findings
	if findings == nil {
		findings = []finding.Finding{}
	}
	out := struct {
		Tool     string            `json:"tool"`
		Version  string            `json:"version"`
		Packages int               `json:"packages"`
		Rules    []string          `json:"rules"`
		Skipped  []string          `json:"skipped,omitempty"`
		Deps     *Deps             `json:"dependencies,omitempty"`
		Findings []finding.Finding `json:"findings"`
	}{"sdl", version, s.Packages, ids, s.Skipped, s.Deps, findings}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// RulesText lists rules, one per line: ID, CWE, default level, summary.
func RulesText(w io.Writer, rules []finding.Rule) error {
	for _, r := range rules {
		cwes := make([]string, len(r.CWE))
		for i, c := range r.CWE {
			cwes[i] = finding.CWEString(c)
		}
		name := r.Name
		if name == "" {
			name = "-"
		}
		if _, err := fmt.Fprintf(w, "%-7s %-16s %-9s %-17s %s\n", r.ID, name, r.Severity, strings.Join(cwes, ","), r.Summary); err != nil {
			return err
		}
	}
	return nil
}

// RulesJSON writes the rules as a JSON array.
func RulesJSON(w io.Writer, rules []finding.Rule) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rules)
}

// Explain writes one rule's documentation for a terminal.
func Explain(w io.Writer, r finding.Rule) error {
	var cwes []string
	for _, c := range r.CWE {
		cwes = append(cwes, fmt.Sprintf("%s (%s)", finding.CWEString(c), finding.CWEURL(c)))
	}
	title := r.ID
	if r.Name != "" {
		title += " " + r.Name
	}
	_, err := fmt.Fprintf(w, "%s: %s\n\nTool:          %s\nDefault level: %s\nCWE:           %s\nHelp:          %s\n\n%s",
		title, r.Summary, r.Tool, r.Severity, strings.Join(cwes, ", "), r.HelpURI,
		strings.TrimPrefix(r.Text, r.Summary+"\n\n"))
	return err
}

// RulesMarkdown writes the rule reference (docs/rules.md): an index table,
// then every rule's documentation under an anchor named for its ID.
func RulesMarkdown(w io.Writer, rules []finding.Rule) error {
	var b strings.Builder
	b.WriteString("# Rules\n\n")
	b.WriteString("<!-- Generated by `go run ./cmd/sdl rules --format markdown`; do not edit. -->\n\n")
	b.WriteString("Every rule `sdl scan` and `sdlvet` run: sdlkit's own analyzers (`SDL` IDs) and gosec's rules\n")
	b.WriteString("(`G` IDs). The level is the rule's default bug-bar level; `sdl.yaml` can reclassify.\n")
	b.WriteString("Suppress a finding in code with `//sdl:ignore RULE -- reason`.\n\n")
	b.WriteString("| Rule | Name | Tool | Level | CWE | Summary |\n| --- | --- | --- | --- | --- | --- |\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s | %s | %s |\n", r.ID, strings.ToLower(r.ID), r.Name, r.Tool, r.Severity, cweLinks(r.CWE), escapeCell(r.Summary))
	}
	for _, r := range rules {
		title := r.ID
		if r.Name != "" {
			title += " " + r.Name
		}
		fmt.Fprintf(&b, "\n<a id=\"%s\"></a>\n\n## %s: %s\n\n", strings.ToLower(r.ID), title, r.Summary)
		fmt.Fprintf(&b, "Tool: %s. Default level: **%s**. CWE: %s.\n\n", r.Tool, r.Severity, cweLinks(r.CWE))
		b.WriteString(demoteHeadings(strings.TrimSpace(r.Help)))
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func cweLinks(ids []int) string {
	var out []string
	for _, c := range ids {
		out = append(out, fmt.Sprintf("[%s](%s)", finding.CWEString(c), finding.CWEURL(c)))
	}
	if len(out) == 0 {
		return "-"
	}
	return strings.Join(out, ", ")
}

func escapeCell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

// demoteHeadings makes every heading of a rule's help at least level 3, so
// it nests under the rule's level-2 heading.
func demoteHeadings(md string) string {
	lines := strings.Split(md, "\n")
	inCode := false
	for i, l := range lines {
		if strings.HasPrefix(l, "```") {
			inCode = !inCode
		}
		if inCode || !strings.HasPrefix(l, "#") {
			continue
		}
		level := len(l) - len(strings.TrimLeft(l, "#"))
		if level < 3 {
			lines[i] = strings.Repeat("#", 3-level) + l
		}
	}
	return strings.Join(lines, "\n")
}

// SortRules orders rules by tool (sdl first) then ID.
func SortRules(rs []finding.Rule) {
	slices.SortStableFunc(rs, func(a, b finding.Rule) int {
		if (a.Tool == "gosec") != (b.Tool == "gosec") {
			if a.Tool == "gosec" {
				return 1
			}
			return -1
		}
		return strings.Compare(a.ID, b.ID)
	})
}
