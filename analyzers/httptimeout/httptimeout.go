package httptimeout

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/sdlkit/sdlkit/analyzers/internal/analysisutil"
	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Rule documents the check.
var Rule = ruledoc.Rule(doc, "httptimeout", ruledoc.Meta{
	ID:       "SDL601",
	CWE:      []int{400, 1088},
	Severity: finding.Moderate,
	Tags:     []string{"denial-of-service"},
})

// Analyzer reports HTTP clients without a timeout.
var Analyzer = &analysis.Analyzer{
	Name: Rule.Name,
	Doc:  ruledoc.AnalyzerDoc(Rule),
	URL:  Rule.HelpURI,
	Run:  run,
}

const (
	httpPath = "net/http"
	netPath  = "net"
	timePath = "time"
)

func run(pass *analysis.Pass) (any, error) {
	if pass.Pkg.Path() != httpPath && !analysisutil.Imports(pass.Pkg, httpPath) {
		return nil, nil
	}
	c := &checker{
		pass:        pass,
		info:        pass.TypesInfo,
		parent:      map[ast.Node]ast.Node{},
		timeoutSet:  map[types.Object]bool{},
		assignments: map[types.Object][]ast.Expr{},
	}
	c.collect()
	for _, f := range analysisutil.NonTestFiles(pass) {
		c.checkFile(f)
	}
	return nil, nil
}

type checker struct {
	pass   *analysis.Pass
	info   *types.Info
	parent map[ast.Node]ast.Node
	// timeoutSet holds the variables and fields whose Timeout is assigned
	// somewhere in the package (x.Timeout = ...).
	timeoutSet map[types.Object]bool
	// assignments holds the values assigned to variables and fields.
	assignments map[types.Object][]ast.Expr
	// defaultConfigured is set when the package sets
	// http.DefaultClient.Timeout or replaces http.DefaultClient.
	defaultConfigured bool
}

func (c *checker) collect() {
	// Test set-up says nothing about production clients.
	for _, f := range analysisutil.NonTestFiles(c.pass) {
		analysisutil.InspectStack(f, func(n ast.Node, stack []ast.Node) bool {
			if len(stack) > 0 {
				c.parent[n] = stack[len(stack)-1]
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if len(n.Lhs) == len(n.Rhs) {
						if obj := c.rootObject(lhs); obj != nil {
							c.assignments[obj] = append(c.assignments[obj], n.Rhs[i])
						}
					}
					if c.isDefaultClient(lhs) {
						c.defaultConfigured = true
					}
					sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
					if !ok || sel.Sel.Name != "Timeout" || !isClient(c.info.TypeOf(sel.X)) {
						continue
					}
					if c.isDefaultClient(sel.X) {
						c.defaultConfigured = true
					}
					if obj := c.rootObject(sel.X); obj != nil {
						c.timeoutSet[obj] = true
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i, v := range n.Values {
						if obj := c.info.Defs[n.Names[i]]; obj != nil {
							c.assignments[obj] = append(c.assignments[obj], v)
						}
					}
				}
			}
			return true
		})
	}
}

func isClient(t types.Type) bool {
	return t != nil && analysisutil.IsNamed(t, httpPath, "Client")
}

// isDefaultClient reports whether e is http.DefaultClient (or *it).
func (c *checker) isDefaultClient(e ast.Expr) bool {
	e = ast.Unparen(e)
	if s, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(s.X)
	}
	var id *ast.Ident
	switch x := e.(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == httpPath && v.Name() == "DefaultClient" && v.Parent() == v.Pkg().Scope()
}

// rootObject returns the variable or field an lvalue such as x, x.f, *x or
// &x names; nil for the blank identifier.
func (c *checker) rootObject(e ast.Expr) types.Object {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && id.Name == "_" {
		return nil
	}
	return analysisutil.RootObjectAddr(c.info, e)
}

