package sqlstring

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sdlkit/sdlkit/analyzers/internal/analysisutil"
)

// This file decides whether a string expression is "constant-like": every
// value it can hold at run time is built from constants. It is an
// intra-package def-use walk over the AST: each variable's assignments are
// collected once for the package, and an expression is constant-like when
// its parts are, recursively.

// def is one value written to a variable (or to a struct field, or to an
// element of a slice or map variable).
type def struct {
	rhs     ast.Expr      // the value written; nil with call == nil and !unknown means the zero value
	call    *ast.CallExpr // the value is result idx of call
	idx     int
	rangeOf ast.Expr // the value is the key (idx 0) or element (idx 1) of ranging over rangeOf
	elem    bool     // rhs is written to an element: v[i] = rhs
	unknown bool     // written in a way we do not follow (&v, a channel receive, ...)
}

// param records where a function parameter is declared.
type param struct {
	fn    *types.Func // nil for function literals
	index int
	decl  *ast.FuncType
}

// flow holds the package-wide def-use facts.
type flow struct {
	pass     *analysis.Pass
	info     *types.Info
	defs     map[types.Object][]def
	params   map[types.Object]param
	decls    map[*types.Func]*ast.FuncDecl
	calls    map[*types.Func][]*ast.CallExpr
	escapes  map[*types.Func]bool // used other than as the callee of a call
	embedded map[types.Object]bool
	tagged   map[types.Object]bool // struct fields with a tag (filled by reflection)
	checked  map[types.Object]int  // allow-list check cache: 1 yes, 2 no
}

func newFlow(pass *analysis.Pass) *flow {
	f := &flow{
		pass:     pass,
		info:     pass.TypesInfo,
		defs:     map[types.Object][]def{},
		params:   map[types.Object]param{},
		decls:    map[*types.Func]*ast.FuncDecl{},
		calls:    map[*types.Func][]*ast.CallExpr{},
		escapes:  map[*types.Func]bool{},
		embedded: map[types.Object]bool{},
		tagged:   map[types.Object]bool{},
		checked:  map[types.Object]int{},
	}
	for _, file := range pass.Files {
		f.collect(file)
	}
	return f
}

func (f *flow) collect(file *ast.File) {
	info := f.info
	callees := map[*ast.Ident]bool{} // idents naming the function called
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			fn, _ := info.Defs[n.Name].(*types.Func)
			if fn != nil {
				f.decls[fn] = n
			}
			f.addParams(fn, n.Type)
		case *ast.FuncLit:
			f.addParams(nil, n.Type)
		case *ast.GenDecl:
			embed := hasEmbed(n.Doc)
			for _, spec := range n.Specs {
				if vs, ok := spec.(*ast.ValueSpec); ok && (embed || hasEmbed(vs.Doc)) {
					for _, name := range vs.Names {
						if obj := info.Defs[name]; obj != nil {
							f.embedded[obj] = true
						}
					}
				}
			}
		case *ast.ValueSpec:
			switch {
			case len(n.Values) == len(n.Names):
				for i, name := range n.Names {
					f.add(info.Defs[name], def{rhs: n.Values[i]})
				}
			case len(n.Values) == 1:
				for i, name := range n.Names {
					f.addTuple(info.Defs[name], n.Values[0], i)
				}
			default:
				for _, name := range n.Names {
					f.add(info.Defs[name], def{})
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					f.write(lhs, def{rhs: n.Rhs[i]})
				}
			} else if len(n.Rhs) == 1 {
				for i, lhs := range n.Lhs {
					obj, elem := f.target(lhs)
					if obj == nil {
						continue
					}
					if elem {
						f.add(obj, def{unknown: true})
						continue
					}
					f.addTuple(obj, n.Rhs[0], i)
				}
			}
		case *ast.RangeStmt:
			for i, e := range []ast.Expr{n.Key, n.Value} {
				if e != nil {
					f.write(e, def{rangeOf: n.X, idx: i})
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if obj, _ := f.target(n.X); obj != nil && !isBuilder(obj.Type()) {
					f.add(obj, def{unknown: true})
				}
			}
		case *ast.CompositeLit:
			f.literalFields(n)
		case *ast.Field:
			if n.Tag != nil {
				for _, name := range n.Names {
					if obj := info.Defs[name]; obj != nil {
						f.tagged[obj] = true
					}
				}
			}
		case *ast.CallExpr:
			if id := calleeIdent(n.Fun); id != nil {
				callees[id] = true
			}
			if fn, ok := info.Uses[calleeIdent(n.Fun)].(*types.Func); ok {
				f.calls[fn] = append(f.calls[fn], n)
			}
		case *ast.Ident:
			if fn, ok := info.Uses[n].(*types.Func); ok && !callees[n] {
				f.escapes[fn] = true
			}
		}
		return true
	})
}

