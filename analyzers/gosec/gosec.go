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
	taint := map[string]gosecanalyzers.AnalyzerDefinition{}
	alias := map[string]string{}
	for _, t := range cfg.Taint {
		if _, dup := cwes[t.Rule.ID]; dup {
			return nil, fmt.Errorf("taint rule %s: the rule ID is already in use", t.Rule.ID)
		}
		cwes[t.Rule.ID] = t.Rule.CWE
		// Inside gosec, a rule that supersedes a gosec rule which does not
		// run reports under that rule's ID, so that a "#nosec G703" written
		// for gosec's rule also suppresses ours; the issue is renamed when
		// it is read back.
		internal := t.Rule.ID
		if len(t.Supersedes) > 0 {
			old := t.Supersedes[0]
			if _, taken := alias[old]; !taken && !slices.Contains(enabled, old) {
				internal = old
				alias[old] = t.Rule.ID
			}
		}
		inner := t
		inner.Rule.ID = internal
		taint[internal] = gosecanalyzers.AnalyzerDefinition{
			ID:          internal,
			Description: t.Message,
			Create:      func(string, string) *analysis.Analyzer { return inner.Analyzer() },
		}
	}
	r := &runner{enabled: enabled, options: cfg.Options, cwes: cwes, taint: taint, alias: alias}
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
		g.CheckAnalyzersWithSSA(pkg, ssa)
	}
	issues, _, _ := g.Report()

	res := &Result{}
	for _, is := range issues {
		it := Issue{
			RuleID:     is.RuleID,
			Message:    is.What,
			Pos:        position(files[is.File], is.Line, is.Col),
			Severity:   is.Severity.String(),
			Confidence: is.Confidence.String(),
		}
		if id, ok := r.alias[is.RuleID]; ok {
			it.RuleID = id
			it.CWE = slices.Clone(r.cwes[id])
		} else {
			it.CWE = r.cwe(is)
		}
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