// storedIn returns the variable or field the value of e is stored in.
func (c *checker) storedIn(e ast.Expr) types.Object {
	var n ast.Node = e
	for {
		p := c.parent[n]
		switch p := p.(type) {
		case *ast.ParenExpr, *ast.StarExpr:
			n = p
			continue
		case *ast.UnaryExpr:
			if p.Op == token.AND {
				n = p
				continue
			}
		case *ast.AssignStmt:
			if len(p.Lhs) == len(p.Rhs) {
				for i, r := range p.Rhs {
					if r == n {
						return c.rootObject(p.Lhs[i])
					}
				}
			}
		case *ast.ValueSpec:
			if len(p.Names) == len(p.Values) {
				for i, v := range p.Values {
					if v == n {
						return c.info.Defs[p.Names[i]]
					}
				}
			}
		case *ast.KeyValueExpr:
			if p.Value == n {
				if id, ok := p.Key.(*ast.Ident); ok {
					if f, ok := c.info.Uses[id].(*types.Var); ok && f.IsField() {
						return f
					}
				}
			}
		}
		return nil
	}
}

// timeoutAssigned reports whether the Timeout of the client stored in obj,
// or of a variable that holds the same client, is assigned.
func (c *checker) timeoutAssigned(obj types.Object) bool {
	return obj != nil && c.timeoutSet[obj]
}

func (c *checker) checkFile(f *ast.File) {
	main := analysisutil.IsMainPackage(c.pass.Pkg)
	inner := map[*ast.CompositeLit]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if lit, ok := ast.Unparen(n.X).(*ast.CompositeLit); ok && n.Op == token.AND && isClient(c.info.TypeOf(lit)) {
				inner[lit] = true
				c.checkLiteral(n, lit)
			}
		case *ast.CompositeLit:
			if !inner[n] && isClient(c.info.TypeOf(n)) {
				c.checkLiteral(n, n)
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 1 {
				if b, ok := c.info.Uses[id].(*types.Builtin); ok && b.Name() == "new" && isClient(c.info.TypeOf(n.Args[0])) {
					if !c.timeoutAssigned(c.storedIn(n)) {
						c.report(n, "http.Client has no Timeout: a slow or unresponsive server can block its requests forever; set Timeout (for example 30 * time.Second)", nil)
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Values) == 0 && n.Type != nil {
				t := c.info.TypeOf(n.Type)
				if _, ptr := types.Unalias(t).(*types.Pointer); !ptr && isClient(t) {
					for _, name := range n.Names {
						if obj := c.info.Defs[name]; obj != nil && !c.timeoutAssigned(obj) && name.Name != "_" {
							c.report(name, "http.Client has no Timeout: a slow or unresponsive server can block its requests forever; set Timeout (for example 30 * time.Second)", nil)
						}
					}
				}
			}
		case *ast.SelectorExpr:
			if !main && !c.defaultConfigured {
				c.checkDefault(n)
			}
		case *ast.Ident:
			if sel, ok := c.parent[n].(*ast.SelectorExpr); ok && sel.Sel == n {
				return true
			}
			if !main && !c.defaultConfigured {
				c.checkDefault(n)
			}
		}
		return true
	})
}

// checkLiteral checks an http.Client composite literal; node is the
// literal or &literal.
func (c *checker) checkLiteral(node ast.Expr, lit *ast.CompositeLit) {
	if v, ok := analysisutil.Field(c.info, lit, "Timeout"); ok {
		if z, ok := analysisutil.IntConst(c.info, v); ok && z == 0 && !c.timeoutAssigned(c.storedIn(node)) {
			d := analysis.Diagnostic{
				Pos:     v.Pos(),
				End:     v.End(),
				Message: "http.Client Timeout is zero, which means no timeout: a slow or unresponsive server can block its requests forever; set a positive Timeout",
			}
			if fix, ok := c.replaceZero(v); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
			}
			c.pass.Report(d)
		}
		return
	}
	if c.timeoutAssigned(c.storedIn(node)) || c.transportBounded(lit) {
		return
	}
	var fixes []analysis.SuggestedFix
	if fix, ok := c.addTimeout(lit); ok {
		fixes = []analysis.SuggestedFix{fix}
	}
	c.report(node, "http.Client has no Timeout: a slow or unresponsive server can block its requests forever; set Timeout (for example 30 * time.Second)", fixes)
}