func calleeIdent(fun ast.Expr) *ast.Ident {
	switch x := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	}
	return nil
}

func hasEmbed(doc *ast.CommentGroup) bool {
	if doc == nil {
		return false
	}
	for _, c := range doc.List {
		if strings.HasPrefix(c.Text, "//go:embed") {
			return true
		}
	}
	return false
}

func (f *flow) addParams(fn *types.Func, ft *ast.FuncType) {
	i := 0
	if ft.Params != nil {
		for _, field := range ft.Params.List {
			if len(field.Names) == 0 {
				i++
				continue
			}
			for _, name := range field.Names {
				if obj := f.info.Defs[name]; obj != nil {
					f.params[obj] = param{fn: fn, index: i, decl: ft}
				}
				i++
			}
		}
	}
	if ft.Results != nil {
		for _, field := range ft.Results.List {
			for _, name := range field.Names {
				f.add(f.info.Defs[name], def{}) // named results start as zero values
			}
		}
	}
}

func (f *flow) literalFields(lit *ast.CompositeLit) {
	t := f.info.TypeOf(lit)
	if t == nil {
		return
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				if fv, ok := f.info.Uses[id].(*types.Var); ok && fv.IsField() {
					f.add(fv, def{rhs: kv.Value})
				}
			}
		} else if i < st.NumFields() {
			f.add(st.Field(i), def{rhs: elt})
		}
	}
}

func (f *flow) add(obj types.Object, d def) {
	if obj == nil {
		return
	}
	f.defs[obj] = append(f.defs[obj], d)
}

func (f *flow) addTuple(obj types.Object, rhs ast.Expr, i int) {
	if obj == nil {
		return
	}
	switch r := ast.Unparen(rhs).(type) {
	case *ast.CallExpr:
		f.add(obj, def{call: r, idx: i})
	case *ast.IndexExpr, *ast.TypeAssertExpr:
		if i == 0 {
			f.add(obj, def{rhs: r})
		} // the second result is a bool
	default:
		f.add(obj, def{unknown: true})
	}
}

func (f *flow) write(lhs ast.Expr, d def) {
	obj, elem := f.target(lhs)
	if obj == nil {
		return
	}
	if elem {
		if d.rhs == nil {
			d = def{unknown: true}
		} else {
			d.elem = true
		}
	}
	f.add(obj, d)
}

// target returns the variable or field an assignment writes, and whether it
// writes an element of it (v[i] = ...).
func (f *flow) target(lhs ast.Expr) (types.Object, bool) {
	switch x := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if x.Name == "_" {
			return nil, false
		}
		return f.info.ObjectOf(x), false
	case *ast.SelectorExpr:
		if sel, ok := f.info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			return sel.Obj(), false
		}
		return f.info.ObjectOf(x.Sel), false
	case *ast.IndexExpr:
		obj, _ := f.target(x.X)
		return obj, true
	case *ast.StarExpr:
		obj, _ := f.target(x.X)
		if obj != nil {
			f.add(obj, def{unknown: true})
		}
		return nil, false
	}
	return nil, false
}

// state is the evaluation context of one question.
type state struct {
	depth    int
	visiting map[types.Object]bool
	env      map[types.Object]bool // parameter → constant-like, inside a helper
}

func newState() *state { return &state{visiting: map[types.Object]bool{}} }

const maxDepth = 4

// constLike reports whether every value e can hold is built from
// constants.
func (f *flow) constLike(e ast.Expr) bool {
	return f.safe(e, newState())
}

