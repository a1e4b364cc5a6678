package grpcinsecure

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
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
var Rule = ruledoc.Rule(doc, "grpcinsecure", ruledoc.Meta{
	ID:       "SDL103",
	CWE:      []int{319},
	Severity: finding.Important,
	Tags:     []string{"encryption-in-transit"},
})

// Analyzer reports gRPC clients and servers without transport security.
var Analyzer = &analysis.Analyzer{
	Name: Rule.Name,
	Doc:  ruledoc.AnalyzerDoc(Rule),
	URL:  Rule.HelpURI,
	Run:  run,
}

const (
	grpcPath     = "google.golang.org/grpc"
	insecurePath = "google.golang.org/grpc/credentials/insecure"
	bufconnPath  = "google.golang.org/grpc/test/bufconn"
	httpPath     = "net/http"
	netPath      = "net"
	tlsPath      = "crypto/tls"
)

func run(pass *analysis.Pass) (any, error) {
	if !analysisutil.Imports(pass.Pkg, grpcPath, insecurePath) {
		return nil, nil
	}
	c := &checker{pass: pass, info: pass.TypesInfo, ix: analysisutil.NewValueIndex(pass, analysisutil.ValueOptions{})}
	for _, f := range analysisutil.NonTestFiles(pass) {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if fn := analysisutil.ReferencedFunc(c.info, n); isInsecure(fn) {
					c.checkInsecure(n, fn)
				}
			case *ast.Ident:
				if sel, ok := c.ix.Parent(n).(*ast.SelectorExpr); ok && sel.Sel == n {
					return true
				}
				if fn, ok := c.info.Uses[n].(*types.Func); ok && isInsecure(fn) {
					c.checkInsecure(n, fn)
				}
			case *ast.CallExpr:
				if analysisutil.IsFunc(analysisutil.Callee(c.info, n), grpcPath, "NewServer") {
					c.checkServer(n)
				}
			}
			return true
		})
	}
	return nil, nil
}

type checker struct {
	pass *analysis.Pass
	info *types.Info
	ix   *analysisutil.ValueIndex
}

func isInsecure(fn *types.Func) bool {
	return analysisutil.IsFunc(fn, grpcPath, "WithInsecure") ||
		analysisutil.IsFunc(fn, insecurePath, "NewCredentials", "NewBundle")
}

// sink is a place an insecure option or credential ends up.
type sink struct {
	server bool   // it configures a grpc.Server
	local  bool   // where it ends up, the connection cannot leave the host
	target string // the dial target, when known
}

// checkInsecure checks a reference to grpc.WithInsecure,
// insecure.NewCredentials or insecure.NewBundle.
func (c *checker) checkInsecure(ref ast.Expr, fn *types.Func) {
	var start ast.Expr = ref
	if call, ok := c.ix.Up(ref).(*ast.CallExpr); ok && ast.Unparen(call.Fun) == ref {
		start = call
	}
	sinks := c.flow(start, 0, map[types.Object]bool{})
	local := len(sinks) > 0
	server := false
	target := ""
	for _, s := range sinks {
		if !s.local {
			local = false
			if s.target != "" && target == "" {
				target = s.target
			}
		}
		server = server || s.server
	}
	if local {
		return
	}
	name := "insecure." + fn.Name()
	if fn.Pkg().Path() == grpcPath {
		name = "grpc." + fn.Name()
	}
	var msg string
	switch {
	case server:
		msg = fmt.Sprintf("%s makes the gRPC server accept plaintext connections: use grpc.Creds with credentials.NewServerTLSFromFile or credentials.NewTLS", name)
	case target != "":
		msg = fmt.Sprintf("%s disables transport security: the gRPC connection to %s is plaintext and unauthenticated; use grpc.WithTransportCredentials(credentials.NewTLS(cfg))", name, target)
	default:
		msg = fmt.Sprintf("%s disables transport security: gRPC calls are sent in plaintext and the server is not authenticated; use grpc.WithTransportCredentials(credentials.NewTLS(cfg)) unless the target is loopback", name)
	}
	c.pass.Report(analysis.Diagnostic{Pos: start.Pos(), End: start.End(), Message: msg})
}

