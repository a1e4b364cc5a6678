package plaintextlisten

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"net/netip"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sdlkit/sdlkit/analyzers/internal/analysisutil"
	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Rule documents the check.
var Rule = ruledoc.Rule(doc, "plaintextlisten", ruledoc.Meta{
	ID:       "SDL102",
	CWE:      []int{319},
	Severity: finding.Important,
	Tags:     []string{"encryption-in-transit"},
})

// Analyzer reports plaintext listeners on non-loopback addresses.
var Analyzer = &analysis.Analyzer{
	Name: Rule.Name,
	Doc:  ruledoc.AnalyzerDoc(Rule),
	URL:  Rule.HelpURI,
	Run:  run,
}

const (
	httpPath     = "net/http"
	netPath      = "net"
	tlsPath      = "crypto/tls"
	grpcPath     = "google.golang.org/grpc"
	sshPath      = "golang.org/x/crypto/ssh"
	autocertPath = "golang.org/x/crypto/acme/autocert"
	ginPath      = "github.com/gin-gonic/gin"
	echoPath     = "github.com/labstack/echo"
	fiberPath    = "github.com/gofiber/fiber"
	fasthttpPath = "github.com/valyala/fasthttp"
)

func run(pass *analysis.Pass) (any, error) {
	p := pass.Pkg.Path()
	if p != httpPath && p != netPath && !analysisutil.ImportsAny(pass.Pkg, func(path string) bool {
		return path == httpPath || path == netPath || analysisutil.PathIn(path, ginPath, echoPath, fiberPath, fasthttpPath)
	}) {
		return nil, nil
	}
	c := &checker{
		pass:          pass,
		ix:            analysisutil.NewValueIndex(pass, analysisutil.ValueOptions{FlagDefaults: true}),
		decls:         analysisutil.FuncDecls(pass.TypesInfo, analysisutil.NonTestFiles(pass)),
		addrAssigns:   map[types.Object][]ast.Expr{},
		handlerAssign: map[types.Object][]ast.Expr{},
		tlsServed:     map[types.Object]bool{},
	}
	c.collect()
	for _, r := range c.refs {
		if analysisutil.IsTestFile(pass.Fset, r.expr.Pos()) {
			continue
		}
		c.check(r)
	}
	return nil, nil
}

type checker struct {
	pass *analysis.Pass
	ix   *analysisutil.ValueIndex

	decls         map[*types.Func]*ast.FuncDecl
	refs          []funcRef
	addrAssigns   map[types.Object][]ast.Expr // srv.Addr = v, by server
	handlerAssign map[types.Object][]ast.Expr // srv.Handler = v, by server
	tlsServed     map[types.Object]bool       // servers served with ListenAndServeTLS or ServeTLS
	pkgTLS        bool                        // the package adds TLS to connections somewhere
}

// funcRef is a reference to a function or method of interest.
type funcRef struct {
	expr ast.Expr // the identifier or selector naming it
	fn   *types.Func
}

func (c *checker) collect() {
	info := c.pass.TypesInfo
	for _, f := range analysisutil.NonTestFiles(c.pass) {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if fn := analysisutil.ReferencedFunc(info, n); fn != nil {
					c.addRef(n, fn)
				}
			case *ast.Ident:
				if sel, ok := c.ix.Parent(n).(*ast.SelectorExpr); ok && sel.Sel == n {
					return true
				}
				if fn, ok := info.Uses[n].(*types.Func); ok {
					c.addRef(n, fn.Origin())
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
					if !ok || len(n.Lhs) != len(n.Rhs) || !isServer(info.TypeOf(sel.X)) {
						continue
					}
					obj := c.ix.RootObject(sel.X)
					switch sel.Sel.Name {
					case "Addr":
						c.addrAssigns[obj] = append(c.addrAssigns[obj], n.Rhs[i])
					case "Handler":
						c.handlerAssign[obj] = append(c.handlerAssign[obj], n.Rhs[i])
					}
				}
			}
			return true
		})
	}
}