func (f *flow) safe(e ast.Expr, st *state) bool {
	if e == nil {
		return true
	}
	e = ast.Unparen(e)
	tv, ok := f.info.Types[e]
	if ok && tv.Value != nil {
		return true
	}
	if ok && tv.Type != nil {
		switch kindOf(tv.Type) {
		case kindHarmless:
			return true
		case kindCollection:
			return f.safeElems(e, st)
		case kindOther:
			if _, isNil := tv.Type.(*types.Basic); isNil {
				return true
			}
		}
	}
	switch x := e.(type) {
	case *ast.BinaryExpr:
		return x.Op == token.ADD && f.safe(x.X, st) && f.safe(x.Y, st)
	case *ast.Ident:
		return f.safeObject(f.info.Uses[x], false, st)
	case *ast.SelectorExpr:
		if sel, ok := f.info.Selections[x]; ok {
			if sel.Kind() == types.FieldVal {
				return f.safeField(sel.Obj(), false, st)
			}
			return false
		}
		// A qualified identifier: a variable of another package cannot be
		// followed; such variables hold configuration or SQL text.
		if v, ok := f.info.Uses[x.Sel].(*types.Var); ok && v.Pkg() != f.pass.Pkg {
			return true
		}
		return f.safeObject(f.info.Uses[x.Sel], false, st)
	case *ast.CallExpr:
		return f.safeCall(x, 0, st)
	case *ast.IndexExpr:
		return f.safeElems(x.X, st)
	case *ast.SliceExpr:
		return f.safe(x.X, st)
	}
	return false
}

type typeKind int

const (
	kindText typeKind = iota
	kindHarmless
	kindCollection
	kindOther
)

// kindOf classifies a type: text (strings, byte slices, interfaces),
// harmless (numbers, booleans, times: their text cannot carry SQL),
// collections of text, or other.
func kindOf(t types.Type) typeKind {
	if analysisutil.IsNamed(t, "time", "Time") {
		return kindHarmless
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if u.Info()&(types.IsNumeric|types.IsBoolean) != 0 {
			return kindHarmless
		}
		if u.Info()&types.IsString != 0 {
			return kindText
		}
		return kindOther
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return kindText
		}
		return kindCollection
	case *types.Array, *types.Map:
		return kindCollection
	case *types.Interface:
		return kindText
	}
	return kindOther
}

// safeObject reports whether the variable obj only holds constant-like
// values (elems: its elements do).
func (f *flow) safeObject(obj types.Object, elems bool, st *state) bool {
	v, ok := obj.(*types.Var)
	if !ok {
		return obj != nil && obj.Pkg() == nil // nil, or a universe constant
	}
	if s, ok := st.env[v]; ok {
		return s
	}
	if st.visiting[v] {
		return true // a cycle: the other definitions decide
	}
	if f.embedded[v] {
		return true
	}
	if v.Pkg() != f.pass.Pkg {
		return true
	}
	st.visiting[v] = true
	defer delete(st.visiting, v)

	if p, ok := f.params[v]; ok {
		return f.safeParam(v, p, st) || f.allowListed(v)
	}
	defs := f.defs[v]
	if len(defs) == 0 {
		return false
	}
	for _, d := range defs {
		if !f.safeDef(d, elems, st) {
			return f.allowListed(v)
		}
	}
	return true
}

func (f *flow) safeDef(d def, elems bool, st *state) bool {
	switch {
	case d.unknown:
		return false
	case d.call != nil:
		return f.safeCall(d.call, d.idx, st)
	case d.rangeOf != nil:
		if d.idx == 0 {
			t := f.info.TypeOf(d.rangeOf)
			if t == nil {
				return false
			}
			if _, isMap := t.Underlying().(*types.Map); isMap {
				return false // the keys of a map: not followed
			}
			return true // an index
		}
		return f.safeElems(d.rangeOf, st)
	case d.elem:
		return f.safe(d.rhs, st)
	case d.rhs == nil:
		return true // the zero value
	}
	if elems {
		return f.safeElems(d.rhs, st)
	}
	return f.safe(d.rhs, st)
}

