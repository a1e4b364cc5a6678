package secretlog

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/sdlkit/sdlkit/analyzers/internal/analysisutil"
	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Rule documents the check.
var Rule = ruledoc.Rule(doc, "secretlog", ruledoc.Meta{
	ID:       "SDL501",
	CWE:      []int{532},
	Severity: finding.Important,
	Tags:     []string{"auditing"},
})

// Analyzer reports secrets written to logs.
var Analyzer = &analysis.Analyzer{
	Name:     Rule.Name,
	Doc:      ruledoc.AnalyzerDoc(Rule),
	URL:      Rule.HelpURI,
	Run:      run,
	Requires: []*analysis.Analyzer{inspect.Analyzer},
}

const (
	zapPath     = "go.uber.org/zap"
	logrusPath  = "github.com/sirupsen/logrus"
	zerologPath = "github.com/rs/zerolog"
	logrPath    = "github.com/go-logr/logr"
	slogPath    = "log/slog"
)

func relevant(p string) bool {
	switch p {
	case "log", "fmt", slogPath, zapPath, logrusPath, zerologPath, logrPath:
		return true
	}
	return false
}

type style int

const (
	stylePrint    style = iota // every argument is printed
	stylePrintf                // a format, then its arguments
	styleKV                    // a message, then key-value pairs (or attributes / fields)
	styleFields                // a message, then zap fields or slog attributes
	styleKeyValue              // one key and its value
	styleMap                   // a map of keys to values (logrus.Fields)
)

// sink describes the arguments of a logging call.
type sink struct {
	name   string
	style  style
	msg    int   // index of the message or format, or -1
	from   int   // index of the first value, key or field
	values []int // for a wrapper: parameters it logs as plain values
}

type checker struct {
	pass     *analysis.Pass
	info     *types.Info
	decls    map[ast.Node]map[types.Object][]ast.Expr // per top-level declaration: local variable definitions
	cur      ast.Node                                 // the top-level declaration being checked
	reported map[token.Pos]bool
	funcs    map[*types.Func]*ast.FuncDecl
	wrappers map[*types.Func]*sink // logging wrappers of this package (nil: not one)
}

