package tlsminversion

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/sdlkit/sdlkit/analyzers/internal/analysisutil"
	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Rule documents the check.
var Rule = ruledoc.Rule(doc, "tlsminversion", ruledoc.Meta{
	ID:       "SDL101",
	CWE:      []int{326, 757},
	Severity: finding.Important,
	Tags:     []string{"encryption-in-transit"},
})

// Analyzer reports tls.Config values that allow TLS versions below 1.2.
var Analyzer = &analysis.Analyzer{
	Name: Rule.Name,
	Doc:  ruledoc.AnalyzerDoc(Rule),
	URL:  Rule.HelpURI,
	Run:  run,
}

const (
	tlsPath      = "crypto/tls"
	versionTLS12 = 0x0303
)

func run(pass *analysis.Pass) (any, error) {
	if pass.Pkg.Path() != tlsPath && !analysisutil.Imports(pass.Pkg, tlsPath) {
		return nil, nil
	}
	// Each top-level declaration is one scope: an assignment to MinVersion
	// anywhere in a function (its closures included) covers the configs it
	// creates.
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			checkScope(pass, decl)
		}
	}
	return nil, nil
}

// checkScope checks the tls.Config values created within a top-level
// declaration.
func checkScope(pass *analysis.Pass, scope ast.Node) {
	info := pass.TypesInfo
	// Objects (variables, or struct fields) whose MinVersion is assigned
	// somewhere in scope.
	assigned := map[types.Object]bool{}
	// The object each expression is stored in: the variable on the left of
	// an assignment or declaration, or the field of a keyed literal.
	storedIn := map[ast.Expr]types.Object{}

	ast.Inspect(scope, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if sel, ok := lhs.(*ast.SelectorExpr); ok && sel.Sel.Name == "MinVersion" && isTLSConfig(info.TypeOf(sel.X)) {
					if obj := analysisutil.RootObject(info, sel.X); obj != nil {
						assigned[obj] = true
					}
					if len(n.Rhs) == len(n.Lhs) {
						checkConstVersion(pass, n.Rhs[i], false)
					}
				}
				if len(n.Lhs) == len(n.Rhs) {
					storedIn[ast.Unparen(n.Rhs[i])] = analysisutil.RootObject(info, lhs)
				}
			}
		case *ast.ValueSpec:
			if len(n.Values) == len(n.Names) {
				for i, v := range n.Values {
					storedIn[ast.Unparen(v)] = info.Defs[n.Names[i]]
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				if f, ok := info.Uses[id].(*types.Var); ok && f.IsField() {
					storedIn[ast.Unparen(n.Value)] = f
				}
			}
		case *ast.CompositeLit:
			if isTLSConfig(info.TypeOf(n)) {
				if v, ok := analysisutil.Field(info, n, "MinVersion"); ok {
					checkConstVersion(pass, v, true)
				}
			}
		}
		return true
	})

	type creation struct {
		node ast.Expr
		lit  *ast.CompositeLit // nil for new(tls.Config)
		obj  types.Object
	}
	var created []creation
	inner := map[*ast.CompositeLit]bool{} // the T{} of a &T{} already counted
	ast.Inspect(scope, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		if lit, ok := e.(*ast.CompositeLit); ok && inner[lit] {
			return true
		}
		if lit, ok := configCreation(info, e); ok {
			created = append(created, creation{e, lit, storedIn[e]})
			if lit != nil {
				inner[lit] = true
			}
		}
		return true
	})

	for _, c := range created {
		if c.obj != nil && assigned[c.obj] {
			continue
		}
		if c.lit != nil {
			if _, ok := analysisutil.Field(info, c.lit, "MinVersion"); ok {
				continue
			}
		}
		d := analysis.Diagnostic{
			Pos:     c.node.Pos(),
			End:     c.node.End(),
			Message: "tls.Config does not set MinVersion: depending on the Go version and GODEBUG it may accept TLS 1.0 and 1.1; set MinVersion to tls.VersionTLS12 or later",
		}
		if c.lit != nil {
			if fix, ok := addMinVersion(pass, c.lit); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
			}
		}
		pass.Report(d)
	}
}

