package bodylimit

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/sdlkit/sdlkit/analyzers/internal/analysisutil"
	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Rule documents the check.
var Rule = ruledoc.Rule(doc, "bodylimit", ruledoc.Meta{
	ID:       "SDL602",
	CWE:      []int{400, 770},
	Severity: finding.Moderate,
	Tags:     []string{"denial-of-service"},
})

// Analyzer reports request bodies read without a size limit.
var Analyzer = &analysis.Analyzer{
	Name:     Rule.Name,
	Doc:      ruledoc.AnalyzerDoc(Rule),
	URL:      Rule.HelpURI,
	Run:      run,
	Requires: []*analysis.Analyzer{inspect.Analyzer},
}

const (
	httpPath = "net/http"
	ginPath  = "github.com/gin-gonic/gin"
)

// checker holds the per-package state.
type checker struct {
	pass  *analysis.Pass
	info  *types.Info
	decls map[ast.Node]*declFacts // per top-level declaration
	calls map[*types.Func][]callSite
	fixed map[string][]ast.Node // function and body → blocks where a fix inserts the limit
}

type callSite struct {
	call *ast.CallExpr
	decl ast.Node // the caller's top-level declaration
}

// declFacts are the assignments of a top-level declaration.
type declFacts struct {
	defs   map[types.Object][]ast.Expr // nil element: a write we do not follow
	params map[types.Object]bool
	bodies []bodyWrite
}

type bodyWrite struct {
	key string
	pos token.Pos
}

func run(pass *analysis.Pass) (any, error) {
	if !analysisutil.DependsOn(pass.Pkg, httpPath) {
		return nil, nil
	}
	c := &checker{
		pass:  pass,
		info:  pass.TypesInfo,
		decls: map[ast.Node]*declFacts{},
		calls: map[*types.Func][]callSite{},
		fixed: map[string][]ast.Node{},
	}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			ast.Inspect(d, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if fn := analysisutil.Callee(c.info, call); fn != nil && fn.Pkg() == pass.Pkg {
						c.calls[fn] = append(c.calls[fn], callSite{call, d})
					}
				}
				return true
			})
		}
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	ins.WithStack([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		call := n.(*ast.CallExpr)
		if analysisutil.IsTestFile(pass.Fset, call.Pos()) {
			return true
		}
		c.checkCall(call, stack)
		return true
	})
	return nil, nil
}

// readOf returns the reader a call reads completely, and how the message
// names the call.
func (c *checker) readOf(call *ast.CallExpr) (ast.Expr, string) {
	fn := analysisutil.Callee(c.info, call)
	if fn == nil {
		return nil, ""
	}
	switch {
	case analysisutil.IsFunc(fn, "io", "ReadAll"), analysisutil.IsFunc(fn, "io/ioutil", "ReadAll"):
		if len(call.Args) == 1 {
			return call.Args[0], fn.Pkg().Name() + ".ReadAll"
		}
	case analysisutil.IsFunc(fn, "encoding/json", "NewDecoder"), analysisutil.IsFunc(fn, "encoding/xml", "NewDecoder"):
		if len(call.Args) == 1 {
			return call.Args[0], fn.Pkg().Name() + ".NewDecoder"
		}
	case analysisutil.IsFunc(fn, "io", "Copy", "CopyBuffer"):
		if len(call.Args) >= 2 && !c.isDiscard(call.Args[0]) {
			return call.Args[1], "io." + fn.Name()
		}
	case analysisutil.IsMethod(fn, "bytes", "Buffer", "ReadFrom"), analysisutil.IsMethod(fn, "os", "File", "ReadFrom"):
		if len(call.Args) == 1 {
			_, name := analysisutil.ReceiverNamed(fn)
			return call.Args[0], name + ".ReadFrom"
		}
	}
	return nil, ""
}

func (c *checker) isDiscard(e ast.Expr) bool {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		id = x.Sel
	case *ast.Ident:
		id = x
	}
	if id == nil {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && (v.Pkg().Path() == "io" || v.Pkg().Path() == "io/ioutil") && v.Name() == "Discard"
}

func (c *checker) checkCall(call *ast.CallExpr, stack []ast.Node) {
	decl := topDecl(stack)
	if decl == nil {
		return
	}
	// gin's Context.GetRawData reads c.Request.Body whole.
	if fn := analysisutil.Callee(c.info, call); analysisutil.IsMethod(fn, ginPath, "Context", "GetRawData") {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if k := c.key(decl, sel.X, 0); k == "" || !c.limitedBefore(decl, k+".Request.Body", call.Pos()) {
				c.pass.Report(analysis.Diagnostic{
					Pos:     call.Pos(),
					End:     call.End(),
					Message: "request body read with gin Context.GetRawData without a size limit: a client can exhaust memory; limit it first with c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, n)",
				})
			}
		}
		return
	}
	arg, what := c.readOf(call)
	if arg == nil {
		return
	}
	req := c.bodyOf(decl, arg, 0)
	if req == nil {
		return
	}
	key := c.key(decl, req, 0)
	if key != "" && c.limitedBefore(decl, key+".Body", call.Pos()) {
		return
	}
	if c.limitedByCallers(decl, req) {
		return
	}
	d := analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: fmt.Sprintf("request body read with %s without a size limit: a client can exhaust memory or disk; limit it first with r.Body = http.MaxBytesReader(w, r.Body, n)", what),
	}
	if fix, ok := c.fix(call, req, key, stack); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	c.pass.Report(d)
}