func run(pass *analysis.Pass) (any, error) {
	if !analysisutil.ImportsTransitively(pass.Pkg, relevant) {
		return nil, nil
	}
	c := &checker{
		pass:     pass,
		info:     pass.TypesInfo,
		decls:    map[ast.Node]map[types.Object][]ast.Expr{},
		reported: map[token.Pos]bool{},
		funcs:    analysisutil.FuncDecls(pass.TypesInfo, pass.Files),
		wrappers: map[*types.Func]*sink{},
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	ins.WithStack([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		call := n.(*ast.CallExpr)
		if analysisutil.IsTestFile(pass.Fset, call.Pos()) {
			return true
		}
		s, ok := c.sinkOf(call)
		if !ok {
			return true
		}
		c.cur = stack[0]
		if len(stack) > 1 {
			c.cur = stack[1] // stack[0] is the file
		}
		c.checkCall(call, s)
		return true
	})
	return nil, nil
}

// sinkOf classifies a logging call.
func (c *checker) sinkOf(call *ast.CallExpr) (sink, bool) {
	info := c.info
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok && (b.Name() == "print" || b.Name() == "println") {
			return sink{name: b.Name(), style: stylePrint, msg: -1, from: 0}, true
		}
	}
	fn := analysisutil.Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return sink{}, false
	}
	pkg := fn.Pkg().Path()
	name := fn.Name()
	recvPkg, recvName := analysisutil.ReceiverNamed(fn)
	qual := name
	if recvName != "" {
		qual = recvName + "." + name
	}
	switch {
	// log
	case recvName == "" && pkg == "log", recvPkg == "log" && recvName == "Logger":
		switch name {
		case "Print", "Println", "Fatal", "Fatalln", "Panic", "Panicln":
			return sink{name: "log." + name, style: stylePrint, msg: -1, from: 0}, true
		case "Printf", "Fatalf", "Panicf":
			return sink{name: "log." + name, style: stylePrintf, msg: 0, from: 1}, true
		case "Output":
			return sink{name: "log.Logger.Output", style: stylePrint, msg: -1, from: 1}, true
		}
	// fmt
	case recvName == "" && pkg == "fmt":
		switch name {
		case "Print", "Println":
			return sink{name: "fmt." + name, style: stylePrint, msg: -1, from: 0}, true
		case "Printf":
			return sink{name: "fmt.Printf", style: stylePrintf, msg: 0, from: 1}, true
		case "Fprint", "Fprintln", "Fprintf":
			if len(call.Args) > 0 && c.isLogWriter(call.Args[0]) {
				if name == "Fprintf" {
					return sink{name: "fmt.Fprintf", style: stylePrintf, msg: 1, from: 2}, true
				}
				return sink{name: "fmt." + name, style: stylePrint, msg: -1, from: 1}, true
			}
		}
	// log/slog
	case recvName == "" && pkg == slogPath, recvPkg == slogPath && recvName == "Logger":
		switch name {
		case "Debug", "Info", "Warn", "Error":
			return sink{name: "slog." + name, style: styleKV, msg: 0, from: 1}, true
		case "DebugContext", "InfoContext", "WarnContext", "ErrorContext":
			return sink{name: "slog." + name, style: styleKV, msg: 1, from: 2}, true
		case "Log":
			return sink{name: "slog.Log", style: styleKV, msg: 2, from: 3}, true
		case "LogAttrs":
			return sink{name: "slog.LogAttrs", style: styleFields, msg: 2, from: 3}, true
		case "With":
			return sink{name: "slog.With", style: styleKV, msg: -1, from: 0}, true
		}
	// zap
	case recvPkg == zapPath && recvName == "Logger":
		switch name {
		case "Debug", "Info", "Warn", "Error", "DPanic", "Panic", "Fatal":
			return sink{name: "zap Logger." + name, style: styleFields, msg: 0, from: 1}, true
		case "Log":
			return sink{name: "zap Logger.Log", style: styleFields, msg: 1, from: 2}, true
		case "With", "WithLazy":
			return sink{name: "zap Logger." + name, style: styleFields, msg: -1, from: 0}, true
		}
	case recvPkg == zapPath && recvName == "SugaredLogger":
		switch {
		case name == "With" || name == "WithLazy":
			return sink{name: "zap SugaredLogger." + name, style: styleKV, msg: -1, from: 0}, true
		case name == "Log" || name == "Logln":
			return sink{name: "zap SugaredLogger." + name, style: stylePrint, msg: -1, from: 1}, true
		case name == "Logf":
			return sink{name: "zap SugaredLogger.Logf", style: stylePrintf, msg: 1, from: 2}, true
		case name == "Logw":
			return sink{name: "zap SugaredLogger.Logw", style: styleKV, msg: 1, from: 2}, true
		case isLevel(strings.TrimSuffix(name, "ln")) && (strings.HasSuffix(name, "ln") || isLevel(name)):
			return sink{name: "zap SugaredLogger." + name, style: stylePrint, msg: -1, from: 0}, true
		case strings.HasSuffix(name, "f") && isLevel(strings.TrimSuffix(name, "f")):
			return sink{name: "zap SugaredLogger." + name, style: stylePrintf, msg: 0, from: 1}, true
		case strings.HasSuffix(name, "w") && isLevel(strings.TrimSuffix(name, "w")):
			return sink{name: "zap SugaredLogger." + name, style: styleKV, msg: 0, from: 1}, true
		}
	// logrus
	case recvName == "" && pkg == logrusPath,
		recvPkg == logrusPath && (recvName == "Logger" || recvName == "Entry" || recvName == "FieldLogger" || recvName == "Ext1FieldLogger"):
		lname := "logrus." + qual
		switch {
		case name == "WithField":
			return sink{name: lname, style: styleKeyValue, msg: -1, from: 0}, true
		case name == "WithFields":
			return sink{name: lname, style: styleMap, msg: -1, from: 0}, true
		case name == "Log" || name == "Logln":
			return sink{name: lname, style: stylePrint, msg: -1, from: 1}, true
		case name == "Logf":
			return sink{name: lname, style: stylePrintf, msg: 1, from: 2}, true
		case isLogrusLevel(name) || strings.HasSuffix(name, "ln") && isLogrusLevel(strings.TrimSuffix(name, "ln")):
			return sink{name: lname, style: stylePrint, msg: -1, from: 0}, true
		case strings.HasSuffix(name, "f") && isLogrusLevel(strings.TrimSuffix(name, "f")):
			return sink{name: lname, style: stylePrintf, msg: 0, from: 1}, true
		}
	// zerolog
	case recvPkg == zerologPath && (recvName == "Event" || recvName == "Context"):
		switch name {
		case "Str", "Strs", "Stringer", "Stringers", "Bytes", "Hex", "RawJSON", "Interface", "Any", "Object", "EmbedObject":
			if name == "EmbedObject" {
				return sink{name: "zerolog " + qual, style: stylePrint, msg: -1, from: 0}, true
			}
			return sink{name: "zerolog " + qual, style: styleKeyValue, msg: -1, from: 0}, true
		case "Msg":
			return sink{name: "zerolog Event.Msg", style: stylePrint, msg: -1, from: 0}, true
		case "Msgf":
			return sink{name: "zerolog Event.Msgf", style: stylePrintf, msg: 0, from: 1}, true
		case "Fields":
			return sink{name: "zerolog " + qual, style: styleMap, msg: -1, from: 0}, true
		}
	// logr
	case recvPkg == logrPath && recvName == "Logger":
		switch name {
		case "Info":
			return sink{name: "logr Logger.Info", style: styleKV, msg: 0, from: 1}, true
		case "Error":
			return sink{name: "logr Logger.Error", style: styleKV, msg: 1, from: 2}, true
		case "WithValues":
			return sink{name: "logr Logger.WithValues", style: styleKV, msg: -1, from: 0}, true
		}
	}
	if fn.Pkg() == c.pass.Pkg {
		if w := c.wrapper(fn); w != nil {
			return *w, true
		}
	}
	return sink{}, false
}