// configCreation reports whether e creates a tls.Config value or pointer: a
// composite literal (possibly behind &) or new(tls.Config). For literals it
// returns the literal.
func configCreation(info *types.Info, e ast.Expr) (*ast.CompositeLit, bool) {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		if isTLSConfig(info.TypeOf(x)) {
			return x, true
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && len(x.Args) == 1 {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" && isTLSConfig(info.TypeOf(x.Args[0])) {
				return nil, true
			}
		}
	}
	return nil, false
}

func isTLSConfig(t types.Type) bool {
	return t != nil && analysisutil.IsNamed(t, tlsPath, "Config")
}

// checkConstVersion reports a MinVersion value that is a constant below TLS
// 1.2. In a literal (inLiteral), values gosec's G402 already resolves are
// left to it.
func checkConstVersion(pass *analysis.Pass, v ast.Expr, inLiteral bool) {
	val, ok := analysisutil.IntConst(pass.TypesInfo, v)
	if !ok || val == 0 || val >= versionTLS12 {
		return
	}
	if inLiteral && gosecResolves(pass, v) {
		return
	}
	d := analysis.Diagnostic{
		Pos:     v.Pos(),
		End:     v.End(),
		Message: fmt.Sprintf("tls.Config MinVersion is %s, below TLS 1.2; use tls.VersionTLS12 or later", versionName(val)),
	}
	if name := analysisutil.ImportName(pass.Files, v.Pos(), tlsPath); name != "" {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Set MinVersion to tls.VersionTLS12",
			TextEdits: []analysis.TextEdit{{Pos: v.Pos(), End: v.End(), NewText: []byte(name + ".VersionTLS12")}},
		}}
	}
	pass.Report(d)
}

// gosecResolves reports whether gosec's G402 resolves the MinVersion value v
// itself: an integer literal, a crypto/tls constant named directly, or an
// identifier initialised with one of those.
func gosecResolves(pass *analysis.Pass, v ast.Expr) bool {
	switch x := v.(type) {
	case *ast.BasicLit:
		return true
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			if pn, ok := pass.TypesInfo.Uses[id].(*types.PkgName); ok && pn.Imported().Path() == tlsPath {
				return true
			}
		}
	case *ast.Ident:
		obj := pass.TypesInfo.Uses[x]
		if obj == nil || obj.Pkg() != pass.Pkg {
			return false
		}
		if init := initializer(pass, obj); init != nil {
			switch i := init.(type) {
			case *ast.BasicLit:
				return true
			case *ast.SelectorExpr:
				return gosecResolves(pass, i)
			}
		}
	}
	return false
}

// initializer finds the expression an object is declared with in the
// package's files.
func initializer(pass *analysis.Pass, obj types.Object) ast.Expr {
	f := analysisutil.FileOf(pass.Files, obj.Pos())
	if f == nil {
		return nil
	}
	var init ast.Expr
	ast.Inspect(f, func(n ast.Node) bool {
		if init != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if name.Pos() == obj.Pos() && i < len(n.Values) {
					init = n.Values[i]
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if id, ok := lhs.(*ast.Ident); ok && id.Pos() == obj.Pos() && i < len(n.Rhs) {
					init = n.Rhs[i]
				}
			}
		}
		return true
	})
	return init
}

func versionName(v int64) string {
	switch v {
	case 0x0300:
		return "SSL 3.0"
	case 0x0301:
		return "TLS 1.0"
	case 0x0302:
		return "TLS 1.1"
	}
	return fmt.Sprintf("%#04x", v)
}

// addMinVersion returns a fix that adds MinVersion: tls.VersionTLS12 to a
// keyed literal.
func addMinVersion(pass *analysis.Pass, lit *ast.CompositeLit) (analysis.SuggestedFix, bool) {
	name := analysisutil.ImportName(pass.Files, lit.Pos(), tlsPath)
	if name == "" {
		return analysis.SuggestedFix{}, false
	}
	edit, ok := analysisutil.InsertFields(pass, lit, "MinVersion: "+name+".VersionTLS12")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{Message: "Add MinVersion: tls.VersionTLS12", TextEdits: []analysis.TextEdit{edit}}, true
}