// flow follows the value of e (an option, a credential, or a slice of
// options) to the places it is used.
func (c *checker) flow(e ast.Expr, depth int, seen map[types.Object]bool) []sink {
	if depth > 12 {
		return []sink{{}}
	}
	switch p := c.ix.Up(e).(type) {
	case *ast.CallExpr:
		if ast.Unparen(p.Fun) == e {
			return []sink{{}}
		}
		if id, ok := ast.Unparen(p.Fun).(*ast.Ident); ok {
			if b, ok := c.info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
				return c.flow(p, depth+1, seen)
			}
		}
		fn := analysisutil.Callee(c.info, p)
		switch {
		case analysisutil.IsFunc(fn, grpcPath, "WithTransportCredentials", "WithCredentialsBundle", "Creds"):
			return c.flow(p, depth+1, seen)
		case analysisutil.IsFunc(fn, grpcPath, "Dial", "NewClient") && len(p.Args) > 0:
			return []sink{c.dialSink(p, p.Args[0])}
		case analysisutil.IsFunc(fn, grpcPath, "DialContext") && len(p.Args) > 1:
			return []sink{c.dialSink(p, p.Args[1])}
		case analysisutil.IsFunc(fn, grpcPath, "NewServer"):
			return []sink{{server: true, local: c.serverLocal(p)}}
		}
		// Another function, given a loopback address alongside the
		// option: grpc-gateway's RegisterXHandlerFromEndpoint(ctx, mux,
		// "localhost:9090", opts).
		return []sink{{local: c.hasLocalAddrArg(p)}}
	case *ast.CompositeLit, *ast.UnaryExpr, *ast.StarExpr, *ast.SliceExpr:
		return c.flow(p.(ast.Expr), depth+1, seen)
	case *ast.KeyValueExpr:
		if p.Value == e {
			if lit, ok := c.ix.Up(p).(*ast.CompositeLit); ok {
				if id, ok := p.Key.(*ast.Ident); ok {
					if f, ok := c.info.Uses[id].(*types.Var); ok && f.IsField() {
						return c.objectFlow(f, depth, seen)
					}
				}
				return c.flow(lit, depth+1, seen)
			}
		}
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) {
			for i, r := range p.Rhs {
				if ast.Unparen(r) == e {
					if obj := c.ix.LvalueObject(p.Lhs[i]); obj != nil {
						return c.objectFlow(obj, depth, seen)
					}
				}
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == len(p.Values) {
			for i, v := range p.Values {
				if ast.Unparen(v) == e {
					return c.objectFlow(c.info.Defs[p.Names[i]], depth, seen)
				}
			}
		}
	}
	return []sink{{}}
}

// objectFlow follows the reads of a variable or field.
func (c *checker) objectFlow(obj types.Object, depth int, seen map[types.Object]bool) []sink {
	if obj == nil {
		return []sink{{}}
	}
	if seen[obj] {
		return nil
	}
	seen[obj] = true
	reads := c.ix.Reads(obj)
	if len(reads) == 0 {
		return []sink{{}}
	}
	var out []sink
	for _, r := range reads {
		out = append(out, c.flow(r, depth+1, seen)...)
	}
	return out
}

// dialSink describes a Dial, DialContext or NewClient call with the given
// target.
func (c *checker) dialSink(call *ast.CallExpr, target ast.Expr) sink {
	vals := c.ix.Values(target)
	s := sink{local: allLocal(vals)}
	if len(vals) == 1 && vals[0].S != "" {
		s.target = strconv.Quote(vals[0].S)
		if !vals[0].Complete {
			s.target += "+…"
		}
	}
	if !s.local && (c.listenerAddr(target) || c.bufconnDial(call)) {
		s.local = true
	}
	return s
}

// listenerAddr reports whether e is lis.Addr().String() for a listener
// that is local (a loopback or unix net.Listen, or bufconn).
func (c *checker) listenerAddr(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "String" {
		return false
	}
	inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok || len(inner.Args) != 0 {
		return false
	}
	isel, ok := ast.Unparen(inner.Fun).(*ast.SelectorExpr)
	if !ok || isel.Sel.Name != "Addr" {
		return false
	}
	return c.localListener(isel.X, 0)
}

