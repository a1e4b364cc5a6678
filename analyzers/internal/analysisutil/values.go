package analysisutil

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// This file holds a small, flow-insensitive def-use index over the files of
// a package, and the resolution of string values through it.

// MaxValueDepth bounds how many definitions, operands and calls a
// ValueIndex follows from an expression before it gives up; analyzers that
// walk the index themselves use it as their bound too.
const MaxValueDepth = 8

// maxValues is how many distinct values a ValueIndex keeps for one
// expression before it calls the expression unknown.
const maxValues = 16

// StrVal is one value a string expression may hold: the whole string, or
// only a known prefix of it.
type StrVal struct {
	S        string // the value, or its known prefix
	Complete bool   // whether S is the whole value
}

// UnknownValue returns the value list that means nothing is known: a single
// entry with an empty, incomplete prefix.
func UnknownValue() []StrVal { return []StrVal{{}} }

// LimitValues removes duplicate values from vs, and returns UnknownValue
// when more than a handful remain.
func LimitValues(vs []StrVal) []StrVal {
	seen := map[StrVal]bool{}
	var out []StrVal
	for _, v := range vs {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	if len(out) > maxValues {
		return UnknownValue()
	}
	return out
}

// AddrHost returns the host part of a listen or dial address "host:port",
// and whether it is known: an address known only up to a prefix has a
// known host when the prefix reaches the port separator.
func AddrHost(v StrVal) (string, bool) {
	s := v.S
	if v.Complete {
		if host, _, err := net.SplitHostPort(s); err == nil {
			return host, true
		}
		return strings.TrimSuffix(strings.TrimPrefix(s, "["), "]"), true
	}
	if strings.HasPrefix(s, "[") {
		if i := strings.Index(s, "]"); i >= 0 {
			return s[1:i], true
		}
		return "", false
	}
	if i := strings.IndexByte(s, ':'); i >= 0 {
		return s[:i], true
	}
	return "", false
}

// Assignment is one definition of a variable or struct field recorded by a
// ValueIndex.
type Assignment struct {
	RHS     ast.Expr // the value; with Index >= 0, the call returning a tuple
	Index   int      // position in the tuple RHS returns, or -1
	Zero    bool     // declared without a value (var v T)
	Unknown bool     // a definition that cannot be followed (&v, v += x, range, ...)
}

// ValueOptions adapts a ValueIndex to an analyzer.
type ValueOptions struct {
	// FlagDefaults makes the default value of a string flag a definition
	// of the variable it is stored in: flag.StringVar(&v, name, def, usage)
	// (or the FlagSet method) defines v as def, and *p, for
	// p := flag.String(name, def, usage), resolves to def. Without it, &v
	// makes v unknown and *p is not resolved.
	FlagDefaults bool
	// Call, when set, resolves the calls the index does not know itself
	// (it knows fmt.Sprintf with a constant format and net.JoinHostPort).
	// It returns false for a call it does not know either, which is then
	// unknown. depth is the depth of the call; the operands it resolves
	// through ix.ValuesAt should be at depth+1.
	Call func(ix *ValueIndex, call *ast.CallExpr, depth int) ([]StrVal, bool)
}

// ValueIndex records, for the package being analysed (its _test.go files
// left out: test fixtures say nothing about production code), the parent
// of every node, the values assigned to every variable and struct field,
// and where each is read. Through it, Values resolves the possible values
// of string expressions.
type ValueIndex struct {
	info    *types.Info
	opts    ValueOptions
	parent  map[ast.Node]ast.Node
	assigns map[types.Object][]Assignment
	uses    map[types.Object][]ast.Expr
}

// NewValueIndex indexes the files of pass.
func NewValueIndex(pass *analysis.Pass, opts ValueOptions) *ValueIndex {
	ix := &ValueIndex{
		info:    pass.TypesInfo,
		opts:    opts,
		parent:  map[ast.Node]ast.Node{},
		assigns: map[types.Object][]Assignment{},
		uses:    map[types.Object][]ast.Expr{},
	}
	for _, f := range NonTestFiles(pass) {
		InspectStack(f, func(n ast.Node, stack []ast.Node) bool {
			if len(stack) > 0 {
				ix.parent[n] = stack[len(stack)-1]
			}
			ix.record(n)
			return true
		})
	}
	return ix
}

// Info returns the type information of the indexed package.
func (ix *ValueIndex) Info() *types.Info { return ix.info }

// Parent returns the parent of n in the syntax tree, or nil.
func (ix *ValueIndex) Parent(n ast.Node) ast.Node { return ix.parent[n] }

// Up returns the parent of n, skipping parentheses.
func (ix *ValueIndex) Up(n ast.Node) ast.Node {
	p := ix.parent[n]
	for {
		pe, ok := p.(*ast.ParenExpr)
		if !ok {
			return p
		}
		p = ix.parent[pe]
	}
}

// Assigns returns the definitions of a variable or field.
func (ix *ValueIndex) Assigns(obj types.Object) []Assignment { return ix.assigns[obj] }

// Uses returns the expressions (identifiers, or the selectors x.f for a
// field f) that mention a variable or field, the left-hand sides of
// assignments included.
func (ix *ValueIndex) Uses(obj types.Object) []ast.Expr { return ix.uses[obj] }

// Reads returns the expressions that read obj: its uses, except the
// left-hand sides of assignments.
func (ix *ValueIndex) Reads(obj types.Object) []ast.Expr {
	var out []ast.Expr
	for _, e := range ix.uses[obj] {
		if as, ok := ix.parent[e].(*ast.AssignStmt); ok {
			isLHS := false
			for _, l := range as.Lhs {
				if l == e {
					isLHS = true
				}
			}
			if isLHS {
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

func (ix *ValueIndex) add(obj types.Object, a Assignment) {
	if obj != nil {
		ix.assigns[obj] = append(ix.assigns[obj], a)
	}
}

func (ix *ValueIndex) record(n ast.Node) {
	info := ix.info
	switch n := n.(type) {
	case *ast.AssignStmt:
		for i, lhs := range n.Lhs {
			obj := ix.LvalueObject(lhs)
			if obj == nil {
				continue
			}
			switch {
			case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
				ix.add(obj, Assignment{Unknown: true})
			case len(n.Lhs) == len(n.Rhs):
				ix.add(obj, Assignment{RHS: n.Rhs[i], Index: -1})
			case len(n.Rhs) == 1:
				ix.add(obj, Assignment{RHS: n.Rhs[0], Index: i})
			}
		}
	case *ast.ValueSpec:
		for i, name := range n.Names {
			obj := info.Defs[name]
			switch {
			case len(n.Values) == len(n.Names):
				ix.add(obj, Assignment{RHS: n.Values[i], Index: -1})
			case len(n.Values) == 1:
				ix.add(obj, Assignment{RHS: n.Values[0], Index: i})
			case len(n.Values) == 0:
				ix.add(obj, Assignment{Zero: true, Index: -1})
			}
		}
	case *ast.IncDecStmt:
		ix.add(ix.LvalueObject(n.X), Assignment{Unknown: true})
	case *ast.RangeStmt:
		if n.Key != nil {
			ix.add(ix.LvalueObject(n.Key), Assignment{Unknown: true})
		}
		if n.Value != nil {
			ix.add(ix.LvalueObject(n.Value), Assignment{Unknown: true})
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			if obj := ix.LvalueObject(n.X); obj != nil {
				if def, ok := ix.flagVarDefault(n); ok {
					ix.add(obj, Assignment{RHS: def, Index: -1})
				} else if !isStructLit(n.X) {
					ix.add(obj, Assignment{Unknown: true})
				}
			}
		}
	case *ast.CompositeLit:
		// Fields set in a struct literal are definitions of the field.
		t := info.TypeOf(n)
		if t == nil {
			return
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return
		}
		for i, elt := range n.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					ix.add(info.Uses[id], Assignment{RHS: kv.Value, Index: -1})
				}
			} else if i < st.NumFields() {
				ix.add(st.Field(i), Assignment{RHS: elt, Index: -1})
			}
		}
	case *ast.Ident:
		if v, ok := info.Uses[n].(*types.Var); ok {
			var e ast.Expr = n
			if sel, ok := ix.parent[n].(*ast.SelectorExpr); ok && sel.Sel == n {
				e = sel
			}
			ix.uses[v] = append(ix.uses[v], e)
		}
	}
}

func isStructLit(e ast.Expr) bool {
	_, ok := ast.Unparen(e).(*ast.CompositeLit)
	return ok
}

// flagVarDefault recognises &v as the first argument of flag.StringVar (or
// the FlagSet method), whose default value is then a definition of v. It
// recognises nothing without ValueOptions.FlagDefaults.
func (ix *ValueIndex) flagVarDefault(u *ast.UnaryExpr) (ast.Expr, bool) {
	if !ix.opts.FlagDefaults {
		return nil, false
	}
	call, ok := ix.parent[u].(*ast.CallExpr)
	if !ok || len(call.Args) != 4 || call.Args[0] != u {
		return nil, false
	}
	fn := Callee(ix.info, call)
	if IsFunc(fn, "flag", "StringVar") || IsMethod(fn, "flag", "FlagSet", "StringVar") {
		return call.Args[2], true
	}
	return nil, false
}

// LvalueObject returns the variable or field an assignable expression
// names: v, x.f (the field, for every x), pkg.V or *v. It returns nil for
// the blank identifier and anything else.
func (ix *ValueIndex) LvalueObject(e ast.Expr) types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		if x.Name == "_" {
			return nil
		}
		if v, ok := ix.info.ObjectOf(x).(*types.Var); ok {
			return v
		}
	case *ast.SelectorExpr:
		if sel, ok := ix.info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			return sel.Obj()
		}
		if v, ok := ix.info.Uses[x.Sel].(*types.Var); ok {
			return v // a package-level variable of another package
		}
	case *ast.StarExpr:
		return ix.LvalueObject(x.X)
	}
	return nil
}

