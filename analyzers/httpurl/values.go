package httpurl

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sdlkit/sdlkit/analyzers/internal/analysisutil"
)

// This file holds a small, flow-insensitive def-use index over the files of
// a package, and the resolution of string values through it.

// index records, for the package being analysed, the parent of every node,
// the values assigned to every variable and struct field, and where each is
// read.
type index struct {
	pass    *analysis.Pass
	info    *types.Info
	parent  map[ast.Node]ast.Node
	assigns map[types.Object][]assignment
	uses    map[types.Object][]ast.Expr
}

// assignment is one definition of a variable or field.
type assignment struct {
	rhs     ast.Expr // the value; with index >= 0, the call returning a tuple
	index   int      // position in the tuple rhs returns, or -1
	zero    bool     // declared without a value (var v T)
	unknown bool     // a definition we cannot follow (&v, v += x, range, ...)
}

const maxDepth = 8

func newIndex(pass *analysis.Pass) *index {
	ix := &index{
		pass:    pass,
		info:    pass.TypesInfo,
		parent:  map[ast.Node]ast.Node{},
		assigns: map[types.Object][]assignment{},
		uses:    map[types.Object][]ast.Expr{},
	}
	for _, f := range pass.Files {
		// Definitions in _test.go files (test fixtures setting a field to
		// "http://example.com") say nothing about production code.
		if analysisutil.IsTestFile(pass.Fset, f.Pos()) {
			continue
		}
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if len(stack) > 0 {
				ix.parent[n] = stack[len(stack)-1]
			}
			stack = append(stack, n)
			ix.record(n)
			return true
		})
	}
	return ix
}

func (ix *index) add(obj types.Object, a assignment) {
	if obj != nil {
		ix.assigns[obj] = append(ix.assigns[obj], a)
	}
}

