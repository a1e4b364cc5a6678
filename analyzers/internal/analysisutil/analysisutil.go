// Package analysisutil holds the helpers our analyzers share: resolving
// what function an expression refers to (through renamed imports, aliases,
// method values and generic instantiations), testing it against a package
// path and name, reading constants, and recognising loopback addresses
// (this file); the flow-insensitive def-use summaries of a package that
// follow values through variables and the package's own functions
// (defuse.go: DefUse; values.go: ValueIndex, which also resolves the
// possible values of string expressions); the bodies and values of
// function-valued expressions (funcs.go); walking syntax with its
// ancestors (inspect.go); small expression helpers (exprs.go); and the
// building blocks of suggested fixes (edits.go).
package analysisutil

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/netip"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// Imports reports whether pkg directly imports a package whose path is one
// of paths. Analyzers use it to exit early in packages the API cannot reach.
func Imports(pkg *types.Package, paths ...string) bool {
	for _, imp := range pkg.Imports() {
		for _, p := range paths {
			if imp.Path() == p {
				return true
			}
		}
	}
	return false
}

// ImportsAny reports whether pkg directly imports a package whose path
// satisfies match.
func ImportsAny(pkg *types.Package, match func(path string) bool) bool {
	for _, imp := range pkg.Imports() {
		if match(imp.Path()) {
			return true
		}
	}
	return false
}

// ImportsTransitively reports whether pkg imports a package whose path
// satisfies match, directly or through the packages it imports (a wrapper
// type embedding a library's type, say).
func ImportsTransitively(pkg *types.Package, match func(path string) bool) bool {
	seen := map[*types.Package]bool{}
	var walk func(p *types.Package) bool
	walk = func(p *types.Package) bool {
		for _, imp := range p.Imports() {
			if seen[imp] {
				continue
			}
			seen[imp] = true
			if match(imp.Path()) || walk(imp) {
				return true
			}
		}
		return false
	}
	return walk(pkg)
}

// DependsOn reports whether pkg is the package with the given path or
// imports it, directly or not.
func DependsOn(pkg *types.Package, path string) bool {
	return pkg.Path() == path || ImportsTransitively(pkg, func(p string) bool { return p == path })
}

// modulePath strips a trailing major-version element ("/v2", "/v5") from an
// import path, so "github.com/golang-jwt/jwt/v5" and
// "github.com/golang-jwt/jwt/v4" both give "github.com/golang-jwt/jwt".
func modulePath(path string) string {
	i := strings.LastIndex(path, "/v")
	if i < 0 || i+2 >= len(path) {
		return path
	}
	for _, c := range path[i+2:] {
		if c < '0' || c > '9' {
			return path
		}
	}
	return path[:i]
}

// PathIn reports whether path, with any major-version suffix removed, is one
// of bases.
func PathIn(path string, bases ...string) bool {
	m := modulePath(path)
	for _, b := range bases {
		if path == b || m == b {
			return true
		}
	}
	return false
}

