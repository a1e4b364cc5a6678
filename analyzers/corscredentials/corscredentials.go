package corscredentials

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"net/textproto"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/sdlkit/sdlkit/analyzers/internal/analysisutil"
	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Rule documents the check.
var Rule = ruledoc.Rule(doc, "corscredentials", ruledoc.Meta{
	ID:       "SDL303",
	CWE:      []int{942, 346},
	Severity: finding.Important,
	Tags:     []string{"sessions"},
})

// Analyzer reports CORS policies that allow any origin with credentials.
var Analyzer = &analysis.Analyzer{
	Name: Rule.Name,
	Doc:  ruledoc.AnalyzerDoc(Rule),
	URL:  Rule.HelpURI,
	Run:  run,
}

const (
	httpPath       = "net/http"
	ginPath        = "github.com/gin-gonic/gin"
	fiberPath      = "github.com/gofiber/fiber/v2"
	fasthttpPath   = "github.com/valyala/fasthttp"
	rsCorsPath     = "github.com/rs/cors"
	chiCorsPath    = "github.com/go-chi/cors"
	ginCorsPath    = "github.com/gin-contrib/cors"
	handlersPath   = "github.com/gorilla/handlers"
	echoModule     = "github.com/labstack/echo"
	fiberCorsV2    = "github.com/gofiber/fiber/v2/middleware/cors"
	fiberCorsV3    = "github.com/gofiber/fiber/v3/middleware/cors"
	headerOrigin   = "Origin"
	headerACAO     = "Access-Control-Allow-Origin"
	headerACAC     = "Access-Control-Allow-Credentials"
	wildcardOrigin = "*"
)

func relevantImport(path string) bool {
	switch path {
	case httpPath, ginPath, fiberPath, fasthttpPath, rsCorsPath, chiCorsPath, ginCorsPath, handlersPath, fiberCorsV2, fiberCorsV3:
		return true
	}
	return strings.HasPrefix(path, echoModule)
}

func run(pass *analysis.Pass) (any, error) {
	if !analysisutil.ImportsAny(pass.Pkg, relevantImport) {
		return nil, nil
	}
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			s := newScope(pass, decl)
			s.checkHeaders()
			s.checkConfigs()
			s.checkGorillaHandlers()
		}
	}
	return nil, nil
}

// scope is one top-level declaration, closures included: a handler and the
// middleware that wraps it are checked together.
type scope struct {
	pass *analysis.Pass
	info *types.Info
	decl ast.Decl

	storedIn map[ast.Expr]types.Object
	// assigns lists, per object, the field assignments obj.F = v made to
	// a CORS configuration struct, in source order.
	assigns map[types.Object][]fieldAssign
}

type fieldAssign struct {
	name  string
	value ast.Expr
	lhs   ast.Expr
}

func newScope(pass *analysis.Pass, decl ast.Decl) *scope {
	s := &scope{
		pass:     pass,
		info:     pass.TypesInfo,
		decl:     decl,
		storedIn: map[ast.Expr]types.Object{},
		assigns:  map[types.Object][]fieldAssign{},
	}
	ast.Inspect(decl, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, lhs := range n.Lhs {
				s.storedIn[ast.Unparen(n.Rhs[i])] = analysisutil.RootObject(s.info, lhs)
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && configKind(s.info.TypeOf(sel.X)) != nil {
					if obj := analysisutil.RootObject(s.info, sel.X); obj != nil {
						s.assigns[obj] = append(s.assigns[obj], fieldAssign{sel.Sel.Name, n.Rhs[i], lhs})
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Values) == len(n.Names) {
				for i, v := range n.Values {
					s.storedIn[ast.Unparen(v)] = s.info.Defs[n.Names[i]]
				}
			}
		}
		return true
	})
	return s
}

// ---------------------------------------------------------------------
// Headers written by hand.

// headerWrite is a response header set in the scope.
type headerWrite struct {
	node   ast.Node
	name   string     // canonical
	values []ast.Expr // the values written
}

