package cookieflags

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sdlkit/sdlkit/analyzers/internal/analysisutil"
	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Rule documents the check.
var Rule = ruledoc.Rule(doc, "cookieflags", ruledoc.Meta{
	ID:       "SDL301",
	CWE:      []int{614, 1004, 1275},
	Severity: finding.Moderate,
	Tags:     []string{"sessions"},
})

// Analyzer reports session cookie options without Secure or HttpOnly.
var Analyzer = &analysis.Analyzer{
	Name: Rule.Name,
	Doc:  ruledoc.AnalyzerDoc(Rule),
	URL:  Rule.HelpURI,
	Run:  run,
}

const (
	gorillaPath = "github.com/gorilla/sessions"
	ginPath     = "github.com/gin-contrib/sessions"
	httpPath    = "net/http"

	sameSiteNoneMode = 4 // net/http.SameSiteNoneMode

	secure   = "Secure"
	httpOnly = "HttpOnly"
	sameSite = "SameSite"
	maxAge   = "MaxAge"
	whole    = "*" // the whole Options value was replaced
)

// key identifies an object whose Options fields are assigned. Struct
// fields (c.Options.Secure = ... for any c) are tracked per top-level
// declaration; variables are unique and need no declaration.
type key struct {
	decl ast.Decl
	obj  types.Object
}

type checker struct {
	pass *analysis.Pass
	info *types.Info

	// storedIn maps an expression to the variable or field it is stored in.
	storedIn map[ast.Expr]types.Object
	// optionFields records, per object holding an Options value, the fields
	// assigned after construction.
	optionFields map[key]map[string]bool
	// storeFields records, per store variable or field (nil when the
	// store expression names none), whether its Options were replaced
	// (whole) or which of their fields were assigned.
	storeFields map[types.Object]map[string]bool
	// anySession records the same for every session of the package.
	anySession map[string]bool
	// constructed holds the variables and fields that a store constructor
	// call is stored in.
	constructed map[types.Object]bool
	// escaped holds the store variables passed to calls or returned.
	escaped map[types.Object]bool
	// ginOptions is set when the package calls the Options method of a
	// gin-contrib/sessions store or session.
	ginOptions bool
}

func run(pass *analysis.Pass) (any, error) {
	if !analysisutil.Imports(pass.Pkg, gorillaPath, ginPath) {
		return nil, nil
	}
	c := &checker{
		pass:         pass,
		info:         pass.TypesInfo,
		storedIn:     map[ast.Expr]types.Object{},
		optionFields: map[key]map[string]bool{},
		storeFields:  map[types.Object]map[string]bool{},
		anySession:   map[string]bool{},
		constructed:  map[types.Object]bool{},
		escaped:      map[types.Object]bool{},
	}
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			c.collect(decl)
		}
	}
	for call, obj := range c.storedIn {
		if call, ok := call.(*ast.CallExpr); ok && obj != nil && isConstructor(analysisutil.Callee(c.info, call)) {
			c.constructed[obj] = true
		}
	}
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			c.check(decl)
		}
	}
	return nil, nil
}

// isOptions reports whether t is the Options type of gorilla/sessions or of
// gin-contrib/sessions.
func isOptions(t types.Type) bool {
	return t != nil && (analysisutil.IsNamed(t, gorillaPath, "Options") || analysisutil.IsNamed(t, ginPath, "Options"))
}

func isStore(t types.Type) bool {
	return t != nil && (analysisutil.IsNamed(t, gorillaPath, "CookieStore") || analysisutil.IsNamed(t, gorillaPath, "FilesystemStore"))
}

func isSession(t types.Type) bool {
	return t != nil && analysisutil.IsNamed(t, gorillaPath, "Session")
}

func set(m map[string]bool, field string) map[string]bool {
	if m == nil {
		m = map[string]bool{}
	}
	m[field] = true
	return m
}

func (c *checker) keyOf(decl ast.Decl, obj types.Object) key {
	if v, ok := obj.(*types.Var); ok && v.IsField() {
		return key{decl, obj}
	}
	return key{nil, obj}
}