func (c *checker) addRef(e ast.Expr, fn *types.Func) {
	switch {
	case analysisutil.IsFunc(fn, httpPath, "ListenAndServe"),
		analysisutil.IsMethod(fn, httpPath, "Server", "ListenAndServe"),
		analysisutil.IsFunc(fn, netPath, "Listen", "ListenTCP"),
		analysisutil.IsMethod(fn, netPath, "ListenConfig", "Listen"),
		isMethodIn(fn, ginPath, "Engine", "Run"),
		isMethodIn(fn, echoPath, "Echo", "Start", "StartH2CServer", "StartServer"),
		isMethodIn(fn, fiberPath, "App", "Listen"),
		isMethodIn(fn, fasthttpPath, "Server", "ListenAndServe"),
		fn.Pkg() != nil && analysisutil.PathIn(fn.Pkg().Path(), fasthttpPath) && analysisutil.IsFunc(fn, fn.Pkg().Path(), "ListenAndServe"):
		c.refs = append(c.refs, funcRef{e, fn})
	case analysisutil.IsMethod(fn, httpPath, "Server", "ListenAndServeTLS", "ServeTLS"):
		c.pkgTLS = true
		if recv := c.receiver(e); recv != nil {
			if obj := c.ix.RootObject(recv); obj != nil {
				c.tlsServed[obj] = true
			}
		}
	case analysisutil.IsFunc(fn, tlsPath, "Server", "NewListener"),
		analysisutil.IsFunc(fn, httpPath, "ListenAndServeTLS", "ServeTLS"),
		analysisutil.IsFunc(fn, sshPath, "NewServerConn"),
		analysisutil.IsFunc(fn, autocertPath, "NewListener"),
		fn.Pkg() != nil && analysisutil.PathIn(fn.Pkg().Path(), grpcPath) && fn.Name() == "Creds":
		c.pkgTLS = true
	}
}

// calls returns the calls of the function named by e: the call whose
// callee e is, or the calls of a local variable e is stored in
// (f := srv.ListenAndServe; f()).
func (c *checker) calls(e ast.Expr) []*ast.CallExpr {
	switch p := c.ix.Up(e).(type) {
	case *ast.CallExpr:
		if ast.Unparen(p.Fun) == e {
			return []*ast.CallExpr{p}
		}
	case *ast.AssignStmt, *ast.ValueSpec:
		var obj types.Object
		if as, ok := p.(*ast.AssignStmt); ok {
			for i, r := range as.Rhs {
				if ast.Unparen(r) == e && len(as.Lhs) == len(as.Rhs) {
					obj = c.ix.LvalueObject(as.Lhs[i])
				}
			}
		} else {
			vs := p.(*ast.ValueSpec)
			for i, v := range vs.Values {
				if ast.Unparen(v) == e && len(vs.Names) == len(vs.Values) {
					obj = c.pass.TypesInfo.Defs[vs.Names[i]]
				}
			}
		}
		if obj == nil || len(c.ix.Assigns(obj)) != 1 {
			return nil
		}
		var out []*ast.CallExpr
		for _, r := range c.ix.Reads(obj) {
			if call, ok := c.ix.Up(r).(*ast.CallExpr); ok && ast.Unparen(call.Fun) == r {
				out = append(out, call)
			}
		}
		return out
	}
	return nil
}

// args returns the arguments of a call of the method or function e names,
// without the receiver of a method expression.
func (c *checker) args(e ast.Expr, call *ast.CallExpr) []ast.Expr {
	if sel, ok := e.(*ast.SelectorExpr); ok {
		if s, ok := c.pass.TypesInfo.Selections[sel]; ok && s.Kind() == types.MethodExpr {
			if len(call.Args) == 0 {
				return nil
			}
			return call.Args[1:]
		}
	}
	return call.Args
}

// receiver returns the receiver expression of a method reference: x in
// x.M, or the first argument of a call of a method expression T.M.
func (c *checker) receiver(e ast.Expr) ast.Expr {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s, ok := c.pass.TypesInfo.Selections[sel]
	if !ok {
		return nil
	}
	switch s.Kind() {
	case types.MethodVal:
		return sel.X
	case types.MethodExpr:
		if call, ok := c.ix.Up(sel).(*ast.CallExpr); ok && ast.Unparen(call.Fun) == sel && len(call.Args) > 0 {
			return call.Args[0]
		}
	}
	return nil
}

