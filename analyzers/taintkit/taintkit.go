// Package taintkit is what sdlkit's taint rules share: the sources of
// untrusted data in Go services (net/http requests, gin, echo, fiber and chi
// contexts, gorilla/mux route variables, os.Args, the environment, flag
// values and network connections), common sanitizers, and Rule, a rule of
// ours whose detection is a configuration of gosec's public taint engine
// (github.com/securego/gosec/v2/taint).
//
// gosec's taint analyzers read the SSA of a package through a result type
// internal to gosec, so a Rule does not run as an analyzer of its own: the
// gosec adapter (analyzers/gosec) loads it next to gosec's rules, over the
// same SSA and call graph, and reports its findings with our rule ID.
package taintkit

import (
	"go/types"
	"slices"
	"strconv"

	"github.com/securego/gosec/v2/taint"
	"golang.org/x/tools/go/analysis"

	"github.com/sdlkit/sdlkit/finding"
)

// Rule is one taint rule: its documentation and the taint configuration
// that detects it.
type Rule struct {
	// Rule is the rule's documentation (ID, CWE, level, help).
	Rule finding.Rule
	// Message starts every finding's message; the engine appends the sink.
	Message string
	// Config holds the sources, sinks and sanitizers.
	Config taint.Config
	// Extra are further configurations reported as the same rule, each
	// with its own sources, sinks and sanitizers: for sinks where a
	// sanitizer of Config does not make a value safe, or where a value is
	// safe after a sanitizer that Config must not have.
	Extra []taint.Config
	// Supersedes are the gosec rules of the same kind that this rule's
	// configuration covers: when both would run, the suite runs only ours,
	// so a flaw is reported once. Config is the configuration that covers
	// the first of them: inside gosec it reports under that rule's ID, so
	// that gosec's #nosec comments written for it keep working.
	Supersedes []string
	// Outranks are gosec's pattern rules that report the same flaw from
	// the call's shape alone, whatever the data (G304, a file opened with a
	// variable name, for path traversal): where this rule reports a call,
	// their finding inside that call is dropped, so a flaw is reported
	// once, by the rule that followed the data. Elsewhere they still run.
	Outranks []string
}

// Analyzer returns the gosec-framework analyzer of the rule. It does
// nothing in a package that uses none of the sinks' functions and methods:
// the engine reports calls whose callee is a sink, and a package calls only
// what it refers to.
func (r Rule) Analyzer() *analysis.Analyzer {
	cfg := r.Config
	cfg.Sinks = MergeSinks(cfg.Sinks)
	inner := taint.NewGosecAnalyzer(&taint.RuleInfo{
		ID:          r.Rule.ID,
		Description: r.Message,
		Severity:    gosecSeverity(r.Rule.Severity),
		CWE:         cweString(r.Rule.CWE),
	}, &cfg)
	sinks := map[Func]bool{}
	for _, s := range cfg.Sinks {
		sinks[Func{s.Package, s.Receiver, s.Method}] = true
	}
	a := *inner
	a.Run = func(pass *analysis.Pass) (any, error) {
		if !usesAny(pass.TypesInfo, sinks) {
			return nil, nil
		}
		return inner.Run(pass)
	}
	return &a
}

// Func names a function or method as gosec's taint configuration does:
// the import path, the receiver type's name (empty for a function) and the
// name.
type Func struct{ Package, Receiver, Method string }

// FuncOf names f.
func FuncOf(f *types.Func) Func {
	n := Func{Method: f.Name()}
	if f.Pkg() != nil {
		n.Package = f.Pkg().Path()
	}
	if recv := f.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if named, ok := t.(*types.Named); ok {
			n.Receiver = named.Obj().Name()
		}
	}
	return n
}

// usesAny reports whether the package refers to one of the functions or
// methods (a call, or a method value, of it).
func usesAny(info *types.Info, funcs map[Func]bool) bool {
	for _, obj := range info.Uses {
		if f, ok := obj.(*types.Func); ok && f.Pkg() != nil && funcs[FuncOf(f)] {
			return true
		}
	}
	return false
}

func gosecSeverity(s finding.Severity) string {
	switch s {
	case finding.Critical:
		return "CRITICAL"
	case finding.Important:
		return "HIGH"
	case finding.Moderate:
		return "MEDIUM"
	default:
		return "LOW"
	}
}

func cweString(cwe []int) string {
	if len(cwe) == 0 {
		return ""
	}
	return "CWE-" + strconv.Itoa(cwe[0])
}

// Methods returns sinks for the methods of one receiver type that take the
// dangerous value at the same argument position. For a method with a
// concrete receiver, argument 0 is the receiver; for a method of an
// interface type, argument 0 is the method's first parameter.
func Methods(pkg, recv string, pointer bool, arg int, names ...string) []taint.Sink {
	out := make([]taint.Sink, 0, len(names))
	for _, n := range names {
		out = append(out, taint.Sink{Package: pkg, Receiver: recv, Method: n, Pointer: pointer, CheckArgs: []int{arg}})
	}
	return out
}

// Funcs returns sinks for package-level functions that take the dangerous
// value at the same argument position; a negative position checks every
// argument.
func Funcs(pkg string, arg int, names ...string) []taint.Sink {
	out := make([]taint.Sink, 0, len(names))
	for _, n := range names {
		s := taint.Sink{Package: pkg, Method: n}
		if arg >= 0 {
			s.CheckArgs = []int{arg}
		}
		out = append(out, s)
	}
	return out
}

// MergeSinks merges sinks naming the same function or method into one that
// checks the union of their argument positions: the engine keeps one sink
// per function, so a later duplicate would otherwise replace an earlier one.
// A sink that checks every argument absorbs the others.
func MergeSinks(sinks []taint.Sink) []taint.Sink {
	type key struct {
		pkg, recv, method string
		pointer           bool
	}
	index := map[key]int{}
	var out []taint.Sink
	for _, s := range sinks {
		k := key{s.Package, s.Receiver, s.Method, s.Pointer}
		i, seen := index[k]
		if !seen {
			index[k] = len(out)
			s.CheckArgs = slices.Clone(s.CheckArgs)
			out = append(out, s)
			continue
		}
		m := &out[i]
		if len(m.CheckArgs) == 0 || len(s.CheckArgs) == 0 {
			m.CheckArgs = nil
			continue
		}
		for _, a := range s.CheckArgs {
			if !slices.Contains(m.CheckArgs, a) {
				m.CheckArgs = append(m.CheckArgs, a)
			}
		}
		slices.Sort(m.CheckArgs)
	}
	return out
}
