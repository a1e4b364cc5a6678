package analysisutil

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// maxFuncValueDepth bounds how many variables FuncBody follows.
const maxFuncValueDepth = 3

// FuncBody returns the body of the function that the function value e
// denotes, when it is declared in the package of pass: a function literal,
// a function or method, or a variable of the package assigned only once
// (see SoleValueOf), with one of those. It returns nil otherwise.
func FuncBody(pass *analysis.Pass, e ast.Expr) *ast.BlockStmt {
	return funcBody(pass, e, 0)
}

func funcBody(pass *analysis.Pass, e ast.Expr, depth int) *ast.BlockStmt {
	info := pass.TypesInfo
	e = ast.Unparen(e)
	if lit, ok := e.(*ast.FuncLit); ok {
		return lit.Body
	}
	if fn := ReferencedFunc(info, e); fn != nil {
		if fn.Pkg() != pass.Pkg {
			return nil
		}
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && info.Defs[fd.Name] == fn {
					return fd.Body
				}
			}
		}
		return nil
	}
	if depth < maxFuncValueDepth {
		if init := SoleValueOf(pass, e); init != nil {
			return funcBody(pass, init, depth+1)
		}
	}
	return nil
}

// SoleValueOf returns the value of the variable of the package of pass
// that e, an identifier (possibly in parentheses), refers to, when the
// package assigns it exactly once (its declaration included) and never
// takes its address. It returns nil otherwise.
func SoleValueOf(pass *analysis.Pass, e ast.Expr) ast.Expr {
	if v := UsedVar(pass.TypesInfo, e); v != nil && v.Pkg() == pass.Pkg {
		return soleValue(pass, v)
	}
	return nil
}

// soleValue returns the value a variable is given when the package assigns
// it exactly once (its declaration included) and never takes its address.
func soleValue(pass *analysis.Pass, v *types.Var) ast.Expr {
	info := pass.TypesInfo
	var value ast.Expr
	count := 0
	for _, f := range pass.Files {
		if v.Parent() != v.Pkg().Scope() && (v.Pos() < f.FileStart || v.Pos() > f.FileEnd) {
			continue // a local variable lives in one file
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if info.Defs[name] == v {
						count++
						if len(n.Values) == len(n.Names) {
							value = n.Values[i]
						}
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && info.ObjectOf(id) == v {
						count++
						if len(n.Lhs) == len(n.Rhs) {
							value = n.Rhs[i]
						}
					}
				}
			case *ast.UnaryExpr:
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[id] == v {
					count += 2
				}
			}
			return true
		})
	}
	if count != 1 {
		return nil
	}
	return value
}

// ReturnsConstTrue reports whether every return statement of a function
// body (not counting nested function literals) returns the constant true
// as its first result, there is at least one, and the body does not call
// panic.
func ReturnsConstTrue(info *types.Info, body *ast.BlockStmt) bool {
	returns := 0
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns++
			if len(n.Results) == 0 {
				ok = false
				return false
			}
			if b, isConst := BoolConst(info, n.Results[0]); !isConst || !b {
				ok = false
			}
		case *ast.CallExpr:
			if id, isIdent := ast.Unparen(n.Fun).(*ast.Ident); isIdent {
				if _, builtin := info.Uses[id].(*types.Builtin); builtin && id.Name == "panic" {
					ok = false
				}
			}
		}
		return true
	})
	return ok && returns > 0
}

// SingleResults returns the results of the return statements of a function
// body (not counting nested function literals), and false when one of them
// does not return exactly one value.
func SingleResults(body *ast.BlockStmt) ([]ast.Expr, bool) {
	var results []ast.Expr
	complete := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch r := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(r.Results) != 1 {
				complete = false
			} else {
				results = append(results, r.Results[0])
			}
		}
		return true
	})
	return results, complete
}