// wrapper returns how a function of this package passes its parameters
// to a logging call, or nil when it does not.
func (c *checker) wrapper(fn *types.Func) *sink {
	if w, ok := c.wrappers[fn]; ok {
		return w
	}
	c.wrappers[fn] = nil // also guards recursion
	decl := c.funcs[fn]
	if decl == nil {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	params := map[types.Object]int{}
	for i := 0; i < sig.Params().Len(); i++ {
		params[sig.Params().At(i)] = i
	}
	paramOf := func(e ast.Expr) (int, bool) {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return 0, false
		}
		i, ok := params[c.info.Uses[id]]
		return i, ok
	}
	var w *sink
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || w != nil {
			return w == nil
		}
		inner, ok := c.sinkOf(call)
		if !ok {
			return true
		}
		spec := sink{name: fn.Name() + " (" + inner.name + ")", style: stylePrint, msg: -1, from: sig.Params().Len()}
		args := call.Args
		found := false
		if call.Ellipsis.IsValid() && sig.Variadic() && len(args)-1 >= inner.from {
			if i, ok := paramOf(args[len(args)-1]); ok && i == sig.Params().Len()-1 {
				spec.style, spec.from, found = inner.style, i, true
			}
		}
		if inner.msg >= 0 && inner.msg < len(args) {
			if i, ok := paramOf(args[inner.msg]); ok {
				spec.msg, found = i, true
			}
		}
		for k := inner.from; k < len(args); k++ {
			if call.Ellipsis.IsValid() && k == len(args)-1 {
				break
			}
			if i, ok := paramOf(args[k]); ok && inner.style != styleFields && inner.style != styleMap {
				if inner.style == styleKV || inner.style == styleKeyValue {
					if (k-inner.from)%2 == 0 {
						continue // a key
					}
				}
				spec.values, found = append(spec.values, i), true
			}
		}
		if !found {
			return true
		}
		if spec.style == stylePrintf && spec.msg < 0 {
			spec.style = stylePrint
		}
		if spec.style == stylePrintf && spec.msg > spec.from {
			spec.style = stylePrint
		}
		w = &spec
		return false
	})
	c.wrappers[fn] = w
	return w
}

func isLevel(name string) bool {
	switch name {
	case "Debug", "Info", "Warn", "Error", "DPanic", "Panic", "Fatal":
		return true
	}
	return false
}

func isLogrusLevel(name string) bool {
	switch name {
	case "Trace", "Debug", "Info", "Print", "Warn", "Warning", "Error", "Fatal", "Panic":
		return true
	}
	return false
}

