package errorexposure

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
var Rule = ruledoc.Rule(doc, "errorexposure", ruledoc.Meta{
	ID:       "SDL502",
	CWE:      []int{209},
	Severity: finding.Moderate,
	Tags:     []string{"auditing"},
})

// Analyzer reports stack traces and internal errors written to HTTP
// responses.
var Analyzer = &analysis.Analyzer{
	Name: Rule.Name,
	Doc:  ruledoc.AnalyzerDoc(Rule),
	URL:  Rule.HelpURI,
	Run:  run,
}

const (
	httpPath = "net/http"
	ginPath  = "github.com/gin-gonic/gin"
	echoPath = "github.com/labstack/echo"
)

// taint says what a value carries.
type taint uint8

const (
	tErr   taint = 1 << iota // the text of an error
	tStack                   // a stack trace
	tPanic                   // a recovered panic value
)

// result is what a value carries, and which parameters of the enclosing
// function (bit i: parameter i) it is derived from.
type result struct {
	kinds  taint
	params uint64
}

func (r result) or(s result) result { return result{r.kinds | s.kinds, r.params | s.params} }

// status is what is known of the status code sent with a message.
type status struct {
	has   bool  // the write carries a status code
	known bool  // every value it can have is a constant
	max   int64 // the largest of them
	param int   // the parameter it comes from, or -1
}

// hit is a value written to a response.
type hit struct {
	expr      ast.Expr // reported position
	msg       result
	formatted bool // the parameters in msg are formatted as text
	st        status
	sink      string
}

// summary describes how a helper function writes its parameters.
type summary struct {
	hits []hit
}

type checker struct {
	pass      *analysis.Pass
	info      *types.Info
	decls     map[*types.Func]*ast.FuncDecl
	summaries map[*types.Func]*summary
	busy      map[*types.Func]bool
	facts     map[ast.Node]*facts
	reported  map[token.Pos]bool
}

func run(pass *analysis.Pass) (any, error) {
	if !analysisutil.DependsOn(pass.Pkg, httpPath) {
		return nil, nil
	}
	c := &checker{
		pass:      pass,
		info:      pass.TypesInfo,
		decls:     analysisutil.FuncDecls(pass.TypesInfo, pass.Files),
		summaries: map[*types.Func]*summary{},
		busy:      map[*types.Func]bool{},
		facts:     map[ast.Node]*facts{},
		reported:  map[token.Pos]bool{},
	}
	for _, f := range analysisutil.NonTestFiles(pass) {
		for _, d := range f.Decls {
			for _, h := range c.analyze(d) {
				c.report(h)
			}
		}
	}
	return nil, nil
}

// report reports a hit whose payload and status make it a finding.
func (c *checker) report(h hit) {
	var what string
	switch {
	case h.msg.kinds&tStack != 0:
		what = "stack trace"
	case h.msg.kinds&tPanic != 0:
		what = "recovered panic value"
	case h.msg.kinds&tErr != 0 && h.is5xx():
		what = "internal error text"
	default:
		return
	}
	if c.reported[h.expr.Pos()] {
		return
	}
	c.reported[h.expr.Pos()] = true
	msg := fmt.Sprintf("%s written to the HTTP response by %s: it exposes internal details (paths, queries, hosts) to the client; log it server-side and return a generic message", what, h.sink)
	if what == "internal error text" {
		msg = fmt.Sprintf("internal error text written to a 5xx HTTP response by %s: it may expose database, file system or network details to the client; log the error server-side and return a generic message such as http.StatusText(500)", h.sink)
	}
	c.pass.Report(analysis.Diagnostic{Pos: h.expr.Pos(), End: h.expr.End(), Message: msg})
}

func (h hit) is5xx() bool {
	return h.st.has && h.st.known && h.st.max >= 500
}

// facts are the variable definitions of a top-level declaration.
type facts struct {
	defs    map[types.Object][]defVal
	stacks  map[types.Object]bool // buffers filled by runtime.Stack
	headers []header              // WriteHeader calls on a ResponseWriter
	params  map[types.Object]int  // parameters of the declared function
}

// defVal is a value assigned to a variable: an expression, or result idx
// of a call returning several values. Both nil: not followed.
type defVal struct {
	expr ast.Expr
	call *ast.CallExpr
	idx  int
}

type header struct {
	pos  token.Pos
	code ast.Expr
}

