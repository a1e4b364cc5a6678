package jwtverify

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
var Rule = ruledoc.Rule(doc, "jwtverify", ruledoc.Meta{
	ID:       "SDL201",
	CWE:      []int{347, 345},
	Severity: finding.Critical,
	Tags:     []string{"identity"},
})

// Analyzer reports JWTs accepted without (sound) signature verification.
var Analyzer = &analysis.Analyzer{
	Name: Rule.Name,
	Doc:  ruledoc.AnalyzerDoc(Rule),
	URL:  Rule.HelpURI,
	Run:  run,
}

// Module paths of the golang-jwt family: every major version of
// github.com/golang-jwt/jwt and its predecessors share one API.
var jwtModules = []string{
	"github.com/golang-jwt/jwt",
	"github.com/dgrijalva/jwt-go",
	"github.com/form3tech-oss/jwt-go",
}

const (
	msgNoneConst = "jwt.UnsafeAllowNoneSignatureType enables the \"none\" algorithm: unsigned tokens verify (and can be produced), so anyone can forge them; remove it and verify a real signature"
	msgNoneSign  = "token uses the \"none\" signing method (jwt.SigningMethodNone): it carries no signature and anyone can forge it; sign with HS256, RS256, ES256 or EdDSA"
	msgNoneAlg   = "\"none\" is among the accepted JWT algorithms: unsigned tokens would be accepted; list only the algorithms your tokens are signed with"
	msgUnverif   = "ParseUnverified does not check the JWT signature, so its claims can be forged; parse with Parse or ParseWithClaims and a keyfunc (ParseUnverified is only safe for reading the header before a verified parse of the same token)"
	msgJose      = "UnsafeClaimsWithoutVerification reads JWT claims without checking the signature, so they can be forged; use Claims(key, ...) (reading claims unverified is only safe to pick the key before a verified Claims call on the same token)"
	msgJwxInsec  = "jwt.ParseInsecure neither verifies the JWT signature nor validates its claims, so they can be forged; use jwt.Parse with jwt.WithKey or jwt.WithKeySet"
	msgJwxNoVer  = "jwt.WithVerify(false) turns off JWT signature verification, so the claims can be forged; verify with jwt.WithKey or jwt.WithKeySet"
	msgDiscarded = "the error of this JWT parse is discarded and token.Valid is never checked, so the token is used even when its signature did not verify; return or handle the error (or check token.Valid) before using the token or its claims"
	msgKeyfunc   = "JWT keyfunc never checks token.Method and the parser does not restrict algorithms: the token's alg header picks how the signature is checked (algorithm confusion); check the signing method in the keyfunc (e.g. token.Method.(*jwt.SigningMethodHMAC)) or parse with jwt.WithValidMethods"
)

func isJWTPath(path string) bool { return analysisutil.PathIn(path, jwtModules...) }

func isJWTRequestPath(path string) bool {
	base, ok := strings.CutSuffix(path, "/request")
	return ok && isJWTPath(base)
}

// isJosePath matches the jwt package of go-jose, all versions and hosts.
func isJosePath(path string) bool {
	switch path {
	case "gopkg.in/square/go-jose.v2/jwt", "gopkg.in/go-jose/go-jose.v2/jwt":
		return true
	}
	base, ok := strings.CutSuffix(path, "/jwt")
	return ok && analysisutil.PathIn(base, "github.com/go-jose/go-jose", "github.com/square/go-jose")
}

// isJwxPath matches the jwt package of lestrrat-go/jwx, all versions.
func isJwxPath(path string) bool {
	base, ok := strings.CutSuffix(path, "/jwt")
	return ok && analysisutil.PathIn(base, "github.com/lestrrat-go/jwx")
}

func pkgPath(obj types.Object) string {
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	return obj.Pkg().Path()
}