func (s *scope) checkHeaders() {
	var writes []headerWrite
	ast.Inspect(s.decl, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if w, ok := s.headerCall(n); ok {
				writes = append(writes, w)
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, lhs := range n.Lhs {
				idx, ok := ast.Unparen(lhs).(*ast.IndexExpr)
				if !ok || !analysisutil.IsNamed(s.info.TypeOf(idx.X), httpPath, "Header") {
					continue
				}
				name, ok := headerName(s.info, idx.Index)
				if !ok {
					continue
				}
				values := []ast.Expr{n.Rhs[i]}
				if lit, ok := ast.Unparen(n.Rhs[i]).(*ast.CompositeLit); ok {
					values = lit.Elts
				}
				writes = append(writes, headerWrite{n, name, values})
			}
		}
		return true
	})
	var credentials []ast.Node
	for _, w := range writes {
		if w.name != headerACAC {
			continue
		}
		for _, v := range w.values {
			if str, ok := s.stringValue(v); ok && strings.EqualFold(strings.TrimSpace(str), "true") {
				credentials = append(credentials, w.node)
				break
			}
		}
	}
	if len(credentials) == 0 {
		return
	}
	var origin *originFlow
	for _, w := range writes {
		if w.name != headerACAO || !s.together(w.node, credentials) {
			continue
		}
		for _, v := range w.values {
			if str, ok := s.stringValue(v); ok {
				if strings.TrimSpace(str) == wildcardOrigin {
					s.pass.Report(analysis.Diagnostic{
						Pos:     w.node.Pos(),
						End:     w.node.End(),
						Message: `Access-Control-Allow-Origin "*" is sent with Access-Control-Allow-Credentials "true": browsers reject the pair, and echoing the Origin instead would let any website read authenticated responses; allow only a list of trusted origins`,
					})
					break
				}
				continue
			}
			if origin == nil {
				origin = s.originFlow()
			}
			if origin.derived(v) && !origin.checked {
				s.pass.Report(analysis.Diagnostic{
					Pos:     w.node.Pos(),
					End:     w.node.End(),
					Message: `Access-Control-Allow-Origin reflects the request's Origin header, with no allowlist check, while Access-Control-Allow-Credentials is "true": any website can make authenticated requests and read the responses; echo the Origin only when it is in a list of trusted origins`,
				})
				break
			}
		}
	}
}

// together reports whether the header write n can happen with one of the
// credential writes: they are in the same function (not two handlers
// declared side by side) and not guarded by different configuration flags
// (if c.AllowAllOrigins { ... } and if c.AllowCredentials { ... }).
func (s *scope) together(n ast.Node, credentials []ast.Node) bool {
	flags := s.flagGuards(n)
	fn := analysisutil.EnclosingFunc(s.pass.Files, n.Pos())
	for _, c := range credentials {
		if analysisutil.EnclosingFunc(s.pass.Files, c.Pos()) != fn {
			continue // another handler declared in the same function
		}
		other := s.flagGuards(c)
		independent := false
		for g := range flags {
			independent = independent || !other[g]
		}
		for g := range other {
			independent = independent || !flags[g]
		}
		if !independent {
			return true
		}
	}
	return false
}

// flagGuards returns the if statements enclosing n, within the scope, whose
// condition is a boolean flag: a variable or field, possibly negated.
func (s *scope) flagGuards(n ast.Node) map[*ast.IfStmt]bool {
	guards := map[*ast.IfStmt]bool{}
	f := analysisutil.FileOf(s.pass.Files, n.Pos())
	if f == nil {
		return guards
	}
	path, _ := astutil.PathEnclosingInterval(f, n.Pos(), n.End())
	for _, p := range path {
		ifs, ok := p.(*ast.IfStmt)
		if !ok || ifs.Cond.Pos() <= n.Pos() && n.End() <= ifs.Cond.End() {
			continue
		}
		cond := ast.Unparen(ifs.Cond)
		if u, ok := cond.(*ast.UnaryExpr); ok && u.Op == token.NOT {
			cond = ast.Unparen(u.X)
		}
		switch cond.(type) {
		case *ast.Ident, *ast.SelectorExpr:
			if b, ok := s.info.TypeOf(cond).Underlying().(*types.Basic); ok && b.Info()&types.IsBoolean != 0 {
				if _, isConst := analysisutil.BoolConst(s.info, cond); !isConst {
					guards[ifs] = true
				}
			}
		}
	}
	return guards
}

