package analysisutil

import (
	"go/ast"
	"go/types"
	"sort"
	"strings"
	"testing"
)

const inspectSrc = `package p

func outer() {
	f := func() {
		inner := 1
		_ = inner
	}
	_ = f
	local := 2
	_ = local
}

func external()

var top = 3
`

const inspectTestSrc = `package p

func helper() {}
`

func TestFiles(t *testing.T) {
	pass := load(t, map[string]string{"p.go": inspectSrc, "p_test.go": inspectTestSrc})
	files := NonTestFiles(pass)
	if len(files) != 1 || files[0].Name.Name != "p" || pass.Fset.Position(files[0].Pos()).Filename != "p.go" {
		t.Fatalf("NonTestFiles = %v, want p.go only", files)
	}
	names := func(decls map[*types.Func]*ast.FuncDecl) string {
		var out []string
		for fn, d := range decls {
			if fn.Name() != d.Name.Name {
				t.Errorf("FuncDecls: %s maps to %s", fn.Name(), d.Name.Name)
			}
			out = append(out, fn.Name())
		}
		sort.Strings(out)
		return strings.Join(out, " ")
	}
	if got := names(FuncDecls(pass.TypesInfo, pass.Files)); got != "helper outer" {
		t.Errorf("FuncDecls(all files) = %s, want helper and outer (external has no body)", got)
	}
	if got := names(FuncDecls(pass.TypesInfo, files)); got != "outer" {
		t.Errorf("FuncDecls(non-test files) = %s", got)
	}
}

func TestInspect(t *testing.T) {
	pass := load(t, map[string]string{"p.go": inspectSrc, "p_test.go": inspectTestSrc})
	var depthOfInner int
	var funcs []string
	InspectFiles(pass, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			funcs = append(funcs, n.Name.Name)
		case *ast.Ident:
			if n.Name == "inner" && depthOfInner == 0 {
				depthOfInner = len(stack)
				if _, ok := stack[0].(*ast.File); !ok {
					t.Errorf("stack[0] = %T, want the file", stack[0])
				}
				if _, ok := stack[len(stack)-1].(*ast.AssignStmt); !ok {
					t.Errorf("parent of inner = %T, want the assignment", stack[len(stack)-1])
				}
			}
		case *ast.FuncLit:
			return false // not entered: inner is not seen
		}
		return true
	})
	if strings.Join(funcs, " ") != "outer external" {
		t.Errorf("InspectFiles visited %v, want the functions of p.go", funcs)
	}
	if depthOfInner != 0 {
		t.Error("InspectFiles entered a node its callback refused")
	}
	InspectStack(funcDecl(t, pass, "outer"), func(n ast.Node, stack []ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == "inner" && depthOfInner == 0 {
			depthOfInner = len(stack)
		}
		return true
	})
	// FuncDecl, BlockStmt, AssignStmt (f :=), FuncLit, BlockStmt, AssignStmt.
	if depthOfInner != 6 {
		t.Errorf("inner is at depth %d, want 6", depthOfInner)
	}
}

func TestEnclosingFunc(t *testing.T) {
	pass := load(t, map[string]string{"p.go": inspectSrc})
	outer := funcDecl(t, pass, "outer")
	inner := find(t, outer, identNamed("inner"))
	lit := find(t, outer, func(*ast.FuncLit) bool { return true })
	if got := EnclosingFunc(pass.Files, inner.Pos()); got != lit {
		t.Errorf("EnclosingFunc(inner) = %T, want the literal", got)
	}
	if got := EnclosingFunc(pass.Files, find(t, outer, identNamed("local")).Pos()); got != outer {
		t.Errorf("EnclosingFunc(local) = %T, want outer", got)
	}
	if got := EnclosingFunc(pass.Files, valueOf(t, pass, "top").Pos()); got != nil {
		t.Errorf("EnclosingFunc(top) = %T, want nil", got)
	}
	if FuncNodeBody(lit) != lit.Body || FuncNodeBody(outer) != outer.Body || FuncNodeBody(funcDecl(t, pass, "external")) != nil || FuncNodeBody(inner) != nil {
		t.Error("FuncNodeBody: want the bodies of functions only")
	}
}