func (ix *index) record(n ast.Node) {
	info := ix.info
	switch n := n.(type) {
	case *ast.AssignStmt:
		for i, lhs := range n.Lhs {
			obj := ix.lvalueObject(lhs)
			if obj == nil {
				continue
			}
			switch {
			case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
				ix.add(obj, assignment{unknown: true})
			case len(n.Lhs) == len(n.Rhs):
				ix.add(obj, assignment{rhs: n.Rhs[i], index: -1})
			case len(n.Rhs) == 1:
				ix.add(obj, assignment{rhs: n.Rhs[0], index: i})
			}
		}
	case *ast.ValueSpec:
		for i, name := range n.Names {
			obj := info.Defs[name]
			switch {
			case len(n.Values) == len(n.Names):
				ix.add(obj, assignment{rhs: n.Values[i], index: -1})
			case len(n.Values) == 1:
				ix.add(obj, assignment{rhs: n.Values[0], index: i})
			case len(n.Values) == 0:
				ix.add(obj, assignment{zero: true, index: -1})
			}
		}
	case *ast.IncDecStmt:
		ix.add(ix.lvalueObject(n.X), assignment{unknown: true})
	case *ast.RangeStmt:
		if n.Key != nil {
			ix.add(ix.lvalueObject(n.Key), assignment{unknown: true})
		}
		if n.Value != nil {
			ix.add(ix.lvalueObject(n.Value), assignment{unknown: true})
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			if obj := ix.lvalueObject(n.X); obj != nil {
				if def, ok := ix.flagVarDefault(n); ok {
					ix.add(obj, assignment{rhs: def, index: -1})
				} else if !isStructLit(n.X) {
					ix.add(obj, assignment{unknown: true})
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
					ix.add(info.Uses[id], assignment{rhs: kv.Value, index: -1})
				}
			} else if i < st.NumFields() {
				ix.add(st.Field(i), assignment{rhs: elt, index: -1})
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

// flagVarDefault recognises &v as the first argument of flag.StringVar (and
// its siblings), whose default value is then a definition of v.
func (ix *index) flagVarDefault(u *ast.UnaryExpr) (ast.Expr, bool) {
	call, ok := ix.parent[u].(*ast.CallExpr)
	if !ok || len(call.Args) != 4 || call.Args[0] != u {
		return nil, false
	}
	fn := analysisutil.Callee(ix.info, call)
	if analysisutil.IsFunc(fn, "flag", "StringVar") || analysisutil.IsMethod(fn, "flag", "FlagSet", "StringVar") {
		return call.Args[2], true
	}
	return nil, false
}

// lvalueObject returns the variable or field an assignable expression
// names: v, x.f (the field, for every x) or *v.
func (ix *index) lvalueObject(e ast.Expr) types.Object {
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
		return ix.lvalueObject(x.X)
	}
	return nil
}

// rootObject returns the variable or field an expression such as x, x.f,
// *x or &x refers to, or nil.
func (ix *index) rootObject(e ast.Expr) types.Object {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	return ix.lvalueObject(e)
}

// reads returns the expressions that read obj (excluding the left-hand
// sides of assignments).
func (ix *index) reads(obj types.Object) []ast.Expr {
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

// up returns the parent of e, skipping parentheses.
func (ix *index) up(e ast.Node) ast.Node {
	p := ix.parent[e]
	for {
		pe, ok := p.(*ast.ParenExpr)
		if !ok {
			return p
		}
		p = ix.parent[pe]
	}
}

// strVal is a string value known completely, or only as a prefix.
type strVal struct {
	s        string
	complete bool
}

var unknown = []strVal{{}}

// values returns the possible values of the string expression e: one entry
// per definition reaching it, each complete or a known prefix (an entry
// with an empty, incomplete prefix means nothing is known).
func (ix *index) values(e ast.Expr) []strVal {
	return ix.valuesDepth(e, 0)
}

func (ix *index) valuesDepth(e ast.Expr, depth int) []strVal {
	if depth > maxDepth {
		return unknown
	}
	if s, ok := analysisutil.StringConst(ix.info, e); ok {
		return []strVal{{s, true}}
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.SelectorExpr:
		return ix.objectValues(ix.lvalueObject(x), depth)
	case *ast.StarExpr:
		// *p where p := flag.String(name, default, usage).
		obj := ix.lvalueObject(x.X)
		if obj == nil {
			return unknown
		}
		as := ix.assigns[obj]
		if len(as) != 1 || as[0].index >= 0 || as[0].rhs == nil {
			return unknown
		}
		if call, ok := ast.Unparen(as[0].rhs).(*ast.CallExpr); ok && len(call.Args) == 3 {
			fn := analysisutil.Callee(ix.info, call)
			if analysisutil.IsFunc(fn, "flag", "String") || analysisutil.IsMethod(fn, "flag", "FlagSet", "String") {
				return ix.valuesDepth(call.Args[1], depth+1)
			}
		}
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return unknown
		}
		var out []strVal
		for _, l := range ix.valuesDepth(x.X, depth+1) {
			if !l.complete {
				out = append(out, l)
				continue
			}
			for _, r := range ix.valuesDepth(x.Y, depth+1) {
				out = append(out, strVal{l.s + r.s, r.complete})
			}
		}
		return limit(out)
	case *ast.CallExpr:
		return ix.callValues(x, depth)
	}
	return unknown
}

// objectValues returns the values of a variable or field from its
// definitions.
func (ix *index) objectValues(obj types.Object, depth int) []strVal {
	v, ok := obj.(*types.Var)
	if !ok {
		return unknown
	}
	as := ix.assigns[v]
	if len(as) == 0 {
		return unknown
	}
	var out []strVal
	for _, a := range as {
		switch {
		case a.unknown:
			return unknown
		case a.zero:
			if len(as) == 1 {
				out = append(out, strVal{"", true})
			}
		case a.index >= 0:
			return unknown
		default:
			out = append(out, ix.valuesDepth(a.rhs, depth+1)...)
		}
	}
	if len(out) == 0 {
		return unknown
	}
	return limit(out)
}

// callValues resolves fmt.Sprintf with a constant format and
// net.JoinHostPort.
func (ix *index) callValues(call *ast.CallExpr, depth int) []strVal {
	fn := analysisutil.Callee(ix.info, call)
	switch {
	case analysisutil.IsFunc(fn, "fmt", "Sprintf") && len(call.Args) >= 1 && call.Ellipsis == token.NoPos:
		format, ok := analysisutil.StringConst(ix.info, call.Args[0])
		if !ok {
			return unknown
		}
		return []strVal{ix.sprintf(format, call.Args[1:], depth)}
	case analysisutil.IsMethod(fn, "net/url", "URL", "String") && len(call.Args) == 0:
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return ix.urlValues(sel.X, depth+1)
		}
		return unknown
	case analysisutil.IsFunc(fn, "net", "JoinHostPort") && len(call.Args) == 2:
		var out []strVal
		for _, h := range ix.valuesDepth(call.Args[0], depth+1) {
			if !h.complete {
				out = append(out, strVal{})
				continue
			}
			host := h.s
			if strings.Contains(host, ":") {
				host = "[" + host + "]"
			}
			for _, p := range ix.valuesDepth(call.Args[1], depth+1) {
				out = append(out, strVal{host + ":" + p.s, p.complete})
			}
		}
		return limit(out)
	}
	return unknown
}

// sprintf returns the known prefix of fmt.Sprintf(format, args...): the
// text up to the first verb whose operand is not a constant.
func (ix *index) sprintf(format string, args []ast.Expr, depth int) strVal {
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
			return strVal{b.String(), false}
		}
		verb := format[j]
		if verb == '%' && j == i+1 {
			b.WriteByte('%')
			i = j
			continue
		}
		if j != i+1 || arg >= len(args) || strings.IndexByte("svd", verb) < 0 {
			return strVal{b.String(), false}
		}
		tv, ok := ix.info.Types[args[arg]]
		arg++
		if !ok || tv.Value == nil {
			vals := ix.valuesDepth(args[arg-1], depth+1)
			if len(vals) != 1 || !vals[0].complete {
				return strVal{b.String(), false}
			}
			b.WriteString(vals[0].s)
		} else {
			switch tv.Value.Kind() {
			case constant.String:
				b.WriteString(constant.StringVal(tv.Value))
			case constant.Int:
				b.WriteString(tv.Value.ExactString())
			default:
				return strVal{b.String(), false}
			}
		}
		i = j
	}
	return strVal{b.String(), true}
}

