package passwordhash

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/sdlkit/sdlkit/analyzers/internal/analysisutil"
)

// index is a def-use summary of a package: the declarations of its
// functions, the values assigned to each variable, and the calls of each
// function. It lets the checks follow a value through local variables and
// into the package's own helpers without SSA.
type index struct {
	info  *types.Info
	decls map[*types.Func]*ast.FuncDecl
	// defs holds every value assigned to a variable; a nil entry stands
	// for the zero value of a declaration without initialiser.
	defs map[*types.Var][]ast.Expr
	// opaque marks variables also assigned in ways that are not followed
	// (address taken, ++, range, tuple assignment from a call, op=).
	opaque map[*types.Var]bool
	// params marks function parameters and results.
	params  map[*types.Var]bool
	callers map[*types.Func][]*ast.CallExpr
}

func newIndex(pass *analysis.Pass) *index {
	ix := &index{
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
						ix.params[v] = true
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
					ix.decls[fn] = x
				}
				if x.Recv != nil {
					for _, fld := range x.Recv.List {
						for _, n := range fld.Names {
							if v, ok := info.Defs[n].(*types.Var); ok {
								ix.params[v] = true
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
						ix.defs[v] = append(ix.defs[v], nil)
					case len(x.Values) == len(x.Names):
						ix.defs[v] = append(ix.defs[v], x.Values[i])
					default:
						ix.opaque[v] = true
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range x.Lhs {
					v := varOf(lhs)
					if v == nil {
						continue
					}
					if (x.Tok == token.ASSIGN || x.Tok == token.DEFINE) && len(x.Lhs) == len(x.Rhs) {
						ix.defs[v] = append(ix.defs[v], x.Rhs[i])
					} else {
						ix.opaque[v] = true
					}
				}
			case *ast.IncDecStmt:
				if v := varOf(x.X); v != nil {
					ix.opaque[v] = true
				}
			case *ast.UnaryExpr:
				if x.Op == token.AND {
					if v := varOf(x.X); v != nil {
						ix.opaque[v] = true
					}
				}
			case *ast.RangeStmt:
				for _, e := range []ast.Expr{x.Key, x.Value} {
					if v := varOf(e); v != nil {
						ix.opaque[v] = true
					}
				}
			case *ast.CallExpr:
				if fn := analysisutil.Callee(info, x); fn != nil && fn.Pkg() == pass.Pkg {
					ix.callers[fn] = append(ix.callers[fn], x)
				}
			}
			return true
		})
	}
	return ix
}

// knownDefs returns every value assigned to v, when they are all known.
func (ix *index) knownDefs(v *types.Var) ([]ast.Expr, bool) {
	if v == nil || ix.opaque[v] || ix.params[v] {
		return nil, false
	}
	d := ix.defs[v]
	return d, len(d) > 0
}

// paramOf returns the function declaration (outermost in stack) that has v
// as a parameter never reassigned, and v's index among its parameters.
func (ix *index) paramOf(v *types.Var, stack []ast.Node) (*types.Func, int) {
	if len(ix.defs[v]) > 0 || ix.opaque[v] {
		return nil, -1
	}
	for _, n := range stack {
		decl, ok := n.(*ast.FuncDecl)
		if !ok {
			continue
		}
		fn, _ := ix.info.Defs[decl.Name].(*types.Func)
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
				if ix.info.Defs[n] == v {
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

// inspectStack is ast.Inspect that also passes the ancestors of each node.
func inspectStack(root ast.Node, f func(n ast.Node, stack []ast.Node) bool) {
	var stack []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if !f(n, stack) {
			return false
		}
		stack = append(stack, n)
		return true
	})
}
