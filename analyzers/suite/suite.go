// Package suite assembles what the drivers run: sdlkit's analyzers, gosec's
// rules through the adapter, and the //sdl:ignore directive machinery that
// sdl scan and sdlvet share; it also answers questions about every rule
// (sdl rules, sdl explain).
package suite

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sdlkit/sdlkit/analyzers"
	"github.com/sdlkit/sdlkit/analyzers/gosec"
	"github.com/sdlkit/sdlkit/analyzers/sqlinjection"
	"github.com/sdlkit/sdlkit/analyzers/sqlstring"
	"github.com/sdlkit/sdlkit/analyzers/suppress"
	"github.com/sdlkit/sdlkit/analyzers/taintkit"
	"github.com/sdlkit/sdlkit/finding"
)

// Rules returns every rule sdlkit can report from code: ours (analyzers
// and taint rules), the directive rules, and gosec's, in ID order (ours
// first).
func Rules() []finding.Rule {
	var rs []finding.Rule
	for _, c := range analyzers.All() {
		rs = append(rs, c.Rule)
	}
	for _, t := range analyzers.Taint() {
		rs = append(rs, t.Rule)
	}
	rs = append(rs, suppress.BadRule, suppress.UnusedRule)
	slices.SortFunc(rs, func(a, b finding.Rule) int { return cmp.Compare(a.ID, b.ID) })
	return append(rs, gosec.Rules()...)
}

// Lookup finds a rule by ID or analyzer name, case-insensitively.
func Lookup(idOrName string) (finding.Rule, bool) {
	for _, r := range Rules() {
		if strings.EqualFold(r.ID, idOrName) || (r.Name != "" && strings.EqualFold(r.Name, idOrName)) {
			return r, true
		}
	}
	return finding.Rule{}, false
}

// Options select what a Suite runs.
type Options struct {
	// Include, when not empty, runs only these rules (IDs or analyzer
	// names, ours and gosec's).
	Include []string
	// Exclude never runs these rules.
	Exclude []string
	// RuleOptions are per-rule settings keyed by rule ID (gosec's).
	RuleOptions map[string]map[string]any
	// PrefixMessages puts the rule ID before each message, for drivers
	// that print only messages (go vet).
	PrefixMessages bool
	// Taint are more taint rules to run with ours, in the same pass: the
	// custom rules of sdl.yaml (analyzers/taintcustom). Include and
	// Exclude select them by ID, and //sdl:ignore names them.
	Taint []taintkit.Rule
}

// Suite is the set of analyzers one driver runs, all sharing one
// //sdl:ignore index per package.
type Suite struct {
	// Analyzers are the root analyzers to run.
	Analyzers []*analysis.Analyzer
	// Directives is the analyzer whose result is the *suppress.Index of
	// the package: what the directives suppressed.
	Directives *analysis.Analyzer
	// Gosec is the wrapped gosec analyzer, whose result is a
	// *gosec.Result; nil when no gosec rule runs.
	Gosec *analysis.Analyzer
	// Rules are the rules the suite reports.
	Rules []finding.Rule

	ruleOf map[*analysis.Analyzer]string
}

// RuleOf returns the rule ID of a diagnostic reported by analyzer a of the
// suite.
func (s *Suite) RuleOf(a *analysis.Analyzer, d analysis.Diagnostic) string {
	if id, ok := s.ruleOf[a]; ok {
		return id
	}
	return d.Category
}

// Resolve maps rule IDs or analyzer names to rule IDs, reporting the
// unknown ones.
func Resolve(names []string) ([]string, error) {
	var ids, unknown []string
	for _, n := range names {
		r, ok := Lookup(n)
		if !ok {
			unknown = append(unknown, n)
			continue
		}
		ids = append(ids, r.ID)
	}
	if len(unknown) > 0 {
		return nil, fmt.Errorf("unknown rule %s; `sdl rules` lists the rules", strings.Join(unknown, ", "))
	}
	return ids, nil
}

// resolveWith is Resolve, also accepting the IDs of the extra taint rules.
func resolveWith(names []string, extra []taintkit.Rule) ([]string, error) {
	var ids, rest []string
	for _, n := range names {
		if i := slices.IndexFunc(extra, func(t taintkit.Rule) bool { return strings.EqualFold(t.Rule.ID, n) }); i >= 0 {
			ids = append(ids, extra[i].Rule.ID)
		} else {
			rest = append(rest, n)
		}
	}
	more, err := Resolve(rest)
	if err != nil {
		return nil, err
	}
	return append(ids, more...), nil
}

