package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/sdlkit/sdlkit/bugbar"
	"github.com/sdlkit/sdlkit/finding"
)

// maxListed bounds how many findings the text and Markdown renderings list
// per section; JSON and SARIF list them all.
const maxListed = 200

// Gate is what the renderings of a gate decision need.
type Gate struct {
	Decision *bugbar.Decision
	Rules    *bugbar.RuleIndex
	Commit   string
	Policy   string // path and digest
	Inputs   []string
	Evidence string // path of the evidence record, if written
}

func location(f *finding.Finding) string {
	if f.Location.Path == "" {
		return "(no location)"
	}
	return f.Location.String()
}

// GateText writes the decision for a terminal.
func GateText(w io.Writer, g Gate) error {
	d := g.Decision
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s gate: %s\n", d.Phase, d.Result)
	for _, r := range d.Reasons {
		fmt.Fprintf(bw, "  - %s\n", r)
	}
	for _, l := range bugbar.Levels {
		c := d.Counts[l]
		limit := "no limit"
		if c.Limit >= 0 {
			limit = fmt.Sprintf("limit %d", c.Limit)
		}
		fmt.Fprintf(bw, "  %-9s counted %d (%s): new %d, baselined %d, excepted %d, suppressed %d\n",
			l, c.Counted, limit, c.New, c.Baselined, c.Excepted, c.Suppressed)
	}
	listed := 0
	for i := range d.Items {
		it := &d.Items[i]
		if it.Status != bugbar.StatusNew && !it.Overdue {
			continue
		}
		if listed == maxListed {
			fmt.Fprintf(bw, "  ... and more: use --format json or sarif for every finding\n")
			break
		}
		if listed == 0 {
			fmt.Fprintln(bw, "findings that count:")
		}
		listed++
		f := it.Finding
		extra := ""
		if it.Overdue {
			extra = ", overdue since " + it.Due.String()
		}
		fmt.Fprintf(bw, "  %s: %s %s [%s, %s%s] %s\n", location(f), f.Tool, f.RuleID, f.Severity, it.Status, extra, oneLine(f.Message))
	}
	for _, x := range d.Exceptions {
		if x.State != bugbar.ExceptionInForce {
			continue
		}
		fmt.Fprintf(bw, "exception %s in force until %s (%d findings, approved by %s)\n", x.Exception.ID, x.Exception.Expires, x.Matches, x.Exception.Approver)
	}
	for _, r := range d.Requirements {
		state := "verified by " + strings.Join(r.By, ", ")
		if !r.Verified {
			state = "NOT verified: no evidence from " + strings.Join(r.Missing, ", ")
		}
		fmt.Fprintf(bw, "requirement %s: %s\n", r.Requirement.ID, state)
	}
	for _, warn := range d.Warnings {
		fmt.Fprintf(bw, "warning: %s\n", warn)
	}
	if g.Evidence != "" {
		fmt.Fprintf(bw, "evidence: %s\n", g.Evidence)
	}
	return bw.Flush()
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:297] + "..."
	}
	return s
}

