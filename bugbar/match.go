package bugbar

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/policy"
)

// ruleGlob matches rule IDs: * is any run of characters (slashes too,
// since IDs such as go/sql-injection contain them), ? one character.
type ruleGlob struct {
	pattern string
	re      *regexp.Regexp // nil when the pattern has no wildcard
}

func compileRuleGlob(p string) ruleGlob {
	if !strings.ContainsAny(p, "*?") {
		return ruleGlob{pattern: p}
	}
	var b strings.Builder
	b.WriteString("(?i)^")
	for _, r := range p {
		switch r {
		case '*':
			b.WriteString(".*")
		case '?':
			b.WriteString(".")
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString("$")
	return ruleGlob{pattern: p, re: regexp.MustCompile(b.String())}
}

func (g ruleGlob) match(id string) bool {
	if g.re == nil {
		return strings.EqualFold(g.pattern, id)
	}
	return g.re.MatchString(id)
}

// pathMatch matches a repository-relative path against a glob (** crosses
// directories).
func pathMatch(glob, p string) bool {
	ok, err := doublestar.Match(glob, p)
	return err == nil && ok
}

// classifier is a compiled policy.ClassifyRule.
type classifier struct {
	index int
	rule  *policy.ClassifyRule
	tools []string
	rules []ruleGlob
	paths []pathGlob
	keep  bool
	level finding.Severity
}

func compileClassifiers(rules []policy.ClassifyRule) ([]classifier, error) {
	out := make([]classifier, len(rules))
	for i := range rules {
		r := &rules[i]
		c := classifier{index: i, rule: r}
		for _, t := range r.Match.Tool {
			c.tools = append(c.tools, strings.ToLower(t))
		}
		for _, g := range r.Match.Rule {
			c.rules = append(c.rules, compileRuleGlob(g))
		}
		for _, g := range r.Match.Path {
			if !doublestar.ValidatePattern(g) {
				return nil, fmt.Errorf("bugbar.classify[%d]: bad path glob %q", i, g)
			}
			c.paths = append(c.paths, compilePathGlob(g))
		}
		if r.Level == policy.Keep {
			c.keep = true
		} else {
			lvl, err := finding.ParseSeverity(r.Level)
			if err != nil {
				return nil, fmt.Errorf("bugbar.classify[%d]: %w", i, err)
			}
			c.level = lvl
		}
		out[i] = c
	}
	return out, nil
}

// matchesRule reports whether the tool and rule criteria hold; the rest
// is checked per finding by matchesFinding.
func (c *classifier) matchesRule(tool, rule string) bool {
	if len(c.tools) > 0 && !slices.Contains(c.tools, strings.ToLower(tool)) {
		return false
	}
	if len(c.rules) > 0 && !slices.ContainsFunc(c.rules, func(g ruleGlob) bool { return g.match(rule) }) {
		return false
	}
	return true
}

func (c *classifier) matchesFinding(f *finding.Finding, own finding.Severity) bool {
	m := &c.rule.Match
	if len(m.CWE) > 0 && !slices.ContainsFunc(m.CWE, func(n int) bool { return slices.Contains(f.CWE, n) }) {
		return false
	}
	if len(m.Level) > 0 && !slices.Contains(m.Level, f.Level) {
		return false
	}
	if len(m.Severity) > 0 && !slices.Contains(m.Severity, own) {
		return false
	}
	if m.SecuritySeverity != nil && (f.SecuritySeverity == 0 || !m.SecuritySeverity.Contains(f.SecuritySeverity)) {
		return false
	}
	if m.CVSS != nil {
		s, ok := cvss(f)
		if !ok || !m.CVSS.Contains(s) {
			return false
		}
	}
	if len(m.Tags) > 0 && !slices.ContainsFunc(m.Tags, func(t string) bool { return slices.Contains(f.Tags, t) }) {
		return false
	}
	if len(c.paths) > 0 && !slices.ContainsFunc(c.paths, func(g pathGlob) bool { return g.match(f.Location.Path) }) {
		return false
	}
	for k, want := range m.Properties {
		if !propertyEquals(f.Properties[k], want) {
			return false
		}
	}
	return true
}

// cvss returns a finding's CVSS base score: a cvss property, or the
// security-severity of a vulnerability finding.
func cvss(f *finding.Finding) (float64, bool) {
	for _, k := range []string{"cvss", "cvssScore", "cvss_score", "cvssV3_score", "cvssV3BaseScore"} {
		if v, ok := number(f.Properties[k]); ok {
			return v, true
		}
	}
	if f.SecuritySeverity > 0 {
		return f.SecuritySeverity, true
	}
	return 0, false
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int:
		return float64(x), true
	case string:
		f, err := strconv.ParseFloat(x, 64)
		return f, err == nil
	case interface{ String() string }: // json.Number
		f, err := strconv.ParseFloat(x.String(), 64)
		return f, err == nil
	}
	return 0, false
}

// propertyEquals compares a finding property with a policy value: booleans
// and numbers by value (also when the property is a string), strings
// exactly.
func propertyEquals(got, want any) bool {
	if got == nil {
		return false
	}
	switch w := want.(type) {
	case bool:
		switch g := got.(type) {
		case bool:
			return g == w
		case string:
			return strings.EqualFold(g, strconv.FormatBool(w))
		}
		return false
	case string:
		return fmt.Sprint(got) == w
	}
	wn, ok1 := number(want)
	gn, ok2 := number(got)
	return ok1 && ok2 && wn == gn
}