func (c *checker) check(r funcRef) {
	switch {
	case analysisutil.IsFunc(r.fn, httpPath, "ListenAndServe"):
		for _, call := range c.calls(r.expr) {
			args := c.args(r.expr, call)
			if len(args) != 2 || c.isRedirect(args[1], 0) {
				continue
			}
			if where, ok := exposed(c.ix.Values(args[0])); ok {
				c.report(call, "http.ListenAndServe serves plaintext HTTP on %s: serve TLS (ListenAndServeTLS) or bind to a loopback address", where)
			}
		}
	case analysisutil.IsMethod(r.fn, httpPath, "Server", "ListenAndServe"):
		c.checkServer(r)
	case isMethodIn(r.fn, ginPath, "Engine", "Run"):
		for _, call := range c.calls(r.expr) {
			args := c.args(r.expr, call)
			addrs := []analysisutil.StrVal{{S: ":8080", Complete: true}} // or ":"+$PORT
			if len(args) == 1 && call.Ellipsis == token.NoPos {
				addrs = c.ix.Values(args[0])
			} else if len(args) != 0 {
				continue
			}
			if where, ok := exposed(addrs); ok {
				c.report(call, "gin.Engine.Run serves plaintext HTTP on %s: use RunTLS (or an http.Server with ListenAndServeTLS) or bind to a loopback address", where)
			}
		}
	case isMethodIn(r.fn, fiberPath, "App", "Listen"),
		isMethodIn(r.fn, fasthttpPath, "Server", "ListenAndServe"),
		analysisutil.PathIn(r.fn.Pkg().Path(), fasthttpPath) && r.fn.Name() == "ListenAndServe":
		// fiber v3 takes optional ListenConfig values (which may enable
		// TLS) after the address: only the bare form is checked.
		max := 1
		if r.fn.Name() == "ListenAndServe" && !isMethodIn(r.fn, fasthttpPath, "Server") {
			max = 2 // fasthttp.ListenAndServe(addr, handler)
		}
		for _, call := range c.calls(r.expr) {
			args := c.args(r.expr, call)
			if len(args) == 0 || len(args) > max {
				continue
			}
			if where, ok := exposed(c.ix.Values(args[0])); ok {
				c.report(call, "%s serves plaintext HTTP on %s: use its TLS variant or bind to a loopback address", frameworkName(r.fn), where)
			}
		}
	case isMethodIn(r.fn, echoPath, "Echo", "Start", "StartH2CServer"):
		for _, call := range c.calls(r.expr) {
			args := c.args(r.expr, call)
			if len(args) == 0 {
				continue
			}
			if where, ok := exposed(c.ix.Values(args[0])); ok {
				c.report(call, "echo.Echo.%s serves plaintext HTTP on %s: use StartTLS or StartAutoTLS, or bind to a loopback address", r.fn.Name(), where)
			}
		}
	case isMethodIn(r.fn, echoPath, "Echo", "StartServer"):
		for _, call := range c.calls(r.expr) {
			if args := c.args(r.expr, call); len(args) == 1 {
				c.checkEchoServer(call, args[0])
			}
		}
	default:
		for _, call := range c.calls(r.expr) {
			c.checkListen(r, call)
		}
	}
}

// checkServer checks (*http.Server).ListenAndServe, called or used as a
// method value.
func (c *checker) checkServer(r funcRef) {
	recv := c.receiver(r.expr)
	if recv == nil {
		return
	}
	obj := c.ix.RootObject(recv)
	if obj != nil && c.tlsServed[obj] {
		return
	}
	lits, known := c.serverCreations(recv, 0)
	var addrs []analysisutil.StrVal
	if as := c.addrAssigns[obj]; obj != nil && len(as) > 0 {
		for _, a := range as {
			addrs = append(addrs, c.ix.Values(a)...)
		}
	} else if known {
		for _, lit := range lits {
			if v, ok := litField(c.pass.TypesInfo, lit, "Addr"); ok {
				addrs = append(addrs, c.ix.Values(v)...)
			} else {
				addrs = append(addrs, analysisutil.StrVal{S: "", Complete: true})
			}
		}
	}
	if c.serverRedirects(obj, lits, known) {
		return
	}
	where, ok := exposed(addrs)
	if !ok {
		return
	}
	var at ast.Node = r.expr
	if calls := c.calls(r.expr); len(calls) == 1 && ast.Unparen(calls[0].Fun) == r.expr {
		at = calls[0]
	}
	c.report(at, "http.Server.ListenAndServe serves plaintext HTTP on %s: use ListenAndServeTLS or bind Addr to a loopback address", where)
}