// RootObject returns the variable or field an expression such as x, x.f,
// *x or &x refers to, or nil.
func (ix *ValueIndex) RootObject(e ast.Expr) types.Object {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	return ix.LvalueObject(e)
}

// Values returns the possible values of the string expression e: one entry
// per definition reaching it, each complete or a known prefix (an entry
// with an empty, incomplete prefix means nothing is known).
func (ix *ValueIndex) Values(e ast.Expr) []StrVal {
	return ix.ValuesAt(e, 0)
}

// ValuesAt is Values for an expression reached after following depth
// definitions, operands or calls; beyond MaxValueDepth nothing is known.
func (ix *ValueIndex) ValuesAt(e ast.Expr, depth int) []StrVal {
	if depth > MaxValueDepth {
		return UnknownValue()
	}
	if s, ok := StringConst(ix.info, e); ok {
		return []StrVal{{s, true}}
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.SelectorExpr:
		return ix.objectValues(ix.LvalueObject(x), depth)
	case *ast.StarExpr:
		if ix.opts.FlagDefaults {
			return ix.flagValues(x, depth)
		}
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return UnknownValue()
		}
		var out []StrVal
		for _, l := range ix.ValuesAt(x.X, depth+1) {
			if !l.Complete {
				out = append(out, l)
				continue
			}
			for _, r := range ix.ValuesAt(x.Y, depth+1) {
				out = append(out, StrVal{l.S + r.S, r.Complete})
			}
		}
		return LimitValues(out)
	case *ast.CallExpr:
		return ix.callValues(x, depth)
	}
	return UnknownValue()
}