// safeField reports whether a struct field only ever holds constant-like
// values: an unexported, untagged field of this package, written at least
// once, always with such values.
func (f *flow) safeField(obj types.Object, elems bool, st *state) bool {
	v, ok := obj.(*types.Var)
	if !ok {
		return false
	}
	if st.visiting[v] {
		return true
	}
	if v.Pkg() != f.pass.Pkg || v.Exported() || f.tagged[v] {
		return false
	}
	defs := f.defs[v]
	if len(defs) == 0 {
		return false
	}
	st.visiting[v] = true
	defer delete(st.visiting, v)
	for _, d := range defs {
		if !f.safeDef(d, elems, st) {
			return false
		}
	}
	return true
}

// safeParam reports whether a parameter of an unexported function of this
// package is passed constant-like values by every caller.
func (f *flow) safeParam(v *types.Var, p param, st *state) bool {
	if p.fn == nil || p.fn.Exported() || f.escapes[p.fn] || st.depth >= maxDepth {
		return false
	}
	sig := p.fn.Type().(*types.Signature)
	if sig.Variadic() && p.index >= sig.Params().Len()-1 {
		return false
	}
	calls := f.calls[p.fn]
	if len(calls) == 0 {
		return false
	}
	inner := &state{depth: st.depth + 1, visiting: st.visiting}
	for _, c := range calls {
		args := f.callArgs(c)
		if p.index >= len(args) || !f.safe(args[p.index], inner) {
			return false
		}
	}
	return true
}

// safeElems reports whether every element of a slice, array or map
// expression is constant-like.
func (f *flow) safeElems(e ast.Expr, st *state) bool {
	e = ast.Unparen(e)
	if t := f.info.TypeOf(e); t != nil && kindOf(t) == kindCollection {
		if el := elemType(t); el != nil && kindOf(el) == kindHarmless {
			return true
		}
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if !f.safe(elt, st) {
				return false
			}
		}
		return true
	case *ast.Ident:
		return f.safeObject(f.info.Uses[x], true, st)
	case *ast.SelectorExpr:
		if sel, ok := f.info.Selections[x]; ok {
			return sel.Kind() == types.FieldVal && f.safeField(sel.Obj(), true, st)
		}
		if v, ok := f.info.Uses[x.Sel].(*types.Var); ok && v.Pkg() != f.pass.Pkg {
			return true
		}
		return false
	case *ast.SliceExpr:
		return f.safeElems(x.X, st)
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if b, ok := f.info.Uses[id].(*types.Builtin); ok {
				switch b.Name() {
				case "make":
					return true
				case "append":
					if len(x.Args) == 0 || !f.safeElems(x.Args[0], st) {
						return false
					}
					for i, a := range x.Args[1:] {
						if x.Ellipsis.IsValid() && i == len(x.Args)-2 {
							if !f.safeElems(a, st) {
								return false
							}
						} else if !f.safe(a, st) {
							return false
						}
					}
					return true
				}
			}
		}
		if tv, ok := f.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return f.safe(x.Args[0], st) // []byte(s)
		}
		fn := analysisutil.Callee(f.info, x)
		if analysisutil.IsFunc(fn, "strings", "Split", "SplitN", "Fields", "SplitAfter") && len(x.Args) > 0 {
			return f.safe(x.Args[0], st)
		}
		return f.safeCall(x, 0, st)
	}
	return false
}

func elemType(t types.Type) types.Type {
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	case *types.Map:
		return u.Elem()
	}
	return nil
}

