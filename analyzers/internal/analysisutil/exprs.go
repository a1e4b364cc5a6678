package analysisutil

import (
	"go/ast"
	"go/token"
	"go/types"
)

// IsNil reports whether e is the predeclared value nil.
func IsNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// UsedVar returns the variable that e, an identifier (possibly in
// parentheses), refers to; nil when e is not an identifier or does not
// refer to a variable.
func UsedVar(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	return v
}

// MethodExprShift is 1 when call calls a method expression T.M (the
// receiver is then the first argument), else 0.
func MethodExprShift(info *types.Info, call *ast.CallExpr) int {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodExpr {
			return 1
		}
	}
	return 0
}

// Arg returns the argument call passes for parameter i of its callee, with
// shift the callee's MethodExprShift; nil when there is none.
func Arg(call *ast.CallExpr, i, shift int) ast.Expr {
	if i >= 0 && i+shift < len(call.Args) {
		return call.Args[i+shift]
	}
	return nil
}

// RootObject returns the object an lvalue such as x, x.f or *x names: for
// an identifier (or a qualified identifier pkg.V) its object, for a field
// selection x.f the field (the same object for every x). It returns nil
// for anything else.
func RootObject(info *types.Info, e ast.Expr) types.Object {
	return rootObject(info, e, false)
}

// RootObjectAddr is RootObject that also looks through the & operator, so
// that &x and *&x name x.
func RootObjectAddr(info *types.Info, e ast.Expr) types.Object {
	return rootObject(info, e, true)
}

func rootObject(info *types.Info, e ast.Expr, addr bool) types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.ObjectOf(x)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			return sel.Obj()
		}
		return info.ObjectOf(x.Sel)
	case *ast.StarExpr:
		return rootObject(info, x.X, addr)
	case *ast.UnaryExpr:
		if addr && x.Op == token.AND {
			return rootObject(info, x.X, addr)
		}
	}
	return nil
}