// allLocal reports whether every value is a known local target.
func allLocal(vals []analysisutil.StrVal) bool {
	if len(vals) == 0 {
		return false
	}
	for _, v := range vals {
		if !localTarget(v) {
			return false
		}
	}
	return true
}

// localTarget reports whether a gRPC target or address can only reach the
// same host: a unix socket, or a loopback host with any resolver scheme.
func localTarget(v analysisutil.StrVal) bool {
	s := v.S
	lower := strings.ToLower(s)
	if strings.HasPrefix(lower, "unix:") || strings.HasPrefix(lower, "unix-abstract:") {
		return true
	}
	for _, scheme := range []string{"passthrough://", "dns://", "ipv4://", "ipv6://"} {
		if strings.HasPrefix(lower, scheme) {
			rest := s[len(scheme):]
			i := strings.IndexByte(rest, '/')
			if i < 0 {
				return false // authority not complete yet
			}
			s = rest[i+1:]
			break
		}
	}
	host, ok := analysisutil.AddrHost(analysisutil.StrVal{S: s, Complete: v.Complete})
	return ok && host != "" && analysisutil.IsLoopbackHost(host)
}

// hasLocalAddrArg reports whether a string argument of call is a local
// address.
func (c *checker) hasLocalAddrArg(call *ast.CallExpr) bool {
	for _, a := range call.Args {
		t := c.info.TypeOf(a)
		if t == nil {
			continue
		}
		if b, ok := t.Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
			continue
		}
		if allLocal(c.ix.Values(a)) || c.listenerAddr(a) {
			return true
		}
	}
	return false
}

// bufconnDial reports whether the function holding call dials through a
// bufconn listener (grpc.WithContextDialer with a dialer using a
// *bufconn.Listener).
func (c *checker) bufconnDial(call *ast.CallExpr) bool {
	f := analysisutil.FileOf(c.pass.Files, call.Pos())
	if f == nil {
		return false
	}
	var scope ast.Node
	for _, d := range f.Decls {
		if d.Pos() <= call.Pos() && call.End() <= d.End() {
			scope = d
		}
	}
	if scope == nil {
		return false
	}
	dialer, bufconn := false, false
	ast.Inspect(scope, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		if fn := analysisutil.ReferencedFunc(c.info, e); analysisutil.IsFunc(fn, grpcPath, "WithContextDialer", "WithDialer") {
			dialer = true
		}
		if t := c.info.TypeOf(e); t != nil && analysisutil.IsNamed(t, bufconnPath, "Listener") {
			bufconn = true
		}
		return true
	})
	return dialer && bufconn
}

// checkServer checks a grpc.NewServer call for transport credentials.
func (c *checker) checkServer(call *ast.CallExpr) {
	if c.serverCreds(call) != no {
		return
	}
	if c.serverLocal(call) {
		return
	}
	c.pass.Report(analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: "grpc.NewServer has no transport credentials (grpc.Creds): the server accepts plaintext connections; add grpc.Creds(credentials.NewServerTLSFromFile(...)) or grpc.Creds(credentials.NewTLS(cfg))",
	})
}

// tri is a three-valued answer.
type tri int

const (
	no tri = iota
	maybe
	yes
)

func (a tri) or(b tri) tri {
	if b > a {
		return b
	}
	return a
}

// serverCreds tells whether the options of a NewServer call contain
// grpc.Creds.
func (c *checker) serverCreds(call *ast.CallExpr) tri {
	res := no
	for i, a := range call.Args {
		if call.Ellipsis.IsValid() && i == len(call.Args)-1 {
			res = res.or(c.sliceCreds(a, 0, map[types.Object]bool{}))
		} else {
			res = res.or(c.optionCreds(a, 0))
		}
	}
	return res
}

