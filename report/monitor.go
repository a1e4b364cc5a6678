package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/response"
)

// monitorRelease describes the release checked in one line.
func monitorRelease(r *response.Report) string {
	rel := r.Release
	s := "release " + rel.Name()
	if rel.Commit != "" {
		s += fmt.Sprintf(" (commit %.12s)", rel.Commit)
	}
	return s + fmt.Sprintf(", released %s (%s)", rel.Date, rel.DateSource)
}

// monitorStatus says where a vulnerability stands against its deadline.
func monitorStatus(v *response.Vulnerability, days func() int) string {
	switch {
	case v.Excepted():
		x := v.Exception
		return fmt.Sprintf("excepted by %s (approved by %s until %s)", x.ID, x.Approver, x.Expires)
	case v.Overdue:
		return fmt.Sprintf("OVERDUE: fix by %s, %d days ago", v.Deadline, -days())
	case v.Deadline.IsZero():
		return "no fix deadline (its level has no SLA)"
	}
	return fmt.Sprintf("fix by %s, in %d days", v.Deadline, days())
}

func monitorDaysLeft(r *response.Report, v *response.Vulnerability) func() int {
	return func() int { return int(v.Deadline.Sub(r.Today.Time).Hours() / 24) }
}

// monitorTitle is "ID (aliases) package version, fixed in X".
func monitorTitle(v *response.Vulnerability) string {
	s := v.Finding.RuleID
	if a := v.Aliases(); len(a) > 0 {
		s += " (" + strings.Join(a, ", ") + ")"
	}
	s += " " + v.Property("package") + " " + v.Property("installed")
	if f := v.Property("fixed"); f != "" {
		s += ", fixed in " + f
	} else {
		s += ", no fixed version yet"
	}
	return s
}

func monitorPublished(v *response.Vulnerability) string {
	if v.PublishedKnown {
		return v.Published.String()
	}
	return v.Published.String() + " (unknown: the release date)"
}

func monitorRule(r *response.Report, id string) (finding.Rule, bool) {
	for _, rule := range r.Rules {
		if rule.ID == id {
			return rule, true
		}
	}
	return finding.Rule{}, false
}

// MonitorText writes a response-phase check for a terminal: the release,
// the database used, the vulnerabilities disclosed since release and
// those known at release with their deadlines, and the result. (The
// report's notes are for stderr.)
func MonitorText(w io.Writer, r *response.Report) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s\n", monitorRelease(r))
	fmt.Fprintf(bw, "inputs: %s\n", strings.Join(r.Release.Inputs, ", "))
	fmt.Fprintf(bw, "database: %s\n", r.Database)
	fmt.Fprintf(bw, "checked as of %s: %s\n", r.Today, monitorCount(len(r.Vulnerabilities)))
	section := func(title string, vs []*response.Vulnerability) {
		if len(vs) == 0 {
			return
		}
		fmt.Fprintf(bw, "\n%s (%d):\n", title, len(vs))
		for _, v := range vs {
			fmt.Fprintf(bw, "  %s [%s]\n", monitorTitle(v), v.Finding.Severity)
			loc := v.Finding.Location.Path
			if v.Finding.Location.StartLine > 0 {
				loc += fmt.Sprintf(":%d", v.Finding.Location.StartLine)
			}
			fmt.Fprintf(bw, "    published %s; %s; %s\n", monitorPublished(v), monitorStatus(v, monitorDaysLeft(r, v)), loc)
			if v.Expired != nil {
				fmt.Fprintf(bw, "    exception %s expired on %s: it counts again\n", v.Expired.ID, v.Expired.Expires)
			}
			if rule, ok := monitorRule(r, v.Finding.RuleID); ok && rule.Summary != v.Finding.RuleID {
				fmt.Fprintf(bw, "    %s\n", oneLine(rule.Summary))
			}
		}
	}
	section("Disclosed since release", r.SinceRelease())
	section("Known at release (the release gate should have caught or excepted these)", r.KnownAtRelease())
	fmt.Fprintf(bw, "\n%s\n", monitorResult(r))
	return bw.Flush()
}

// monitorResult is the result with its reason.
func monitorResult(r *response.Report) string {
	if n := len(r.Overdue()); n > 0 {
		return fmt.Sprintf("%s: %s past the fix deadline", r.Result(), monitorCount(n))
	}
	return r.Result()
}