// isLogWriter reports whether w is os.Stdout, os.Stderr, log.Writer() or
// the Writer of a *log.Logger.
func (c *checker) isLogWriter(w ast.Expr) bool {
	switch x := ast.Unparen(w).(type) {
	case *ast.SelectorExpr:
		if v, ok := c.info.Uses[x.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "os" && (v.Name() == "Stdout" || v.Name() == "Stderr") {
			return true
		}
	case *ast.CallExpr:
		fn := analysisutil.Callee(c.info, x)
		return analysisutil.IsFunc(fn, "log", "Writer") || analysisutil.IsMethod(fn, "log", "Logger", "Writer")
	}
	return false
}

func (c *checker) checkCall(call *ast.CallExpr, s sink) {
	args := call.Args
	if call.Ellipsis.IsValid() && len(args) > 0 {
		// args... : follow a local slice literal.
		last := args[len(args)-1]
		args = args[:len(args)-1]
		if elts := c.sliceElems(last); elts != nil {
			args = append(append([]ast.Expr{}, args...), elts...)
		}
	}
	if s.msg >= 0 && s.msg < len(args) && s.style != stylePrintf {
		c.checkValue(args[s.msg], s)
	}
	var rest []ast.Expr
	if s.from <= len(args) {
		rest = args[s.from:]
	}
	switch s.style {
	case stylePrint:
		for _, a := range rest {
			c.checkValue(a, s)
		}
	case stylePrintf:
		if s.msg < 0 || s.msg >= len(args) {
			return
		}
		format := args[s.msg]
		c.checkValue(format, s)
		verbs, ok := printfVerbs(c.info, format)
		for i, a := range rest {
			if ok && i < len(verbs) && (verbs[i] == 'T' || verbs[i] == 'p') {
				continue
			}
			c.checkValue(a, s)
		}
	case styleKV:
		for i := 0; i < len(rest); i++ {
			a := rest[i]
			if c.isFieldType(c.info.TypeOf(a)) {
				c.checkField(a, s, 0)
				continue
			}
			if i+1 < len(rest) {
				c.checkKeyed(a, rest[i+1], s)
				i++
				continue
			}
			c.checkValue(a, s)
		}
	case styleFields:
		for _, a := range rest {
			c.checkField(a, s, 0)
		}
	case styleKeyValue:
		if len(rest) >= 2 {
			c.checkKeyed(rest[0], rest[1], s)
		} else if len(rest) == 1 {
			c.checkValue(rest[0], s)
		}
	case styleMap:
		if len(rest) == 1 {
			c.checkMap(rest[0], s, 0)
		}
	}
	for _, i := range s.values {
		if i < len(args) {
			c.checkValue(args[i], s)
		}
	}
}

// isFieldType reports whether t is a slog.Attr or a zap field, which take
// one slot in a key-value list.
func (c *checker) isFieldType(t types.Type) bool {
	return t != nil && (analysisutil.IsNamed(t, slogPath, "Attr") || analysisutil.IsNamed(t, zapPath+"/zapcore", "Field"))
}

// checkField checks a zap field or slog attribute expression.
func (c *checker) checkField(e ast.Expr, s sink, depth int) {
	if depth > 3 {
		return
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := analysisutil.Callee(c.info, x)
		if fn == nil || fn.Pkg() == nil {
			return
		}
		p := fn.Pkg().Path()
		if (p == zapPath || p == slogPath) && len(x.Args) >= 2 {
			if _, isKey := analysisutil.StringConst(c.info, x.Args[0]); isKey || isStringType(c.info.TypeOf(x.Args[0])) {
				if fn.Name() == "Group" || fn.Name() == "Dict" {
					for _, a := range x.Args[1:] {
						c.checkField(a, s, depth+1)
					}
					return
				}
				c.checkKeyed(x.Args[0], x.Args[1], s)
			}
		}
	case *ast.Ident:
		for _, d := range c.localDefs(x) {
			c.checkField(d, s, depth+1)
		}
	case *ast.CompositeLit:
		if analysisutil.IsNamed(c.info.TypeOf(x), slogPath, "Attr") {
			if k, ok := analysisutil.Field(c.info, x, "Key"); ok {
				if v, ok := analysisutil.Field(c.info, x, "Value"); ok {
					if vc, ok := ast.Unparen(v).(*ast.CallExpr); ok && len(vc.Args) == 1 {
						v = vc.Args[0] // slog.StringValue(x)
					}
					c.checkKeyed(k, v, s)
				}
			}
		}
	}
}

// checkMap checks a logrus.Fields (or zerolog map) argument.
func (c *checker) checkMap(e ast.Expr, s sink, depth int) {
	if depth > 3 {
		return
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				c.checkKeyed(kv.Key, kv.Value, s)
			}
		}
	case *ast.Ident:
		for _, d := range c.localDefs(x) {
			c.checkMap(d, s, depth+1)
		}
	}
}