// GateMarkdown writes the decision for a GitHub job summary: the result,
// why, a table of counts, a table per level with new and baselined
// findings linked to their rule's documentation, overdue findings,
// exceptions in force and expiring, requirements and warnings.
func GateMarkdown(w io.Writer, g Gate) error {
	d := g.Decision
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "## sdl %s gate: **%s**\n\n", d.Phase, d.Result)
	if g.Commit != "" {
		fmt.Fprintf(bw, "Commit `%s`; policy %s; inputs: %s.\n\n", g.Commit, md(g.Policy), md(strings.Join(g.Inputs, ", ")))
	}
	if len(d.Reasons) > 0 {
		fmt.Fprint(bw, "### Why it failed\n\n")
		for _, r := range d.Reasons {
			fmt.Fprintf(bw, "- %s\n", md(r))
		}
		fmt.Fprint(bw, "\n")
	}
	fmt.Fprint(bw, "| Level | Counted | Limit | New | Baselined | Excepted | Suppressed |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, l := range bugbar.Levels {
		c := d.Counts[l]
		limit := "none"
		if c.Limit >= 0 {
			limit = fmt.Sprint(c.Limit)
		}
		fmt.Fprintf(bw, "| %s | %d | %s | %d | %d | %d | %d |\n", l, c.Counted, limit, c.New, c.Baselined, c.Excepted, c.Suppressed)
	}
	fmt.Fprint(bw, "\n")
	for _, l := range bugbar.Levels {
		c := d.Counts[l]
		if c.New+c.Baselined == 0 {
			continue
		}
		fmt.Fprintf(bw, "### %s: %d new, %d baselined\n\n| Status | Rule | Tool | Location | Message |\n| --- | --- | --- | --- | --- |\n", titleCase(l.String()), c.New, c.Baselined)
		listed := 0
		for i := range d.Items {
			it := &d.Items[i]
			if it.Finding.Severity != l || (it.Status != bugbar.StatusNew && it.Status != bugbar.StatusBaselined) {
				continue
			}
			if listed == maxListed {
				fmt.Fprintf(bw, "| | | | | and %d more |\n", c.New+c.Baselined-listed)
				break
			}
			listed++
			f := it.Finding
			status := string(it.Status)
			if it.Overdue {
				status += ", **overdue**"
			}
			fmt.Fprintf(bw, "| %s | %s | %s | `%s` | %s |\n", status, ruleLink(g.Rules, f), md(f.Tool), md(location(f)), md(oneLine(f.Message)))
		}
		fmt.Fprint(bw, "\n")
	}
	if len(d.Overdue) > 0 {
		fmt.Fprint(bw, "### Overdue\n\n| Rule | Location | Level | First seen | Due |\n| --- | --- | --- | --- | --- |\n")
		for n, i := range d.Overdue {
			if n == maxListed {
				fmt.Fprintf(bw, "| and %d more | | | | |\n", len(d.Overdue)-n)
				break
			}
			it := &d.Items[i]
			fmt.Fprintf(bw, "| %s | `%s` | %s | %s | %s |\n", ruleLink(g.Rules, it.Finding), md(location(it.Finding)), it.Finding.Severity, it.FirstSeen, it.Due)
		}
		fmt.Fprint(bw, "\n")
	}
	if len(d.Exceptions) > 0 {
		fmt.Fprint(bw, "### Exceptions\n\n| Exception | State | Findings | Approver | Expires | Justification |\n| --- | --- | ---: | --- | --- | --- |\n")
		for _, x := range d.Exceptions {
			fmt.Fprintf(bw, "| %s | %s | %d | %s | %s | %s |\n", md(x.Exception.ID), x.State, x.Matches, md(x.Exception.Approver), x.Exception.Expires, md(oneLine(x.Exception.Justification)))
		}
		fmt.Fprint(bw, "\n")
	}
	if len(d.Requirements) > 0 {
		fmt.Fprint(bw, "### Requirements\n\n| Requirement | Verified | Evidence |\n| --- | --- | --- |\n")
		for _, r := range d.Requirements {
			v, ev := "yes", strings.Join(r.By, ", ")
			if !r.Verified {
				v, ev = "**no**", "none of: "+strings.Join(r.Missing, ", ")
			}
			fmt.Fprintf(bw, "| %s: %s | %s | %s |\n", md(r.Requirement.ID), md(oneLine(r.Requirement.Text)), v, md(ev))
		}
		fmt.Fprint(bw, "\n")
	}
	if len(d.Warnings) > 0 {
		fmt.Fprint(bw, "### Warnings\n\n")
		for _, warn := range d.Warnings {
			fmt.Fprintf(bw, "- %s\n", md(warn))
		}
		fmt.Fprint(bw, "\n")
	}
	return bw.Flush()
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// md escapes text for a Markdown table cell.
func md(s string) string {
	r := strings.NewReplacer("|", "\\|", "\n", " ", "<", "&lt;", ">", "&gt;")
	return r.Replace(s)
}

func ruleLink(ix *bugbar.RuleIndex, f *finding.Finding) string {
	if ix != nil {
		if r, ok := ix.Lookup(f.Tool, f.RuleID); ok && r.HelpURI != "" && strings.HasPrefix(r.HelpURI, "https://") {
			return fmt.Sprintf("[%s](%s)", md(f.RuleID), r.HelpURI)
		}
	}
	return md(f.RuleID)
}

// maxAnnotations bounds the workflow commands written, so a large result
// does not flood the log (GitHub shows only the first few per step).
const maxAnnotations = 50