// safeCall reports whether result idx of call is constant-like.
func (f *flow) safeCall(call *ast.CallExpr, idx int, st *state) bool {
	info := f.info
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return len(call.Args) == 1 && f.safe(call.Args[0], st) // a conversion
	}
	fn := analysisutil.Callee(info, call)
	if fn == nil {
		return false
	}
	args := call.Args
	allSafe := func(from int) bool {
		for _, a := range args[min(from, len(args)):] {
			if !f.safe(a, st) {
				return false
			}
		}
		return true
	}
	pkg := ""
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Path()
	}
	recvPkg, recvName := analysisutil.ReceiverNamed(fn)
	name := fn.Name()
	switch {
	case recvName == "" && pkg == "fmt" && (name == "Sprintf" || name == "Sprint" || name == "Sprintln"):
		return allSafe(0)
	case recvName == "" && pkg == "strconv" && (strings.HasPrefix(name, "Format") || name == "Itoa"):
		return true
	case recvName == "" && pkg == "strings":
		switch name {
		case "Join":
			return len(args) == 2 && f.safeElems(args[0], st) && f.safe(args[1], st)
		case "Repeat":
			return len(args) == 2 && f.safe(args[0], st)
		case "ToUpper", "ToLower", "TrimSpace", "TrimSuffix", "TrimPrefix", "TrimRight", "TrimLeft",
			"Trim", "Replace", "ReplaceAll", "Title", "ToTitle", "Clone":
			return allSafe(0)
		}
		return false
	case recvPkg == "strings" && recvName == "Builder" && name == "String",
		recvPkg == "bytes" && recvName == "Buffer" && (name == "String" || name == "Bytes"):
		return f.safeBuilder(call, st)
	case recvPkg == "strings" && recvName == "Replacer" && name == "Replace":
		return allSafe(0)
	case recvPkg == "time" && recvName == "Time" && name == "Format":
		return true
	case recvPkg == "embed" && recvName == "FS" && name == "ReadFile":
		return true // files compiled into the binary
	case recvName == "" && pkg == "io/fs" && name == "ReadFile" && len(args) == 2:
		return analysisutil.IsNamed(info.TypeOf(args[0]), "embed", "FS") || f.safe(args[1], st) && idx == 0
	case recvName == "" && (pkg == "os" || pkg == "io/ioutil") && name == "ReadFile" && len(args) == 1:
		return idx == 0 && f.safe(args[0], st) // a file named by the program
	case recvName == "" && pkg == "github.com/lib/pq" && (name == "QuoteIdentifier" || name == "QuoteLiteral"):
		return true
	case recvName == "Identifier" && strings.HasPrefix(recvPkg, "github.com/jackc/pgx") && name == "Sanitize":
		return true
	case recvName == "Statement" && analysisutil.PathIn(recvPkg, "gorm.io/gorm") && name == "Quote":
		return true
	case (name == "ToSql" || name == "ToSQL") && fn.Type().(*types.Signature).Recv() != nil:
		return idx == 0 // query builders parameterise values
	case name == "TableName" && fn.Type().(*types.Signature).Recv() != nil && len(args) == 0:
		return true // gorm's Tabler convention: a model's fixed table name
	case analysisutil.PathIn(pkg, sqlxPath):
		if q, ok := sqlxRewrite(fn, recvName); ok && q < len(args) && idx == 0 {
			return f.safe(args[q], st)
		}
		return false
	case fn.Pkg() == f.pass.Pkg:
		return f.safeReturn(fn, call, idx, st)
	}
	return false
}

// sqlxRewrite returns the index of the query argument of the sqlx helpers
// that return a rewritten query.
func sqlxRewrite(fn *types.Func, recvName string) (int, bool) {
	if recvName != "" {
		switch fn.Name() {
		case "Rebind", "BindNamed":
			return 0, true
		}
		return 0, false
	}
	switch fn.Name() {
	case "In", "Named":
		return 0, true
	case "Rebind", "BindNamed":
		return 1, true
	}
	return 0, false
}

// callArgs returns the arguments of a call that correspond to the callee's
// parameters: without the receiver of a method expression call T.M(x, ...).
func (f *flow) callArgs(call *ast.CallExpr) []ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := f.info.Selections[sel]; ok && s.Kind() == types.MethodExpr && len(call.Args) > 0 {
			return call.Args[1:]
		}
	}
	return call.Args
}