func (c *checker) factsOf(decl ast.Node) *facts {
	if f, ok := c.facts[decl]; ok {
		return f
	}
	f := &facts{
		defs:   map[types.Object][]defVal{},
		stacks: map[types.Object]bool{},
		params: map[types.Object]int{},
	}
	c.facts[decl] = f
	if fd, ok := decl.(*ast.FuncDecl); ok {
		i := 0
		for _, field := range fd.Type.Params.List {
			if len(field.Names) == 0 {
				i++
			}
			for _, name := range field.Names {
				if obj := c.info.Defs[name]; obj != nil && i < 64 {
					f.params[obj] = i
				}
				i++
			}
		}
	}
	add := func(lhs ast.Expr, d defVal) {
		if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && id.Name != "_" {
			if obj := c.info.ObjectOf(id); obj != nil {
				f.defs[obj] = append(f.defs[obj], d)
			}
		}
	}
	ast.Inspect(decl, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				switch {
				case len(n.Lhs) == len(n.Rhs):
					add(lhs, defVal{expr: n.Rhs[i]})
				case len(n.Rhs) == 1:
					if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
						add(lhs, defVal{call: call, idx: i})
					} else if i == 0 {
						add(lhs, defVal{expr: n.Rhs[0]}) // v, ok := m[k] / x.(T)
					}
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				switch {
				case len(n.Values) == len(n.Names):
					add(name, defVal{expr: n.Values[i]})
				case len(n.Values) == 1:
					if call, ok := ast.Unparen(n.Values[0]).(*ast.CallExpr); ok {
						add(name, defVal{call: call, idx: i})
					}
				}
			}
		case *ast.CallExpr:
			fn := analysisutil.Callee(c.info, n)
			if analysisutil.IsFunc(fn, "runtime", "Stack") && len(n.Args) > 0 {
				if obj := rootVar(c.info, n.Args[0]); obj != nil {
					f.stacks[obj] = true
				}
			}
			if fn != nil && fn.Name() == "WriteHeader" && len(n.Args) == 1 {
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && isResponseWriter(c.info.TypeOf(sel.X)) {
					f.headers = append(f.headers, header{n.Pos(), n.Args[0]})
				}
			}
		}
		return true
	})
	return f
}

func rootVar(info *types.Info, e ast.Expr) types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.Uses[x]
	case *ast.SliceExpr:
		return rootVar(info, x.X)
	}
	return nil
}

// isResponseWriter reports whether t is http.ResponseWriter or has its
// methods (gin.ResponseWriter, echo's *Response, wrappers).
func isResponseWriter(t types.Type) bool {
	if t == nil {
		return false
	}
	if analysisutil.IsNamed(t, httpPath, "ResponseWriter") {
		return true
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Header")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Params().Len() != 0 || sig.Results().Len() != 1 || !analysisutil.IsNamed(sig.Results().At(0).Type(), httpPath, "Header") {
		return false
	}
	w, _, _ := types.LookupFieldOrMethod(t, true, nil, "WriteHeader")
	_, ok = w.(*types.Func)
	return ok
}

// analyze returns the response writes of a top-level declaration.
func (c *checker) analyze(decl ast.Node) []hit {
	f := c.factsOf(decl)
	var hits []hit
	ast.Inspect(decl, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			hits = append(hits, c.sinkHits(decl, f, n)...)
		case *ast.CompositeLit:
			if analysisutil.IsNamedIn(c.info.TypeOf(n), "HTTPError", echoPath) {
				if m, ok := analysisutil.Field(c.info, n, "Message"); ok {
					code, _ := analysisutil.Field(c.info, n, "Code")
					hits = append(hits, c.makeHit(decl, f, m, true, code, true, "an echo.HTTPError", n.Pos()))
				}
			}
		}
		return true
	})
	return hits
}

// makeHit evaluates one written value.
func (c *checker) makeHit(decl ast.Node, f *facts, msg ast.Expr, formatted bool, code ast.Expr, hasCode bool, sink string, pos token.Pos) hit {
	h := hit{
		expr:      msg,
		msg:       c.taintOf(decl, f, msg, formatted, map[types.Object]bool{}),
		formatted: formatted,
		sink:      sink,
		st:        status{param: -1},
	}
	if hasCode {
		h.st = c.statusOf(decl, f, code)
	} else {
		// The status is the one of the last WriteHeader before the write.
		var last *header
		for i, hd := range f.headers {
			if hd.pos < pos && (last == nil || hd.pos > last.pos) {
				last = &f.headers[i]
			}
		}
		if last != nil {
			h.st = c.statusOf(decl, f, last.code)
		}
	}
	return h
}