// headerCall recognises a call that sets a response header:
// http.Header.Set/Add, gin's Context.Header, fiber's Ctx.Set/Append and
// fasthttp's ResponseHeader.Set/Add.
func (s *scope) headerCall(call *ast.CallExpr) (headerWrite, bool) {
	fn := analysisutil.Callee(s.info, call)
	if fn == nil || len(call.Args) < 2 {
		return headerWrite{}, false
	}
	switch {
	case analysisutil.IsMethod(fn, httpPath, "Header", "Set", "Add"),
		analysisutil.IsMethod(fn, ginPath, "Context", "Header"),
		analysisutil.IsMethod(fn, fiberPath, "Ctx", "Set", "Append"),
		analysisutil.IsMethod(fn, fasthttpPath, "ResponseHeader", "Set", "Add"):
	default:
		return headerWrite{}, false
	}
	name, ok := headerName(s.info, call.Args[0])
	if !ok {
		return headerWrite{}, false
	}
	return headerWrite{call, name, call.Args[1:]}, true
}

func headerName(info *types.Info, e ast.Expr) (string, bool) {
	str, ok := analysisutil.StringConst(info, e)
	if !ok {
		return "", false
	}
	return textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(str)), true
}

// stringValue returns the constant value of e, following a variable of
// the package that is assigned exactly once.
func (s *scope) stringValue(e ast.Expr) (string, bool) {
	if str, ok := analysisutil.StringConst(s.info, e); ok {
		return str, true
	}
	if init := analysisutil.SoleValueOf(s.pass, e); init != nil {
		return analysisutil.StringConst(s.info, init)
	}
	return "", false
}

// isOriginRead reports whether e reads the request's Origin header.
func (s *scope) isOriginRead(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := analysisutil.Callee(s.info, x)
		if fn == nil || len(x.Args) == 0 {
			return false
		}
		switch {
		case analysisutil.IsMethod(fn, httpPath, "Header", "Get", "Values"),
			analysisutil.IsMethod(fn, ginPath, "Context", "GetHeader"),
			analysisutil.IsMethod(fn, fiberPath, "Ctx", "Get"),
			analysisutil.IsMethod(fn, fasthttpPath, "RequestHeader", "Peek"):
			name, ok := headerName(s.info, x.Args[0])
			return ok && name == headerOrigin
		}
	case *ast.IndexExpr:
		if analysisutil.IsNamed(s.info.TypeOf(x.X), httpPath, "Header") {
			name, ok := headerName(s.info, x.Index)
			return ok && name == headerOrigin
		}
	}
	return false
}

// originFlow holds the variables of the scope derived from the request's
// Origin header, and whether any of them (or the header itself) is checked
// against something other than the empty string.
type originFlow struct {
	s       *scope
	vars    map[types.Object]bool
	checked bool
}

func (s *scope) originFlow() *originFlow {
	o := &originFlow{s: s, vars: map[types.Object]bool{}}
	// Propagate through assignments until nothing changes.
	for changed := true; changed; {
		changed = false
		ast.Inspect(s.decl, func(n ast.Node) bool {
			var lhs []ast.Expr
			var rhs []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				lhs, rhs = n.Lhs, n.Rhs
			case *ast.ValueSpec:
				for _, name := range n.Names {
					lhs = append(lhs, name)
				}
				rhs = n.Values
			case *ast.RangeStmt:
				if n.Value != nil && o.derived(n.X) {
					lhs, rhs = []ast.Expr{n.Value}, []ast.Expr{n.X}
				}
			default:
				return true
			}
			for i, l := range lhs {
				var r ast.Expr
				switch {
				case len(lhs) == len(rhs):
					r = rhs[i]
				case len(rhs) == 1:
					r = rhs[0] // v, err := f(origin)
				default:
					continue
				}
				id, ok := ast.Unparen(l).(*ast.Ident)
				if !ok {
					continue
				}
				obj := s.info.ObjectOf(id)
				if obj == nil || o.vars[obj] || isError(obj.Type()) {
					continue
				}
				if o.derived(r) {
					o.vars[obj] = true
					changed = true
				}
			}
			return true
		})
	}
	o.checked = o.findCheck()
	return o
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// derived reports whether e mentions the Origin header or a variable
// derived from it.
func (o *originFlow) derived(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.Ident:
			if obj := o.s.info.Uses[x]; obj != nil && o.vars[obj] {
				found = true
			}
		case ast.Expr:
			if o.s.isOriginRead(x) {
				found = true
			}
		}
		return !found
	})
	return found
}

