package analysisutil

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// DefUse is a def-use summary of a package: the declarations of its
// functions, the values assigned to each local or package variable, and
// the calls of each function. It lets a check follow a value through
// variables and into the package's own helpers without SSA. Only variables
// named by a plain identifier are tracked (not struct fields).
type DefUse struct {
	fset  *token.FileSet
	info  *types.Info
	decls map[*types.Func]*ast.FuncDecl
	// defs holds every value assigned to a variable; a nil entry stands
	// for the zero value of a declaration without initialiser.
	defs map[*types.Var][]ast.Expr
	// opaque marks variables also assigned in ways that are not followed
	// (address taken, ++, range, tuple assignment from a call, op=).
	opaque map[*types.Var]bool
	// params marks function parameters, results and receivers.
	params  map[*types.Var]bool
	callers map[*types.Func][]*ast.CallExpr
}

// NewDefUse summarises the files of pass, _test.go files included.
func NewDefUse(pass *analysis.Pass) *DefUse {
	du := &DefUse{
		fset:    pass.Fset,
		info:    pass.TypesInfo,
		decls:   map[*types.Func]*ast.FuncDecl{},
		defs:    map[*types.Var][]ast.Expr{},
		opaque:  map[*types.Var]bool{},
		params:  map[*types.Var]bool{},
		callers: map[*types.Func][]*ast.CallExpr{},
	}
	info := pass.TypesInfo
	varOf := func(e ast.Expr) *types.Var {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			v, _ := info.ObjectOf(id).(*types.Var)
			return v
		}
		return nil
	}
	markParams := func(ft *ast.FuncType) {
		for _, fl := range []*ast.FieldList{ft.Params, ft.Results} {
			if fl == nil {
				continue
			}
			for _, f := range fl.List {
				for _, n := range f.Names {
					if v, ok := info.Defs[n].(*types.Var); ok {
						du.params[v] = true
					}
				}
			}
		}
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncDecl:
				if fn, ok := info.Defs[x.Name].(*types.Func); ok {
					du.decls[fn] = x
				}
				if x.Recv != nil {
					for _, fld := range x.Recv.List {
						for _, n := range fld.Names {
							if v, ok := info.Defs[n].(*types.Var); ok {
								du.params[v] = true
							}
						}
					}
				}
				markParams(x.Type)
			case *ast.FuncLit:
				markParams(x.Type)
			case *ast.ValueSpec:
				for i, name := range x.Names {
					v, ok := info.Defs[name].(*types.Var)
					if !ok {
						continue
					}
					switch {
					case len(x.Values) == 0:
						du.defs[v] = append(du.defs[v], nil)
					case len(x.Values) == len(x.Names):
						du.defs[v] = append(du.defs[v], x.Values[i])
					default:
						du.opaque[v] = true
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range x.Lhs {
					v := varOf(lhs)
					if v == nil {
						continue
					}
					if (x.Tok == token.ASSIGN || x.Tok == token.DEFINE) && len(x.Lhs) == len(x.Rhs) {
						du.defs[v] = append(du.defs[v], x.Rhs[i])
					} else {
						du.opaque[v] = true
					}
				}
			case *ast.IncDecStmt:
				if v := varOf(x.X); v != nil {
					du.opaque[v] = true
				}
			case *ast.UnaryExpr:
				if x.Op == token.AND {
					if v := varOf(x.X); v != nil {
						du.opaque[v] = true
					}
				}
			case *ast.RangeStmt:
				for _, e := range []ast.Expr{x.Key, x.Value} {
					if v := varOf(e); v != nil {
						du.opaque[v] = true
					}
				}
			case *ast.CallExpr:
				if fn := Callee(info, x); fn != nil && fn.Pkg() == pass.Pkg {
					du.callers[fn] = append(du.callers[fn], x)
				}
			}
			return true
		})
	}
	return du
}

// Decl returns the declaration of a function or method of the package, or
// nil.
func (du *DefUse) Decl(fn *types.Func) *ast.FuncDecl { return du.decls[fn] }

// IsParam reports whether v is a parameter, result or receiver of a
// function.
func (du *DefUse) IsParam(v *types.Var) bool { return du.params[v] }

// KnownDefs returns every value assigned to v (nil standing for the zero
// value of a declaration without initialiser), when they are all known: v
// is not a parameter, and is never assigned in a way that is not followed
// (address taken, ++, range, tuple assignment from a call, op=).
func (du *DefUse) KnownDefs(v *types.Var) ([]ast.Expr, bool) {
	if v == nil || du.opaque[v] || du.params[v] {
		return nil, false
	}
	d := du.defs[v]
	return d, len(d) > 0
}

// paramOf returns the function declaration (outermost in stack) that has v
// as a parameter never reassigned, and v's index among its parameters; nil
// and -1 otherwise, or when v is variadic.
func (du *DefUse) paramOf(v *types.Var, stack []ast.Node) (*types.Func, int) {
	if len(du.defs[v]) > 0 || du.opaque[v] {
		return nil, -1
	}
	for _, n := range stack {
		decl, ok := n.(*ast.FuncDecl)
		if !ok {
			continue
		}
		fn, _ := du.info.Defs[decl.Name].(*types.Func)
		if fn == nil {
			return nil, -1
		}
		i := 0
		for _, f := range decl.Type.Params.List {
			if len(f.Names) == 0 {
				i++
				continue
			}
			for _, n := range f.Names {
				if du.info.Defs[n] == v {
					if _, variadic := f.Type.(*ast.Ellipsis); variadic {
						return nil, -1
					}
					return fn, i
				}
				i++
			}
		}
		return nil, -1
	}
	return nil, -1
}

// ArgSite is a call and the argument it passes for one parameter.
type ArgSite struct {
	Call *ast.CallExpr
	Arg  ast.Expr
}

// ArgsFor follows a parameter to what the package passes for it. When v is
// a parameter, never reassigned and not variadic, of the function declared
// outermost in stack, it returns that function and, for each call of it
// outside _test.go files that passes an argument for v, the call and the
// argument. It returns nil when v is not such a parameter.
func (du *DefUse) ArgsFor(v *types.Var, stack []ast.Node) (*types.Func, []ArgSite) {
	fn, i := du.paramOf(v, stack)
	if fn == nil {
		return nil, nil
	}
	var sites []ArgSite
	for _, call := range du.callers[fn] {
		if IsTestFile(du.fset, call.Pos()) {
			continue
		}
		if a := Arg(call, i, MethodExprShift(du.info, call)); a != nil {
			sites = append(sites, ArgSite{Call: call, Arg: a})
		}
	}
	return fn, sites
}