func run(pass *analysis.Pass) (any, error) {
	if !analysisutil.ImportsAny(pass.Pkg, func(p string) bool {
		return isJWTPath(p) || isJWTRequestPath(p) || isJosePath(p) || isJwxPath(p)
	}) {
		return nil, nil
	}
	c := newChecker(pass)
	analysisutil.InspectFiles(pass, func(n ast.Node, stack []ast.Node) bool {
		c.visit(n, stack)
		return true
	})
	return nil, nil
}

// state is what is known about a parser's algorithm restriction or about a
// keyfunc's method check.
type state int

const (
	unknown state = iota
	yes
	no
)

type checker struct {
	pass *analysis.Pass
	info *types.Info
	idx  *analysisutil.DefUse
	// restricted holds variables whose ValidMethods field is assigned.
	restricted map[types.Object]bool
	reported   map[token.Pos]bool
}

func newChecker(pass *analysis.Pass) *checker {
	c := &checker{
		pass:       pass,
		info:       pass.TypesInfo,
		idx:        analysisutil.NewDefUse(pass),
		restricted: map[types.Object]bool{},
		reported:   map[token.Pos]bool{},
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok {
				for _, lhs := range as.Lhs {
					if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && c.isParserField(sel, "ValidMethods") {
						if obj := rootVar(c.info, sel.X); obj != nil {
							c.restricted[obj] = true
						}
					}
				}
			}
			return true
		})
	}
	return c
}

func (c *checker) report(n ast.Node, msg string) {
	if c.reported[n.Pos()] {
		return
	}
	c.reported[n.Pos()] = true
	c.pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msg})
}

// refObject returns the object an identifier or selector expression refers
// to; nil for the Sel part of a selector (its parent is handled).
func (c *checker) refObject(n ast.Node, stack []ast.Node) types.Object {
	switch x := n.(type) {
	case *ast.SelectorExpr:
		if sel, ok := c.info.Selections[x]; ok {
			return sel.Obj()
		}
		return c.info.Uses[x.Sel]
	case *ast.Ident:
		if len(stack) > 0 {
			if p, ok := stack[len(stack)-1].(*ast.SelectorExpr); ok && p.Sel == x {
				return nil
			}
		}
		return c.info.Uses[x]
	}
	return nil
}

func (c *checker) visit(n ast.Node, stack []ast.Node) {
	switch x := n.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		c.checkReference(x.(ast.Expr), stack)
	case *ast.CallExpr:
		c.checkCall(x, stack)
	case *ast.CompositeLit:
		t := c.info.TypeOf(x)
		switch {
		case analysisutil.IsNamedIn(t, "Parser", jwtModules...):
			if v, ok := analysisutil.Field(c.info, x, "ValidMethods"); ok {
				c.checkMethodList(v, 0)
			}
		case analysisutil.IsNamedIn(t, "Token", jwtModules...):
			if v, ok := analysisutil.Field(c.info, x, "Method"); ok && c.isNoneMethod(v, 0) {
				c.report(v, msgNoneSign)
			}
		}
	case *ast.AssignStmt:
		if len(x.Lhs) != len(x.Rhs) {
			return
		}
		for i, lhs := range x.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			switch {
			case c.isParserField(sel, "ValidMethods"):
				c.checkMethodList(x.Rhs[i], 0)
			case c.isTokenField(sel, "Method"):
				if c.isNoneMethod(x.Rhs[i], 0) {
					c.report(x.Rhs[i], msgNoneSign)
				}
			}
		}
	}
}

// isParserField reports whether sel selects the named field of a jwt.Parser.
func (c *checker) isParserField(sel *ast.SelectorExpr, name string) bool {
	s, ok := c.info.Selections[sel]
	return ok && s.Kind() == types.FieldVal && s.Obj().Name() == name &&
		analysisutil.IsNamedIn(s.Recv(), "Parser", jwtModules...)
}