// sliceElems returns the elements of a local slice variable built from a
// literal and appends, for calls passing fields... .
func (c *checker) sliceElems(e ast.Expr) []ast.Expr {
	var out []ast.Expr
	var walk func(e ast.Expr, depth int)
	walk = func(e ast.Expr, depth int) {
		if depth > 4 {
			return
		}
		switch x := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			out = append(out, x.Elts...)
		case *ast.Ident:
			for _, d := range c.localDefs(x) {
				walk(d, depth+1)
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
				if b, ok := c.info.Uses[id].(*types.Builtin); ok && b.Name() == "append" && len(x.Args) > 0 {
					walk(x.Args[0], depth+1)
					if !x.Ellipsis.IsValid() {
						out = append(out, x.Args[1:]...)
					}
				}
			}
		}
	}
	walk(e, 0)
	return out
}

// checkKeyed checks a value logged under a key.
func (c *checker) checkKeyed(key, value ast.Expr, s sink) {
	if k, ok := analysisutil.StringConst(c.info, key); ok && secretName(k) {
		if c.opaqueValue(value) {
			return
		}
		c.report(value, fmt.Sprintf("value logged under the key %q", k), s)
		return
	}
	c.checkValue(value, s)
}

// opaqueValue reports whether a value logged under a secret-looking key
// cannot be the secret: a constant, a number or boolean, an error, a
// redacted, hashed or truncated form.
func (c *checker) opaqueValue(e ast.Expr) bool {
	e = ast.Unparen(e)
	if tv, ok := c.info.Types[e]; ok && (tv.Value != nil || tv.IsNil()) {
		return true
	}
	if harmless(c.info.TypeOf(e)) {
		return true
	}
	switch x := e.(type) {
	case *ast.SliceExpr:
		return true
	case *ast.CallExpr:
		if _, ok := c.transparent(x); ok {
			return false
		}
		fn := analysisutil.Callee(c.info, x)
		if fn == nil {
			return false
		}
		if redactingName(fn.Name()) || isHashPackage(fn) {
			return true
		}
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if b, ok := c.info.Uses[id].(*types.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
				return true
			}
		}
	}
	return false
}

func isHashPackage(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	p := fn.Pkg().Path()
	return strings.HasPrefix(p, "crypto/") || strings.HasPrefix(p, "hash") || strings.HasPrefix(p, "golang.org/x/crypto/")
}

// checkValue reports v when it holds a secret.
func (c *checker) checkValue(v ast.Expr, s sink) {
	if desc, ok := c.secretIn(v, 0); ok {
		c.report(v, desc, s)
	}
}

func (c *checker) report(e ast.Expr, desc string, s sink) {
	if c.reported[e.Pos()] {
		return
	}
	c.reported[e.Pos()] = true
	c.pass.Report(analysis.Diagnostic{
		Pos:     e.Pos(),
		End:     e.End(),
		Message: fmt.Sprintf("secret logged by %s: %s; anyone with access to the logs can read and use it: remove it or log a redacted form", s.name, desc),
	})
}

// localDefs returns the values a local variable is assigned in the
// declaration being checked (nil when it is not a local variable).
func (c *checker) localDefs(id *ast.Ident) []ast.Expr {
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || v.IsField() {
		return nil
	}
	defs, ok := c.decls[c.cur]
	if !ok {
		defs = map[types.Object][]ast.Expr{}
		c.decls[c.cur] = defs
		ast.Inspect(c.cur, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					id, ok := lhs.(*ast.Ident)
					if !ok {
						continue
					}
					obj := c.info.ObjectOf(id)
					switch {
					case len(n.Lhs) == len(n.Rhs):
						defs[obj] = append(defs[obj], n.Rhs[i])
					case i == 0 && len(n.Rhs) == 1:
						defs[obj] = append(defs[obj], n.Rhs[0]) // v, err := f(): the call's first result
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if len(n.Values) == len(n.Names) {
						obj := c.info.Defs[name]
						defs[obj] = append(defs[obj], n.Values[i])
					}
				}
			}
			return true
		})
	}
	return defs[v]
}

