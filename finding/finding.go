// Package finding is the one model every phase of sdlkit speaks: a finding is
// shaped like a SARIF 2.1.0 result (rule, level, location, CWE, fingerprint,
// suppressions, fixes), whoever produced it. The bug bar, exceptions and
// baselines apply to this model, so one policy governs every tool.
package finding

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Severity is a bug-bar level: how bad a finding is, in the vocabulary of the
// Microsoft SDL bug bar. The zero value is SeverityNone (not classified).
type Severity int

// Bug-bar levels, from least to most severe.
const (
	SeverityNone Severity = iota
	Low
	Moderate
	Important
	Critical
)

var severityNames = [...]string{"none", "low", "moderate", "important", "critical"}

// String returns the lower-case name of the level ("critical", ...).
func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return "severity(" + strconv.Itoa(int(s)) + ")"
	}
	return severityNames[s]
}

// ParseSeverity parses a bug-bar level name, case-insensitively.
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(s, n) {
			return Severity(i), nil
		}
	}
	return SeverityNone, fmt.Errorf("unknown bug-bar level %q (want critical, important, moderate or low)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// SARIFLevel maps a bug-bar level to the SARIF result level.
func (s Severity) SARIFLevel() string {
	switch s {
	case Critical, Important:
		return "error"
	case Moderate:
		return "warning"
	case Low:
		return "note"
	}
	return "none"
}

// SecuritySeverity is the numeric score GitHub code scanning reads from a
// rule's "security-severity" property (critical >= 9.0, high >= 7.0,
// medium >= 4.0, low > 0).
func (s Severity) SecuritySeverity() string {
	switch s {
	case Critical:
		return "9.5"
	case Important:
		return "8.0"
	case Moderate:
		return "5.5"
	case Low:
		return "3.0"
	}
	return "0.0"
}

// Location is a region of a file. Path is slash-separated and relative to the
// root of the scanned repository (the SARIF uriBaseId "%SRCROOT%").
type Location struct {
	Path        string `json:"path"`
	StartLine   int    `json:"startLine,omitempty"`
	StartColumn int    `json:"startColumn,omitempty"`
	EndLine     int    `json:"endLine,omitempty"`
	EndColumn   int    `json:"endColumn,omitempty"`
}

// String formats the location as path:line:column.
func (l Location) String() string {
	switch {
	case l.StartLine == 0:
		return l.Path
	case l.StartColumn == 0:
		return fmt.Sprintf("%s:%d", l.Path, l.StartLine)
	}
	return fmt.Sprintf("%s:%d:%d", l.Path, l.StartLine, l.StartColumn)
}

// Suppression kinds, as SARIF names them.
const (
	SuppressionInSource = "inSource"
	SuppressionExternal = "external"
)

// Suppression records why a finding does not count: an in-source directive
// (//sdl:ignore or gosec's #nosec) or an external decision (an exception in
// sdl.yaml, a baseline).
type Suppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
	// Location is where the directive that suppressed the finding is written,
	// for in-source suppressions.
	Location *Location `json:"location,omitempty"`
}

// Edit replaces the bytes [Offset, Offset+Length) of a file with Text.
// Lines and columns are 1-based, columns counted in bytes.
type Edit struct {
	Path        string `json:"path"`
	Offset      int    `json:"offset"`
	Length      int    `json:"length"`
	StartLine   int    `json:"startLine"`
	StartColumn int    `json:"startColumn"`
	EndLine     int    `json:"endLine"`
	EndColumn   int    `json:"endColumn"`
	Text        string `json:"text"`
}

// Fix is a suggested change that resolves a finding.
type Fix struct {
	Description string `json:"description"`
	Edits       []Edit `json:"edits"`
}

// Finding is one result of one rule at one place.
type Finding struct {
	// Tool is the producer: "sdl", "gosec", "osv-scanner", or the driver
	// name of any external SARIF producer.
	Tool     string   `json:"tool"`
	RuleID   string   `json:"ruleId"`
	Message  string   `json:"message"`
	Severity Severity `json:"severity"`
	// SecuritySeverity is the tool's 0-10 score (a rule's or result's
	// "security-severity", or a CVSS base score), 0 when there is none.
	SecuritySeverity float64 `json:"securitySeverity,omitempty"`
	// Level is the SARIF level the tool reported ("error", "warning",
	// "note", "none"), for findings read from SARIF.
	Level    string   `json:"level,omitempty"`
	CWE      []int    `json:"cwe,omitempty"`
	Tags     []string `json:"tags,omitempty"`
	Location Location `json:"location"`
	// Context is the normalised source text the fingerprint is computed from.
	Context string `json:"-"`
	// Fingerprint identifies the finding across edits that move lines.
	Fingerprint  string         `json:"fingerprint"`
	Suppressions []Suppression  `json:"suppressions,omitempty"`
	Fixes        []Fix          `json:"fixes,omitempty"`
	Properties   map[string]any `json:"properties,omitempty"`
}

// Suppressed reports whether the finding carries any suppression.
func (f *Finding) Suppressed() bool { return len(f.Suppressions) > 0 }

// Rule is the description of one rule, as SARIF's reportingDescriptor and as
// `sdl explain` need it.
type Rule struct {
	// ID is the stable rule identifier ("SDL101", "G402").
	ID string `json:"id"`
	// Name is the short name (the analyzer name for our rules).
	Name string `json:"name,omitempty"`
	// Tool is the producer of the rule's findings ("sdl", "gosec").
	Tool string `json:"tool"`
	// Summary is the one-line description.
	Summary string `json:"summary"`
	// Help is the full documentation in Markdown.
	Help string `json:"help,omitempty"`
	// Text is the full documentation as plain text for terminals.
	Text string `json:"-"`
	// HelpURI links to the rule's documentation.
	HelpURI string `json:"helpUri,omitempty"`
	// CWE lists the weaknesses the rule detects.
	CWE []int `json:"cwe,omitempty"`
	// Severity is the default bug-bar level of the rule's findings.
	Severity Severity `json:"severity"`
	// Tags are extra SARIF tags (besides "security" and the CWE tags).
	Tags []string `json:"tags,omitempty"`
}

// CWETag formats a CWE id the way GitHub code scanning reads it in tags.
func CWETag(id int) string {
	return "external/cwe/cwe-" + strconv.Itoa(id)
}

// CWEString formats a CWE id as "CWE-79".
func CWEString(id int) string { return "CWE-" + strconv.Itoa(id) }

// CWEURL is the MITRE page of a CWE id.
func CWEURL(id int) string {
	return "https://cwe.mitre.org/data/definitions/" + strconv.Itoa(id) + ".html"
}

// Compare orders findings deterministically: by path, position, rule,
// message and fingerprint.
func Compare(a, b *Finding) int {
	return cmp.Or(
		cmp.Compare(a.Location.Path, b.Location.Path),
		cmp.Compare(a.Location.StartLine, b.Location.StartLine),
		cmp.Compare(a.Location.StartColumn, b.Location.StartColumn),
		cmp.Compare(a.RuleID, b.RuleID),
		cmp.Compare(a.Tool, b.Tool),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.Fingerprint, b.Fingerprint),
	)
}

// Sort orders findings with Compare.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int { return Compare(&a, &b) })
}