// isTokenField reports whether sel selects the named field of a jwt.Token.
func (c *checker) isTokenField(sel *ast.SelectorExpr, name string) bool {
	s, ok := c.info.Selections[sel]
	return ok && s.Kind() == types.FieldVal && s.Obj().Name() == name && isJWTPath(pkgPath(s.Obj())) &&
		analysisutil.IsNamedIn(s.Recv(), "Token", jwtModules...)
}

func (c *checker) checkReference(e ast.Expr, stack []ast.Node) {
	obj := c.refObject(e, stack)
	if obj == nil {
		return
	}
	path := pkgPath(obj)
	switch obj := obj.(type) {
	case *types.Const:
		if obj.Name() == "UnsafeAllowNoneSignatureType" && isJWTPath(path) {
			c.report(e, msgNoneConst)
		}
	case *types.Func:
		fn := obj.Origin()
		switch {
		case analysisutil.IsMethod(fn, path, "Parser", "ParseUnverified") && isJWTPath(path):
			call, shift := callOf(c.info, e, stack)
			if call != nil && c.unverifiedExempt(call, shift, stack) {
				return
			}
			c.report(reportNode(e, call), msgUnverif)
		case analysisutil.IsMethod(fn, path, "JSONWebToken", "UnsafeClaimsWithoutVerification") && isJosePath(path):
			call, _ := callOf(c.info, e, stack)
			if call != nil && c.joseExempt(e, stack) {
				return
			}
			c.report(reportNode(e, call), msgJose)
		case analysisutil.IsFunc(fn, path, "ParseInsecure") && isJwxPath(path):
			call, _ := callOf(c.info, e, stack)
			if call != nil && c.jwxExempt(call, stack) {
				return
			}
			c.report(reportNode(e, call), msgJwxInsec)
		}
	}
}

func reportNode(e ast.Expr, call *ast.CallExpr) ast.Node {
	if call != nil {
		return call
	}
	return e
}

// callOf returns the call whose function is e (through parentheses), and
// 1 when e is a method expression whose first argument is the receiver.
func callOf(info *types.Info, e ast.Expr, stack []ast.Node) (*ast.CallExpr, int) {
	child := ast.Node(e)
	for i := len(stack) - 1; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			child = p
			continue
		case *ast.CallExpr:
			if p.Fun == child {
				return p, analysisutil.MethodExprShift(info, p)
			}
		}
		return nil, 0
	}
	return nil, 0
}

// receiver returns the receiver expression of a method call.
func receiver(call *ast.CallExpr, shift int) ast.Expr {
	if shift == 1 {
		if len(call.Args) == 0 {
			return nil
		}
		return call.Args[0]
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.X
	}
	return nil
}

// enclosingFunc returns the body of the innermost function around the top
// of stack.
func enclosingFunc(stack []ast.Node) *ast.BlockStmt {
	for i := len(stack) - 1; i >= 0; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncLit:
			return f.Body
		case *ast.FuncDecl:
			return f.Body
		}
	}
	return nil
}

// unverifiedExempt reports whether a ParseUnverified call only serves to
// read the header before a verified parse: the same token string is parsed
// with verification later in the same function, or only the token's
// Header (and Method) are read from the result while its claims are
// thrown away.
func (c *checker) unverifiedExempt(call *ast.CallExpr, shift int, stack []ast.Node) bool {
	body := enclosingFunc(stack)
	if body == nil {
		return false
	}
	tok := analysisutil.Arg(call, 0, shift)
	if tok == nil {
		return false
	}
	if c.reparsed(body, call, tok, func(fn *types.Func) (int, bool) {
		if !isJWTPath(pkgPath(fn)) || (fn.Name() != "Parse" && fn.Name() != "ParseWithClaims") {
			return 0, false
		}
		return 0, true
	}) {
		return true
	}
	return c.headerOnly(body, call, shift, stack)
}