// findCheck reports whether the scope validates the origin: compares it
// with something other than "" or "null", passes it to a function that
// returns a bool (an allowlist lookup, strings.HasSuffix, a regexp match),
// indexes a map with it, or switches on it.
func (o *originFlow) findCheck() bool {
	info := o.s.info
	found := false
	ast.Inspect(o.s.decl, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.BinaryExpr:
			if x.Op != token.EQL && x.Op != token.NEQ {
				return true
			}
			for _, pair := range [][2]ast.Expr{{x.X, x.Y}, {x.Y, x.X}} {
				side, other := pair[0], pair[1]
				if !o.derived(side) || o.trivialSide(side) {
					continue
				}
				if o.trivialOperand(other) {
					continue
				}
				found = true
			}
		case *ast.CallExpr:
			if o.s.isOriginRead(x) {
				return true
			}
			if _, ok := o.s.headerCall(x); ok {
				return true
			}
			if !returnsBool(info, x) {
				return true
			}
			for _, a := range x.Args {
				if o.derived(a) {
					found = true
				}
			}
		case *ast.IndexExpr:
			t := info.TypeOf(x.X)
			if t == nil {
				return true
			}
			if _, ok := t.Underlying().(*types.Map); ok && !analysisutil.IsNamed(t, httpPath, "Header") && o.derived(x.Index) {
				found = true
			}
		case *ast.SwitchStmt:
			if x.Tag != nil && o.derived(x.Tag) {
				found = true
			}
		}
		return true
	})
	return found
}

// trivialSide reports whether the origin side of a comparison only measures
// its presence: len(origin).
func (o *originFlow) trivialSide(e ast.Expr) bool {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if b, ok := o.s.info.Uses[id].(*types.Builtin); ok && b.Name() == "len" {
				return true
			}
		}
	}
	return false
}

// trivialOperand reports whether the other side of a comparison with the
// origin is not an allowlist: nil, "", "null", a number, or the origin again.
func (o *originFlow) trivialOperand(e ast.Expr) bool {
	tv, ok := o.s.info.Types[e]
	if ok && tv.IsNil() {
		return true
	}
	if ok && tv.Value != nil {
		if str, isStr := analysisutil.StringConst(o.s.info, e); isStr {
			str = strings.TrimSpace(str)
			return str == "" || str == "null" || str == wildcardOrigin
		}
		return true
	}
	return o.derived(e)
}