// harmless reports whether values of t cannot carry a secret's text:
// numbers, booleans, times, durations, functions, channels and errors.
func harmless(t types.Type) bool {
	if t == nil {
		return false
	}
	if analysisutil.IsNamed(t, "time", "Time") {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&(types.IsNumeric|types.IsBoolean) != 0 || u.Kind() == types.UntypedNil
	case *types.Signature, *types.Chan:
		return true
	case *types.Interface:
		return types.Identical(t, types.Universe.Lookup("error").Type())
	}
	return false
}

func isStringType(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// knownSecretType describes a type whose values are secrets, or "".
func knownSecretType(t types.Type) string {
	n := analysisutil.NamedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return ""
	}
	p, name := n.Obj().Pkg().Path(), n.Obj().Name()
	switch {
	case name == "PrivateKey" && (p == "crypto/rsa" || p == "crypto/ecdsa" || p == "crypto/ed25519" || p == "crypto/ecdh" || p == "crypto/dsa"):
		return "a " + n.Obj().Pkg().Name() + ".PrivateKey"
	case p == "crypto/tls" && name == "Certificate":
		return "a tls.Certificate with its private key"
	case p == "golang.org/x/oauth2" && name == "Token":
		return "an oauth2.Token"
	case name == "Token" && (analysisutil.PathIn(p, "github.com/golang-jwt/jwt") || p == "github.com/dgrijalva/jwt-go" || analysisutil.PathIn(p, "github.com/form3tech-oss/jwt-go")):
		return "a JWT token"
	case p == "net/http" && name == "Cookie":
		return "an http.Cookie"
	case p == "net/http" && name == "Header":
		return "request headers (Authorization, Cookie)"
	case p == "net/http" && name == "Request":
		return "a whole http.Request with its headers"
	}
	return ""
}

var renderMethods = []string{"String", "Format", "GoString", "LogValue", "MarshalLogObject", "MarshalZerologObject", "MarshalJSON", "MarshalText", "Error"}

// formatsItself reports whether values of t control how they are printed
// or encoded (and can thus redact themselves).
func formatsItself(t types.Type) bool {
	for _, m := range renderMethods {
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, m); obj != nil {
			if _, ok := obj.(*types.Func); ok {
				return true
			}
		}
	}
	return false
}

// customFormat reports whether t has a rendering method declared outside
// the standard library: such types may print a redacted form.
func customFormat(t types.Type) bool {
	if t == nil {
		return false
	}
	for _, m := range renderMethods {
		obj, _, _ := types.LookupFieldOrMethod(t, true, nil, m)
		if fn, ok := obj.(*types.Func); ok && fn.Pkg() != nil && !isStd(fn.Pkg().Path()) {
			return true
		}
	}
	return false
}

func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// secretType describes why values of t are secrets, or "".
func (c *checker) secretType(t types.Type) string {
	if t == nil {
		return ""
	}
	if d := knownSecretType(t); d != "" {
		return d
	}
	// A named string or byte-slice type named like a secret, unless it
	// prints itself (and so may redact).
	if n, ok := types.Unalias(t).(*types.Named); ok && secretName(n.Obj().Name()) && !formatsItself(t) {
		switch u := n.Underlying().(type) {
		case *types.Basic:
			if u.Info()&types.IsString != 0 {
				return "a value of type " + n.Obj().Name()
			}
		case *types.Slice:
			if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
				return "a value of type " + n.Obj().Name()
			}
		}
	}
	return ""
}

// structSecret reports a secret field of a struct value logged whole.
func (c *checker) structSecret(t types.Type, depth int) (string, bool) {
	if depth > 2 || t == nil {
		return "", false
	}
	if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || formatsItself(t) {
		return "", false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		tag := reflect.StructTag(st.Tag(i))
		if hidden(tag) {
			continue
		}
		ft := f.Type()
		if harmless(ft) || isHTTPMessage(ft) {
			continue // headers of a nested request or response: too indirect
		}
		if secretName(f.Name()) || c.secretType(ft) != "" {
			return f.Name(), true
		}
		if name, ok := c.structSecret(ft, depth+1); ok {
			return f.Name() + "." + name, true
		}
	}
	return "", false
}