// flagValues resolves *p where p := flag.String(name, default, usage) (or
// the FlagSet method) to the default.
func (ix *ValueIndex) flagValues(x *ast.StarExpr, depth int) []StrVal {
	obj := ix.LvalueObject(x.X)
	if obj == nil {
		return UnknownValue()
	}
	as := ix.assigns[obj]
	if len(as) != 1 || as[0].Index >= 0 || as[0].RHS == nil {
		return UnknownValue()
	}
	if call, ok := ast.Unparen(as[0].RHS).(*ast.CallExpr); ok && len(call.Args) == 3 {
		fn := Callee(ix.info, call)
		if IsFunc(fn, "flag", "String") || IsMethod(fn, "flag", "FlagSet", "String") {
			return ix.ValuesAt(call.Args[1], depth+1)
		}
	}
	return UnknownValue()
}

// objectValues returns the values of a variable or field from its
// definitions.
func (ix *ValueIndex) objectValues(obj types.Object, depth int) []StrVal {
	v, ok := obj.(*types.Var)
	if !ok {
		return UnknownValue()
	}
	as := ix.assigns[v]
	if len(as) == 0 {
		return UnknownValue()
	}
	var out []StrVal
	for _, a := range as {
		switch {
		case a.Unknown:
			return UnknownValue()
		case a.Zero:
			if len(as) == 1 {
				out = append(out, StrVal{"", true})
			}
		case a.Index >= 0:
			return UnknownValue()
		default:
			out = append(out, ix.ValuesAt(a.RHS, depth+1)...)
		}
	}
	if len(out) == 0 {
		return UnknownValue()
	}
	return LimitValues(out)
}