// NewSuite builds the analyzers for the selected rules.
func NewSuite(opts Options) (*Suite, error) {
	include, err := resolveWith(opts.Include, opts.Taint)
	if err != nil {
		return nil, err
	}
	exclude, err := resolveWith(opts.Exclude, opts.Taint)
	if err != nil {
		return nil, err
	}
	for id := range opts.RuleOptions {
		if _, ok := Lookup(id); !ok {
			return nil, fmt.Errorf("options for unknown rule %s", id)
		}
	}
	enabled := func(id string) bool {
		if len(include) > 0 && !slices.Contains(include, id) {
			return false
		}
		return !slices.Contains(exclude, id)
	}

	all := Rules()
	for _, t := range opts.Taint {
		all = append(all, t.Rule)
	}
	set := suppress.NewSet(all, opts.PrefixMessages)
	s := &Suite{Directives: set.Directives(), ruleOf: map[*analysis.Analyzer]string{}}

	// gosec's rules and our taint rules run in one gosec analyzer. A taint
	// rule of ours replaces the gosec rules it supersedes (G701 for
	// sqlinjection), so one flaw gives one finding.
	var taintOn []taintkit.Rule
	superseded := map[string]bool{}
	for _, t := range append(analyzers.Taint(), opts.Taint...) {
		if enabled(t.Rule.ID) {
			taintOn = append(taintOn, t)
			s.Rules = append(s.Rules, t.Rule)
			for _, id := range t.Supersedes {
				superseded[id] = true
				set.Supersede(id, t.Rule.ID)
			}
			for _, id := range t.Outranks {
				set.Outrank(id, t.Rule.ID)
			}
		}
	}
	var gosecOn []string
	gosecOptions := map[string]any{}
	for _, r := range gosec.Rules() {
		if enabled(r.ID) && !superseded[r.ID] {
			gosecOn = append(gosecOn, r.ID)
			s.Rules = append(s.Rules, r)
		}
		if o, ok := opts.RuleOptions[r.ID]; ok {
			gosecOptions[r.ID] = o
		}
	}
	for pattern, rules := range gosec.Outranked() {
		for _, id := range rules {
			set.Outrank(pattern, id)
		}
	}
	if len(gosecOn) > 0 || len(taintOn) > 0 {
		g, err := gosec.New(gosec.Config{Include: gosecOn, Options: gosecOptions, NoGosecRules: len(gosecOn) == 0, Taint: taintOn})
		if err != nil {
			return nil, err
		}
		ids := slices.Clone(gosecOn)
		for _, t := range taintOn {
			ids = append(ids, t.Rule.ID)
		}
		s.Gosec = set.Wrap(g, ids, func(d analysis.Diagnostic) string { return d.Category })
	}

	for _, c := range analyzers.All() {
		if !enabled(c.Rule.ID) {
			continue
		}
		id := c.Rule.ID
		a := c.Analyzer
		// The audit check for non-constant SQL gives way to a taint
		// finding on the same call.
		if id == sqlstring.Rule.ID && s.Gosec != nil && slices.ContainsFunc(taintOn, func(t taintkit.Rule) bool { return t.Rule.ID == sqlinjection.Rule.Rule.ID }) {
			a = giveWay(a, s.Gosec, sqlinjection.Rule.Rule.ID)
		}
		w := set.Wrap(a, []string{id}, func(analysis.Diagnostic) string { return id })
		s.Analyzers = append(s.Analyzers, w)
		s.ruleOf[w] = id
		s.Rules = append(s.Rules, c.Rule)
	}
	if s.Gosec != nil {
		s.Analyzers = append(s.Analyzers, s.Gosec)
	}

	// The directive rules check the suppressions of whatever runs: an
	// include list does not turn them off, only an exclude does.
	directiveRules := func(id string) bool { return !slices.Contains(exclude, id) }
	if directiveRules(suppress.BadRule.ID) || directiveRules(suppress.UnusedRule.ID) {
		s.Analyzers = append(s.Analyzers, set.Reporter(directiveRules))
		for _, r := range []finding.Rule{suppress.BadRule, suppress.UnusedRule} {
			if directiveRules(r.ID) {
				s.Rules = append(s.Rules, r)
			}
		}
	}
	slices.SortFunc(s.Rules, func(a, b finding.Rule) int { return cmp.Compare(a.ID, b.ID) })
	return s, nil
}

// giveWay wraps a so that it drops its diagnostics inside a call where the
// gosec analyzer g (whose result is a *gosec.Result) found an issue of rule:
// an audit check gives way to a taint finding on the same call. Taint
// issues are positioned at the call's opening parenthesis.
func giveWay(a, g *analysis.Analyzer, rule string) *analysis.Analyzer {
	w := *a
	w.Requires = append(slices.Clone(a.Requires), g)
	w.Run = func(pass *analysis.Pass) (any, error) {
		var calls []*ast.CallExpr
		if res, ok := pass.ResultOf[g].(*gosec.Result); ok && res != nil {
			at := map[token.Pos]bool{}
			for _, is := range res.Issues {
				if is.RuleID == rule {
					at[is.Pos] = true
				}
			}
			if len(at) > 0 {
				calls = gosec.CallsAt(pass.Files, func(lparen token.Pos) bool { return at[lparen] })
			}
		}
		inner := *pass
		inner.Report = func(d analysis.Diagnostic) {
			for _, c := range calls {
				if d.Pos >= c.Pos() && d.Pos < c.End() {
					return
				}
			}
			pass.Report(d)
		}
		return a.Run(&inner)
	}
	return &w
}