// statusOf evaluates a status code expression.
func (c *checker) statusOf(decl ast.Node, f *facts, code ast.Expr) status {
	st := status{has: true, param: -1}
	if code == nil {
		return st
	}
	if v, ok := analysisutil.IntConst(c.info, code); ok {
		st.known, st.max = true, v
		return st
	}
	id, ok := ast.Unparen(code).(*ast.Ident)
	if !ok {
		return st
	}
	obj := c.info.Uses[id]
	if i, ok := f.params[obj]; ok {
		if len(f.defs[obj]) == 0 {
			st.param = i
		}
		return st
	}
	defs := f.defs[obj]
	if len(defs) == 0 {
		return st
	}
	st.known = true
	for _, d := range defs {
		if d.expr == nil {
			return status{has: true, param: -1}
		}
		v, ok := analysisutil.IntConst(c.info, d.expr)
		if !ok {
			return status{has: true, param: -1}
		}
		st.max = max(st.max, v)
	}
	return st
}

// sinkHits returns the values a call writes to a response.
func (c *checker) sinkHits(decl ast.Node, f *facts, call *ast.CallExpr) []hit {
	fn := analysisutil.Callee(c.info, call)
	if fn == nil {
		return nil
	}
	args := call.Args
	one := func(msg ast.Expr, formatted bool, code ast.Expr, hasCode bool, sink string) []hit {
		return []hit{c.makeHit(decl, f, msg, formatted, code, hasCode, sink, call.Pos())}
	}
	many := func(msgs []ast.Expr, code ast.Expr, hasCode bool, sink string) []hit {
		var hs []hit
		for _, m := range msgs {
			hs = append(hs, c.makeHit(decl, f, m, true, code, hasCode, sink, call.Pos()))
		}
		return hs
	}
	recvPkg, recvName := analysisutil.ReceiverNamed(fn)
	name := fn.Name()
	switch {
	case analysisutil.IsFunc(fn, httpPath, "Error") && len(args) == 3:
		return one(args[1], true, args[2], true, "http.Error")
	case analysisutil.IsFunc(fn, "fmt", "Fprint", "Fprintf", "Fprintln") && len(args) > 1 && isResponseWriter(c.info.TypeOf(args[0])):
		return many(args[1:], nil, false, "fmt."+name)
	case analysisutil.IsFunc(fn, "io", "WriteString") && len(args) == 2 && isResponseWriter(c.info.TypeOf(args[0])):
		return one(args[1], true, nil, false, "io.WriteString")
	case (name == "Write" || name == "WriteString") && len(args) == 1 && recvName != "":
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isResponseWriter(c.info.TypeOf(sel.X)) {
			return one(args[0], true, nil, false, "ResponseWriter."+name)
		}
	case name == "Encode" && len(args) == 1 && (recvPkg == "encoding/json" || recvPkg == "encoding/xml") && recvName == "Encoder":
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && c.encoderOnWriter(decl, sel.X) {
			return one(args[0], false, nil, false, "an encoder on the ResponseWriter")
		}
	case recvPkg == ginPath && recvName == "Context":
		switch name {
		case "String":
			if len(args) >= 2 && !call.Ellipsis.IsValid() {
				return many(args[1:], args[0], true, "gin Context.String")
			}
		case "JSON", "IndentedJSON", "SecureJSON", "PureJSON", "AsciiJSON", "XML", "YAML", "TOML", "ProtoBuf", "AbortWithStatusJSON", "JSONP":
			if len(args) == 2 {
				return one(args[1], false, args[0], true, "gin Context."+name)
			}
		case "Data":
			if len(args) == 3 {
				return one(args[2], true, args[0], true, "gin Context.Data")
			}
		}
	case analysisutil.PathIn(recvPkg, echoPath) && recvName == "Context":
		idx := map[string]int{"String": 1, "HTML": 1, "HTMLBlob": 1, "JSONBlob": 1, "JSON": 1, "JSONPretty": 1, "XML": 1, "XMLPretty": 1, "JSONP": 2, "Blob": 2}
		if i, ok := idx[name]; ok && i < len(args) {
			formatted := name == "String" || name == "HTML" || name == "HTMLBlob" || name == "JSONBlob" || name == "Blob"
			return one(args[i], formatted, args[0], true, "echo Context."+name)
		}
	case recvName == "" && fn.Pkg() != nil && analysisutil.PathIn(fn.Pkg().Path(), echoPath) && name == "NewHTTPError":
		if len(args) >= 2 && !call.Ellipsis.IsValid() {
			return many(args[1:], args[0], true, "echo.NewHTTPError")
		}
	case fn.Pkg() == c.pass.Pkg:
		return c.helperHits(decl, f, call, fn)
	}
	return nil
}