// reparsed reports whether body calls, after call, a function accepted by
// match whose token argument is the same expression as tok.
func (c *checker) reparsed(body *ast.BlockStmt, call *ast.CallExpr, tok ast.Expr, match func(*types.Func) (int, bool)) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		other, ok := n.(*ast.CallExpr)
		if !ok || other.Pos() <= call.End() {
			return true
		}
		fn := analysisutil.Callee(c.info, other)
		if fn == nil {
			return true
		}
		i, ok := match(fn)
		if !ok {
			return true
		}
		if a := analysisutil.Arg(other, i, analysisutil.MethodExprShift(c.info, other)); a != nil && sameExpr(c.info, a, tok) {
			found = true
		}
		return true
	})
	return found
}

// headerOnly reports whether the ParseUnverified call is assigned as
// "tok, _, err := p.ParseUnverified(s, claims)" with claims a fresh value
// nobody reads, and tok is only used to read its Header or Method, or
// compared with nil.
func (c *checker) headerOnly(body *ast.BlockStmt, call *ast.CallExpr, shift int, stack []ast.Node) bool {
	var as *ast.AssignStmt
	above := false // past the call in the stack
	for i := len(stack) - 1; i >= 0; i-- {
		if !above {
			above = stack[i] == call
			continue
		}
		if _, ok := stack[i].(*ast.ParenExpr); ok {
			continue
		}
		as, _ = stack[i].(*ast.AssignStmt)
		break
	}
	if as == nil || len(as.Rhs) != 1 || len(as.Lhs) != 3 || ast.Unparen(as.Rhs[0]) != call {
		return false
	}
	if id, ok := as.Lhs[1].(*ast.Ident); !ok || id.Name != "_" {
		return false
	}
	claims := analysisutil.Arg(call, 1, shift)
	if claims == nil || !c.freshClaims(body, claims, call) {
		return false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return false
	}
	if id.Name == "_" {
		return true
	}
	tv := c.info.ObjectOf(id)
	if tv == nil {
		return false
	}
	ok = true
	analysisutil.InspectStack(body, func(n ast.Node, st []ast.Node) bool {
		u, isID := n.(*ast.Ident)
		if !ok || !isID || u == id || c.info.Uses[u] != tv {
			return ok
		}
		parent := st[len(st)-1]
		switch p := parent.(type) {
		case *ast.SelectorExpr:
			if p.X == u && (c.isTokenField(p, "Header") || c.isTokenField(p, "Method")) {
				return true
			}
		case *ast.BinaryExpr:
			if (p.Op == token.EQL || p.Op == token.NEQ) && (analysisutil.IsNil(c.info, p.X) || analysisutil.IsNil(c.info, p.Y)) {
				return true
			}
		case *ast.AssignStmt:
			// Reassignment of tok by the verified parse.
			for _, l := range p.Lhs {
				if l == u {
					return true
				}
			}
		}
		ok = false
		return false
	})
	return ok
}

// freshClaims reports whether the claims argument is a new value (a
// composite literal, its address, or new(T)) or a variable that is read
// nowhere in body but in call.
func (c *checker) freshClaims(body *ast.BlockStmt, claims ast.Expr, call *ast.CallExpr) bool {
	e := ast.Unparen(claims)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if b, ok := c.info.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
				return true
			}
		}
		return false
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		used := false
		ast.Inspect(body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id != x && c.info.Uses[id] == v && id.Pos() > call.Pos() {
				used = true
			}
			return !used
		})
		return !used
	}
	return false
}

// joseExempt reports whether the token whose claims are read unverified
// has its claims verified with Claims(key, ...) in the same function.
func (c *checker) joseExempt(e ast.Expr, stack []ast.Node) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if s, ok := c.info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
		return false
	}
	body := enclosingFunc(stack)
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn := analysisutil.Callee(c.info, call)
		if fn == nil || fn.Name() != "Claims" || !isJosePath(pkgPath(fn)) || analysisutil.MethodExprShift(c.info, call) != 0 {
			return true
		}
		if other, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sameExpr(c.info, other.X, sel.X) {
			found = true
		}
		return true
	})
	return found
}