func returnsBool(info *types.Info, call *ast.CallExpr) bool {
	t := info.TypeOf(call)
	if tuple, ok := t.(*types.Tuple); ok {
		if tuple.Len() == 0 {
			return false
		}
		t = tuple.At(0).Type()
	}
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// ---------------------------------------------------------------------
// CORS middleware configurations.

// library describes a CORS configuration struct.
type library struct {
	name       string
	credFields []string
	// originList is the field listing allowed origins.
	originList string
	// originFuncs are the origin-callback fields, by precedence.
	originFuncs []string
	// funcFirst: a callback, when set, replaces the list (rs/cors,
	// go-chi/cors, echo); otherwise it is consulted after the list.
	funcFirst bool
	// emptyIsAll: an empty list allows every origin.
	emptyIsAll bool
	// wildcards: patterns with * in the list are honoured (always, or
	// with AllowWildcard).
	wildcards bool
	// starReflects: "*" echoes the Origin instead of sending "*" when the
	// field named here is true (echo's UnsafeWildcardOriginWithAllowCredentials).
	starReflects string
	// commaList: the list is one comma-separated string (fiber v2).
	commaList bool
}

var (
	rsCors = &library{
		name:        "rs/cors Options",
		originList:  "AllowedOrigins",
		originFuncs: []string{"AllowOriginVaryRequestFunc", "AllowOriginRequestFunc", "AllowOriginFunc"},
		funcFirst:   true,
		emptyIsAll:  true,
		wildcards:   true,
	}
	chiCors = &library{
		name:        "go-chi/cors Options",
		originList:  "AllowedOrigins",
		originFuncs: []string{"AllowOriginFunc"},
		funcFirst:   true,
		emptyIsAll:  true,
		wildcards:   true,
	}
	ginCors = &library{
		name:        "gin-contrib/cors Config",
		originList:  "AllowOrigins",
		originFuncs: []string{"AllowOriginFunc", "AllowOriginWithContextFunc"},
	}
	echoCors = &library{
		name:         "echo CORSConfig",
		originList:   "AllowOrigins",
		originFuncs:  []string{"AllowOriginFunc"},
		funcFirst:    true,
		emptyIsAll:   true,
		wildcards:    true,
		starReflects: "UnsafeWildcardOriginWithAllowCredentials",
	}
	fiberCors = &library{
		name:        "fiber cors Config",
		originList:  "AllowOrigins",
		originFuncs: []string{"AllowOriginsFunc"},
		emptyIsAll:  true,
		commaList:   true,
	}
)

func configKind(t types.Type) *library {
	if t == nil {
		return nil
	}
	n := analysisutil.NamedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return nil
	}
	path, name := n.Obj().Pkg().Path(), n.Obj().Name()
	switch {
	case path == rsCorsPath && name == "Options":
		return rsCors
	case path == chiCorsPath && name == "Options":
		return chiCors
	case path == ginCorsPath && name == "Config":
		return ginCors
	case (path == fiberCorsV2 || path == fiberCorsV3) && name == "Config":
		return fiberCors
	case isEchoMiddleware(path) && name == "CORSConfig":
		return echoCors
	}
	return nil
}

func isEchoMiddleware(path string) bool {
	return strings.HasPrefix(path, echoModule) && strings.HasSuffix(path, "/middleware")
}

// config is the state of a configuration value, built from its creation
// and the field assignments that follow it.
type config struct {
	lib         *library
	credentials bool
	allowAll    bool // gin's AllowAllOrigins
	wildcard    bool // gin's AllowWildcard
	starReflect bool
	listKnown   bool // the list is absent or a literal of constants
	list        []string
	funcs       map[string]ast.Expr
}

func (c *config) set(info *types.Info, name string, v ast.Expr) {
	boolean := func() bool {
		b, ok := analysisutil.BoolConst(info, v)
		return ok && b
	}
	switch {
	case name == "AllowCredentials":
		c.credentials = boolean()
	case name == "AllowAllOrigins" && c.lib == ginCors:
		c.allowAll = boolean()
	case name == "AllowWildcard" && c.lib == ginCors:
		c.wildcard = boolean()
	case name == c.lib.starReflects:
		c.starReflect = boolean()
	case name == c.lib.originList:
		c.list, c.listKnown = originList(info, v, c.lib.commaList)
	default:
		for _, f := range c.lib.originFuncs {
			if name == f {
				if tv, ok := info.Types[v]; ok && tv.IsNil() {
					delete(c.funcs, name)
				} else {
					c.funcs[name] = v
				}
			}
		}
	}
}

// originList reads a list of origins: a literal of constant strings, nil,
// or (commaList) a constant comma-separated string.
func originList(info *types.Info, v ast.Expr, commaList bool) ([]string, bool) {
	if tv, ok := info.Types[v]; ok && tv.IsNil() {
		return nil, true
	}
	if commaList {
		if str, ok := analysisutil.StringConst(info, v); ok {
			var list []string
			for _, o := range strings.Split(str, ",") {
				if o = strings.TrimSpace(o); o != "" {
					list = append(list, o)
				}
			}
			return list, true
		}
	}
	lit, ok := ast.Unparen(v).(*ast.CompositeLit)
	if !ok {
		return nil, false
	}
	var list []string
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			e = kv.Value
		}
		str, ok := analysisutil.StringConst(info, e)
		if !ok {
			return nil, false
		}
		list = append(list, strings.TrimSpace(str))
	}
	return list, true
}

// verdict says how a configuration treats arbitrary origins.
type verdict int

const (
	restricted verdict = iota
	sendsWildcard
	reflectsAny
)