// collect records where values are stored and which Options fields are
// assigned in decl, and reports constant insecure assignments.
func (c *checker) collect(decl ast.Decl) {
	ast.Inspect(decl, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				var rhs ast.Expr
				if len(n.Lhs) == len(n.Rhs) {
					rhs = n.Rhs[i]
					c.storedIn[ast.Unparen(rhs)] = analysisutil.RootObjectAddr(c.info, lhs)
					if id, ok := lhs.(*ast.Ident); !ok || id.Name != "_" {
						c.noteAlias(rhs)
					}
				}
				c.assignment(decl, lhs, rhs)
			}
		case *ast.ValueSpec:
			if len(n.Values) == len(n.Names) {
				for i, v := range n.Values {
					c.storedIn[ast.Unparen(v)] = c.info.Defs[n.Names[i]]
					c.noteAlias(v)
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				if f, ok := c.info.Uses[id].(*types.Var); ok && f.IsField() {
					c.storedIn[ast.Unparen(n.Value)] = f
				}
			}
			c.noteAlias(n.Value)
		case *ast.CallExpr:
			for _, a := range n.Args {
				c.noteAlias(a)
			}
			if fn := analysisutil.Callee(c.info, n); analysisutil.IsMethod(fn, ginPath, "Store", "Options") || analysisutil.IsMethod(fn, ginPath, "Session", "Options") {
				c.ginOptions = true
			}
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				c.noteAlias(r)
			}
		}
		return true
	})
}

// noteAlias marks a store variable that is copied, passed or returned:
// its Options may be set elsewhere.
func (c *checker) noteAlias(e ast.Expr) {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if id, ok := e.(*ast.Ident); ok && isStore(c.info.TypeOf(id)) {
		if obj := c.info.Uses[id]; obj != nil {
			c.escaped[obj] = true
		}
	}
}

// assignment handles lhs = rhs (rhs is nil in a tuple assignment).
func (c *checker) assignment(decl ast.Decl, lhs, rhs ast.Expr) {
	lhs = ast.Unparen(lhs)
	if star, ok := lhs.(*ast.StarExpr); ok {
		lhs = ast.Unparen(star.X)
	}
	sel, ok := lhs.(*ast.SelectorExpr)
	if !ok {
		return
	}
	name := sel.Sel.Name
	// x.Options = ... on a store, a session or another holder.
	if name == "Options" && analysisutil.IsNamed(c.info.TypeOf(sel), gorillaPath, "Options") {
		c.optionsHolder(sel.X, whole)
		return
	}
	if !isOptions(c.info.TypeOf(sel.X)) {
		return
	}
	switch name {
	case secure, httpOnly, sameSite, maxAge:
	default:
		return
	}
	if obj := analysisutil.RootObjectAddr(c.info, sel.X); obj != nil {
		k := c.keyOf(decl, obj)
		c.optionFields[k] = set(c.optionFields[k], name)
	}
	if inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok && inner.Sel.Name == "Options" {
		c.optionsHolder(inner.X, name)
	}
	if rhs != nil {
		c.checkValue(name, rhs)
	}
}

// optionsHolder records that field (or the whole value) of the Options of
// holder is assigned.
func (c *checker) optionsHolder(holder ast.Expr, field string) {
	t := c.info.TypeOf(holder)
	switch {
	case isStore(t):
		obj := analysisutil.RootObjectAddr(c.info, holder)
		c.storeFields[obj] = set(c.storeFields[obj], field)
	case isSession(t):
		c.anySession[field] = true
	default:
		// A store of another implementation: counts for stores that
		// escape.
		c.storeFields[nil] = set(c.storeFields[nil], field)
	}
}

