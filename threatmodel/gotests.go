package threatmodel

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/mod/modfile"
)

// GoTests finds the Go tests of a module by parsing its _test.go files
// (never by building or running anything).
type GoTests struct {
	root, module string
	mu           sync.Mutex
	cache        map[string]map[string]bool // dir -> test names
}

// NewGoTests returns a finder for the module rooted at dir.
func NewGoTests(dir string) (*GoTests, error) {
	//sdl:ignore G304 -- the module's own go.mod
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return nil, fmt.Errorf("finding tests: %w", err)
	}
	mod := modfile.ModulePath(data)
	if mod == "" {
		return nil, fmt.Errorf("finding tests: %s has no module line", filepath.Join(dir, "go.mod"))
	}
	return &GoTests{root: dir, module: mod, cache: map[string]map[string]bool{}}, nil
}

// Exists reports whether package pkg (an import path in the module) has a
// top-level test function name in one of its _test.go files.
func (g *GoTests) Exists(pkg, name string) (bool, error) {
	rel, ok := strings.CutPrefix(pkg, g.module)
	if !ok || (rel != "" && rel[0] != '/') {
		return false, fmt.Errorf("package %s is not in module %s", pkg, g.module)
	}
	rel = strings.TrimPrefix(rel, "/")
	if !filepath.IsLocal(filepath.FromSlash(rel)) && rel != "" {
		return false, fmt.Errorf("package %s is not in module %s", pkg, g.module)
	}
	dir := filepath.Join(g.root, filepath.FromSlash(rel))
	g.mu.Lock()
	defer g.mu.Unlock()
	names, ok := g.cache[dir]
	if !ok {
		var err error
		if names, err = testsIn(dir); err != nil {
			return false, err
		}
		g.cache[dir] = names
	}
	return names[name], nil
}

// testsIn lists the top-level Test functions of a directory's _test.go
// files.
func testsIn(dir string) (map[string]bool, error) {
	matches, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil {
		return nil, err
	}
	names := map[string]bool{}
	fset := token.NewFileSet()
	for _, path := range matches {
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			continue // a file that does not parse has no tests to cite
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && strings.HasPrefix(fn.Name.Name, "Test") {
				names[fn.Name.Name] = true
			}
		}
	}
	return names, nil
}
