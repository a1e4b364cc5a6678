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
	"go/types"
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
	"golang.org/x/tools/go/ssa"

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
			seeThroughInterfaceChanges(ssa)
			recordBinderWrites(ssa)
		}
		g.CheckAnalyzersWithSSA(pkg, ssa)
	}
	issues, _, _ := g.Report()
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
		if id, ok := r.alias[is.RuleID]; ok {
			it.RuleID = id
			it.CWE = slices.Clone(r.cwes[id])
		} else {
			it.CWE = r.cwe(is)
		}
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

// isTaintRule reports whether id is one of gosec's taint rules (G701 to
// G799).
func isTaintRule(id string) bool { return strings.HasPrefix(id, "G7") }

// seeThroughInterfaceChanges makes every use of a conversion from one
// interface type to another (ssa.ChangeInterface) use the converted value
// itself. gosec's taint engine follows values through every other
// conversion but not this one, so io.ReadAll(r.Body), where the request's
// io.ReadCloser becomes an io.Reader, would lose the request's taint, and
// with it every flow from a request body. The engine reads types only to
// recognise context.Context arguments and through argument type guards,
// which already look through the conversion, so only the flow changes.
//
// An error converted to another interface (log.Printf("%v", err) makes it
// an any) is left as it is: the engine taints the error of a call whose
// arguments are tainted, and following it would report every error logged
// after a lookup of request data as log injection.
//
// It rewrites the operands of the package's own functions in the buildssa
// result, which in sdlkit's suite only this analyzer reads; referrer lists
// are left as they were, and no analyzer of the suite walks them from the
// converted value.
func seeThroughInterfaceChanges(res *buildssa.SSA) {
	errorType := types.Universe.Lookup("error").Type()
	var ops []*ssa.Value
	for _, fn := range res.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				ops = instr.Operands(ops[:0])
				for _, op := range ops {
					for {
						ci, ok := (*op).(*ssa.ChangeInterface)
						if !ok || types.Identical(ci.X.Type(), errorType) {
							break
						}
						*op = ci.X
					}
				}
			}
		}
	}
}

// recordBinderWrites records each call of a binder (taintkit.Binders: a
// request bound into a struct, JSON decoded into a variable, bytes read
// into a buffer) as a write of the call into the local variables and
// buffers it is given, and into each of the variables' fields that the
// function reads. gosec's taint engine follows a variable's value through
// the writes into it (ssa.Store), and a call to a function without a body
// from the call's receiver and arguments, so a variable a tainted request
// was bound into becomes tainted, and one filled from constant data or the
// service's own file does not.
//
// The writes are added to the referrer lists of the variables and fields;
// each is a copy of a write of the package (so that it belongs to a block,
// which the engine does not read but other SSA analyzers may) with its
// address and value replaced. A package without a single write is left
// alone.
func recordBinderWrites(res *buildssa.SSA) {
	binders := map[taintkit.Binder]bool{}
	for _, b := range taintkit.Binders() {
		binders[b] = true
	}
	type write struct {
		dst  ssa.Value // an *ssa.Alloc or *ssa.MakeSlice
		call *ssa.Call
	}
	var writes []write
	var template *ssa.Store
	for _, fn := range res.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.Store:
					if template == nil {
						template = in
					}
				case *ssa.Call:
					if !binders[binderOf(&in.Call)] {
						continue
					}
					args := in.Call.Args
					if !in.Call.IsInvoke() && in.Call.Signature().Recv() != nil && len(args) > 0 {
						args = args[1:]
					}
					for _, arg := range args {
						for _, a := range pointedTo(arg) {
							writes = append(writes, write{a, in})
						}
					}
				}
			}
		}
	}
	if template == nil {
		return
	}
	store := func(addr, val ssa.Value) *ssa.Store {
		st := *template
		st.Addr, st.Val = addr, val
		return &st
	}
	for _, w := range writes {
		refs := w.dst.Referrers()
		for _, ref := range *refs {
			if fa, ok := ref.(*ssa.FieldAddr); ok {
				*fa.Referrers() = append(*fa.Referrers(), store(fa, w.call))
			}
		}
		*refs = append(*refs, store(w.dst, w.call))
	}
}

// binderOf names the function or method a call calls, as a Binder.
func binderOf(c *ssa.CallCommon) taintkit.Binder {
	var f *types.Func
	if c.IsInvoke() {
		f = c.Method
	} else if callee := c.StaticCallee(); callee != nil {
		f, _ = callee.Object().(*types.Func)
	}
	if f == nil || f.Pkg() == nil {
		return taintkit.Binder{}
	}
	b := taintkit.Binder{Package: f.Pkg().Path(), Method: f.Name()}
	if recv := f.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := t.(*types.Named); ok {
			b.Receiver = n.Obj().Name()
		}
	}
	return b
}

// pointedTo returns the local variables and buffers an argument points
// to: a variable whose address it is, the array or the slice made for a
// buffer (make([]byte, 512) is an array when its size is constant), and
// each element of a variadic argument's slice
// (fmt.Sscanf(s, "%s %d", &name, &n)).
func pointedTo(arg ssa.Value) []ssa.Value {
	arg = unwrapInterface(arg)
	switch v := arg.(type) {
	case *ssa.Alloc, *ssa.MakeSlice:
		return []ssa.Value{v}
	case *ssa.Slice:
		out := pointedTo(v.X)
		array, ok := v.X.(*ssa.Alloc)
		if !ok {
			return out
		}
		for _, ref := range *array.Referrers() {
			ia, ok := ref.(*ssa.IndexAddr)
			if !ok {
				continue
			}
			for _, r := range *ia.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
					if a, ok := unwrapInterface(st.Val).(*ssa.Alloc); ok {
						out = append(out, a)
					}
				}
			}
		}
		return out
	}
	return nil
}

// unwrapInterface returns the value an interface conversion converts.
func unwrapInterface(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		default:
			return v
		}
	}
}

// dropOutranked drops the issues of pattern rules that lie inside a call
// where a taint rule that outranks them reported (taint issues are
// positioned at the call's opening parenthesis).
func (r *runner) dropOutranked(pass *analysis.Pass, files map[string]*token.File, issues []*issue.Issue) []*issue.Issue {
	ruleOf := func(is *issue.Issue) string {
		if id, ok := r.alias[is.RuleID]; ok {
			return id
		}
		return is.RuleID
	}
	taintAt := map[token.Pos][]string{}
	pending := false
	for _, is := range issues {
		if _, ok := r.outranked[is.RuleID]; ok {
			pending = true
		} else {
			pos := position(files[is.File], is.Line, is.Col)
			taintAt[pos] = append(taintAt[pos], ruleOf(is))
		}
	}
	if !pending || len(taintAt) == 0 {
		return issues
	}
	var calls []*ast.CallExpr
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && len(taintAt[c.Lparen]) > 0 {
				calls = append(calls, c)
			}
			return true
		})
	}
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