func limit(vs []strVal) []strVal {
	seen := map[strVal]bool{}
	var out []strVal
	for _, v := range vs {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	if len(out) > 16 {
		return unknown
	}
	return out
}

// urlValues returns the possible values, as strings, of a url.URL or
// *url.URL expression: the result of url.Parse or url.ParseRequestURI of a
// known string, or a url.URL literal with a constant scheme and host.
func (ix *index) urlValues(e ast.Expr, depth int) []strVal {
	if depth > maxDepth {
		return unknown
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if s, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(s.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		if !analysisutil.IsNamed(ix.info.TypeOf(x), "net/url", "URL") {
			return unknown
		}
		scheme, okS := analysisutil.Field(ix.info, x, "Scheme")
		host, okH := analysisutil.Field(ix.info, x, "Host")
		if !okS || !okH {
			return unknown
		}
		sc, ok1 := analysisutil.StringConst(ix.info, scheme)
		h, ok2 := analysisutil.StringConst(ix.info, host)
		if !ok1 || !ok2 {
			return unknown
		}
		return []strVal{{sc + "://" + h + "/", false}}
	case *ast.Ident, *ast.SelectorExpr:
		obj := ix.lvalueObject(x)
		as := ix.assigns[obj]
		if obj == nil || len(as) == 0 {
			return unknown
		}
		var out []strVal
		for _, a := range as {
			switch {
			case a.unknown || a.zero:
				return unknown
			case a.index == 0:
				call, ok := ast.Unparen(a.rhs).(*ast.CallExpr)
				if !ok {
					return unknown
				}
				fn := analysisutil.Callee(ix.info, call)
				if !analysisutil.IsFunc(fn, "net/url", "Parse", "ParseRequestURI") || len(call.Args) != 1 {
					return unknown
				}
				out = append(out, ix.valuesDepth(call.Args[0], depth+1)...)
			case a.index < 0:
				out = append(out, ix.urlValues(a.rhs, depth+1)...)
			default:
				return unknown
			}
		}
		return limit(out)
	}
	return unknown
}
