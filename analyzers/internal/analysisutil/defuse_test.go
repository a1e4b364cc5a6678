package analysisutil

import (
	"go/ast"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
)

const defuseSrc = `package p

var pkgVar = "a"

func init() { pkgVar = "b" }

func known() string {
	var zero string
	x := "one"
	x = "two"
	_ = zero
	return x
}

func opaque(s []string) int {
	n := 0
	n++
	p := &s
	_ = p
	for i := range s {
		n += i
	}
	a, b := pair()
	return n + a + b
}

func pair() (int, int) { return 1, 2 }

type T struct{}

func (t T) wrap(state string, rest ...string) string {
	return state
}

func wrapper(state string, rest ...string) string {
	_ = rest
	return state
}

func callers() {
	wrapper("const")
	wrapper("other", "x")
	T{}.wrap("method")
	T.wrap(T{}, "expr")
}
`

const defuseTestSrc = `package p

func testCaller() { wrapper("from a test") }
`

// localVar returns the variable name declared in fn.
func localVar(t *testing.T, pass *analysis.Pass, fn *ast.FuncDecl, name string) *types.Var {
	t.Helper()
	id := find(t, fn, identNamed(name))
	v, ok := pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok {
		t.Fatalf("%s is not a variable", name)
	}
	return v
}

func TestDefUseKnownDefs(t *testing.T) {
	pass := load(t, map[string]string{"p.go": defuseSrc})
	du := NewDefUse(pass)

	known := funcDecl(t, pass, "known")
	defs, ok := du.KnownDefs(localVar(t, pass, known, "x"))
	if !ok || len(defs) != 2 {
		t.Errorf("KnownDefs(x) = %v, %v; want two definitions", defs, ok)
	}
	defs, ok = du.KnownDefs(localVar(t, pass, known, "zero"))
	if !ok || len(defs) != 1 || defs[0] != nil {
		t.Errorf("KnownDefs(zero) = %v, %v; want the zero value", defs, ok)
	}
	pkgVar, _ := pass.Pkg.Scope().Lookup("pkgVar").(*types.Var)
	if defs, ok := du.KnownDefs(pkgVar); !ok || len(defs) != 2 {
		t.Errorf("KnownDefs(pkgVar) = %v, %v; want two definitions", defs, ok)
	}

	opaque := funcDecl(t, pass, "opaque")
	for _, name := range []string{"n", "s", "i", "a", "b"} {
		if defs, ok := du.KnownDefs(localVar(t, pass, opaque, name)); ok {
			t.Errorf("KnownDefs(%s) = %v, want unknown", name, defs)
		}
	}
	if !du.IsParam(localVar(t, pass, opaque, "s")) || du.IsParam(localVar(t, pass, opaque, "n")) {
		t.Error("IsParam: want s a parameter and n not")
	}
	if _, ok := du.KnownDefs(nil); ok {
		t.Error("KnownDefs(nil) is known")
	}
}

func TestDefUseDecl(t *testing.T) {
	pass := load(t, map[string]string{"p.go": defuseSrc})
	du := NewDefUse(pass)
	fn, _ := pass.Pkg.Scope().Lookup("pair").(*types.Func)
	if got := du.Decl(fn); got == nil || got.Name.Name != "pair" {
		t.Errorf("Decl(pair) = %v", got)
	}
	if got := du.Decl(nil); got != nil {
		t.Errorf("Decl(nil) = %v", got)
	}
}

// paramStack returns the ancestors of the first use of name in the
// function fn.
func paramStack(t *testing.T, pass *analysis.Pass, fn string, name string) (*types.Var, []ast.Node) {
	t.Helper()
	decl := funcDecl(t, pass, fn)
	var stack []ast.Node
	var v *types.Var
	for _, f := range pass.Files {
		InspectStack(f, func(n ast.Node, st []ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && v == nil && id.Name == name && pass.TypesInfo.Uses[id] != nil && id.Pos() > decl.Pos() && id.End() < decl.End() {
				v, _ = pass.TypesInfo.Uses[id].(*types.Var)
				stack = append([]ast.Node(nil), st...)
			}
			return true
		})
	}
	if v == nil {
		t.Fatalf("no use of %s in %s", name, fn)
	}
	return v, stack
}

func TestDefUseArgsFor(t *testing.T) {
	pass := load(t, map[string]string{"p.go": defuseSrc, "p_test.go": defuseTestSrc})
	du := NewDefUse(pass)
	args := func(sites []ArgSite) []string {
		var out []string
		for _, s := range sites {
			str, _ := StringConst(pass.TypesInfo, s.Arg)
			out = append(out, str)
		}
		return out
	}

	v, stack := paramStack(t, pass, "wrapper", "state")
	fn, sites := du.ArgsFor(v, stack)
	if fn == nil || fn.Name() != "wrapper" {
		t.Fatalf("ArgsFor(state) function = %v", fn)
	}
	if got := args(sites); len(got) != 2 || got[0] != "const" || got[1] != "other" {
		t.Errorf("ArgsFor(state) arguments = %q, want const and other (not the _test.go call)", got)
	}

	v, stack = paramStack(t, pass, "wrap", "state")
	if fn, sites = du.ArgsFor(v, stack); fn == nil || fn.Name() != "wrap" {
		t.Fatalf("ArgsFor(method state) function = %v", fn)
	}
	if got := args(sites); len(got) != 2 || got[0] != "method" || got[1] != "expr" {
		t.Errorf("ArgsFor(method state) arguments = %q, want method and expr", got)
	}

	v, stack = paramStack(t, pass, "wrapper", "rest")
	if fn, sites := du.ArgsFor(v, stack); fn != nil || sites != nil {
		t.Errorf("ArgsFor(variadic) = %v, %v; want nothing", fn, sites)
	}
}