// MonitorMarkdown writes a response-phase check for a GitHub job summary
// or issue: the result, the release and database, and a table per group
// with each vulnerability linked to its advisory.
func MonitorMarkdown(w io.Writer, r *response.Report) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "## sdl monitor: **%s**\n\n", md(monitorResult(r)))
	fmt.Fprintf(bw, "%s; inputs: %s.\n\n", md(titleCase(monitorRelease(r))), md(strings.Join(r.Release.Inputs, ", ")))
	fmt.Fprintf(bw, "Checked as of %s against the %s: %s.\n\n", r.Today, md(r.Database.String()), monitorCount(len(r.Vulnerabilities)))
	table := func(title string, vs []*response.Vulnerability) {
		fmt.Fprintf(bw, "### %s (%d)\n\n", title, len(vs))
		if len(vs) == 0 {
			fmt.Fprint(bw, "None.\n\n")
			return
		}
		fmt.Fprint(bw, "| Status | Vulnerability | Package | Installed | Fixed | Level | Published | Fix by |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n")
		for _, v := range vs {
			id := md(v.Finding.RuleID)
			if rule, ok := monitorRule(r, v.Finding.RuleID); ok && strings.HasPrefix(rule.HelpURI, "https://") {
				id = fmt.Sprintf("[%s](%s)", id, rule.HelpURI)
			}
			if a := v.Aliases(); len(a) > 0 {
				id += " (" + md(strings.Join(a, ", ")) + ")"
			}
			status := "open"
			switch {
			case v.Excepted():
				status = fmt.Sprintf("excepted (%s until %s)", md(v.Exception.ID), v.Exception.Expires)
			case v.Overdue:
				status = "**overdue**"
			}
			deadline := "none"
			if !v.Deadline.IsZero() {
				deadline = v.Deadline.String()
			}
			fixed := v.Property("fixed")
			if fixed == "" {
				fixed = "none yet"
			}
			fmt.Fprintf(bw, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", status, id, md(v.Property("package")), md(v.Property("installed")),
				md(fixed), v.Finding.Severity, md(monitorPublished(v)), deadline)
		}
		fmt.Fprint(bw, "\n")
	}
	table("Disclosed since release", r.SinceRelease())
	table("Known at release", r.KnownAtRelease())
	if len(r.KnownAtRelease()) > 0 {
		fmt.Fprint(bw, "Vulnerabilities known at release should have been caught by the release gate or excepted.\n\n")
	}
	if len(r.Notes) > 0 {
		fmt.Fprint(bw, "### Notes\n\n")
		for _, n := range r.Notes {
			fmt.Fprintf(bw, "- %s\n", md(n))
		}
		fmt.Fprint(bw, "\n")
	}
	return bw.Flush()
}

// monitorCount is "1 vulnerability", "2 vulnerabilities".
func monitorCount(n int) string {
	if n == 1 {
		return "1 vulnerability"
	}
	return fmt.Sprintf("%d vulnerabilities", n)
}

// monitorJSONVuln is one vulnerability in MonitorJSON's output.
type monitorJSONVuln struct {
	ID           string           `json:"id"`
	Aliases      []string         `json:"aliases,omitempty"`
	Package      string           `json:"package"`
	Installed    string           `json:"installed"`
	Fixed        string           `json:"fixed,omitempty"`
	Level        finding.Severity `json:"level"`
	OwnLevel     finding.Severity `json:"ownLevel"`
	Published    string           `json:"published"`
	PublishedOK  bool             `json:"publishedKnown"`
	SinceRelease bool             `json:"sinceRelease"`
	Deadline     string           `json:"deadline,omitempty"`
	Overdue      bool             `json:"overdue"`
	Exception    string           `json:"exception,omitempty"`
	Expired      string           `json:"expiredException,omitempty"`
	Location     string           `json:"location"`
	Fingerprint  string           `json:"fingerprint"`
	Summary      string           `json:"summary,omitempty"`
}

// MonitorJSON writes the check as one JSON object: the release, the
// database, the result and every vulnerability with its deadline.
func MonitorJSON(w io.Writer, r *response.Report) error {
	vulns := make([]monitorJSONVuln, 0, len(r.Vulnerabilities))
	for i := range r.Vulnerabilities {
		v := &r.Vulnerabilities[i]
		f := &v.Finding
		str := func(k string) string { s, _ := f.Properties[k].(string); return s }
		aliases, _ := f.Properties["aliases"].([]string)
		j := monitorJSONVuln{
			ID: f.RuleID, Aliases: aliases, Package: str("package"), Installed: str("installed"), Fixed: str("fixed"),
			Level: f.Severity, OwnLevel: v.Own, Published: v.Published.String(), PublishedOK: v.PublishedKnown,
			SinceRelease: v.SinceRelease, Overdue: v.Overdue, Location: f.Location.String(), Fingerprint: f.Fingerprint,
		}
		if !v.Deadline.IsZero() {
			j.Deadline = v.Deadline.String()
		}
		if v.Exception != nil {
			j.Exception = v.Exception.ID
		}
		if v.Expired != nil {
			j.Expired = v.Expired.ID
		}
		if rule, ok := monitorRule(r, f.RuleID); ok {
			j.Summary = rule.Summary
		}
		vulns = append(vulns, j)
	}
	out := struct {
		Release         response.Release  `json:"release"`
		Today           string            `json:"today"`
		Database        any               `json:"database"`
		Result          string            `json:"result"`
		Overdue         int               `json:"overdue"`
		Notes           []string          `json:"notes,omitempty"`
		Vulnerabilities []monitorJSONVuln `json:"vulnerabilities"`
	}{r.Release, r.Today.String(), r.Database, r.Result(), len(r.Overdue()), r.Notes, vulns}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