// optionCreds tells whether a grpc.ServerOption expression is grpc.Creds.
func (c *checker) optionCreds(e ast.Expr, depth int) tri {
	if depth > analysisutil.MaxValueDepth {
		return maybe
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := analysisutil.Callee(c.info, x)
		switch {
		case analysisutil.IsFunc(fn, grpcPath, "Creds"):
			return yes
		case fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == grpcPath:
			return no // another grpc option constructor
		}
	case *ast.CompositeLit:
		if analysisutil.IsNamed(c.info.TypeOf(x), grpcPath, "EmptyServerOption") {
			return no
		}
	case *ast.Ident, *ast.SelectorExpr:
		obj := c.ix.LvalueObject(x)
		as := c.ix.Assigns(obj)
		if obj == nil || len(as) == 0 {
			return maybe
		}
		res := no
		for _, a := range as {
			if a.Unknown || a.Zero || a.Index >= 0 {
				return maybe
			}
			res = res.or(c.optionCreds(a.RHS, depth+1))
		}
		return res
	}
	return maybe
}

// sliceCreds tells whether a []grpc.ServerOption expression holds
// grpc.Creds.
func (c *checker) sliceCreds(e ast.Expr, depth int, seen map[types.Object]bool) tri {
	if depth > analysisutil.MaxValueDepth {
		return maybe
	}
	if analysisutil.IsNil(c.info, e) {
		return no
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		res := no
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			res = res.or(c.optionCreds(elt, depth+1))
		}
		return res
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if b, ok := c.info.Uses[id].(*types.Builtin); ok {
				switch b.Name() {
				case "make":
					return no
				case "append":
					if len(x.Args) == 0 {
						return maybe
					}
					res := c.sliceCreds(x.Args[0], depth+1, seen)
					for i, a := range x.Args[1:] {
						if x.Ellipsis.IsValid() && i == len(x.Args)-2 {
							res = res.or(c.sliceCreds(a, depth+1, seen))
						} else {
							res = res.or(c.optionCreds(a, depth+1))
						}
					}
					return res
				}
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		obj := c.ix.LvalueObject(x)
		if obj == nil {
			return maybe
		}
		if seen[obj] {
			return no
		}
		seen[obj] = true
		as := c.ix.Assigns(obj)
		if len(as) == 0 {
			return maybe
		}
		res := no
		for _, a := range as {
			switch {
			case a.Unknown || a.Index >= 0:
				return maybe
			case a.Zero:
			default:
				res = res.or(c.sliceCreds(a.RHS, depth+1, seen))
			}
		}
		if c.indexAssigned(obj) {
			res = res.or(maybe)
		}
		return res
	}
	return maybe
}

// indexAssigned reports whether s[i] = x is assigned for the slice obj.
func (c *checker) indexAssigned(obj types.Object) bool {
	for _, r := range c.ix.Uses(obj) {
		if ix, ok := c.ix.Up(r).(*ast.IndexExpr); ok && ast.Unparen(ix.X) == r {
			if as, ok := c.ix.Up(ix).(*ast.AssignStmt); ok {
				for _, l := range as.Lhs {
					if ast.Unparen(l) == ix {
						return true
					}
				}
			}
		}
	}
	return false
}