// jwxExempt reports whether the token string read with ParseInsecure is
// parsed again, with verification, later in the same function.
func (c *checker) jwxExempt(call *ast.CallExpr, stack []ast.Node) bool {
	body := enclosingFunc(stack)
	if body == nil || len(call.Args) == 0 {
		return false
	}
	tok := call.Args[0]
	if conv, ok := ast.Unparen(tok).(*ast.CallExpr); ok && len(conv.Args) == 1 && c.info.Types[conv.Fun].IsType() {
		tok = conv.Args[0]
	}
	return c.reparsed(body, call, tok, func(fn *types.Func) (int, bool) {
		return 0, isJwxPath(pkgPath(fn)) && (fn.Name() == "Parse" || fn.Name() == "ParseString")
	}) || c.reparsed(body, call, call.Args[0], func(fn *types.Func) (int, bool) {
		return 0, isJwxPath(pkgPath(fn)) && fn.Name() == "Parse"
	})
}

func (c *checker) checkCall(call *ast.CallExpr, stack []ast.Node) {
	fn := analysisutil.Callee(c.info, call)
	if fn == nil {
		return
	}
	path := pkgPath(fn)
	shift := analysisutil.MethodExprShift(c.info, call)
	switch {
	case isJwxPath(path):
		if analysisutil.IsFunc(fn, path, "WithVerify") && len(call.Args) == 1 {
			if v, ok := analysisutil.BoolConst(c.info, call.Args[0]); ok && !v {
				c.report(call, msgJwxNoVer)
			}
		}
	case isJWTPath(path):
		switch {
		case analysisutil.IsFunc(fn, path, "New", "NewWithClaims"):
			if a := analysisutil.Arg(call, 0, 0); a != nil && c.isNoneMethod(a, 0) {
				c.report(a, msgNoneSign)
			}
		case analysisutil.IsFunc(fn, path, "WithValidMethods"):
			if a := analysisutil.Arg(call, 0, 0); a != nil {
				c.checkMethodList(a, 0)
			}
		case analysisutil.IsFunc(fn, path, "Parse", "ParseWithClaims"):
			c.checkParse(call, fn, 0, c.optionsState(call, fn, 0), stack)
			c.checkDiscardedError(call, fn, 0, stack)
		case analysisutil.IsMethod(fn, path, "Parser", "Parse", "ParseWithClaims"):
			c.checkDiscardedError(call, fn, shift, stack)
			recv := receiver(call, shift)
			if recv == nil {
				return
			}
			c.checkParse(call, fn, shift, c.parserState(recv, 0), stack)
		}
	case isJWTRequestPath(path):
		if analysisutil.IsFunc(fn, path, "ParseFromRequest", "ParseFromRequestWithClaims") {
			c.checkParse(call, fn, 0, c.requestState(call, fn), stack)
			c.checkDiscardedError(call, fn, 0, stack)
		}
	}
}

// optionsState tells whether the ParserOption arguments of a jwt.Parse,
// jwt.ParseWithClaims or jwt.NewParser call restrict the algorithms.
func (c *checker) optionsState(call *ast.CallExpr, fn *types.Func, shift int) state {
	sig := fn.Type().(*types.Signature)
	if !sig.Variadic() {
		return no // jwt-go v3: Parse has no options
	}
	if call.Ellipsis.IsValid() {
		return unknown
	}
	first := sig.Params().Len() - 1 + shift
	result := no
	for i := first; i < len(call.Args); i++ {
		o := ast.Unparen(call.Args[i])
		oc, ok := o.(*ast.CallExpr)
		if !ok {
			result = unknown
			continue
		}
		ofn := analysisutil.Callee(c.info, oc)
		if ofn == nil || !isJWTPath(pkgPath(ofn)) {
			result = unknown
			continue
		}
		if ofn.Name() == "WithValidMethods" {
			return yes
		}
	}
	return result
}