// checkEchoServer checks (*echo.Echo).StartServer(srv), which serves TLS
// only when srv.TLSConfig is set.
func (c *checker) checkEchoServer(call *ast.CallExpr, srv ast.Expr) {
	lits, known := c.serverCreations(srv, 0)
	if !known {
		return
	}
	obj := c.ix.RootObject(srv)
	if obj != nil && c.fieldAssigned(obj, "TLSConfig") {
		return
	}
	var addrs []analysisutil.StrVal
	if as := c.addrAssigns[obj]; obj != nil && len(as) > 0 {
		for _, a := range as {
			addrs = append(addrs, c.ix.Values(a)...)
		}
	}
	for _, lit := range lits {
		if v, ok := litField(c.pass.TypesInfo, lit, "TLSConfig"); ok && !analysisutil.IsNil(c.pass.TypesInfo, v) {
			return
		}
		if obj == nil || len(c.addrAssigns[obj]) == 0 {
			if v, ok := litField(c.pass.TypesInfo, lit, "Addr"); ok {
				addrs = append(addrs, c.ix.Values(v)...)
			} else {
				addrs = append(addrs, analysisutil.StrVal{S: "", Complete: true})
			}
		}
	}
	if where, ok := exposed(addrs); ok {
		c.report(call, "echo.Echo.StartServer serves plaintext HTTP on %s: the server has no TLSConfig; set one (or use StartTLS), or bind to a loopback address", where)
	}
}

// fieldAssigned reports whether x.name = v is assigned for the server
// held in obj somewhere in the package.
func (c *checker) fieldAssigned(obj types.Object, name string) bool {
	found := false
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || found {
				return !found
			}
			for _, lhs := range as.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && sel.Sel.Name == name && isServer(c.pass.TypesInfo.TypeOf(sel.X)) && c.ix.RootObject(sel.X) == obj {
					found = true
				}
			}
			return true
		})
	}
	return found
}

// frameworkName names a framework's serve function for messages
// (fiber.App.Listen, fasthttp.ListenAndServe).
func frameworkName(fn *types.Func) string {
	if _, recv := analysisutil.ReceiverNamed(fn); recv != "" {
		return fn.Pkg().Name() + "." + recv + "." + fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// isMethodIn is analysisutil.IsMethod for every major version of a module.
func isMethodIn(fn *types.Func, base, typeName string, names ...string) bool {
	path, name := analysisutil.ReceiverNamed(fn)
	if path == "" || name != typeName || !analysisutil.PathIn(path, base) {
		return false
	}
	if len(names) == 0 {
		return true
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}

// serverRedirects reports whether every handler the server is given only
// redirects to https.
func (c *checker) serverRedirects(obj types.Object, lits []*ast.CompositeLit, known bool) bool {
	var handlers []ast.Expr
	if obj != nil {
		handlers = append(handlers, c.handlerAssign[obj]...)
	}
	if len(handlers) == 0 {
		if !known {
			return false
		}
		for _, lit := range lits {
			h, ok := litField(c.pass.TypesInfo, lit, "Handler")
			if !ok {
				return false // http.DefaultServeMux
			}
			handlers = append(handlers, h)
		}
	}
	if len(handlers) == 0 {
		return false
	}
	for _, h := range handlers {
		if !c.isRedirect(h, 0) {
			return false
		}
	}
	return true
}

func litField(info *types.Info, lit *ast.CompositeLit, name string) (ast.Expr, bool) {
	if lit == nil {
		return nil, false
	}
	return analysisutil.Field(info, lit, name)
}

func isServer(t types.Type) bool {
	return t != nil && analysisutil.IsNamed(t, httpPath, "Server")
}

// serverCreations returns the http.Server literals (nil for new(http.Server)
// or a zero variable) an expression may hold, and false when some value
// comes from somewhere it cannot see.
func (c *checker) serverCreations(e ast.Expr, depth int) ([]*ast.CompositeLit, bool) {
	if depth > analysisutil.MaxValueDepth {
		return nil, false
	}
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		if isServer(info.TypeOf(x)) {
			return []*ast.CompositeLit{x}, true
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && len(x.Args) == 1 {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" && isServer(info.TypeOf(x.Args[0])) {
				return []*ast.CompositeLit{nil}, true
			}
		}
		fd := c.decls[analysisutil.Callee(info, x)]
		if fd == nil {
			return nil, false
		}
		var out []*ast.CompositeLit
		known := true
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if len(n.Results) == 0 {
					known = false
					return false
				}
				lits, ok := c.serverCreations(n.Results[0], depth+1)
				if !ok && !analysisutil.IsNil(info, n.Results[0]) {
					known = false
				}
				out = append(out, lits...)
			}
			return true
		})
		return out, known && len(out) > 0
	case *ast.Ident, *ast.SelectorExpr:
		obj := c.ix.LvalueObject(x)
		as := c.ix.Assigns(obj)
		if obj == nil || len(as) == 0 {
			return nil, false
		}
		var out []*ast.CompositeLit
		for _, a := range as {
			switch {
			case a.Unknown || a.Index >= 0:
				return nil, false
			case a.Zero:
				if _, isPtr := obj.Type().Underlying().(*types.Pointer); !isPtr {
					out = append(out, nil)
				}
			default:
				if analysisutil.IsNil(info, a.RHS) {
					continue
				}
				lits, ok := c.serverCreations(a.RHS, depth+1)
				if !ok {
					return nil, false
				}
				out = append(out, lits...)
			}
		}
		return out, len(out) > 0
	}
	return nil, false
}