// GateAnnotations writes GitHub Actions workflow commands
// (::error file=...,line=...::message) for the findings that count and
// those overdue, and a notice with the result.
func GateAnnotations(w io.Writer, g Gate) error {
	d := g.Decision
	bw := bufio.NewWriter(w)
	n := 0
	for i := range d.Items {
		it := &d.Items[i]
		if it.Status != bugbar.StatusNew && !it.Overdue {
			continue
		}
		if n == maxAnnotations {
			break
		}
		n++
		f := it.Finding
		cmd := "warning"
		switch f.Severity {
		case finding.Critical, finding.Important:
			cmd = "error"
		case finding.Low:
			cmd = "notice"
		}
		if it.Overdue {
			cmd = "error"
		}
		var props []string
		if f.Location.Path != "" && f.Properties["sdl.outsideRepository"] == nil {
			props = append(props, "file="+escapeProperty(f.Location.Path))
			if f.Location.StartLine > 0 {
				props = append(props, fmt.Sprintf("line=%d", f.Location.StartLine))
				if f.Location.EndLine >= f.Location.StartLine {
					props = append(props, fmt.Sprintf("endLine=%d", f.Location.EndLine))
				}
				if f.Location.StartColumn > 0 {
					props = append(props, fmt.Sprintf("col=%d", f.Location.StartColumn))
				}
			}
		}
		props = append(props, "title="+escapeProperty(fmt.Sprintf("%s %s (%s)", f.Tool, f.RuleID, f.Severity)))
		msg := f.Message
		if it.Overdue {
			msg = fmt.Sprintf("overdue since %s: %s", it.Due, msg)
		}
		fmt.Fprintf(bw, "::%s %s::%s\n", cmd, strings.Join(props, ","), escapeData(msg))
	}
	level := "notice"
	if d.Result == bugbar.Failed {
		level = "error"
	}
	fmt.Fprintf(bw, "::%s title=%s::%s\n", level, escapeProperty("sdl "+d.Phase+" gate"), escapeData(d.Result+summaryOf(d)))
	return bw.Flush()
}

func summaryOf(d *bugbar.Decision) string {
	if len(d.Reasons) == 0 {
		return ""
	}
	return ": " + strings.Join(d.Reasons, "; ")
}

// escapeData and escapeProperty follow GitHub's workflow command escaping.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// GateJSON writes the decision as JSON: result, reasons, counts,
// exceptions, requirements and every finding with its status.
func GateJSON(w io.Writer, g Gate) error {
	d := g.Decision
	type item struct {
		finding.Finding
		Own       string `json:"ownSeverity"`
		Status    string `json:"status"`
		Exception string `json:"exception,omitempty"`
		FirstSeen string `json:"firstSeen,omitempty"`
		Due       string `json:"due,omitempty"`
		Overdue   bool   `json:"overdue,omitempty"`
	}
	type exception struct {
		ID       string `json:"id"`
		State    string `json:"state"`
		Matches  int    `json:"matches"`
		Expires  string `json:"expires"`
		DaysLeft int    `json:"daysLeft"`
		Where    string `json:"where"`
	}
	type requirement struct {
		ID       string   `json:"id"`
		Verified bool     `json:"verified"`
		By       []string `json:"by,omitempty"`
		Missing  []string `json:"missing,omitempty"`
	}
	out := struct {
		Phase        string                    `json:"phase"`
		Result       string                    `json:"result"`
		Reasons      []string                  `json:"reasons"`
		Warnings     []string                  `json:"warnings"`
		Commit       string                    `json:"commit,omitempty"`
		Counts       map[string]*bugbar.Counts `json:"counts"`
		Exceptions   []exception               `json:"exceptions"`
		Requirements []requirement             `json:"requirements"`
		Findings     []item                    `json:"findings"`
	}{Phase: d.Phase, Result: d.Result, Reasons: nonNil(d.Reasons), Warnings: nonNil(d.Warnings), Commit: g.Commit,
		Counts: map[string]*bugbar.Counts{}, Exceptions: []exception{}, Requirements: []requirement{}, Findings: make([]item, 0, len(d.Items))}
	for l, c := range d.Counts {
		out.Counts[l.String()] = c
	}
	for _, x := range d.Exceptions {
		out.Exceptions = append(out.Exceptions, exception{x.Exception.ID, string(x.State), x.Matches, x.Exception.Expires.String(), x.DaysLeft, x.Where})
	}
	for _, r := range d.Requirements {
		out.Requirements = append(out.Requirements, requirement{r.Requirement.ID, r.Verified, r.By, r.Missing})
	}
	for i := range d.Items {
		it := &d.Items[i]
		x := item{Finding: *it.Finding, Own: it.Own.String(), Status: string(it.Status), Overdue: it.Overdue}
		if it.Exception != nil && it.Status == bugbar.StatusExcepted {
			x.Exception = it.Exception.ID
		}
		if !it.FirstSeen.IsZero() {
			x.FirstSeen = it.FirstSeen.String()
		}
		if !it.Due.IsZero() {
			x.Due = it.Due.String()
		}
		out.Findings = append(out.Findings, x)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