// isHTTPMessage reports whether t is an http.Header, Request or Response.
func isHTTPMessage(t types.Type) bool {
	return analysisutil.IsNamed(t, "net/http", "Header") || analysisutil.IsNamed(t, "net/http", "Request") || analysisutil.IsNamed(t, "net/http", "Response")
}

func hidden(tag reflect.StructTag) bool {
	for _, k := range []string{"json", "yaml", "log", "zap", "mask"} {
		if v, ok := tag.Lookup(k); ok && v == "-" {
			return true
		}
	}
	return false
}

// Functions that return their (first) argument's text transformed but
// still readable.
func (c *checker) transparent(call *ast.CallExpr) ([]ast.Expr, bool) {
	if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
		return call.Args, len(call.Args) == 1 // a conversion
	}
	fn := analysisutil.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil {
		return nil, false
	}
	p := fn.Pkg().Path()
	recvPkg, recvName := analysisutil.ReceiverNamed(fn)
	switch {
	case recvName == "" && p == "fmt" && (fn.Name() == "Sprintf" || fn.Name() == "Sprint" || fn.Name() == "Sprintln" || fn.Name() == "Errorf"):
		args := call.Args
		if fn.Name() == "Sprintf" || fn.Name() == "Errorf" {
			if len(args) == 0 {
				return nil, false
			}
			verbs, ok := printfVerbs(c.info, args[0])
			var out []ast.Expr
			out = append(out, args[0])
			for i, a := range args[1:] {
				if ok && i < len(verbs) && (verbs[i] == 'T' || verbs[i] == 'p') {
					continue
				}
				out = append(out, a)
			}
			return out, true
		}
		return args, true
	case recvName == "" && p == "strings":
		switch fn.Name() {
		case "TrimSpace", "ToLower", "ToUpper", "Trim", "TrimPrefix", "TrimSuffix", "TrimLeft", "TrimRight", "Clone", "Title", "ToTitle":
			if len(call.Args) > 0 {
				return call.Args[:1], true
			}
		case "Join":
			if len(call.Args) > 0 {
				return call.Args[:1], true
			}
		}
	case recvName == "" && (p == "encoding/hex" || p == "encoding/base32") && fn.Name() == "EncodeToString":
		return call.Args, true
	case (recvPkg == "encoding/base64" || recvPkg == "encoding/base32") && recvName == "Encoding" && fn.Name() == "EncodeToString":
		return call.Args, true
	case recvName == "" && p == "strconv" && fn.Name() == "Quote":
		return call.Args, true
	case recvName == "" && p == "net/http/httputil" && (fn.Name() == "DumpRequest" || fn.Name() == "DumpRequestOut"):
		return nil, false
	}
	return nil, false
}