// requestState tells whether the parser request.ParseFromRequest uses
// restricts the algorithms.
func (c *checker) requestState(call *ast.CallExpr, fn *types.Func) state {
	sig := fn.Type().(*types.Signature)
	if !sig.Variadic() {
		return no // the default parser
	}
	if call.Ellipsis.IsValid() {
		return unknown
	}
	result := no
	for i := sig.Params().Len() - 1; i < len(call.Args); i++ {
		oc, ok := ast.Unparen(call.Args[i]).(*ast.CallExpr)
		if !ok {
			return unknown
		}
		ofn := analysisutil.Callee(c.info, oc)
		if ofn == nil || !isJWTRequestPath(pkgPath(ofn)) {
			return unknown
		}
		if ofn.Name() == "WithParser" && len(oc.Args) == 1 {
			result = c.parserState(oc.Args[0], 0)
		}
	}
	return result
}

// parserState tells whether a *jwt.Parser expression restricts algorithms.
func (c *checker) parserState(e ast.Expr, depth int) state {
	if depth > 4 {
		return unknown
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		if !analysisutil.IsNamedIn(c.info.TypeOf(x), "Parser", jwtModules...) {
			return unknown
		}
		if v, ok := analysisutil.Field(c.info, x, "ValidMethods"); ok && !analysisutil.IsNil(c.info, v) {
			return yes
		}
		return no
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && len(x.Args) == 1 {
			if b, ok := c.info.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
				if analysisutil.IsNamedIn(c.info.TypeOf(x.Args[0]), "Parser", jwtModules...) {
					return no
				}
				return unknown
			}
		}
		fn := analysisutil.Callee(c.info, x)
		if fn != nil && analysisutil.IsFunc(fn, pkgPath(fn), "NewParser") && isJWTPath(pkgPath(fn)) {
			return c.optionsState(x, fn, 0)
		}
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok {
			return unknown
		}
		if c.restricted[v] {
			return yes
		}
		defs, ok := c.idx.KnownDefs(v)
		if !ok {
			return unknown
		}
		result := no
		for _, d := range defs {
			if d == nil {
				continue // zero value: a Parser without ValidMethods
			}
			switch c.parserState(d, depth+1) {
			case yes:
				return yes
			case unknown:
				result = unknown
			}
		}
		return result
	}
	return unknown
}

// checkParse checks the keyfunc of a Parse-like call whose parser
// restriction is st.
func (c *checker) checkParse(call *ast.CallExpr, fn *types.Func, shift int, st state, stack []ast.Node) {
	if st != no {
		return
	}
	sig := fn.Type().(*types.Signature)
	ki := -1
	for i := 0; i < sig.Params().Len(); i++ {
		if analysisutil.IsNamedIn(sig.Params().At(i).Type(), "Keyfunc", jwtModules...) {
			ki = i
			break
		}
	}
	kf := analysisutil.Arg(call, ki, shift)
	if ki < 0 || kf == nil {
		return
	}
	switch c.keyfuncState(kf, 0, map[ast.Node]bool{}) {
	case no:
		c.report(kf, msgKeyfunc)
		return
	case yes:
		return
	}
	// A keyfunc that is a parameter of a function of this package: check
	// the keyfuncs its callers pass.
	v := analysisutil.UsedVar(c.info, kf)
	if v == nil {
		return
	}
	_, sites := c.idx.ArgsFor(v, stack)
	for _, site := range sites {
		if c.keyfuncState(site.Arg, 0, map[ast.Node]bool{}) == no {
			c.report(site.Arg, msgKeyfunc)
		}
	}
}

