package analysisutil

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// InspectStack is ast.Inspect that also passes the ancestors of each node,
// outermost first. When f returns false the children of n are skipped.
func InspectStack(root ast.Node, f func(n ast.Node, stack []ast.Node) bool) {
	var stack []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if !f(n, stack) {
			return false
		}
		stack = append(stack, n)
		return true
	})
}

// NonTestFiles returns the files of pass but its _test.go files.
func NonTestFiles(pass *analysis.Pass) []*ast.File {
	var files []*ast.File
	for _, f := range pass.Files {
		if !IsTestFile(pass.Fset, f.Pos()) {
			files = append(files, f)
		}
	}
	return files
}

// InspectFiles calls InspectStack on each file of pass but its _test.go
// files.
func InspectFiles(pass *analysis.Pass, f func(n ast.Node, stack []ast.Node) bool) {
	for _, file := range NonTestFiles(pass) {
		InspectStack(file, f)
	}
}

// FuncDecls returns the declarations, with a body, of the functions and
// methods declared in files.
func FuncDecls(info *types.Info, files []*ast.File) map[*types.Func]*ast.FuncDecl {
	decls := map[*types.Func]*ast.FuncDecl{}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
					decls[fn] = fd
				}
			}
		}
	}
	return decls
}