// topDecl returns the top-level declaration on the stack.
func topDecl(stack []ast.Node) ast.Node {
	for _, n := range stack {
		switch n.(type) {
		case *ast.FuncDecl, *ast.GenDecl:
			return n
		}
	}
	return nil
}

func (c *checker) facts(decl ast.Node) *declFacts {
	if f, ok := c.decls[decl]; ok {
		return f
	}
	f := &declFacts{defs: map[types.Object][]ast.Expr{}, params: map[types.Object]bool{}}
	c.decls[decl] = f
	add := func(lhs ast.Expr, rhs ast.Expr) {
		if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
			if obj := c.info.ObjectOf(id); obj != nil {
				f.defs[obj] = append(f.defs[obj], rhs)
			}
		}
	}
	ast.Inspect(decl, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncType:
			for _, list := range []*ast.FieldList{n.Params, n.Results} {
				if list == nil {
					continue
				}
				for _, field := range list.List {
					for _, name := range field.Names {
						f.params[c.info.Defs[name]] = true
					}
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				var rhs ast.Expr
				if len(n.Lhs) == len(n.Rhs) {
					rhs = n.Rhs[i]
				}
				add(lhs, rhs)
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && c.isBodyField(sel) {
					if k := c.key(decl, sel.X, 0); k != "" {
						f.bodies = append(f.bodies, bodyWrite{k + ".Body", n.Pos()})
					}
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				var rhs ast.Expr
				if len(n.Values) == len(n.Names) {
					rhs = n.Values[i]
				}
				add(name, rhs)
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				add(n.X, nil)
			}
		}
		return true
	})
	return f
}

// singleDef returns the only value a local variable is given in decl.
func (c *checker) singleDef(decl ast.Node, obj types.Object) ast.Expr {
	v, ok := obj.(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || v.IsField() {
		return nil
	}
	facts := c.facts(decl)
	defs := facts.defs[v]
	if len(defs) != 1 || facts.params[v] {
		return nil
	}
	return defs[0]
}

// isBodyField reports whether sel selects the Body field of an
// http.Request.
func (c *checker) isBodyField(sel *ast.SelectorExpr) bool {
	s, ok := c.info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || sel.Sel.Name != "Body" {
		return false
	}
	return analysisutil.IsNamed(s.Recv(), httpPath, "Request")
}

// bodyOf returns the request expression whose Body e reads, or nil.
func (c *checker) bodyOf(decl ast.Node, e ast.Expr, depth int) ast.Expr {
	if depth > 5 {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if c.isBodyField(x) {
			return x.X
		}
	case *ast.Ident:
		if d := c.singleDef(decl, c.info.Uses[x]); d != nil {
			return c.bodyOf(decl, d, depth+1)
		}
	case *ast.CallExpr:
		fn := analysisutil.Callee(c.info, x)
		switch {
		case analysisutil.IsFunc(fn, "bufio", "NewReader", "NewReaderSize"),
			analysisutil.IsFunc(fn, "io", "TeeReader", "NopCloser"),
			analysisutil.IsFunc(fn, "io/ioutil", "NopCloser"):
			if len(x.Args) > 0 {
				return c.bodyOf(decl, x.Args[0], depth+1)
			}
		}
	}
	return nil
}

// key names the storage location an expression denotes, so that r.Body
// written in one statement and read in another compare equal: a variable
// (through local aliases), a field path, or an accessor call such as echo's
// c.Request().
func (c *checker) key(decl ast.Node, e ast.Expr, depth int) string {
	if depth > 8 {
		return ""
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		obj := c.info.Uses[x]
		if obj == nil {
			obj = c.info.Defs[x]
		}
		if obj == nil {
			return ""
		}
		if d := c.singleDef(decl, obj); d != nil {
			if k := c.key(decl, d, depth+1); k != "" {
				return k
			}
		}
		return x.Name + "@" + strconv.Itoa(int(obj.Pos()))
	case *ast.SelectorExpr:
		if s, ok := c.info.Selections[x]; ok && s.Kind() == types.FieldVal {
			if k := c.key(decl, x.X, depth+1); k != "" {
				return k + "." + x.Sel.Name
			}
			return ""
		}
		if obj := c.info.Uses[x.Sel]; obj != nil {
			if _, ok := c.info.Selections[x]; !ok {
				return x.Sel.Name + "@" + strconv.Itoa(int(obj.Pos()))
			}
		}
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && len(x.Args) == 0 {
			if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.MethodVal {
				if k := c.key(decl, sel.X, depth+1); k != "" {
					return k + "." + sel.Sel.Name + "()"
				}
			}
		}
	case *ast.StarExpr:
		return c.key(decl, x.X, depth+1)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return c.key(decl, x.X, depth+1)
		}
	}
	return ""
}