// secretIn reports whether e holds a secret, and describes it.
func (c *checker) secretIn(e ast.Expr, depth int) (string, bool) {
	if depth > 4 || e == nil {
		return "", false
	}
	e = ast.Unparen(e)
	tv, ok := c.info.Types[e]
	if !ok || tv.Value != nil || tv.IsType() {
		return "", false
	}
	t := tv.Type
	if harmless(t) {
		return "", false
	}
	if d := c.secretType(t); d != "" {
		return exprText(e) + " is " + d, true
	}
	named := !customFormat(t) // names count unless the type renders itself
	switch x := e.(type) {
	case *ast.Ident:
		defs := c.localDefs(x)
		if named && secretName(x.Name) && !c.allOpaque(defs) {
			return quoteName(x.Name), true
		}
		for _, d := range defs {
			if desc, ok := c.secretIn(d, depth+1); ok {
				return x.Name + " holds " + desc, true
			}
		}
	case *ast.SelectorExpr:
		if named && secretName(x.Sel.Name) {
			return quoteName(exprText(x)), true
		}
	case *ast.CallExpr:
		if args, ok := c.transparent(x); ok {
			for _, a := range args {
				if desc, ok := c.secretIn(a, depth+1); ok {
					return desc, true
				}
			}
			return "", false
		}
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if _, ok := c.info.Uses[id].(*types.Builtin); ok {
				return "", false
			}
		}
		fn := analysisutil.Callee(c.info, x)
		if fn == nil {
			return "", false
		}
		if redactingName(fn.Name()) || isHashPackage(fn) {
			return "", false
		}
		if analysisutil.IsFunc(fn, "net/http/httputil", "DumpRequest", "DumpRequestOut") {
			return "a request dump with its headers (Authorization, Cookie)", true
		}
		// x.String(), x.Bytes(): the receiver's text, unless the type
		// renders itself.
		if (fn.Name() == "String" || fn.Name() == "Bytes") && len(x.Args) == 0 {
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				rt := c.info.TypeOf(sel.X)
				if d := c.secretType(rt); d != "" {
					return exprText(x) + " is " + d, true
				}
				if customFormat(rt) {
					return "", false
				}
				return c.secretIn(sel.X, depth+1)
			}
		}
		// A getter reading a value under a secret's name:
		// os.Getenv("DB_PASSWORD"), r.Header.Get("Authorization").
		for _, a := range x.Args {
			if k, ok := analysisutil.StringConst(c.info, a); ok && getter(fn.Name()) && secretName(k) {
				return fmt.Sprintf("%s reads %q", exprText(x.Fun), k), true
			}
		}
		if named && secretName(fn.Name()) {
			return "the result of " + fn.Name(), true
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			if desc, ok := c.secretIn(x.X, depth+1); ok {
				return desc, true
			}
			return c.secretIn(x.Y, depth+1)
		}
		return "", false
	case *ast.IndexExpr:
		if k, ok := analysisutil.StringConst(c.info, x.Index); ok && secretName(k) {
			return fmt.Sprintf("%s[%q]", exprText(x.X), k), true
		}
		if _, isMap := c.info.TypeOf(x.X).Underlying().(*types.Map); !isMap {
			return c.secretIn(x.X, depth+1)
		}
	case *ast.StarExpr:
		return c.secretIn(x.X, depth+1)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return c.secretIn(x.X, depth+1)
		}
	case *ast.TypeAssertExpr:
		return c.secretIn(x.X, depth+1)
	case *ast.SliceExpr:
		return "", false // a prefix of a secret is a common redaction
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			key := ""
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					key = id.Name
				} else if k, ok := analysisutil.StringConst(c.info, kv.Key); ok {
					key = k
				}
				elt = kv.Value
			}
			if key != "" && secretName(key) && !c.opaqueValue(elt) {
				return fmt.Sprintf("a literal with %s set", key), true
			}
			if desc, ok := c.secretIn(elt, depth+1); ok {
				return desc, true
			}
		}
		return "", false
	}
	// A struct logged whole, with a secret field.
	if field, ok := c.structSecret(t, 0); ok {
		return fmt.Sprintf("%s has the field %s", exprText(e), field), true
	}
	return "", false
}

// allOpaque reports whether a local variable's definitions are all opaque
// (a constant, a redacted or hashed form): then its name does not matter.
func (c *checker) allOpaque(defs []ast.Expr) bool {
	if len(defs) == 0 {
		return false
	}
	for _, d := range defs {
		if !c.opaqueValue(d) {
			return false
		}
	}
	return true
}

// getter reports whether a function or method name reads a value under a
// key: Getenv, LookupEnv, Get, GetString, FormValue, Query, Param, ...
func getter(name string) bool {
	switch name {
	case "Getenv", "LookupEnv", "FormValue", "PostFormValue", "PostForm", "DefaultPostForm", "Query",
		"DefaultQuery", "QueryParam", "Param", "Value", "Values", "Lookup", "MustGet", "Header", "FormFile":
		return true
	}
	return strings.HasPrefix(name, "Get")
}

func quoteName(s string) string { return s + " is named like a secret" }

// exprText renders an expression for a message, shortened.
func exprText(e ast.Expr) string {
	s := types.ExprString(e)
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}

// printfVerbs returns the verb of each argument of a constant format.
func printfVerbs(info *types.Info, format ast.Expr) ([]rune, bool) {
	f, ok := analysisutil.StringConst(info, format)
	if !ok {
		return nil, false
	}
	var verbs []rune
	rs := []rune(f)
	for i := 0; i < len(rs); i++ {
		if rs[i] != '%' {
			continue
		}
		i++
		for i < len(rs) && strings.ContainsRune("+-# 0123456789.*[]", rs[i]) {
			if rs[i] == '*' {
				verbs = append(verbs, 'd')
			}
			if rs[i] == '[' {
				return nil, false // explicit argument indexes: not followed
			}
			i++
		}
		if i >= len(rs) {
			break
		}
		if rs[i] == '%' {
			continue
		}
		verbs = append(verbs, rs[i])
	}
	return verbs, true
}