// evaluate returns how the configuration treats an arbitrary origin and why.
func (c *config) evaluate(s *scope) (verdict, string) {
	list := c.lib.originList
	funcDecides := func() (verdict, string, bool) {
		for _, f := range c.lib.originFuncs {
			if v, ok := c.funcs[f]; ok {
				if acceptsAll(s.pass, v) {
					return reflectsAny, f + " returns true for every origin", true
				}
				return restricted, "", true
			}
		}
		return restricted, "", false
	}
	if c.lib.funcFirst {
		if v, why, ok := funcDecides(); ok {
			return v, why
		}
	}
	if c.allowAll {
		return sendsWildcard, "AllowAllOrigins is true"
	}
	if c.listKnown {
		if len(c.list) == 0 && c.lib.emptyIsAll && len(c.funcs) == 0 {
			return sendsWildcard, "no " + list + ", which means all origins"
		}
		for _, o := range c.list {
			if o == wildcardOrigin {
				if c.starReflect {
					return reflectsAny, list + ` contains "*" and ` + c.lib.starReflects + " is true"
				}
				return sendsWildcard, list + ` contains "*"`
			}
		}
		if c.lib.wildcards || c.wildcard {
			for _, o := range c.list {
				if anyHostPattern(o) {
					return reflectsAny, list + ` pattern "` + o + `" matches every host`
				}
			}
		}
	}
	if !c.lib.funcFirst {
		if v, why, ok := funcDecides(); ok {
			return v, why
		}
	}
	return restricted, ""
}

// anyHostPattern reports whether an origin pattern with a * matches any
// host: "https://*", "http*", "*".
func anyHostPattern(p string) bool {
	i := strings.IndexByte(p, '*')
	if i < 0 || strings.TrimSpace(p[i+1:]) != "" {
		return false
	}
	prefix := strings.ToLower(p[:i])
	return prefix == "" || strings.HasSuffix(prefix, "://") || strings.HasPrefix("https://", prefix)
}

// checkConfigs evaluates the CORS configuration values the scope creates.
func (s *scope) checkConfigs() {
	inner := map[*ast.CompositeLit]bool{}
	ast.Inspect(s.decl, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		if lit, ok := e.(*ast.CompositeLit); ok && inner[lit] {
			return true
		}
		c, lit := s.creation(e)
		if c == nil {
			return true
		}
		if lit != nil {
			inner[lit] = true
		}
		s.checkConfig(e, c)
		return true
	})
}

// creation recognises an expression that creates a configuration: a
// composite literal (possibly behind &), gin's cors.DefaultConfig(), or a
// copy of echo's middleware.DefaultCORSConfig stored in a variable.
func (s *scope) creation(e ast.Expr) (*config, *ast.CompositeLit) {
	x := ast.Unparen(e)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = ast.Unparen(u.X)
	}
	lib := configKind(s.info.TypeOf(x))
	if lib == nil {
		return nil, nil
	}
	c := &config{lib: lib, funcs: map[string]ast.Expr{}, listKnown: true}
	switch x := x.(type) {
	case *ast.CompositeLit:
		if len(x.Elts) > 0 {
			if _, keyed := x.Elts[0].(*ast.KeyValueExpr); !keyed {
				return nil, nil
			}
		}
		for _, elt := range x.Elts {
			kv := elt.(*ast.KeyValueExpr)
			if id, ok := kv.Key.(*ast.Ident); ok {
				c.set(s.info, id.Name, kv.Value)
			}
		}
		return c, x
	case *ast.CallExpr:
		if fn := analysisutil.Callee(s.info, x); analysisutil.IsFunc(fn, ginCorsPath, "DefaultConfig") && s.storedIn[e] != nil {
			return c, nil // no origins, no credentials
		}
	case *ast.SelectorExpr, *ast.Ident:
		if s.storedIn[e] == nil {
			return nil, nil
		}
		var obj types.Object
		if sel, ok := x.(*ast.SelectorExpr); ok {
			obj = s.info.Uses[sel.Sel]
		} else {
			obj = s.info.Uses[x.(*ast.Ident)]
		}
		if v, ok := obj.(*types.Var); ok && v.Name() == "DefaultCORSConfig" && v.Pkg() != nil && isEchoMiddleware(v.Pkg().Path()) {
			c.list = []string{wildcardOrigin}
			return c, nil
		}
	}
	return nil, nil
}