// keyfuncState tells whether a keyfunc expression checks the token's
// signing method: yes, no, or unknown when its code is not visible.
func (c *checker) keyfuncState(e ast.Expr, depth int, seen map[ast.Node]bool) state {
	if depth > 4 {
		return unknown
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.FuncLit:
		return c.bodyState(x.Body, seen)
	case *ast.CallExpr:
		if len(x.Args) == 1 && c.info.Types[x.Fun].IsType() { // jwt.Keyfunc(f)
			return c.keyfuncState(x.Args[0], depth+1, seen)
		}
		// A factory of this package returning keyfuncs.
		fn := analysisutil.Callee(c.info, x)
		decl := c.idx.Decl(fn)
		if decl == nil || decl.Body == nil || seen[decl] {
			return unknown
		}
		seen[decl] = true
		if c.bodyState(decl.Body, seen) == yes {
			return yes
		}
		results, complete := analysisutil.SingleResults(decl.Body)
		if !complete {
			return unknown
		}
		return c.combine(results, depth, seen)
	}
	if fn := analysisutil.ReferencedFunc(c.info, e); fn != nil {
		decl := c.idx.Decl(fn)
		if decl == nil || decl.Body == nil {
			return unknown
		}
		return c.bodyState(decl.Body, seen)
	}
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := c.info.Uses[id].(*types.Var); ok {
			defs, ok := c.idx.KnownDefs(v)
			if !ok {
				return unknown
			}
			return c.combine(defs, depth, seen)
		}
	}
	return unknown
}

// combine merges the states of several possible keyfuncs: no only when
// every one of them is known not to check.
func (c *checker) combine(es []ast.Expr, depth int, seen map[ast.Node]bool) state {
	if len(es) == 0 {
		return unknown
	}
	result := no
	for _, d := range es {
		if d == nil || analysisutil.IsNil(c.info, d) {
			continue
		}
		switch c.keyfuncState(d, depth+1, seen) {
		case yes:
			return yes
		case unknown:
			result = unknown
		}
	}
	return result
}

// bodyState reports yes when the code of a keyfunc inspects the signing
// method: reads token.Method, reads token.Header["alg"] (or the whole
// header), or hands the token to code it cannot see or to a function of
// this package that does. Otherwise no.
func (c *checker) bodyState(body *ast.BlockStmt, seen map[ast.Node]bool) state {
	checks := false
	analysisutil.InspectStack(body, func(n ast.Node, stack []ast.Node) bool {
		if checks {
			return false
		}
		switch x := n.(type) {
		case *ast.SelectorExpr:
			switch {
			case c.isTokenField(x, "Method"):
				checks = true
			case c.isTokenField(x, "Header"):
				parent := stack[len(stack)-1]
				if ix, ok := parent.(*ast.IndexExpr); ok && ix.X == x {
					if k, ok := analysisutil.StringConst(c.info, ix.Index); ok && k != "alg" {
						return true
					}
				}
				checks = true
			}
		case *ast.CallExpr:
			for _, a := range x.Args {
				if !analysisutil.IsNamedIn(c.info.TypeOf(a), "Token", jwtModules...) {
					continue
				}
				fn := analysisutil.Callee(c.info, x)
				if fn == nil {
					checks = true // a function value: cannot see
					return false
				}
				if isJWTPath(pkgPath(fn)) {
					continue
				}
				decl := c.idx.Decl(fn)
				if decl == nil || decl.Body == nil {
					checks = true // another package: cannot see
					return false
				}
				if !seen[decl] {
					seen[decl] = true
					if c.bodyState(decl.Body, seen) == yes {
						checks = true
						return false
					}
				}
			}
		}
		return true
	})
	if checks {
		return yes
	}
	return no
}