// serverLocal reports whether the server a NewServer call creates cannot be
// reached in plaintext from other hosts: it is served only on local or TLS
// listeners, or mounted as an http.Handler.
func (c *checker) serverLocal(call *ast.CallExpr) bool {
	var obj types.Object
	switch p := c.ix.Up(call).(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) {
			for i, r := range p.Rhs {
				if ast.Unparen(r) == call {
					obj = c.ix.LvalueObject(p.Lhs[i])
				}
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == len(p.Values) {
			for i, v := range p.Values {
				if ast.Unparen(v) == call {
					obj = c.info.Defs[p.Names[i]]
				}
			}
		}
	case *ast.KeyValueExpr:
		if id, ok := p.Key.(*ast.Ident); ok && ast.Unparen(p.Value) == call {
			obj = c.info.Uses[id]
		}
	case *ast.SelectorExpr:
		// grpc.NewServer().Serve(lis)
		if p.Sel.Name == "Serve" {
			if sc, ok := c.ix.Up(p).(*ast.CallExpr); ok && len(sc.Args) == 1 {
				return c.localListener(sc.Args[0], 0)
			}
		}
		return false
	}
	if obj == nil {
		return false
	}
	served := false
	for _, r := range c.ix.Reads(obj) {
		switch p := c.ix.Up(r).(type) {
		case *ast.SelectorExpr:
			switch p.Sel.Name {
			case "ServeHTTP":
				return true
			case "Serve":
				sc, ok := c.ix.Up(p).(*ast.CallExpr)
				if !ok || len(sc.Args) != 1 || !c.localListener(sc.Args[0], 0) {
					return false
				}
				served = true
			}
		case *ast.CallExpr:
			if c.asHandler(p, r) {
				return true
			}
		case *ast.KeyValueExpr:
			if id, ok := p.Key.(*ast.Ident); ok && id.Name == "Handler" {
				if lit, ok := c.ix.Up(p).(*ast.CompositeLit); ok && analysisutil.IsNamed(c.info.TypeOf(lit), httpPath, "Server") {
					return true
				}
			}
		}
	}
	return served
}

// asHandler reports whether arg is passed to call where a net/http.Handler
// is expected.
func (c *checker) asHandler(call *ast.CallExpr, arg ast.Expr) bool {
	sig, ok := types.Unalias(c.info.TypeOf(call.Fun)).(*types.Signature)
	if !ok {
		return false
	}
	for i, a := range call.Args {
		if ast.Unparen(a) != arg {
			continue
		}
		var pt types.Type
		switch {
		case i < sig.Params().Len()-1 || (i < sig.Params().Len() && !sig.Variadic()):
			pt = sig.Params().At(i).Type()
		case sig.Variadic() && sig.Params().Len() > 0:
			if s, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice); ok {
				pt = s.Elem()
			}
		}
		if pt != nil && analysisutil.IsNamed(pt, httpPath, "Handler") {
			return true
		}
	}
	return false
}

// localListener reports whether a listener expression is a loopback or unix
// net.Listen, a bufconn listener, or wrapped in TLS.
func (c *checker) localListener(e ast.Expr, depth int) bool {
	if depth > analysisutil.MaxValueDepth {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := analysisutil.Callee(c.info, x)
		switch {
		case analysisutil.IsFunc(fn, bufconnPath, "Listen"), analysisutil.IsFunc(fn, tlsPath, "NewListener", "Listen"):
			return true
		}
	case *ast.Ident, *ast.SelectorExpr:
		obj := c.ix.LvalueObject(x)
		as := c.ix.Assigns(obj)
		if obj == nil || len(as) == 0 {
			return false
		}
		for _, a := range as {
			if a.Unknown || a.Zero {
				return false
			}
			if a.Index < 0 {
				if !c.localListener(a.RHS, depth+1) {
					return false
				}
				continue
			}
			call, ok := ast.Unparen(a.RHS).(*ast.CallExpr)
			if !ok || a.Index != 0 || !c.localListen(call) {
				return false
			}
		}
		return true
	}
	return false
}

// localListen reports whether a net.Listen, (*net.ListenConfig).Listen or
// tls.Listen call listens on a unix socket or a loopback address, or
// serves TLS.
func (c *checker) localListen(call *ast.CallExpr) bool {
	fn := analysisutil.Callee(c.info, call)
	var network, addr ast.Expr
	switch {
	case analysisutil.IsFunc(fn, tlsPath, "Listen"):
		return true
	case analysisutil.IsFunc(fn, netPath, "Listen") && len(call.Args) == 2:
		network, addr = call.Args[0], call.Args[1]
	case analysisutil.IsMethod(fn, netPath, "ListenConfig", "Listen") && len(call.Args) == 3:
		network, addr = call.Args[1], call.Args[2]
	default:
		return false
	}
	unix := true
	for _, n := range c.ix.Values(network) {
		if !n.Complete || !strings.HasPrefix(n.S, "unix") {
			unix = false
		}
	}
	if unix {
		return true
	}
	vals := c.ix.Values(addr)
	for _, v := range vals {
		host, ok := analysisutil.AddrHost(v)
		if !ok || !analysisutil.IsLoopbackHost(host) {
			return false
		}
	}
	return len(vals) > 0
}
