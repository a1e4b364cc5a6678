package analysisutil

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"sort"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// fakeStd returns small stand-ins for the standard packages the helpers
// recognise, so that the tests type-check quickly and without export data.
func fakeStd() map[string]string {
	return map[string]string{
		"fmt": `package fmt
func Sprintf(format string, a ...any) string { return format }
func Println(a ...any) {}`,
		"flag": `package flag
type FlagSet struct{}
func (*FlagSet) String(name, value, usage string) *string { return &value }
func (*FlagSet) StringVar(p *string, name, value, usage string) {}
func String(name, value, usage string) *string { return &value }
func StringVar(p *string, name, value, usage string) {}`,
		"net": `package net
func JoinHostPort(host, port string) string { return host + ":" + port }`,
		"net/http": `package http
type Client struct{ Timeout int }`,
		"strings": `package strings
type Builder struct{}`,
	}
}

// sourceImporter type-checks imported packages from the sources in srcs.
type sourceImporter struct {
	fset *token.FileSet
	srcs map[string]string
	pkgs map[string]*types.Package
}

func (im *sourceImporter) Import(path string) (*types.Package, error) {
	if p, ok := im.pkgs[path]; ok {
		return p, nil
	}
	src, ok := im.srcs[path]
	if !ok {
		return nil, fmt.Errorf("import %q: no test source", path)
	}
	f, err := parser.ParseFile(im.fset, path+".go", src, 0)
	if err != nil {
		return nil, fmt.Errorf("parse %q: %w", path, err)
	}
	conf := types.Config{Importer: im}
	p, err := conf.Check(path, im.fset, []*ast.File{f}, nil)
	if err != nil {
		return nil, fmt.Errorf("type-check %q: %w", path, err)
	}
	im.pkgs[path] = p
	return p, nil
}

// load type-checks the package "example.com/p" made of files (name to
// source) and returns a pass over it. The standard packages it may import
// are those of fakeStd.
func load(t *testing.T, files map[string]string) *analysis.Pass {
	t.Helper()
	fset := token.NewFileSet()
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var parsed []*ast.File
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, files[name], parser.ParseComments)
		if err != nil {
			t.Fatalf("parse %s: %v", name, err)
		}
		parsed = append(parsed, f)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Scopes:     map[ast.Node]*types.Scope{},
		Implicits:  map[ast.Node]types.Object{},
		Instances:  map[*ast.Ident]types.Instance{},
	}
	conf := types.Config{Importer: &sourceImporter{fset: fset, srcs: fakeStd(), pkgs: map[string]*types.Package{}}}
	pkg, err := conf.Check("example.com/p", fset, parsed, info)
	if err != nil {
		t.Fatalf("type-check: %v", err)
	}
	return &analysis.Pass{
		Fset:      fset,
		Files:     parsed,
		Pkg:       pkg,
		TypesInfo: info,
		ReadFile: func(name string) ([]byte, error) {
			if src, ok := files[name]; ok {
				return []byte(src), nil
			}
			return nil, fmt.Errorf("read %s: %w", name, os.ErrNotExist)
		},
	}
}

// valueOf returns the initialiser of the package-level variable name.
func valueOf(t *testing.T, pass *analysis.Pass, name string) ast.Expr {
	t.Helper()
	var found ast.Expr
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if vs, ok := n.(*ast.ValueSpec); ok {
				for i, id := range vs.Names {
					if id.Name == name && i < len(vs.Values) {
						found = vs.Values[i]
					}
				}
			}
			return found == nil
		})
	}
	if found == nil {
		t.Fatalf("no variable %s with a value", name)
	}
	return found
}

// funcDecl returns the declaration of the function name.
func funcDecl(t *testing.T, pass *analysis.Pass, name string) *ast.FuncDecl {
	t.Helper()
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == name {
				return fd
			}
		}
	}
	t.Fatalf("no function %s", name)
	return nil
}

// find returns the first node in root for which match is true.
func find[N ast.Node](t *testing.T, root ast.Node, match func(N) bool) N {
	t.Helper()
	var found N
	done := false
	ast.Inspect(root, func(n ast.Node) bool {
		if x, ok := n.(N); ok && !done && match(x) {
			found, done = x, true
		}
		return !done
	})
	if !done {
		t.Fatalf("no %T found", found)
	}
	return found
}

// identNamed matches identifiers with the given name.
func identNamed(name string) func(*ast.Ident) bool {
	return func(id *ast.Ident) bool { return id.Name == name }
}
