package analysisutil

import (
	"go/ast"
	"go/token"
	"os"
	"testing"

	"golang.org/x/tools/go/analysis"
)

const editsSrc = `package p

import (
	web "net/http"
	_ "fmt"
	"net"
)

type opts struct{ A, B, C bool }

var (
	empty    = opts{}
	oneLine  = opts{A: false}
	multi    = opts{
		A: false,
	}
	unkeyed  = opts{false, false, false}
	client   = web.Client{}
	joined   = net.JoinHostPort
)
`

const editsOtherSrc = `package p

import . "strings"

var b = Builder{}
`

func TestImportName(t *testing.T) {
	pass := load(t, map[string]string{"p.go": editsSrc, "q.go": editsOtherSrc})
	pos := valueOf(t, pass, "client").Pos()
	other := valueOf(t, pass, "b").Pos()
	tests := []struct {
		pos  token.Pos
		path string
		want string
	}{
		{pos, "net/http", "web"},
		{pos, "net", "net"},
		{pos, "fmt", ""},
		{pos, "strings", ""},
		{other, "strings", ""},
		{other, "net", ""},
		{token.NoPos, "net", ""},
	}
	for _, tt := range tests {
		if got := ImportName(pass.Files, tt.pos, tt.path); got != tt.want {
			t.Errorf("ImportName(%v, %q) = %q, want %q", pass.Fset.Position(tt.pos), tt.path, got, tt.want)
		}
	}
}

func TestIndentation(t *testing.T) {
	pass := load(t, map[string]string{"p.go": editsSrc})
	lit := valueOf(t, pass, "multi").(*ast.CompositeLit)
	if got := Indentation(pass, lit.Elts[0].Pos()); got != "\t\t" {
		t.Errorf("Indentation(A: false) = %q, want two tabs", got)
	}
	if got := Indentation(pass, lit.Pos()); got != "\t" {
		t.Errorf("Indentation(multi) = %q, want a tab", got)
	}
	unreadable := *pass
	unreadable.ReadFile = func(string) ([]byte, error) { return nil, os.ErrNotExist }
	if got := Indentation(&unreadable, lit.Pos()); got != "\t" {
		t.Errorf("Indentation of an unreadable file = %q, want a tab", got)
	}
}

func TestInsertFields(t *testing.T) {
	pass := load(t, map[string]string{"p.go": editsSrc})
	apply := func(lit *ast.CompositeLit, edit analysis.TextEdit) string {
		src, err := pass.ReadFile("p.go")
		if err != nil {
			t.Fatal(err)
		}
		tf := pass.Fset.File(lit.Pos())
		start, end := tf.Offset(edit.Pos), tf.Offset(edit.End)
		out := string(src[:start]) + string(edit.NewText) + string(src[end:])
		litStart, litEnd := tf.Offset(lit.Pos()), tf.Offset(lit.End())+len(edit.NewText)-(end-start)
		return out[litStart:litEnd]
	}
	tests := []struct {
		name string
		want string
	}{
		{"empty", "opts{B: true, C: true}"},
		{"oneLine", "opts{B: true, C: true, A: false}"},
		{"multi", "opts{\n\t\tB: true,\n\t\tC: true,\n\t\tA: false,\n\t}"},
	}
	for _, tt := range tests {
		lit := valueOf(t, pass, tt.name).(*ast.CompositeLit)
		edit, ok := InsertFields(pass, lit, "B: true", "C: true")
		if !ok {
			t.Errorf("InsertFields(%s) failed", tt.name)
			continue
		}
		if got := apply(lit, edit); got != tt.want {
			t.Errorf("InsertFields(%s) gives %q, want %q", tt.name, got, tt.want)
		}
	}
	if _, ok := InsertFields(pass, valueOf(t, pass, "unkeyed").(*ast.CompositeLit), "B: true"); ok {
		t.Error("InsertFields(unkeyed literal) succeeded")
	}
}