// encoderOnWriter reports whether e is an encoder created on a
// ResponseWriter: json.NewEncoder(w), or a variable holding one.
func (c *checker) encoderOnWriter(decl ast.Node, e ast.Expr) bool {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		defs := c.factsOf(decl).defs[c.info.Uses[id]]
		if len(defs) != 1 || defs[0].expr == nil {
			return false
		}
		e = ast.Unparen(defs[0].expr)
	}
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	fn := analysisutil.Callee(c.info, call)
	return (analysisutil.IsFunc(fn, "encoding/json", "NewEncoder") || analysisutil.IsFunc(fn, "encoding/xml", "NewEncoder")) &&
		isResponseWriter(c.info.TypeOf(call.Args[0]))
}

// helperHits maps the summary of a helper function of this package onto a
// call of it.
func (c *checker) helperHits(decl ast.Node, f *facts, call *ast.CallExpr, fn *types.Func) []hit {
	s := c.summary(fn)
	if s == nil {
		return nil
	}
	args := call.Args
	var hits []hit
	for _, h := range s.hits {
		out := hit{sink: h.sink + " (in " + fn.Name() + ")", st: h.st, expr: call}
		if h.st.param >= 0 {
			if h.st.param >= len(args) {
				continue
			}
			out.st = c.statusOf(decl, f, args[h.st.param])
			out.msg.kinds = h.msg.kinds & tErr // the helper's own text, now with a known status
		}
		var first ast.Expr
		for i := 0; i < len(args) && i < 64; i++ {
			if h.msg.params&(1<<i) == 0 {
				continue
			}
			r := c.taintOf(decl, f, args[i], h.formatted, map[types.Object]bool{})
			if r.kinds != 0 && first == nil {
				first = args[i]
			}
			out.msg = out.msg.or(r)
		}
		if first != nil {
			out.expr = first
		}
		hits = append(hits, out)
	}
	return hits
}

// summary computes which parameters a helper writes to a response.
func (c *checker) summary(fn *types.Func) *summary {
	if s, ok := c.summaries[fn]; ok {
		return s
	}
	decl := c.decls[fn]
	if decl == nil || c.busy[fn] {
		return nil
	}
	c.busy[fn] = true
	defer delete(c.busy, fn)
	s := &summary{}
	for _, h := range c.analyze(decl) {
		if h.msg.params != 0 || h.st.param >= 0 && h.msg.kinds&tErr != 0 {
			h.msg.kinds &^= tStack | tPanic // reported in the helper
			if h.st.param < 0 {
				h.msg.kinds = 0
			}
			s.hits = append(s.hits, h)
		}
	}
	c.summaries[fn] = s
	return s
}