// checkValue reports a constant insecure value given to field.
func (c *checker) checkValue(field string, v ast.Expr) {
	switch field {
	case secure, httpOnly:
		if b, ok := analysisutil.BoolConst(c.info, v); ok && !b {
			msg := "sessions.Options sets Secure to false: the session cookie is also sent over plain HTTP, where it can be read on the network; set Secure: true"
			if field == httpOnly {
				msg = "sessions.Options sets HttpOnly to false: scripts (and any XSS) can read the session cookie; set HttpOnly: true"
			}
			c.pass.Report(analysis.Diagnostic{
				Pos:     v.Pos(),
				End:     v.End(),
				Message: msg,
				SuggestedFixes: []analysis.SuggestedFix{{
					Message:   "Set " + field + " to true",
					TextEdits: []analysis.TextEdit{{Pos: v.Pos(), End: v.End(), NewText: []byte("true")}},
				}},
			})
		}
	case sameSite:
		if n, ok := analysisutil.IntConst(c.info, v); ok && n == sameSiteNoneMode {
			d := analysis.Diagnostic{
				Pos:     v.Pos(),
				End:     v.End(),
				Message: "sessions.Options sets SameSite to None: the session cookie is sent with requests other sites trigger (CSRF); use http.SameSiteLaxMode or http.SameSiteStrictMode",
			}
			if name := analysisutil.ImportName(c.pass.Files, v.Pos(), httpPath); name != "" {
				d.SuggestedFixes = []analysis.SuggestedFix{{
					Message:   "Use http.SameSiteLaxMode",
					TextEdits: []analysis.TextEdit{{Pos: v.Pos(), End: v.End(), NewText: []byte(name + ".SameSiteLaxMode")}},
				}}
			}
			c.pass.Report(d)
		}
	}
}

// check reports the Options literals and store constructors of decl.
func (c *checker) check(decl ast.Decl) {
	inner := map[*ast.CompositeLit]bool{}
	ast.Inspect(decl, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.UnaryExpr:
			if lit, ok := ast.Unparen(x.X).(*ast.CompositeLit); ok && x.Op == token.AND && isOptions(c.info.TypeOf(lit)) {
				inner[lit] = true
				c.checkLiteral(decl, x, lit)
			}
		case *ast.CompositeLit:
			if !inner[x] && isOptions(c.info.TypeOf(x)) {
				c.checkLiteral(decl, x, x)
			}
		case *ast.CallExpr:
			c.checkConstructor(x)
		}
		return true
	})
}

func (c *checker) checkLiteral(decl ast.Decl, node ast.Expr, lit *ast.CompositeLit) {
	if v, ok := analysisutil.Field(c.info, lit, maxAge); ok {
		if n, ok := analysisutil.IntConst(c.info, v); ok && n < 0 {
			return // deletes the cookie
		}
	}
	var later map[string]bool
	if obj := c.storedIn[node]; obj != nil {
		later = c.optionFields[c.keyOf(decl, obj)]
	}
	var missing []string
	for _, field := range []string{secure, httpOnly} {
		if v, ok := analysisutil.Field(c.info, lit, field); ok {
			c.checkValue(field, v)
		} else if !later[field] {
			missing = append(missing, field)
		}
	}
	if v, ok := analysisutil.Field(c.info, lit, sameSite); ok {
		c.checkValue(sameSite, v)
	}
	if len(missing) == 0 {
		return
	}
	var msg string
	switch {
	case len(missing) == 2:
		msg = "sessions.Options does not set Secure or HttpOnly: the session cookie is also sent over plain HTTP and scripts (and any XSS) can read it; set Secure: true and HttpOnly: true"
	case missing[0] == secure:
		msg = "sessions.Options does not set Secure: the session cookie is also sent over plain HTTP, where it can be read on the network; set Secure: true"
	default:
		msg = "sessions.Options does not set HttpOnly: scripts (and any XSS) can read the session cookie; set HttpOnly: true"
	}
	d := analysis.Diagnostic{Pos: node.Pos(), End: node.End(), Message: msg}
	if fix, ok := addFields(c.pass, lit, missing); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	c.pass.Report(d)
}