// callValues resolves fmt.Sprintf with a constant format,
// net.JoinHostPort, and what ValueOptions.Call knows.
func (ix *ValueIndex) callValues(call *ast.CallExpr, depth int) []StrVal {
	fn := Callee(ix.info, call)
	switch {
	case IsFunc(fn, "fmt", "Sprintf") && len(call.Args) >= 1 && call.Ellipsis == token.NoPos:
		format, ok := StringConst(ix.info, call.Args[0])
		if !ok {
			return UnknownValue()
		}
		return []StrVal{ix.sprintf(format, call.Args[1:], depth)}
	case IsFunc(fn, "net", "JoinHostPort") && len(call.Args) == 2:
		var out []StrVal
		for _, h := range ix.ValuesAt(call.Args[0], depth+1) {
			if !h.Complete {
				out = append(out, StrVal{})
				continue
			}
			host := h.S
			if strings.Contains(host, ":") {
				host = "[" + host + "]"
			}
			for _, p := range ix.ValuesAt(call.Args[1], depth+1) {
				out = append(out, StrVal{host + ":" + p.S, p.Complete})
			}
		}
		return LimitValues(out)
	}
	if ix.opts.Call != nil {
		if vals, ok := ix.opts.Call(ix, call, depth); ok {
			return vals
		}
	}
	return UnknownValue()
}

// sprintf returns the known prefix of fmt.Sprintf(format, args...): the
// text up to the first verb whose operand is not a constant.
func (ix *ValueIndex) sprintf(format string, args []ast.Expr, depth int) StrVal {
	var b strings.Builder
	arg := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.", format[j]) >= 0 {
			j++
		}
		if j >= len(format) {
			return StrVal{b.String(), false}
		}
		verb := format[j]
		if verb == '%' && j == i+1 {
			b.WriteByte('%')
			i = j
			continue
		}
		if j != i+1 || arg >= len(args) || strings.IndexByte("svd", verb) < 0 {
			return StrVal{b.String(), false}
		}
		tv, ok := ix.info.Types[args[arg]]
		arg++
		if !ok || tv.Value == nil {
			vals := ix.ValuesAt(args[arg-1], depth+1)
			if len(vals) != 1 || !vals[0].Complete {
				return StrVal{b.String(), false}
			}
			b.WriteString(vals[0].S)
		} else {
			switch tv.Value.Kind() {
			case constant.String:
				b.WriteString(constant.StringVal(tv.Value))
			case constant.Int:
				b.WriteString(tv.Value.ExactString())
			default:
				return StrVal{b.String(), false}
			}
		}
		i = j
	}
	return StrVal{b.String(), true}
}