// taintOf computes what e carries. Error values count only when formatted
// as text (an error encoded as JSON is usually {}).
func (c *checker) taintOf(decl ast.Node, f *facts, e ast.Expr, formatted bool, seen map[types.Object]bool) result {
	if e == nil {
		return result{}
	}
	e = ast.Unparen(e)
	tv, ok := c.info.Types[e]
	if ok && tv.Value != nil {
		return result{}
	}
	if ok && tv.Type != nil {
		if b, isBasic := tv.Type.Underlying().(*types.Basic); isBasic && b.Info()&(types.IsNumeric|types.IsBoolean) != 0 {
			return result{}
		}
	}
	switch x := e.(type) {
	case *ast.Ident:
		obj := c.info.Uses[x]
		if obj == nil || seen[obj] {
			return result{}
		}
		if f.stacks[obj] {
			return result{kinds: tStack}
		}
		v, isVar := obj.(*types.Var)
		if !isVar || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
			return result{} // package-level: a sentinel error or configuration
		}
		seen[obj] = true
		defer delete(seen, obj)
		var r result
		if i, ok := f.params[obj]; ok {
			if isError(v.Type()) {
				if formatted {
					r.kinds |= tErr
				}
			} else if isTextual(v.Type()) {
				r.params |= 1 << i
			}
		}
		for _, d := range f.defs[obj] {
			switch {
			case d.call != nil:
				r = r.or(c.callTaint(decl, f, d.call, d.idx, formatted, seen))
			case d.expr != nil:
				r = r.or(c.taintOf(decl, f, d.expr, formatted, seen))
			}
		}
		if len(f.defs[obj]) == 0 && !isParam(f, obj) && isError(v.Type()) && formatted {
			r.kinds |= tErr // a closure parameter or range variable
		}
		return r
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return c.taintOf(decl, f, x.X, formatted, seen).or(c.taintOf(decl, f, x.Y, formatted, seen))
		}
	case *ast.CallExpr:
		return c.callTaint(decl, f, x, 0, formatted, seen)
	case *ast.CompositeLit:
		var r result
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			r = r.or(c.taintOf(decl, f, elt, formatted, seen))
		}
		return r
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return c.taintOf(decl, f, x.X, formatted, seen)
		}
	case *ast.StarExpr:
		return c.taintOf(decl, f, x.X, formatted, seen)
	case *ast.SliceExpr:
		return c.taintOf(decl, f, x.X, formatted, seen)
	case *ast.TypeAssertExpr:
		return c.taintOf(decl, f, x.X, formatted, seen)
	case *ast.SelectorExpr:
		// A field of an error value (a *url.Error's Err, say) is an error
		// too when formatted.
		if formatted && tv.Type != nil && isError(tv.Type) {
			if _, isField := c.info.Selections[x]; isField {
				return result{kinds: tErr}
			}
		}
	}
	return result{}
}

func isParam(f *facts, obj types.Object) bool {
	_, ok := f.params[obj]
	return ok
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// isError reports whether t is an error type (error, or a type whose
// method set implements it).
func isError(t types.Type) bool {
	if t == nil {
		return false
	}
	if types.Implements(t, errorType) {
		return true
	}
	if _, ok := t.Underlying().(*types.Interface); !ok {
		return types.Implements(types.NewPointer(t), errorType)
	}
	return false
}

// isTextual reports whether values of t can carry message text to a
// parameter: strings, byte slices and interfaces.
func isTextual(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	case *types.Interface:
		return true
	}
	return false
}

// callTaint computes what result idx of call carries.
func (c *checker) callTaint(decl ast.Node, f *facts, call *ast.CallExpr, idx int, formatted bool, seen map[types.Object]bool) result {
	info := c.info
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return c.taintOf(decl, f, call.Args[0], formatted, seen)
		}
		return result{}
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			if b.Name() == "recover" {
				return result{kinds: tPanic}
			}
			return result{}
		}
	}
	fn := analysisutil.Callee(info, call)
	all := func(from int, formatted bool) result {
		var r result
		for i := from; i < len(call.Args); i++ {
			r = r.or(c.taintOf(decl, f, call.Args[i], formatted, seen))
		}
		return r
	}
	switch {
	case analysisutil.IsFunc(fn, "runtime/debug", "Stack"):
		return result{kinds: tStack}
	case fn != nil && fn.Name() == "Error" && isErrorMethod(fn):
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return c.taintOf(decl, f, sel.X, true, seen)
		}
		return result{}
	case analysisutil.IsFunc(fn, "fmt", "Sprintf", "Sprint", "Sprintln", "Errorf"):
		return all(0, true)
	case analysisutil.IsFunc(fn, "errors", "New"):
		return all(0, true)
	case analysisutil.IsFunc(fn, "errors", "Join", "Unwrap"):
		return all(0, formatted)
	case fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "strings" && recvOf(fn) == "":
		return all(0, formatted)
	case analysisutil.IsFunc(fn, "strconv", "Quote"):
		return all(0, formatted)
	}
	// Any other call: an error it returns is internal.
	sig, ok := info.TypeOf(call.Fun).(*types.Signature)
	if ok && idx < sig.Results().Len() && isError(sig.Results().At(idx).Type()) && formatted {
		return result{kinds: tErr}
	}
	return result{}
}

func recvOf(fn *types.Func) string {
	_, name := analysisutil.ReceiverNamed(fn)
	return name
}

// isErrorMethod reports whether fn is an Error() string method.
func isErrorMethod(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return false
	}
	b, ok := sig.Results().At(0).Type().(*types.Basic)
	return ok && b.Kind() == types.String
}
