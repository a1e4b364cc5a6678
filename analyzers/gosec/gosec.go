// Package gosec runs gosec's rules as one go/analysis analyzer, in the same
// load as sdlkit's own analyzers: its AST rules (CheckRules, which also
// reads #nosec comments) and then its SSA and taint analyzers over the
// framework's buildssa result (CheckAnalyzersWithSSA), so each package is
// type-checked and converted to SSA once.
//
// Every issue keeps gosec's rule ID, CWE, severity and confidence. Rules for
// which gosec v2.30.0 has no CWE (G116, G121, G710) get one from the rule
// documentation in docs/, which is also what `sdl explain G101` prints.
package gosec

import (
	"fmt"
	"go/ast"
	"go/token"
	"io"
	"log"
	"reflect"
	"slices"
	"strconv"
	"strings"

	upstream "github.com/securego/gosec/v2"
	gosecanalyzers "github.com/securego/gosec/v2/analyzers"
	"github.com/securego/gosec/v2/issue"
	"github.com/securego/gosec/v2/rules"
	"github.com/securego/gosec/v2/taint"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/packages"

	"github.com/sdlkit/sdlkit/analyzers/taintkit"
	"github.com/sdlkit/sdlkit/finding"
)

// Tool is the tool name of gosec's findings.
const Tool = "gosec"

// Version is the gosec release linked in.
const Version = "2.30.0"

// InformationURI is gosec's home page.
const InformationURI = "https://github.com/securego/gosec"

// Config selects and configures gosec's rules.
type Config struct {
	// Include, when not empty, runs only these rule IDs.
	Include []string
	// Exclude skips these rule IDs.
	Exclude []string
	// Options are gosec's per-rule settings keyed by rule ID (for example
	// G101's pattern), as gosec's JSON configuration file holds them.
	Options map[string]any
	// NoGosecRules runs none of gosec's own rules, only Taint.
	NoGosecRules bool
	// Taint are sdlkit's taint rules, run by gosec's taint engine next to
	// gosec's rules over the same SSA; their issues carry our rule IDs and
	// are suppressed by #nosec like gosec's.
	Taint []taintkit.Rule
}

// Issue is one gosec finding with its position in the analyzed package.
type Issue struct {
	RuleID     string
	Message    string
	Pos        token.Pos
	Severity   string
	Confidence string
	CWE        []int
	// Suppressions are gosec's own (#nosec) suppressions, with the
	// justification written after " -- ".
	Suppressions []finding.Suppression
}

// Result is the analyzer's result: every issue, the ones #nosec
// suppressed included (those are not reported as diagnostics).
type Result struct {
	Issues []Issue
}

