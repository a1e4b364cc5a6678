package policy

import (
	"fmt"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/sdlkit/sdlkit/finding"
)

// Requirement is one security requirement of the project.
type Requirement struct {
	ID         string       `yaml:"id"`
	Text       string       `yaml:"text"`
	VerifiedBy Verification `yaml:"verifiedBy"`
}

// Verification names what verifies a requirement.
type Verification struct {
	// Rules are rule IDs or globs; the requirement is verified when one of
	// them ran.
	Rules []string `yaml:"rules"`
	// Tests are "package:TestName"; verified when a go test -json report
	// shows one passing.
	Tests []string `yaml:"tests"`
	// Threats are threat IDs of the threat model whose mitigations
	// implement the requirement.
	Threats []string `yaml:"threats"`
}

// Bugbar classifies findings into bug-bar levels.
type Bugbar struct {
	// Default is Keep (the finding's own level) or a level name.
	Default string `yaml:"default"`
	// ExpiryWarningDays warns about exceptions expiring this soon.
	ExpiryWarningDays *int `yaml:"expiryWarningDays"`
	// Classify is evaluated in order; the first matching rule decides.
	Classify []ClassifyRule `yaml:"classify"`
}

// Keep is the classification level that leaves a finding's own level.
const Keep = "keep"

// ClassifyRule maps the findings it matches to a level, or keeps theirs.
type ClassifyRule struct {
	Match Match `yaml:"match"`
	// Level is a level name or Keep.
	Level  string `yaml:"level"`
	Reason string `yaml:"reason"`
}

// Match selects findings. Every criterion given must hold; a list holds
// when any element does.
type Match struct {
	Tool             StringList         `yaml:"tool"`
	Rule             StringList         `yaml:"rule"`
	CWE              []int              `yaml:"cwe"`
	Level            []string           `yaml:"level"`
	Severity         []finding.Severity `yaml:"severity"`
	SecuritySeverity *Range             `yaml:"securitySeverity"`
	CVSS             *Range             `yaml:"cvss"`
	Tags             []string           `yaml:"tags"`
	Path             StringList         `yaml:"path"`
	Properties       map[string]any     `yaml:"properties"`
}

// Range is an inclusive score range; a nil bound is open.
type Range struct {
	Min *float64 `yaml:"min"`
	Max *float64 `yaml:"max"`
}

// Contains reports whether v is in the range.
func (r *Range) Contains(v float64) bool {
	return (r.Min == nil || v >= *r.Min) && (r.Max == nil || v <= *r.Max)
}

// StringList is a YAML string or list of strings.
type StringList []string

// UnmarshalYAML accepts a scalar or a sequence.
func (s *StringList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*s = StringList{n.Value}
		return nil
	}
	var l []string
	if err := n.Decode(&l); err != nil {
		return err
	}
	*s = l
	return nil
}

// Limits are the most findings of each level a gate lets pass; nil is
// unlimited.
type Limits struct {
	Critical  *int `yaml:"critical"`
	Important *int `yaml:"important"`
	Moderate  *int `yaml:"moderate"`
	Low       *int `yaml:"low"`
}

// For returns the limit of a level, or -1 when unlimited.
func (l Limits) For(s finding.Severity) int {
	var p *int
	switch s {
	case finding.Critical:
		p = l.Critical
	case finding.Important:
		p = l.Important
	case finding.Moderate:
		p = l.Moderate
	case finding.Low:
		p = l.Low
	}
	if p == nil {
		return -1
	}
	return *p
}

// Gate is one phase's gate.
type Gate struct {
	Max                 Limits   `yaml:"max"`
	NewOnly             bool     `yaml:"newOnly"`
	Baseline            string   `yaml:"baseline"`
	RequireTools        []string `yaml:"requireTools"`
	RequireRequirements bool     `yaml:"requireRequirements"`
}

// Phases are the phases that have gates, in lifecycle order.
var Phases = []string{"design", "implementation", "verification", "release"}

// Gates holds each phase's gate; nil ones take the defaults.
type Gates struct {
	Design         *Gate `yaml:"design"`
	Implementation *Gate `yaml:"implementation"`
	Verification   *Gate `yaml:"verification"`
	Release        *Gate `yaml:"release"`
}