// isNoneMethod reports whether e is jwt.SigningMethodNone, or
// jwt.GetSigningMethod("none"), directly or through a local variable.
func (c *checker) isNoneMethod(e ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CallExpr:
		fn := analysisutil.Callee(c.info, x)
		if fn != nil && isJWTPath(pkgPath(fn)) && analysisutil.IsFunc(fn, pkgPath(fn), "GetSigningMethod") && len(x.Args) == 1 {
			s, ok := analysisutil.StringConst(c.info, x.Args[0])
			return ok && s == "none"
		}
		return false
	case *ast.SelectorExpr:
		obj := c.info.Uses[x.Sel]
		return obj != nil && obj.Name() == "SigningMethodNone" && isJWTPath(pkgPath(obj)) && isPkgVar(obj)
	case *ast.Ident:
		obj := c.info.Uses[x]
		if obj != nil && obj.Name() == "SigningMethodNone" && isJWTPath(pkgPath(obj)) && isPkgVar(obj) {
			return true // dot import
		}
		if v, ok := obj.(*types.Var); ok && v.Pkg() == c.pass.Pkg {
			defs, ok := c.idx.KnownDefs(v)
			if !ok || len(defs) == 0 {
				return false
			}
			for _, d := range defs {
				if d == nil || !c.isNoneMethod(d, depth+1) {
					return false
				}
			}
			return true
		}
	}
	return false
}

func isPkgVar(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && !v.IsField() && v.Parent() == v.Pkg().Scope()
}

// checkMethodList reports the "none" entries of a list of accepted
// algorithms.
func (c *checker) checkMethodList(e ast.Expr, depth int) {
	if depth > 3 {
		return
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if c.isNoneAlg(elt) {
				c.report(elt, msgNoneAlg)
			}
		}
	case *ast.Ident:
		if v, ok := c.info.Uses[x].(*types.Var); ok {
			if defs, ok := c.idx.KnownDefs(v); ok {
				for _, d := range defs {
					if d != nil {
						c.checkMethodList(d, depth+1)
					}
				}
			}
		}
	}
}

// isNoneAlg reports whether e is the algorithm name "none": the constant,
// or jwt.SigningMethodNone.Alg().
func (c *checker) isNoneAlg(e ast.Expr) bool {
	if s, ok := analysisutil.StringConst(c.info, e); ok {
		return s == "none"
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 0 {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Alg" {
			return c.isNoneMethod(sel.X, 0)
		}
	}
	return false
}

// checkDiscardedError reports "tok, _ := jwt.Parse(...)" when the token
// (or the claims ParseWithClaims filled) is used but neither the error nor
// token.Valid is ever checked: golang-jwt returns the decoded token, with
// its claims, when verification fails.
func (c *checker) checkDiscardedError(call *ast.CallExpr, fn *types.Func, shift int, stack []ast.Node) {
	var lhs []ast.Expr
	stmt := false // the call is an expression statement
loop:
	for i := len(stack) - 1; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			continue
		case *ast.ExprStmt:
			stmt = true
		case *ast.AssignStmt:
			if len(p.Rhs) == 1 && ast.Unparen(p.Rhs[0]) == call {
				lhs = p.Lhs
			}
		case *ast.ValueSpec:
			if len(p.Values) == 1 && ast.Unparen(p.Values[0]) == call {
				for _, n := range p.Names {
					lhs = append(lhs, n)
				}
			}
		}
		break loop
	}
	used := map[types.Object]bool{}
	switch {
	case stmt:
	case len(lhs) == 2:
		if id, ok := lhs[1].(*ast.Ident); !ok || id.Name != "_" {
			return
		}
		if id, ok := lhs[0].(*ast.Ident); ok && id.Name != "_" {
			if obj := c.info.ObjectOf(id); obj != nil {
				used[obj] = true
			}
		}
	default:
		return
	}
	body := enclosingFunc(stack)
	if body == nil {
		return
	}
	sig := fn.Type().(*types.Signature)
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i).Name() == "claims" {
			if a := analysisutil.Arg(call, i, shift); a != nil {
				if obj, ok := rootVar(c.info, a).(*types.Var); ok && !obj.IsField() {
					used[obj] = true
				}
			}
		}
	}
	if len(used) == 0 {
		return
	}
	validChecked, tokenUsed := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			if c.isTokenField(x, "Valid") {
				validChecked = true
			}
		case *ast.Ident:
			if x.Pos() > call.End() && used[c.info.Uses[x]] {
				tokenUsed = true
			}
		}
		return true
	})
	if tokenUsed && !validChecked {
		c.report(call, msgDiscarded)
	}
}