// IDs returns the rule IDs gosec v2.30.0 can report, sorted.
func IDs() []string {
	var ids []string
	for id := range rules.Generate(false).Rules {
		ids = append(ids, id)
	}
	for id := range gosecanalyzers.Generate(false).Analyzers {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Enabled returns the rule IDs the configuration runs, or an error naming
// an unknown rule ID.
func (c Config) Enabled() ([]string, error) {
	all := IDs()
	for _, list := range [][]string{c.Include, c.Exclude} {
		for _, id := range list {
			if !slices.Contains(all, id) {
				return nil, fmt.Errorf("unknown gosec rule %q", id)
			}
		}
	}
	var on []string
	for _, id := range all {
		if len(c.Include) > 0 && !slices.Contains(c.Include, id) {
			continue
		}
		if slices.Contains(c.Exclude, id) {
			continue
		}
		on = append(on, id)
	}
	return on, nil
}

// New returns an analyzer running the configured gosec rules. It reports
// each issue not suppressed by #nosec as a diagnostic whose Category is the
// rule ID, and returns all issues as a *Result.
func New(cfg Config) (*analysis.Analyzer, error) {
	enabled, err := cfg.Enabled()
	if err != nil {
		return nil, err
	}
	if cfg.NoGosecRules {
		enabled = nil
	}
	docs, err := loadDocs()
	if err != nil {
		return nil, err
	}
	cwes := map[string][]int{}
	for _, r := range docs {
		cwes[r.ID] = r.CWE
	}
	defs := map[string]gosecanalyzers.AnalyzerDefinition{}
	alias := map[string]string{}
	for _, t := range cfg.Taint {
		if _, dup := cwes[t.Rule.ID]; dup {
			return nil, fmt.Errorf("taint rule %s: the rule ID is already in use", t.Rule.ID)
		}
		cwes[t.Rule.ID] = t.Rule.CWE
		// Inside gosec, a rule that supersedes a gosec rule which does not
		// run reports its Config under that rule's ID, so that a
		// "#nosec G703" written for gosec's rule also suppresses ours; its
		// Extra configurations report under the rule's own ID, then under
		// ID_2, ID_3 and so on. Issues are renamed when they are read back.
		ids := []string{t.Rule.ID}
		if len(t.Supersedes) > 0 {
			old := t.Supersedes[0]
			if _, taken := alias[old]; !taken && !slices.Contains(enabled, old) {
				ids = []string{old, t.Rule.ID}
			}
		}
		for i, c := range append([]taint.Config{t.Config}, t.Extra...) {
			internal := t.Rule.ID + "_" + strconv.Itoa(i+1)
			if i < len(ids) {
				internal = ids[i]
			}
			if internal != t.Rule.ID {
				alias[internal] = t.Rule.ID
			}
			inner := t
			inner.Config = c
			inner.Extra = nil
			inner.Rule.ID = internal
			defs[internal] = gosecanalyzers.AnalyzerDefinition{
				ID:          internal,
				Description: t.Message,
				Create:      func(string, string) *analysis.Analyzer { return inner.Analyzer() },
			}
		}
	}
	outranked := map[string][]string{}
	for pattern, rules := range Outranked() {
		outranked[pattern] = rules
	}
	for _, t := range cfg.Taint {
		for _, pattern := range t.Outranks {
			outranked[pattern] = append(outranked[pattern], t.Rule.ID)
		}
	}
	r := &runner{enabled: enabled, options: cfg.Options, cwes: cwes, taint: defs, alias: alias, outranked: outranked}
	return &analysis.Analyzer{
		Name:       "gosec",
		Doc:        "run gosec's security rules (G101 to G710); `sdl explain G101` documents each",
		URL:        InformationURI,
		Requires:   []*analysis.Analyzer{buildssa.Analyzer},
		ResultType: reflect.TypeFor[*Result](),
		Run:        r.run,
	}, nil
}

type runner struct {
	enabled []string
	options map[string]any
	cwes    map[string][]int
	taint   map[string]gosecanalyzers.AnalyzerDefinition
	// alias maps the gosec rule ID a taint rule reports under inside gosec
	// to the taint rule's own ID.
	alias map[string]string
	// outranked maps a gosec pattern rule to the taint rules whose finding
	// on a call drops its finding inside that call.
	outranked map[string][]string
}

// Outranked returns gosec's own pattern rules that give way to gosec's
// taint rule of the same kind on the same call: G204 (a command run with a
// variable) to G702 (command injection). sdlkit's taint rules name theirs
// in taintkit.Rule.Outranks.
func Outranked() map[string][]string {
	return map[string][]string{"G204": {"G702"}}
}

func (r *runner) run(pass *analysis.Pass) (any, error) {
	conf := upstream.NewConfig()
	for k, v := range r.options {
		conf.Set(k, v)
	}
	g := upstream.NewAnalyzer(conf, true, false, true, 1, log.New(io.Discard, "", 0))
	include := func(id string) bool { return !slices.Contains(r.enabled, id) } // true removes
	ruleList := rules.Generate(false, include)
	g.LoadRules(ruleList.RulesInfo())
	analyzerList := gosecanalyzers.Generate(false, include)
	g.LoadAnalyzers(analyzerList.AnalyzersInfo())
	if len(r.taint) > 0 {
		g.LoadAnalyzers(r.taint, nil)
	}

	pkg := &packages.Package{
		Name:       pass.Pkg.Name(),
		PkgPath:    pass.Pkg.Path(),
		Fset:       pass.Fset,
		Syntax:     pass.Files,
		Types:      pass.Pkg,
		TypesInfo:  pass.TypesInfo,
		TypesSizes: pass.TypesSizes,
	}
	files := map[string]*token.File{}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		pkg.CompiledGoFiles = append(pkg.CompiledGoFiles, tf.Name())
		files[tf.Name()] = tf
	}

	// CheckRules first: it records the #nosec comments that the SSA
	// analyzers' issues are then filtered against.
	g.CheckRules(pkg)
	if ssa, ok := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA); ok && ssa != nil {
		if len(r.taint) > 0 || slices.ContainsFunc(r.enabled, isTaintRule) {
			prepareSSA(ssa)
		}
		g.CheckAnalyzersWithSSA(pkg, ssa)
	}
	issues, _, _ := g.Report()
	// Inside gosec, taint rules report under internal IDs (a superseded
	// gosec rule's, ID_2 for a second configuration): give them their own,
	// and their CWE from their documentation.
	for _, is := range issues {
		if id, ok := r.alias[is.RuleID]; ok {
			is.RuleID, is.Cwe = id, nil
		}
	}
	issues = r.dropOutranked(pass, files, issues)

	res := &Result{}
	// A call that is a sink of two configurations of one taint rule (the
	// message and the recipients of smtp.SendMail) is one finding.
	type at struct {
		rule string
		pos  token.Pos
	}
	seen := map[at]bool{}
	for _, is := range issues {
		it := Issue{
			RuleID:     is.RuleID,
			Message:    is.What,
			Pos:        position(files[is.File], is.Line, is.Col),
			Severity:   is.Severity.String(),
			Confidence: is.Confidence.String(),
		}
		it.CWE = r.cwe(is)
		k := at{it.RuleID, it.Pos}
		if seen[k] {
			continue
		}
		seen[k] = true
		for _, s := range is.Suppressions {
			it.Suppressions = append(it.Suppressions, finding.Suppression{
				Kind:          suppressionKind(s.Kind),
				Justification: s.Justification,
			})
		}
		res.Issues = append(res.Issues, it)
		if len(it.Suppressions) == 0 {
			pass.Report(analysis.Diagnostic{Pos: it.Pos, Category: it.RuleID, Message: it.Message})
		}
	}
	return res, nil
}

