package jwtverify

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// rootVar returns the variable at the root of an lvalue such as x, x.f,
// x[i] or *x.
func rootVar(info *types.Info, e ast.Expr) types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.ObjectOf(x)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			return rootVar(info, x.X)
		}
		return info.ObjectOf(x.Sel)
	case *ast.StarExpr:
		return rootVar(info, x.X)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return rootVar(info, x.X)
		}
	case *ast.IndexExpr:
		return rootVar(info, x.X)
	}
	return nil
}

// sameExpr reports whether a and b denote the same value: the same
// variables, fields, constants and calls, structurally.
func sameExpr(info *types.Info, a, b ast.Expr) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	if ta, tb := info.Types[a], info.Types[b]; ta.Value != nil && tb.Value != nil {
		return constant.Compare(ta.Value, token.EQL, tb.Value)
	}
	switch x := a.(type) {
	case *ast.Ident:
		y, ok := b.(*ast.Ident)
		return ok && info.ObjectOf(x) != nil && info.ObjectOf(x) == info.ObjectOf(y)
	case *ast.SelectorExpr:
		y, ok := b.(*ast.SelectorExpr)
		if !ok || info.ObjectOf(x.Sel) == nil || info.ObjectOf(x.Sel) != info.ObjectOf(y.Sel) {
			return false
		}
		if id, ok := x.X.(*ast.Ident); ok {
			if _, pkg := info.ObjectOf(id).(*types.PkgName); pkg {
				return true // a qualified identifier
			}
		}
		return sameExpr(info, x.X, y.X)
	case *ast.IndexExpr:
		y, ok := b.(*ast.IndexExpr)
		return ok && sameExpr(info, x.X, y.X) && sameExpr(info, x.Index, y.Index)
	case *ast.StarExpr:
		y, ok := b.(*ast.StarExpr)
		return ok && sameExpr(info, x.X, y.X)
	case *ast.SliceExpr:
		y, ok := b.(*ast.SliceExpr)
		return ok && sameExpr(info, x.X, y.X) && sameOpt(info, x.Low, y.Low) && sameOpt(info, x.High, y.High) && sameOpt(info, x.Max, y.Max)
	case *ast.CallExpr:
		y, ok := b.(*ast.CallExpr)
		if !ok || len(x.Args) != len(y.Args) || !sameExpr(info, x.Fun, y.Fun) {
			return false
		}
		for i := range x.Args {
			if !sameExpr(info, x.Args[i], y.Args[i]) {
				return false
			}
		}
		return true
	}
	return false
}

func sameOpt(info *types.Info, a, b ast.Expr) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return sameExpr(info, a, b)
}