// Listener uses, as far as the check is concerned.
type listenerUse struct {
	tls, grpc, http, accept, escape bool
}

// checkListen checks net.Listen, net.ListenTCP and (*net.ListenConfig).Listen.
func (c *checker) checkListen(r funcRef, call *ast.CallExpr) {
	args := c.args(r.expr, call)
	var network, addr ast.Expr
	name := "net.Listen"
	switch {
	case analysisutil.IsFunc(r.fn, netPath, "Listen") && len(args) == 2:
		network, addr = args[0], args[1]
	case analysisutil.IsFunc(r.fn, netPath, "ListenTCP") && len(args) == 2:
		network, addr = args[0], args[1]
		name = "net.ListenTCP"
	case analysisutil.IsMethod(r.fn, netPath, "ListenConfig", "Listen") && len(args) == 3:
		network, addr = args[1], args[2]
		name = "net.ListenConfig.Listen"
	default:
		return
	}
	for _, n := range c.ix.Values(network) {
		if !n.Complete || (n.S != "tcp" && n.S != "tcp4" && n.S != "tcp6") {
			return
		}
	}
	var addrs []analysisutil.StrVal
	if name == "net.ListenTCP" {
		addrs = c.tcpAddrValues(addr, 0)
	} else {
		addrs = c.ix.Values(addr)
	}
	where, ok := exposed(addrs)
	if !ok {
		return
	}

	var use listenerUse
	switch p := c.ix.Up(call).(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && ast.Unparen(p.Rhs[0]) == call {
			if obj := c.ix.LvalueObject(p.Lhs[0]); obj != nil {
				c.listenerUses(obj, &use, 0, map[types.Object]bool{})
			}
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && len(p.Names) > 0 {
			if obj := c.pass.TypesInfo.Defs[p.Names[0]]; obj != nil {
				c.listenerUses(obj, &use, 0, map[types.Object]bool{})
			}
		}
	default:
		use.escape = true
	}
	switch {
	case use.tls || use.grpc:
		return
	case use.http:
		c.report(call, "%s listens on %s and the listener is served as plaintext HTTP: wrap it with tls.NewListener or use ServeTLS, or bind to a loopback address", name, where)
	case (use.accept || use.escape) && !c.pkgTLS:
		c.report(call, "%s opens a plaintext TCP listener on %s: wrap it with tls.NewListener (or use tls.Listen), or bind to a loopback address", name, where)
	}
}

// listenerUses records how the listener held in obj is used.
func (c *checker) listenerUses(obj types.Object, use *listenerUse, depth int, seen map[types.Object]bool) {
	if depth > 3 || seen[obj] {
		return
	}
	seen[obj] = true
	info := c.pass.TypesInfo
	for _, r := range c.ix.Reads(obj) {
		switch p := c.ix.Up(r).(type) {
		case *ast.CallExpr:
			i := -1
			for j, a := range p.Args {
				if ast.Unparen(a) == r {
					i = j
				}
			}
			if i < 0 {
				continue
			}
			fn := analysisutil.Callee(info, p)
			switch {
			case analysisutil.IsFunc(fn, tlsPath, "NewListener"),
				analysisutil.IsFunc(fn, httpPath, "ServeTLS"),
				analysisutil.IsMethod(fn, httpPath, "Server", "ServeTLS"):
				use.tls = true
			case analysisutil.IsFunc(fn, httpPath, "Serve"):
				if len(p.Args) != 2 || !c.isRedirect(p.Args[1], 0) {
					use.http = true
				}
			case analysisutil.IsMethod(fn, httpPath, "Server", "Serve"):
				if sel, ok := ast.Unparen(p.Fun).(*ast.SelectorExpr); ok {
					srv := c.ix.RootObject(sel.X)
					if srv != nil && c.tlsServed[srv] {
						use.tls = true
						continue
					}
					lits, known := c.serverCreations(sel.X, 0)
					if c.serverRedirects(srv, lits, known) {
						continue
					}
				}
				use.http = true
			case isMethodIn(fn, ginPath, "Engine", "RunListener"),
				isMethodIn(fn, fiberPath, "App", "Listener"),
				isMethodIn(fn, fasthttpPath, "Server", "Serve"),
				fn != nil && fn.Pkg() != nil && analysisutil.PathIn(fn.Pkg().Path(), fasthttpPath) && analysisutil.IsFunc(fn, fn.Pkg().Path(), "Serve"):
				use.http = true
			case fn != nil && fn.Pkg() != nil && analysisutil.PathIn(fn.Pkg().Path(), grpcPath):
				use.grpc = true
			case c.decls[fn] != nil:
				fd := c.decls[fn]
				if param := paramAt(info, fd, i); param != nil {
					c.listenerUses(param, use, depth+1, seen)
				} else {
					use.escape = true
				}
			default:
				use.escape = true
			}
		case *ast.SelectorExpr:
			if p.X == r || ast.Unparen(p.X) == r {
				if p.Sel.Name == "Accept" || p.Sel.Name == "AcceptTCP" {
					use.accept = true
				}
			}
		case *ast.AssignStmt:
			for i, rhs := range p.Rhs {
				if ast.Unparen(rhs) == r && len(p.Lhs) == len(p.Rhs) {
					if o := c.ix.LvalueObject(p.Lhs[i]); o != nil {
						c.listenerUses(o, use, depth+1, seen)
					} else {
						use.escape = true
					}
				}
			}
		case *ast.ValueSpec:
			for i, v := range p.Values {
				if ast.Unparen(v) == r && len(p.Names) == len(p.Values) {
					c.listenerUses(info.Defs[p.Names[i]], use, depth+1, seen)
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := p.Key.(*ast.Ident); ok && p.Value == r {
				if f, ok := info.Uses[id].(*types.Var); ok && f.IsField() {
					c.listenerUses(f, use, depth+1, seen)
					continue
				}
			}
			use.escape = true
		case *ast.ReturnStmt, *ast.CompositeLit, *ast.SendStmt:
			use.escape = true
		}
	}
}

// paramAt returns the parameter of fd that receives argument i.
func paramAt(info *types.Info, fd *ast.FuncDecl, i int) types.Object {
	n := 0
	for _, field := range fd.Type.Params.List {
		if len(field.Names) == 0 {
			n++
			continue
		}
		for _, name := range field.Names {
			if n == i {
				if _, variadic := field.Type.(*ast.Ellipsis); variadic {
					return nil
				}
				return info.Defs[name]
			}
			n++
		}
	}
	return nil
}

// tcpAddrValues returns the address a *net.TCPAddr literal denotes, as a
// prefix up to the port ("0.0.0.0:"), when its IP is known.
func (c *checker) tcpAddrValues(e ast.Expr, depth int) []analysisutil.StrVal {
	if depth > analysisutil.MaxValueDepth {
		return analysisutil.UnknownValue()
	}
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		if !analysisutil.IsNamed(info.TypeOf(x), netPath, "TCPAddr") {
			return analysisutil.UnknownValue()
		}
		ipExpr, ok := analysisutil.Field(info, x, "IP")
		if !ok || analysisutil.IsNil(info, ipExpr) {
			return []analysisutil.StrVal{{S: ":"}}
		}
		ip, ok := c.ipValue(ipExpr)
		if !ok {
			return analysisutil.UnknownValue()
		}
		if strings.Contains(ip, ":") {
			return []analysisutil.StrVal{{S: "[" + ip + "]:"}}
		}
		return []analysisutil.StrVal{{S: ip + ":"}}
	case *ast.Ident, *ast.SelectorExpr:
		obj := c.ix.LvalueObject(x)
		as := c.ix.Assigns(obj)
		if len(as) != 1 || as[0].RHS == nil || as[0].Index >= 0 {
			return analysisutil.UnknownValue()
		}
		return c.tcpAddrValues(as[0].RHS, depth+1)
	}
	return analysisutil.UnknownValue()
}

// ipValue returns the textual IP a net.IP expression denotes.
func (c *checker) ipValue(e ast.Expr) (string, bool) {
	info := c.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := analysisutil.Callee(info, x)
		switch {
		case analysisutil.IsFunc(fn, netPath, "ParseIP") && len(x.Args) == 1:
			s, ok := analysisutil.StringConst(info, x.Args[0])
			return s, ok
		case analysisutil.IsFunc(fn, netPath, "IPv4") && len(x.Args) == 4:
			var parts []string
			for _, a := range x.Args {
				v, ok := analysisutil.IntConst(info, a)
				if !ok {
					return "", false
				}
				parts = append(parts, strconv.FormatInt(v, 10))
			}
			return strings.Join(parts, "."), true
		}
	case *ast.SelectorExpr:
		if v, ok := info.Uses[x.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == netPath {
			switch v.Name() {
			case "IPv4zero", "IPv6zero", "IPv6unspecified":
				return "0.0.0.0", true
			case "IPv6loopback":
				return "::1", true
			}
		}
	}
	return "", false
}

// exposed returns a description of the first value that is a known
// non-loopback address.
func exposed(vals []analysisutil.StrVal) (string, bool) {
	for _, v := range vals {
		host, ok := analysisutil.AddrHost(v)
		if !ok || analysisutil.IsLoopbackHost(host) {
			continue
		}
		q := strconv.Quote(v.S)
		if !v.Complete {
			q += "+…"
		}
		if ip, err := netip.ParseAddr(host); host == "" || (err == nil && ip.IsUnspecified()) {
			return "every interface (" + q + ")", true
		}
		return q, true
	}
	return "", false
}

// isRedirect reports whether a handler only redirects to https:
// http.RedirectHandler, autocert's HTTPHandler, or a function that calls
// http.Redirect and mentions an https URL.
func (c *checker) isRedirect(e ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	info := c.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return c.isRedirect(x.Args[0], depth+1) // http.HandlerFunc(f)
		}
		fn := analysisutil.Callee(info, x)
		if analysisutil.IsFunc(fn, httpPath, "RedirectHandler") || analysisutil.IsMethod(fn, autocertPath, "Manager", "HTTPHandler") {
			return true
		}
	case *ast.FuncLit:
		return c.bodyRedirects(x.Body)
	case *ast.Ident, *ast.SelectorExpr:
		if fn := analysisutil.ReferencedFunc(info, x); fn != nil {
			if fd := c.decls[fn]; fd != nil {
				return c.bodyRedirects(fd.Body)
			}
			return false
		}
		obj := c.ix.LvalueObject(x)
		as := c.ix.Assigns(obj)
		if len(as) == 0 {
			return false
		}
		for _, a := range as {
			if a.RHS == nil || a.Index >= 0 || !c.isRedirect(a.RHS, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

func (c *checker) bodyRedirects(body *ast.BlockStmt) bool {
	redirects, https := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			fn := analysisutil.Callee(c.pass.TypesInfo, n)
			if analysisutil.IsFunc(fn, httpPath, "Redirect", "RedirectHandler") {
				redirects = true
			}
		case *ast.BasicLit:
			if n.Kind == token.STRING {
				if s, err := strconv.Unquote(n.Value); err == nil && strings.HasPrefix(strings.ToLower(s), "https") {
					https = true
				}
			}
		}
		return true
	})
	return redirects && https
}

func (c *checker) report(n ast.Node, format string, args ...any) {
	c.pass.Report(analysis.Diagnostic{
		Pos:     n.Pos(),
		End:     n.End(),
		Message: fmt.Sprintf(format, args...),
	})
}