// checkConstructor reports a store created with insecure default options
// that the package never overrides.
func (c *checker) checkConstructor(call *ast.CallExpr) {
	fn := analysisutil.Callee(c.info, call)
	if isGinConstructor(fn) {
		if !c.ginOptions {
			c.pass.Report(analysis.Diagnostic{
				Pos:     call.Pos(),
				End:     call.End(),
				Message: "gin-contrib/sessions store created with default cookie options and never given Options: HttpOnly is off (and Secure too for server-side stores, or before gorilla/sessions v1.3.0); call store.Options(sessions.Options{Secure: true, HttpOnly: true, ...})",
			})
		}
		return
	}
	if !isConstructor(fn) {
		return
	}
	cookieStore := fn.Name() == "NewCookieStore"
	// Fields off by default. NewCookieStore sets Secure from v1.3.0, which
	// cannot be told from v1.2 by its API, so only HttpOnly is required.
	needed := []string{httpOnly}
	if !cookieStore {
		needed = []string{secure, httpOnly}
	}
	obj := c.storedIn[call]
	escapes := obj == nil || c.escaped[obj]
	var missing []string
	for _, field := range needed {
		switch {
		case c.anySession[whole] || c.anySession[field]:
		case obj != nil && (c.storeFields[obj][whole] || c.storeFields[obj][field]):
		case escapes && c.setElsewhere(field):
		default:
			missing = append(missing, field)
		}
	}
	var msg string
	switch {
	case len(missing) == 0:
		return
	case cookieStore && hasPartitioned(fn):
		msg = "store created with default cookie options: HttpOnly is off and SameSite is None; set store.Options to &sessions.Options{Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode, ...}"
	case cookieStore:
		msg = "store created with default cookie options: HttpOnly is off (and Secure too before gorilla/sessions v1.3.0); set store.Options to &sessions.Options{Secure: true, HttpOnly: true, ...}"
	case len(missing) == 2:
		msg = "store created with default cookie options: Secure and HttpOnly are off; set store.Options to &sessions.Options{Secure: true, HttpOnly: true, ...}"
	case missing[0] == secure:
		msg = "store created with default cookie options: Secure is off; set store.Options.Secure to true"
	default:
		msg = "store created with default cookie options: HttpOnly is off; set store.Options.HttpOnly to true"
	}
	c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: msg})
}

// isGinConstructor reports whether fn creates a gin-contrib/sessions store
// that keeps the gorilla/sessions default options.
func isGinConstructor(fn *types.Func) bool {
	return analysisutil.IsFunc(fn, ginPath+"/cookie", "NewStore") ||
		analysisutil.IsFunc(fn, ginPath+"/memstore", "NewStore") ||
		analysisutil.IsFunc(fn, ginPath+"/redis", "NewStore", "NewStoreWithDB", "NewStoreWithPool")
}

func isConstructor(fn *types.Func) bool {
	return analysisutil.IsFunc(fn, gorillaPath, "NewCookieStore", "NewFilesystemStore")
}

// setElsewhere reports whether the package replaces, or sets field of, the
// Options of a store that no constructor call of the package is stored in
// (a parameter, a store returned by a function): a store that escapes may
// be that one.
func (c *checker) setElsewhere(field string) bool {
	for obj, fields := range c.storeFields {
		if (fields[whole] || fields[field]) && !c.constructed[obj] {
			return true
		}
	}
	return false
}

// hasPartitioned reports whether the Options of the sessions package of fn
// have the Partitioned field, added in v1.4.0.
func hasPartitioned(fn *types.Func) bool {
	obj := fn.Pkg().Scope().Lookup("Options")
	if obj == nil {
		return false
	}
	st, ok := obj.Type().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == "Partitioned" {
			return true
		}
	}
	return false
}

// addFields returns a fix that adds field: true for each of fields to a
// keyed literal.
func addFields(pass *analysis.Pass, lit *ast.CompositeLit, fields []string) (analysis.SuggestedFix, bool) {
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = f + ": true"
	}
	edit, ok := analysisutil.InsertFields(pass, lit, parts...)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{Message: "Add " + strings.Join(parts, " and "), TextEdits: []analysis.TextEdit{edit}}, true
}