// transportBounded reports whether the client's Transport is an
// http.Transport literal with a ResponseHeaderTimeout and a dialer with a
// Timeout.
func (c *checker) transportBounded(lit *ast.CompositeLit) bool {
	tr, ok := analysisutil.Field(c.info, lit, "Transport")
	if !ok {
		return false
	}
	tlit := c.literalOf(tr, 0)
	if tlit == nil || !analysisutil.IsNamed(c.info.TypeOf(tlit), httpPath, "Transport") {
		return false
	}
	rht, ok := analysisutil.Field(c.info, tlit, "ResponseHeaderTimeout")
	if !ok || isZero(c.info, rht) {
		return false
	}
	for _, name := range []string{"DialContext", "Dial"} {
		d, ok := analysisutil.Field(c.info, tlit, name)
		if !ok {
			continue
		}
		sel, ok := ast.Unparen(d).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		dlit := c.literalOf(sel.X, 0)
		if dlit == nil || !analysisutil.IsNamed(c.info.TypeOf(dlit), netPath, "Dialer") {
			continue
		}
		if t, ok := analysisutil.Field(c.info, dlit, "Timeout"); ok && !isZero(c.info, t) {
			return true
		}
	}
	return false
}

// literalOf returns the composite literal e evaluates to: the literal
// itself, &literal, or a variable assigned once from one.
func (c *checker) literalOf(e ast.Expr, depth int) *ast.CompositeLit {
	if depth > 4 {
		return nil
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		return x
	case *ast.Ident:
		obj := c.info.Uses[x]
		if as := c.assignments[obj]; obj != nil && len(as) == 1 {
			return c.literalOf(as[0], depth+1)
		}
	}
	return nil
}

func isZero(info *types.Info, e ast.Expr) bool {
	v, ok := analysisutil.IntConst(info, e)
	return ok && v == 0
}

// checkDefault reports references to http.Get, http.Head, http.Post,
// http.PostForm and http.DefaultClient.
func (c *checker) checkDefault(e ast.Expr) {
	if c.isDefaultClient(e) {
		if c.defaultClientConfigured(e) {
			return
		}
		c.report(e, "http.DefaultClient has no timeout: a slow or unresponsive server can block its requests forever; use an http.Client with Timeout set", nil)
		return
	}
	var fn *types.Func
	switch x := e.(type) {
	case *ast.SelectorExpr:
		fn = analysisutil.ReferencedFunc(c.info, x)
	case *ast.Ident:
		fn, _ = c.info.Uses[x].(*types.Func)
	}
	if !analysisutil.IsFunc(fn, httpPath, "Get", "Head", "Post", "PostForm") {
		return
	}
	var at ast.Node = e
	if call, ok := c.parent[e].(*ast.CallExpr); ok && call.Fun == e {
		at = call
	}
	c.report(at, fmt.Sprintf("http.%s uses http.DefaultClient, which has no timeout: a slow or unresponsive server can block this call forever; use an http.Client with Timeout set", fn.Name()), nil)
}

// defaultClientConfigured reports whether a use of http.DefaultClient is
// the target of an assignment, or copies it into a variable whose Timeout
// is then set.
func (c *checker) defaultClientConfigured(e ast.Expr) bool {
	var n ast.Node = e
	for {
		p := c.parent[n]
		switch p := p.(type) {
		case *ast.ParenExpr, *ast.StarExpr:
			n = p
			continue
		case *ast.SelectorExpr:
			if p.X == n && p.Sel.Name == "Timeout" {
				if as, ok := c.parent[p].(*ast.AssignStmt); ok {
					for _, l := range as.Lhs {
						if l == p {
							return true
						}
					}
				}
			}
			return false
		case *ast.AssignStmt:
			for _, l := range p.Lhs {
				if l == n {
					return true
				}
			}
		}
		break
	}
	return c.timeoutAssigned(c.storedIn(e))
}