func (s *scope) checkConfig(e ast.Expr, c *config) {
	var last *fieldAssign
	if obj := s.storedIn[e]; obj != nil {
		for i, a := range s.assigns[obj] {
			if a.lhs.Pos() < e.Pos() {
				continue
			}
			c.set(s.info, a.name, a.value)
			last = &s.assigns[obj][i]
		}
	}
	if !c.credentials {
		return
	}
	v, why := c.evaluate(s)
	var msg string
	switch v {
	case restricted:
		return
	case sendsWildcard:
		msg = c.lib.name + " allows every origin (" + why + ") together with AllowCredentials: browsers reject credentialed responses to \"*\", and echoing the Origin instead would let any website read authenticated responses; list the trusted origins"
	case reflectsAny:
		msg = c.lib.name + " accepts every origin (" + why + ") together with AllowCredentials: the request's Origin is echoed back, so any website can make authenticated requests and read the responses; allow only trusted origins"
	}
	pos, end := e.Pos(), e.End()
	if last != nil {
		pos, end = last.lhs.Pos(), last.value.End()
	}
	s.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Message: msg})
}

// ---------------------------------------------------------------------
// gorilla/handlers.CORS(options...).

func (s *scope) checkGorillaHandlers() {
	ast.Inspect(s.decl, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !analysisutil.IsFunc(analysisutil.Callee(s.info, call), handlersPath, "CORS") {
			return true
		}
		args := call.Args
		if call.Ellipsis.IsValid() && len(args) == 1 {
			lit, ok := ast.Unparen(s.resolve(args[0])).(*ast.CompositeLit)
			if !ok {
				return true
			}
			args = lit.Elts
		}
		credentials := false
		var validator ast.Expr
		var origins []string
		originsKnown := true
		for _, a := range args {
			opt, ok := ast.Unparen(s.resolve(a)).(*ast.CallExpr)
			if !ok {
				continue
			}
			fn := analysisutil.Callee(s.info, opt)
			switch {
			case analysisutil.IsFunc(fn, handlersPath, "AllowCredentials"):
				credentials = true
			case analysisutil.IsFunc(fn, handlersPath, "AllowedOriginValidator") && len(opt.Args) == 1:
				validator = opt.Args[0]
			case analysisutil.IsFunc(fn, handlersPath, "AllowedOrigins") && len(opt.Args) == 1:
				origins, originsKnown = originList(s.info, s.resolve(opt.Args[0]), false)
			}
		}
		if !credentials || !originsKnown {
			return true
		}
		star := false
		for _, o := range origins {
			star = star || o == wildcardOrigin
		}
		var msg string
		switch {
		case star:
			msg = `gorilla/handlers CORS allows every origin (AllowedOrigins contains "*") together with AllowCredentials: browsers reject credentialed responses to "*", and echoing the Origin instead would let any website read authenticated responses; list the trusted origins`
		case validator != nil && acceptsAll(s.pass, validator):
			msg = "gorilla/handlers CORS accepts every origin (AllowedOriginValidator returns true for every origin) together with AllowCredentials: the request's Origin is echoed back, so any website can make authenticated requests and read the responses; allow only trusted origins"
		case validator == nil && len(origins) == 0:
			msg = `gorilla/handlers CORS allows every origin (no AllowedOrigins) together with AllowCredentials: browsers reject credentialed responses to "*", and echoing the Origin instead would let any website read authenticated responses; list the trusted origins`
		default:
			return true
		}
		s.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: msg})
		return true
	})
}

// resolve follows an identifier to the value of a variable of this package
// that is assigned exactly once.
func (s *scope) resolve(e ast.Expr) ast.Expr {
	if init := analysisutil.SoleValueOf(s.pass, e); init != nil {
		return init
	}
	return e
}

// ---------------------------------------------------------------------
// Shared helpers.

// acceptsAll reports whether the function value e returns the constant
// true (as its first result) on every path.
func acceptsAll(pass *analysis.Pass, e ast.Expr) bool {
	body := analysisutil.FuncBody(pass, e)
	return body != nil && analysisutil.ReturnsConstTrue(pass.TypesInfo, body)
}
