package analysisutil

import (
	"go/ast"
	"go/types"
	"testing"
)

const exprsSrc = `package p

type S struct{ f int }

func (S) M(a, b int) {}

var (
	s  S
	ps = &s
	n  = (*int)(nil)
	e  error = nil
)

func use() {
	s.f = 1
	ps.f = 2
	*ps = S{}
	(&s).f = 3
	_ = &s
	_ = *&s
	S.M(s, 1, 2)
	s.M(1, 2)
	(s.M)(1, 2)
}
`

func TestRootObject(t *testing.T) {
	pass := load(t, map[string]string{"p.go": exprsSrc})
	body := funcDecl(t, pass, "use").Body.List
	lhs := func(i int) ast.Expr { return body[i].(*ast.AssignStmt).Lhs[0] }
	rhs := func(i int) ast.Expr { return body[i].(*ast.AssignStmt).Rhs[0] }
	name := func(o types.Object) string {
		if o == nil {
			return "<nil>"
		}
		return o.Name()
	}
	tests := []struct {
		what       string
		e          ast.Expr
		plain, adr string
	}{
		{"s.f", lhs(0), "f", "f"},
		{"ps.f", lhs(1), "f", "f"},
		{"*ps", lhs(2), "ps", "ps"},
		{"(&s).f", lhs(3).(*ast.SelectorExpr).X, "<nil>", "s"},
		{"&s", rhs(4), "<nil>", "s"},
		{"*&s", rhs(5), "<nil>", "s"},
		{"S{}", rhs(2), "<nil>", "<nil>"},
	}
	for _, tt := range tests {
		if got := name(RootObject(pass.TypesInfo, tt.e)); got != tt.plain {
			t.Errorf("RootObject(%s) = %s, want %s", tt.what, got, tt.plain)
		}
		if got := name(RootObjectAddr(pass.TypesInfo, tt.e)); got != tt.adr {
			t.Errorf("RootObjectAddr(%s) = %s, want %s", tt.what, got, tt.adr)
		}
	}
}

func TestCallHelpers(t *testing.T) {
	pass := load(t, map[string]string{"p.go": exprsSrc})
	body := funcDecl(t, pass, "use").Body.List
	call := func(i int) *ast.CallExpr { return body[i].(*ast.ExprStmt).X.(*ast.CallExpr) }
	info := pass.TypesInfo

	expr, method := call(6), call(7)
	if MethodExprShift(info, expr) != 1 || MethodExprShift(info, method) != 0 || MethodExprShift(info, call(8)) != 0 {
		t.Error("MethodExprShift: want 1 for S.M only")
	}
	for i, want := range []string{"1", "2", ""} {
		got := ""
		if a := Arg(expr, i, MethodExprShift(info, expr)); a != nil {
			got = a.(*ast.BasicLit).Value
		}
		if got != want {
			t.Errorf("Arg(S.M(s, 1, 2), %d) = %q, want %q", i, got, want)
		}
	}
	if Arg(method, -1, 0) != nil {
		t.Error("Arg(-1) is not nil")
	}

	if v := UsedVar(info, &ast.ParenExpr{X: method.Args[0]}); v != nil {
		t.Errorf("UsedVar(1) = %v", v)
	}
	if v := UsedVar(info, &ast.ParenExpr{X: expr.Args[0]}); v == nil || v.Name() != "s" {
		t.Errorf("UsedVar((s)) = %v", v)
	}

	if !IsNil(info, valueOf(t, pass, "e")) || IsNil(info, valueOf(t, pass, "n")) || IsNil(info, expr.Args[1]) {
		t.Error("IsNil: want true for nil only")
	}
}