func (c *checker) report(n ast.Node, msg string, fixes []analysis.SuggestedFix) {
	c.pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msg, SuggestedFixes: fixes})
}

// timeName returns the name under which the file holding pos can refer to
// package time, and the edits that import it when it is not imported yet.
// ok is false when no safe name exists (time dot-imported, blank-imported
// only, or the name time taken by something else).
func (c *checker) timeName(pos token.Pos) (string, []analysis.TextEdit, bool) {
	f := analysisutil.FileOf(c.pass.Files, pos)
	if f == nil {
		return "", nil, false
	}
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p != timePath {
			continue
		}
		if imp.Name == nil {
			return c.usableName("time", pos)
		}
		if imp.Name.Name == "_" || imp.Name.Name == "." {
			continue
		}
		return c.usableName(imp.Name.Name, pos)
	}
	// Not imported: the name must be free where it is used.
	if scope := c.pass.Pkg.Scope().Innermost(pos); scope != nil {
		if _, obj := scope.LookupParent("time", pos); obj != nil {
			return "", nil, false
		}
	}
	if fileScope := c.info.Scopes[f]; fileScope != nil && fileScope.Lookup("time") != nil {
		return "", nil, false
	}
	var edit analysis.TextEdit
	var decl *ast.GenDecl
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			decl = g
			break
		}
	}
	switch {
	case decl != nil && decl.Lparen.IsValid():
		edit = analysis.TextEdit{Pos: decl.Lparen + 1, End: decl.Lparen + 1, NewText: []byte("\n\t\"time\"")}
	case decl != nil:
		edit = analysis.TextEdit{Pos: decl.End(), End: decl.End(), NewText: []byte("\n\nimport \"time\"")}
	default:
		edit = analysis.TextEdit{Pos: f.Name.End(), End: f.Name.End(), NewText: []byte("\n\nimport \"time\"")}
	}
	return "time", []analysis.TextEdit{edit}, true
}

// usableName checks that name refers to package time at pos.
func (c *checker) usableName(name string, pos token.Pos) (string, []analysis.TextEdit, bool) {
	if scope := c.pass.Pkg.Scope().Innermost(pos); scope != nil {
		if _, obj := scope.LookupParent(name, pos); obj != nil {
			if pn, ok := obj.(*types.PkgName); !ok || pn.Imported().Path() != timePath {
				return "", nil, false
			}
		}
	}
	return name, nil, true
}

// addTimeout returns a fix adding Timeout: 30 * time.Second to a keyed (or
// empty) http.Client literal.
func (c *checker) addTimeout(lit *ast.CompositeLit) (analysis.SuggestedFix, bool) {
	name, importEdits, ok := c.timeName(lit.Pos())
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	edit, ok := analysisutil.InsertFields(c.pass, lit, "Timeout: 30 * "+name+".Second")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message:   "Add Timeout: 30 * time.Second",
		TextEdits: append([]analysis.TextEdit{edit}, importEdits...),
	}, true
}

// replaceZero returns a fix replacing a zero Timeout with 30 * time.Second.
func (c *checker) replaceZero(v ast.Expr) (analysis.SuggestedFix, bool) {
	name, importEdits, ok := c.timeName(v.Pos())
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	edit := analysis.TextEdit{Pos: v.Pos(), End: v.End(), NewText: []byte("30 * " + name + ".Second")}
	return analysis.SuggestedFix{
		Message:   "Set Timeout to 30 * time.Second",
		TextEdits: append([]analysis.TextEdit{edit}, importEdits...),
	}, true
}
