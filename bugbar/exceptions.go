package bugbar

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/policy"
)

// exceptionIndex finds the exceptions whose scope covers a finding without
// testing every exception against every finding: exceptions by
// fingerprint and by OSV id are looked up, the others are narrowed once
// per (tool, rule) pair.
type exceptionIndex struct {
	list          []*policy.Exception
	rules         []ruleGlob
	paths         []pathGlob
	packages      []*packageMatcher
	byFingerprint map[string][]int
	byOSV         map[string][]int
	general       []int
	candidates    map[[2]string]*candidates
	// matches counts, per exception, the findings in its scope.
	matches []int
}

func newExceptionIndex(xs []policy.Exception) (*exceptionIndex, error) {
	ix := &exceptionIndex{
		byFingerprint: map[string][]int{},
		byOSV:         map[string][]int{},
		candidates:    map[[2]string]*candidates{},
		matches:       make([]int, len(xs)),
	}
	for i := range xs {
		x := &xs[i]
		ix.list = append(ix.list, x)
		ix.rules = append(ix.rules, compileRuleGlob(x.Scope.Rule))
		if x.Scope.Path != "" && !doublestar.ValidatePattern(x.Scope.Path) {
			return nil, fmt.Errorf("exception %s: bad path glob %q", x.ID, x.Scope.Path)
		}
		ix.paths = append(ix.paths, compilePathGlob(x.Scope.Path))
		pm, err := compilePackageScope(x.Scope.Package)
		if err != nil {
			return nil, fmt.Errorf("exception %s: %w", x.ID, err)
		}
		ix.packages = append(ix.packages, pm)
		switch {
		case x.Scope.Fingerprint != "":
			ix.byFingerprint[x.Scope.Fingerprint] = append(ix.byFingerprint[x.Scope.Fingerprint], i)
		case x.Scope.OSV != "":
			k := strings.ToUpper(x.Scope.OSV)
			ix.byOSV[k] = append(ix.byOSV[k], i)
		default:
			ix.general = append(ix.general, i)
		}
	}
	return ix, nil
}

// covers reports whether exception i's scope holds for f; toolRuleKnown
// says the tool and rule were already checked (the candidates of a
// (tool, rule) pair).
func (ix *exceptionIndex) covers(i int, f *finding.Finding, toolRuleKnown bool) bool {
	s := &ix.list[i].Scope
	if !toolRuleKnown {
		if s.Tool != "" && !strings.EqualFold(s.Tool, f.Tool) {
			return false
		}
		if s.Rule != "" && !ix.rules[i].match(f.RuleID) {
			return false
		}
	}
	if s.Fingerprint != "" && s.Fingerprint != f.Fingerprint {
		return false
	}
	if s.Path != "" && !ix.paths[i].match(f.Location.Path) {
		return false
	}
	if s.OSV != "" && !isOSV(s.OSV, f) {
		return false
	}
	if pm := ix.packages[i]; pm != nil && !pm.match(f) {
		return false
	}
	return true
}

// packageMatcher is a compiled policy.PackageScope.
type packageMatcher struct {
	scope *policy.PackageScope
	name  *regexp.Regexp // when the name is a regular expression
}

func compilePackageScope(s *policy.PackageScope) (*packageMatcher, error) {
	if s == nil {
		return nil, nil
	}
	pm := &packageMatcher{scope: s}
	if s.NameIsRegex && s.Name != "" {
		re, err := regexp.Compile("^(?:" + s.Name + ")$")
		if err != nil {
			return nil, fmt.Errorf("bad package name pattern %q: %w", s.Name, err)
		}
		pm.name = re
	}
	return pm, nil
}

// match reports whether a finding is in the package: its "package",
// "installed" and "ecosystem" properties hold what the scope names.
func (pm *packageMatcher) match(f *finding.Finding) bool {
	s := pm.scope
	if s.Name != "" {
		name, ok := f.Properties["package"].(string)
		switch {
		case !ok:
			return false
		case pm.name != nil:
			if !pm.name.MatchString(name) {
				return false
			}
		case name != s.Name:
			return false
		}
	}
	if s.Version != "" {
		if v, ok := f.Properties["installed"].(string); !ok || v != s.Version {
			return false
		}
	}
	if s.Ecosystem != "" {
		eco, ok := f.Properties["ecosystem"].(string)
		if !ok {
			return false
		}
		base, _, _ := strings.Cut(eco, ":")
		if eco != s.Ecosystem && base != s.Ecosystem {
			return false
		}
	}
	return true
}

// pathGlob is a compiled path glob: exact paths and "dir/**" prefixes are
// tested without the glob matcher.
type pathGlob struct {
	glob   string
	exact  bool
	prefix string // for "dir/**": "dir"
}