// safeReturn reports whether result idx of a call to a function of this
// package is constant-like: every return statement of its body gives such a
// value, given what the call passes as arguments.
func (f *flow) safeReturn(fn *types.Func, call *ast.CallExpr, idx int, st *state) bool {
	decl := f.decls[fn]
	if decl == nil || decl.Body == nil || st.depth >= maxDepth {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if idx >= sig.Results().Len() {
		return false
	}
	env := map[types.Object]bool{}
	args := f.callArgs(call)
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		ok := i < len(args) && !(sig.Variadic() && i == sig.Params().Len()-1) && f.safe(args[i], st)
		env[p] = ok
	}
	for k, v := range st.env {
		if _, set := env[k]; !set {
			env[k] = v
		}
	}
	inner := &state{depth: st.depth + 1, visiting: st.visiting, env: env}
	result := true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if !result {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			switch {
			case len(n.Results) == sig.Results().Len():
				result = f.safe(n.Results[idx], inner)
			case len(n.Results) == 1:
				c, ok := ast.Unparen(n.Results[0]).(*ast.CallExpr)
				result = ok && f.safeCall(c, idx, inner)
			case len(n.Results) == 0:
				result = f.safeObject(sig.Results().At(idx), false, inner)
			default:
				result = false
			}
		}
		return true
	})
	return result
}

// isBuilder reports whether t is strings.Builder or bytes.Buffer.
func isBuilder(t types.Type) bool {
	return analysisutil.IsNamed(t, "strings", "Builder") || analysisutil.IsNamed(t, "bytes", "Buffer")
}

// safeBuilder reports whether the strings.Builder or bytes.Buffer whose
// String method call is only ever written constant-like text in its
// function.
func (f *flow) safeBuilder(call *ast.CallExpr, st *state) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	recv := ast.Unparen(sel.X)
	if u, ok := recv.(*ast.UnaryExpr); ok && u.Op == token.AND {
		recv = ast.Unparen(u.X)
	}
	id, ok := recv.(*ast.Ident)
	if !ok {
		return false
	}
	obj, ok := f.info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	if st.visiting[obj] {
		return true
	}
	body := f.enclosingFunc(obj.Pos())
	if obj.Pkg() != f.pass.Pkg || body == nil {
		return false
	}
	if _, isParam := f.params[obj]; isParam {
		return false
	}
	st.visiting[obj] = true
	defer delete(st.visiting, obj)
	for _, d := range f.defs[obj] {
		if d.unknown || d.call != nil || d.rangeOf != nil || d.elem {
			return false
		}
		if d.rhs != nil && !isZeroBuilder(f.info, d.rhs) && !f.safeNewBuffer(d.rhs, st) {
			return false
		}
	}
	result := true
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		if !result {
			return true
		}
		use, ok := n.(*ast.Ident)
		if !ok || f.info.Uses[use] != obj {
			return true
		}
		result = f.safeBuilderUse(stack, st)
		return true
	})
	return result
}

func isZeroBuilder(info *types.Info, e ast.Expr) bool {
	if e == nil {
		return true
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		return len(x.Elts) == 0
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
				return true
			}
		}
	}
	return false
}

// safeNewBuffer reports whether e is bytes.NewBufferString or
// bytes.NewBuffer of constant-like text.
func (f *flow) safeNewBuffer(e ast.Expr, st *state) bool {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(c.Args) != 1 {
		return false
	}
	fn := analysisutil.Callee(f.info, c)
	return analysisutil.IsFunc(fn, "bytes", "NewBufferString", "NewBuffer") && f.safe(c.Args[0], st)
}

// safeBuilderUse checks one use of a builder variable (the last node of
// stack): a method call writing constant-like text, a read, or
// fmt.Fprint* writing constant-like text to it.
func (f *flow) safeBuilderUse(stack []ast.Node, st *state) bool {
	i := len(stack) - 1
	parent := func(k int) ast.Node {
		if i-k >= 0 {
			return stack[i-k]
		}
		return nil
	}
	// b or &b as the writer of fmt.Fprint*.
	w, k := stack[i], 1
	if u, ok := parent(1).(*ast.UnaryExpr); ok && u.Op == token.AND {
		w, k = u, 2
	}
	if c, ok := parent(k).(*ast.CallExpr); ok && len(c.Args) > 0 && c.Args[0] == w {
		fn := analysisutil.Callee(f.info, c)
		if analysisutil.IsFunc(fn, "fmt", "Fprintf", "Fprint", "Fprintln") {
			for _, a := range c.Args[1:] {
				if !f.safe(a, st) {
					return false
				}
			}
			return true
		}
		return false
	}
	if k == 2 {
		return false
	}
	sel, ok := parent(1).(*ast.SelectorExpr)
	if !ok {
		// Declared, or assigned a fresh value (checked with the defs).
		switch p := parent(1).(type) {
		case *ast.ValueSpec, *ast.AssignStmt:
			_ = p
			return true
		}
		return false
	}
	switch sel.Sel.Name {
	case "String", "Len", "Reset", "Grow", "Cap", "Bytes", "Truncate":
		return true
	case "WriteString", "Write", "WriteByte", "WriteRune":
		c, ok := parent(2).(*ast.CallExpr)
		if !ok || len(c.Args) != 1 {
			return false
		}
		return f.safe(c.Args[0], st)
	}
	return false
}

