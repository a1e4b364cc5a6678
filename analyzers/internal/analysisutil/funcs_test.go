package analysisutil

import (
	"go/ast"
	"testing"
)

const funcsSrc = `package p

func yes() bool { return true }

func yesOnly(n int) (bool, error) {
	if n > 0 {
		return true, nil
	}
	f := func() bool { return false }
	_ = f
	return true, nil
}

func sometimes(n int) bool {
	if n > 0 {
		return false
	}
	return true
}

func panics() bool {
	panic("no")
	return true
}

func noReturn() {}

var once = yes

var twice = yes

func init() { twice = never }

func never() bool { return false }

var addressed = yes

var _ = &addressed

var lit = func() bool { return true }

var alias = once

var useTwice = twice

var useAddressed = addressed

func results(n int) int {
	g := func() (int, int) { return 1, 2 }
	_ = g
	if n > 0 {
		return 1
	}
	return n
}

func tuple() (int, int) { return 1, 2 }
`

func TestFuncBodyAndReturnsConstTrue(t *testing.T) {
	pass := load(t, map[string]string{"p.go": funcsSrc})
	tests := []struct {
		value  string
		body   bool
		always bool
	}{
		{"once", true, true},       // the function yes
		{"alias", true, true},      // once, assigned yes only
		{"useTwice", false, false}, // twice, assigned twice
		{"useAddressed", false, false},
		{"lit", true, true},
	}
	for _, tt := range tests {
		body := FuncBody(pass, valueOf(t, pass, tt.value))
		if (body != nil) != tt.body {
			t.Errorf("FuncBody(%s) = %v, want a body: %v", tt.value, body, tt.body)
			continue
		}
		if body != nil && ReturnsConstTrue(pass.TypesInfo, body) != tt.always {
			t.Errorf("ReturnsConstTrue(%s) = %v", tt.value, !tt.always)
		}
	}
	for name, want := range map[string]bool{"yes": true, "yesOnly": true, "sometimes": false, "panics": false, "noReturn": false} {
		if got := ReturnsConstTrue(pass.TypesInfo, funcDecl(t, pass, name).Body); got != want {
			t.Errorf("ReturnsConstTrue(%s) = %v, want %v", name, got, want)
		}
	}
}

func TestSoleValueOf(t *testing.T) {
	pass := load(t, map[string]string{"p.go": funcsSrc})
	if got, ok := SoleValueOf(pass, valueOf(t, pass, "alias")).(*ast.Ident); !ok || got.Name != "yes" {
		t.Errorf("SoleValueOf(once) = %v, want yes", got)
	}
	for _, name := range []string{"twice", "addressed"} {
		if got := SoleValueOf(pass, ast.NewIdent(name)); got != nil {
			t.Errorf("SoleValueOf(unresolved identifier %s) = %v, want nil", name, got)
		}
	}
	init := funcDecl(t, pass, "init")
	if got := SoleValueOf(pass, find(t, init, identNamed("twice"))); got != nil {
		t.Errorf("SoleValueOf(twice) = %v, want nil", got)
	}
	if got := SoleValueOf(pass, find(t, init, identNamed("never"))); got != nil {
		t.Errorf("SoleValueOf(a function) = %v, want nil", got)
	}
}

func TestSingleResults(t *testing.T) {
	pass := load(t, map[string]string{"p.go": funcsSrc})
	if rs, ok := SingleResults(funcDecl(t, pass, "results").Body); !ok || len(rs) != 2 {
		t.Errorf("SingleResults(results) = %v, %v; want two results", rs, ok)
	}
	if _, ok := SingleResults(funcDecl(t, pass, "tuple").Body); ok {
		t.Error("SingleResults(tuple) is complete")
	}
	if rs, ok := SingleResults(funcDecl(t, pass, "noReturn").Body); !ok || len(rs) != 0 {
		t.Errorf("SingleResults(noReturn) = %v, %v", rs, ok)
	}
}