func compilePathGlob(g string) pathGlob {
	switch {
	case g == "":
		return pathGlob{}
	case !strings.ContainsAny(g, "*?[{\\"):
		return pathGlob{glob: g, exact: true}
	case strings.HasSuffix(g, "/**") && !strings.ContainsAny(g[:len(g)-3], "*?[{\\"):
		return pathGlob{glob: g, prefix: g[:len(g)-3]}
	}
	return pathGlob{glob: g}
}

func (g pathGlob) match(p string) bool {
	switch {
	case g.exact:
		return p == g.glob
	case g.prefix != "":
		return p == g.prefix || (len(p) > len(g.prefix) && p[len(g.prefix)] == '/' && strings.HasPrefix(p, g.prefix))
	}
	return pathMatch(g.glob, p)
}

// isOSV reports whether a finding is the vulnerability id, by its rule ID
// or any of its aliases.
func isOSV(id string, f *finding.Finding) bool {
	if strings.EqualFold(id, f.RuleID) {
		return true
	}
	for _, a := range aliases(f) {
		if strings.EqualFold(id, a) {
			return true
		}
	}
	return false
}

// aliases returns the aliases (CVE, GHSA ids) of a vulnerability finding.
func aliases(f *finding.Finding) []string {
	switch v := f.Properties["aliases"].(type) {
	case []string:
		return v
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// candidates are the general exceptions whose tool and rule fit one
// (tool, rule) pair: those naming an exact path, by path, and the others.
type candidates struct {
	exact map[string][]int
	other []int
}

// match returns the first exception in force that covers f, or else the
// one that expired last; it counts every covering exception's matches.
func (ix *exceptionIndex) match(f *finding.Finding, today policy.Date) (inForce, expired *policy.Exception) {
	if len(ix.list) == 0 {
		return nil, nil
	}
	var seen []int // an OSV exception can be reached by ID and by alias
	consider := func(i int, toolRuleKnown bool) {
		for _, j := range seen {
			if j == i {
				return
			}
		}
		seen = append(seen, i)
		if !ix.covers(i, f, toolRuleKnown) {
			return
		}
		ix.matches[i]++
		x := ix.list[i]
		if !x.Expires.Before(today.Time) {
			if inForce == nil || i < inForce.Index {
				inForce = x
			}
			return
		}
		if expired == nil || x.Expires.After(expired.Expires.Time) {
			expired = x
		}
	}
	for _, i := range ix.byFingerprint[f.Fingerprint] {
		consider(i, false)
	}
	if len(ix.byOSV) > 0 {
		for _, i := range ix.byOSV[strings.ToUpper(f.RuleID)] {
			consider(i, false)
		}
		for _, a := range aliases(f) {
			for _, i := range ix.byOSV[strings.ToUpper(a)] {
				consider(i, false)
			}
		}
	}
	key := [2]string{f.Tool, f.RuleID}
	cand, ok := ix.candidates[key]
	if !ok {
		cand = &candidates{exact: map[string][]int{}}
		for _, i := range ix.general {
			s := &ix.list[i].Scope
			if (s.Tool == "" || strings.EqualFold(s.Tool, f.Tool)) && (s.Rule == "" || ix.rules[i].match(f.RuleID)) {
				if ix.paths[i].exact {
					cand.exact[s.Path] = append(cand.exact[s.Path], i)
				} else {
					cand.other = append(cand.other, i)
				}
			}
		}
		ix.candidates[key] = cand
	}
	// Policy order decides which exception in force is reported, so the
	// exact-path ones and the others are both considered in full.
	for _, i := range cand.exact[f.Location.Path] {
		consider(i, true)
	}
	for _, i := range cand.other {
		consider(i, true)
	}
	return inForce, expired
}

// reachable reports whether exception i's tool and rule can occur in the
// logs: a run is of its tool, and declares its rule or reports a finding of
// it. A run that declares no rules could report any.
func (ix *exceptionIndex) reachable(i int, logs []*finding.SARIFLog) bool {
	s := &ix.list[i].Scope
	tool := func(name string) bool { return s.Tool == "" || strings.EqualFold(s.Tool, name) }
	for _, l := range logs {
		for _, r := range l.Runs {
			if !tool(r.Tool) {
				continue
			}
			if s.Rule == "" || len(r.Rules) == 0 {
				return true
			}
			for _, rule := range r.Rules {
				if ix.rules[i].match(rule.ID) {
					return true
				}
			}
		}
		for _, f := range l.Findings {
			if tool(f.Tool) && (s.Rule == "" || ix.rules[i].match(f.RuleID)) {
				return true
			}
		}
	}
	return false
}