// Exception accepts the findings in its scope until it expires.
type Exception struct {
	ID            string         `yaml:"id"`
	Scope         ExceptionScope `yaml:"scope"`
	Justification string         `yaml:"justification"`
	Approver      string         `yaml:"approver"`
	Expires       Date           `yaml:"expires"`

	// Index is the exception's position in the list, for messages.
	Index int `yaml:"-"`
	// Source is where an exception from outside sdl.yaml was written, as
	// "file:line:col" (an ignore of osv-scanner.toml); empty for the
	// exceptions of sdl.yaml, whose position the policy knows.
	Source string `yaml:"-"`
}

// ExceptionScope says which findings an exception covers; every field
// given must match.
type ExceptionScope struct {
	Tool        string `yaml:"tool"`
	Rule        string `yaml:"rule"`
	Fingerprint string `yaml:"fingerprint"`
	Path        string `yaml:"path"`
	OSV         string `yaml:"osv"`
	// Package limits the exception to the vulnerabilities of a package,
	// as a PackageOverrides entry of osv-scanner.toml does; sdl.yaml has
	// no such key.
	Package *PackageScope `yaml:"-"`
}

// PackageScope selects vulnerability findings by the package they are in,
// using the properties osv-scanner findings carry: "package", "installed"
// and "ecosystem". Every field given must match; a finding without the
// property does not.
type PackageScope struct {
	// Name is the package name (for Go, the module path); empty matches
	// every package.
	Name string
	// NameIsRegex makes Name a regular expression that must match the
	// whole name.
	NameIsRegex bool
	// Version, when set, must equal the installed version.
	Version string
	// Ecosystem, when set, must equal the finding's ecosystem or its base
	// (the part before ":", as in "Debian" for "Debian:12").
	Ecosystem string
}

// SLA is the number of days to fix a finding of each level.
type SLA struct {
	Critical  int `yaml:"critical"`
	Important int `yaml:"important"`
	Moderate  int `yaml:"moderate"`
	Low       int `yaml:"low"`
}

// Days returns the days allowed for a level (0: no deadline).
func (s SLA) Days(l finding.Severity) int {
	switch l {
	case finding.Critical:
		return s.Critical
	case finding.Important:
		return s.Important
	case finding.Moderate:
		return s.Moderate
	case finding.Low:
		return s.Low
	}
	return 0
}

// Date is a calendar date (YYYY-MM-DD), in UTC.
type Date struct{ time.Time }

// DateLayout is how dates are written.
const DateLayout = "2006-01-02"

// ParseDate parses YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("bad date %q: want YYYY-MM-DD", s)
	}
	return Date{t}, nil
}

// UnmarshalYAML parses a YYYY-MM-DD scalar.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	v, err := ParseDate(n.Value)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalText writes YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.Format(DateLayout)), nil }

// UnmarshalText parses YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalJSON writes "YYYY-MM-DD" (time.Time's own method would write a
// timestamp).
func (d Date) MarshalJSON() ([]byte, error) { return []byte(`"` + d.String() + `"`), nil }

// UnmarshalJSON parses "YYYY-MM-DD".
func (d *Date) UnmarshalJSON(b []byte) error {
	s, err := strconv.Unquote(string(b))
	if err != nil {
		return fmt.Errorf("bad date %s: want \"YYYY-MM-DD\"", b)
	}
	return d.UnmarshalText([]byte(s))
}

// String writes YYYY-MM-DD.
func (d Date) String() string { return d.Format(DateLayout) }

// Today is the current date in UTC.
func Today(now time.Time) Date {
	y, m, dd := now.UTC().Date()
	return Date{time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)}
}

// AddDays returns the date n days later.
func (d Date) AddDays(n int) Date { return Date{d.Time.AddDate(0, 0, n)} }

// Design holds the design phase's settings.
type Design struct {
	// ThreatModel is the threat model file, relative to the repository
	// root.
	ThreatModel string `yaml:"threatModel"`
	// FreshnessDays is how long code may have changed since the model's
	// review before the freshness finding is important.
	FreshnessDays *int `yaml:"freshnessDays"`
}