// enclosingFunc returns the body of the innermost function containing pos.
func (f *flow) enclosingFunc(pos token.Pos) *ast.BlockStmt {
	return analysisutil.FuncNodeBody(analysisutil.EnclosingFunc(f.pass.Files, pos))
}

// allowListMap reports whether e is a map of fixed keys: a literal with
// constant keys, or a variable only ever given such literals.
func (f *flow) allowListMap(e ast.Expr) bool {
	t := f.info.TypeOf(e)
	if t == nil {
		return false
	}
	if _, isMap := t.Underlying().(*types.Map); !isMap {
		return false
	}
	constKeys := func(e ast.Expr) bool {
		lit, ok := ast.Unparen(e).(*ast.CompositeLit)
		if !ok || len(lit.Elts) == 0 {
			return false
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return false
			}
			if tv, ok := f.info.Types[kv.Key]; !ok || tv.Value == nil {
				return false
			}
		}
		return true
	}
	var obj types.Object
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return constKeys(x)
	case *ast.Ident:
		obj = f.info.Uses[x]
	case *ast.SelectorExpr:
		obj = f.info.Uses[x.Sel]
	}
	if obj == nil {
		return false
	}
	if obj.Pkg() != f.pass.Pkg {
		return true // a map of another package: configuration
	}
	defs := f.defs[obj]
	if len(defs) == 0 {
		return false
	}
	for _, d := range defs {
		if d.rhs == nil || d.elem || !constKeys(d.rhs) {
			return false // an empty map, or one filled at run time
		}
	}
	return true
}

// allowListed reports whether the function declaring v checks v against a
// fixed set of values: a switch over constant cases, a lookup in a map,
// slices.Contains, a comparison with a non-empty constant, or a regular
// expression match.
func (f *flow) allowListed(v *types.Var) bool {
	if c, ok := f.checked[v]; ok {
		return c == 1
	}
	f.checked[v] = 2
	body := f.enclosingFunc(v.Pos())
	if body == nil {
		return false
	}
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && f.info.Uses[id] == v
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.SwitchStmt:
			if n.Tag != nil && is(n.Tag) && len(n.Body.List) > 0 {
				all := true
				for _, s := range n.Body.List {
					for _, e := range s.(*ast.CaseClause).List {
						if s, ok := analysisutil.StringConst(f.info, e); !ok || s == "" {
							all = false
						}
					}
				}
				found = all
			}
		case *ast.IndexExpr:
			if is(n.Index) && f.allowListMap(n.X) {
				found = true
			}
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				for _, pair := range [][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
					if s, ok := analysisutil.StringConst(f.info, pair[1]); ok && s != "" && is(pair[0]) {
						found = true
					}
				}
			}
		case *ast.CallExpr:
			fn := analysisutil.Callee(f.info, n)
			switch {
			case analysisutil.IsFunc(fn, "slices", "Contains", "Index"),
				analysisutil.IsFunc(fn, "sort", "SearchStrings"):
				if len(n.Args) == 2 && is(n.Args[1]) && f.safeElems(n.Args[0], newState()) {
					found = true
				}
			case analysisutil.IsMethod(fn, "regexp", "Regexp", "MatchString"):
				if len(n.Args) == 1 && is(n.Args[0]) {
					found = true
				}
			}
		}
		return true
	})
	if found {
		f.checked[v] = 1
	}
	return found
}