// limitedBefore reports whether the body with the given key is assigned in
// decl before pos.
func (c *checker) limitedBefore(decl ast.Node, key string, pos token.Pos) bool {
	for _, w := range c.facts(decl).bodies {
		if w.key == key && w.pos < pos {
			return true
		}
	}
	return false
}

// limitedByCallers reports whether req is a parameter of a function of this
// package whose every caller limits the body of the request it passes
// before the call.
func (c *checker) limitedByCallers(decl ast.Node, req ast.Expr) bool {
	v := analysisutil.UsedVar(c.info, req)
	if v == nil {
		return false
	}
	fd, ok := decl.(*ast.FuncDecl)
	if !ok {
		return false
	}
	fn, _ := c.info.Defs[fd.Name].(*types.Func)
	if fn == nil {
		return false
	}
	index := -1
	i := 0
	for _, field := range fd.Type.Params.List {
		for _, name := range field.Names {
			if c.info.Defs[name] == v {
				index = i
			}
			i++
		}
		if len(field.Names) == 0 {
			i++
		}
	}
	sites := c.calls[fn]
	if index < 0 || len(sites) == 0 {
		return false
	}
	for _, s := range sites {
		if index >= len(s.call.Args) {
			return false
		}
		k := c.key(s.decl, s.call.Args[index], 0)
		if k == "" || !c.limitedBefore(s.decl, k+".Body", s.call.Pos()) {
			return false
		}
	}
	return true
}

// fix inserts r.Body = http.MaxBytesReader(w, r.Body, 1<<20) before the
// statement that reads the body, when the enclosing function has an
// http.ResponseWriter parameter.
func (c *checker) fix(call *ast.CallExpr, req ast.Expr, key string, stack []ast.Node) (analysis.SuggestedFix, bool) {
	var fnType *ast.FuncType
	fnIndex := -1
	for i := len(stack) - 1; i >= 0; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncDecl:
			fnType = f.Type
		case *ast.FuncLit:
			fnType = f.Type
		}
		if fnType != nil {
			fnIndex = i
			break
		}
	}
	if fnType == nil {
		return analysis.SuggestedFix{}, false
	}
	w := ""
	for _, field := range fnType.Params.List {
		if analysisutil.IsNamed(c.info.TypeOf(field.Type), httpPath, "ResponseWriter") {
			for _, name := range field.Names {
				if name.Name != "_" && w == "" {
					w = name.Name
				}
			}
		}
	}
	if w == "" {
		return analysis.SuggestedFix{}, false
	}
	if key == "" {
		return analysis.SuggestedFix{}, false
	}
	// A fix already offered for an earlier read in an enclosing block
	// covers this one.
	fixKey := fmt.Sprintf("%d:%s", stack[fnIndex].Pos(), key)
	for _, block := range c.fixed[fixKey] {
		if block.Pos() <= call.Pos() && call.End() <= block.End() {
			return analysis.SuggestedFix{}, false
		}
	}
	// The innermost statement of a statement list that holds the read.
	var stmt ast.Stmt
	var block ast.Node
	for i := len(stack) - 1; i > fnIndex && stmt == nil; i-- {
		s, ok := stack[i].(ast.Stmt)
		if !ok {
			continue
		}
		switch stack[i-1].(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			stmt, block = s, stack[i-1]
		}
	}
	if stmt == nil {
		return analysis.SuggestedFix{}, false
	}
	// Every variable the request expression uses must exist before the
	// statement.
	ok := true
	ast.Inspect(req, func(n ast.Node) bool {
		if id, isID := n.(*ast.Ident); isID {
			if obj := c.info.Uses[id]; obj != nil && obj.Pos() >= stmt.Pos() && obj.Pos() < stmt.End() {
				ok = false
			}
		}
		return true
	})
	httpName := analysisutil.ImportName(c.pass.Files, call.Pos(), httpPath)
	if !ok || httpName == "" {
		return analysis.SuggestedFix{}, false
	}
	c.fixed[fixKey] = append(c.fixed[fixKey], block)
	r := types.ExprString(req)
	text := fmt.Sprintf("%s.Body = %s.MaxBytesReader(%s, %s.Body, 1<<20)\n%s", r, httpName, w, r, analysisutil.Indentation(c.pass, stmt.Pos()))
	return analysis.SuggestedFix{
		Message:   "Limit the request body with http.MaxBytesReader (1 MiB)",
		TextEdits: []analysis.TextEdit{{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(text)}},
	}, true
}