// Callee returns the function or method a call statically invokes (for an
// interface method, the abstract method), with generic instantiations
// resolved to their origin; nil for calls of function values, conversions
// and builtins.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// ReferencedFunc returns the function or method that the expression e names,
// whether it is called or used as a value: an identifier, a qualified
// identifier (whatever the import is renamed to), a method value x.M or a
// method expression T.M, each possibly instantiated. It returns nil for
// anything else.
func ReferencedFunc(info *types.Info, e ast.Expr) *types.Func {
	e = astutil.Unparen(e)
	switch x := e.(type) {
	case *ast.IndexExpr:
		e = x.X
	case *ast.IndexListExpr:
		e = x.X
	}
	var obj types.Object
	switch x := astutil.Unparen(e).(type) {
	case *ast.Ident:
		obj = info.Uses[x]
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok {
			obj = sel.Obj()
		} else {
			obj = info.Uses[x.Sel]
		}
	}
	fn, _ := obj.(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// IsFunc reports whether fn is a package-level function of the package with
// the given path, named one of names (any name when names is empty).
func IsFunc(fn *types.Func, pkgPath string, names ...string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkgPath {
		return false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return false
	}
	return nameIn(fn.Name(), names)
}

// IsMethod reports whether fn is a method, named one of names (any when
// names is empty), declared on the named type pkgPath.typeName (or on a
// pointer to it, or on the interface of that name).
func IsMethod(fn *types.Func, pkgPath, typeName string, names ...string) bool {
	if fn == nil {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	if !nameIn(fn.Name(), names) {
		return false
	}
	return IsNamed(sig.Recv().Type(), pkgPath, typeName)
}

// ReceiverNamed returns the package path and the name of the named type a
// method is declared on, or "", "" when fn is not a method.
func ReceiverNamed(fn *types.Func) (pkgPath, name string) {
	if fn == nil {
		return "", ""
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return "", ""
	}
	n := NamedOf(sig.Recv().Type())
	if n == nil || n.Obj().Pkg() == nil {
		return "", ""
	}
	return n.Obj().Pkg().Path(), n.Obj().Name()
}

// NamedOf returns the named type of t after removing aliases and one level
// of pointer, or nil.
func NamedOf(t types.Type) *types.Named {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, _ := t.(*types.Named)
	if n != nil {
		n = n.Origin()
	}
	return n
}

// IsNamed reports whether t (through aliases and one pointer) is the named
// type pkgPath.name.
func IsNamed(t types.Type, pkgPath, name string) bool {
	n := NamedOf(t)
	return n != nil && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkgPath && n.Obj().Name() == name
}

// IsNamedIn is IsNamed for a package path compared with PathIn, so that
// every major version of a module matches.
func IsNamedIn(t types.Type, name string, bases ...string) bool {
	n := NamedOf(t)
	return n != nil && n.Obj().Pkg() != nil && n.Obj().Name() == name && PathIn(n.Obj().Pkg().Path(), bases...)
}

func nameIn(name string, names []string) bool {
	if len(names) == 0 {
		return true
	}
	for _, n := range names {
		if n == name {
			return true
		}
	}
	return false
}

// StringConst returns the value of e when it is a constant string
// expression (a literal, a named constant, or a constant concatenation).
func StringConst(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// IntConst returns the value of e when it is a constant integer expression
// that fits in an int64.
func IntConst(info *types.Info, e ast.Expr) (int64, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	v := constant.ToInt(tv.Value)
	if v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}

// BoolConst returns the value of e when it is a constant boolean expression
// (true, false or a named boolean constant).
func BoolConst(info *types.Info, e ast.Expr) (value, ok bool) {
	tv, found := info.Types[e]
	if !found || tv.Value == nil || tv.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(tv.Value), true
}

// Field returns the value of the field name in a struct composite literal
// and whether the literal sets it, for keyed and positional literals alike.
func Field(info *types.Info, lit *ast.CompositeLit, name string) (ast.Expr, bool) {
	if len(lit.Elts) == 0 {
		return nil, false
	}
	if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); keyed {
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
					return kv.Value, true
				}
			}
		}
		return nil, false
	}
	t := info.TypeOf(lit)
	if t == nil {
		return nil, false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil, false
	}
	for j := 0; j < st.NumFields() && j < len(lit.Elts); j++ {
		if st.Field(j).Name() == name {
			return lit.Elts[j], true
		}
	}
	return nil, false
}

// IsLoopbackHost reports whether host (a name or an IP literal, optionally
// in brackets) can only be reached from the same machine: "localhost", a
// name under ".localhost", 127.0.0.0/8 or ::1.
func IsLoopbackHost(host string) bool {
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if i := strings.IndexByte(host, '%'); i >= 0 { // zone
		host = host[:i]
	}
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	if ip, err := netip.ParseAddr(h); err == nil {
		return ip.IsLoopback()
	}
	return false
}

// EnclosingFunc returns the innermost function declaration or literal that
// encloses pos in the file of files holding it, or nil.
func EnclosingFunc(files []*ast.File, pos token.Pos) ast.Node {
	file := FileOf(files, pos)
	if file == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(file, pos, pos)
	for _, n := range path {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return n
		}
	}
	return nil
}

// FuncNodeBody returns the body of a function declaration or literal, and nil
// for anything else (a declaration without body included).
func FuncNodeBody(n ast.Node) *ast.BlockStmt {
	switch fn := n.(type) {
	case *ast.FuncDecl:
		return fn.Body
	case *ast.FuncLit:
		return fn.Body
	}
	return nil
}

// FileOf returns the file of files that contains pos, or nil.
func FileOf(files []*ast.File, pos token.Pos) *ast.File {
	for _, f := range files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// IsMainPackage reports whether pkg is a command (package main).
func IsMainPackage(pkg *types.Package) bool { return pkg.Name() == "main" }

// IsTestFile reports whether the file containing pos is a _test.go file.
func IsTestFile(fset *token.FileSet, pos token.Pos) bool {
	return strings.HasSuffix(fset.Position(pos).Filename, "_test.go")
}