// dropOutranked drops the issues of pattern rules that lie inside a call
// where a taint rule that outranks them reported (taint issues are
// positioned at the call's opening parenthesis).
func (r *runner) dropOutranked(pass *analysis.Pass, files map[string]*token.File, issues []*issue.Issue) []*issue.Issue {
	taintAt := map[token.Pos][]string{}
	pending := false
	for _, is := range issues {
		if _, ok := r.outranked[is.RuleID]; ok {
			pending = true
		} else {
			pos := position(files[is.File], is.Line, is.Col)
			taintAt[pos] = append(taintAt[pos], is.RuleID)
		}
	}
	if !pending || len(taintAt) == 0 {
		return issues
	}
	calls := CallsAt(pass.Files, func(lparen token.Pos) bool { return len(taintAt[lparen]) > 0 })
	kept := issues[:0:0]
	for _, is := range issues {
		if over, ok := r.outranked[is.RuleID]; ok {
			pos := position(files[is.File], is.Line, is.Col)
			if slices.ContainsFunc(calls, func(c *ast.CallExpr) bool {
				return c.Pos() <= pos && pos < c.End() && slices.ContainsFunc(taintAt[c.Lparen], func(id string) bool {
					return slices.Contains(over, id)
				})
			}) {
				continue
			}
		}
		kept = append(kept, is)
	}
	return kept
}

// CallsAt returns the calls of files whose opening parenthesis is at a
// position at accepts: where taint issues are reported, so that a finding
// of another rule inside the same call can give way to them.
func CallsAt(files []*ast.File, at func(lparen token.Pos) bool) []*ast.CallExpr {
	var calls []*ast.CallExpr
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && at(c.Lparen) {
				calls = append(calls, c)
			}
			return true
		})
	}
	return calls
}

// cwe returns the issue's CWE, from gosec or, where gosec has none, from
// the rule documentation.
func (r *runner) cwe(is *issue.Issue) []int {
	if is.Cwe != nil {
		if n, err := strconv.Atoi(is.Cwe.ID); err == nil && n > 0 {
			return []int{n}
		}
	}
	return slices.Clone(r.cwes[is.RuleID])
}

func suppressionKind(k string) string {
	if k == "external" {
		return finding.SuppressionExternal
	}
	return finding.SuppressionInSource
}

// position turns gosec's line ("12" or "12-14") and column strings into a
// token.Pos in tf.
func position(tf *token.File, line, col string) token.Pos {
	if tf == nil {
		return token.NoPos
	}
	l, err := strconv.Atoi(strings.SplitN(line, "-", 2)[0])
	if err != nil || l < 1 || l > tf.LineCount() {
		return token.NoPos
	}
	pos := tf.LineStart(l)
	if c, err := strconv.Atoi(col); err == nil && c > 1 {
		end := tf.Pos(tf.Size())
		if l < tf.LineCount() {
			end = tf.LineStart(l+1) - 1
		}
		pos = min(pos+token.Pos(c-1), end)
	}
	return pos
}
