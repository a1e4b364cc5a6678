package wsorigin

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"net/textproto"
	"path"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sdlkit/sdlkit/analyzers/internal/analysisutil"
	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Rule documents the check.
var Rule = ruledoc.Rule(doc, "wsorigin", ruledoc.Meta{
	ID:       "SDL302",
	CWE:      []int{1385, 346},
	Severity: finding.Important,
	Tags:     []string{"sessions"},
})

// Analyzer reports WebSocket upgraders that accept every origin.
var Analyzer = &analysis.Analyzer{
	Name: Rule.Name,
	Doc:  ruledoc.AnalyzerDoc(Rule),
	URL:  Rule.HelpURI,
	Run:  run,
}

const (
	gorillaPath  = "github.com/gorilla/websocket"
	fasthttpPath = "github.com/fasthttp/websocket"
	nhooyrPath   = "nhooyr.io/websocket"
	coderPath    = "github.com/coder/websocket"
	httpPath     = "net/http"
)

var paths = []string{gorillaPath, fasthttpPath, nhooyrPath, coderPath}

func run(pass *analysis.Pass) (any, error) {
	if !analysisutil.Imports(pass.Pkg, paths...) {
		return nil, nil
	}
	info := pass.TypesInfo
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			// Whether the declaration reads the Origin header, computed
			// when first needed.
			var checked *bool
			readsOrigin := func() bool {
				if checked == nil {
					b := readsOriginHeader(info, decl)
					checked = &b
				}
				return *checked
			}
			ast.Inspect(decl, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CompositeLit:
					t := info.TypeOf(n)
					switch {
					case isUpgrader(t):
						if v, ok := analysisutil.Field(info, n, "CheckOrigin"); ok {
							checkOriginFunc(pass, v)
						}
					case isAcceptOptions(t):
						if v, ok := analysisutil.Field(info, n, "InsecureSkipVerify"); ok {
							checkSkipVerify(pass, v, readsOrigin)
						}
						if v, ok := analysisutil.Field(info, n, "OriginPatterns"); ok {
							checkPatterns(pass, v, readsOrigin)
						}
					}
				case *ast.AssignStmt:
					if len(n.Lhs) != len(n.Rhs) {
						return true
					}
					for i, lhs := range n.Lhs {
						sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
						if !ok {
							continue
						}
						t := info.TypeOf(sel.X)
						switch {
						case sel.Sel.Name == "CheckOrigin" && isUpgrader(t):
							checkOriginFunc(pass, n.Rhs[i])
						case sel.Sel.Name == "InsecureSkipVerify" && isAcceptOptions(t):
							checkSkipVerify(pass, n.Rhs[i], readsOrigin)
						case sel.Sel.Name == "OriginPatterns" && isAcceptOptions(t):
							checkPatterns(pass, n.Rhs[i], readsOrigin)
						}
					}
				case *ast.CallExpr:
					fn := analysisutil.Callee(info, n)
					if (analysisutil.IsFunc(fn, gorillaPath, "Upgrade") || analysisutil.IsFunc(fn, fasthttpPath, "Upgrade")) && !readsOrigin() {
						pass.Report(analysis.Diagnostic{
							Pos:     n.Pos(),
							End:     n.End(),
							Message: "websocket.Upgrade performs no origin check: any website can open a WebSocket with the user's cookies (cross-site WebSocket hijacking); use a websocket.Upgrader with a nil or allowlist CheckOrigin, or check the Origin header first",
						})
					}
				}
				return true
			})
		}
	}
	return nil, nil
}

func isUpgrader(t types.Type) bool {
	return t != nil && (analysisutil.IsNamed(t, gorillaPath, "Upgrader") ||
		analysisutil.IsNamed(t, fasthttpPath, "Upgrader") ||
		analysisutil.IsNamed(t, fasthttpPath, "FastHTTPUpgrader"))
}

func isAcceptOptions(t types.Type) bool {
	return t != nil && (analysisutil.IsNamed(t, nhooyrPath, "AcceptOptions") || analysisutil.IsNamed(t, coderPath, "AcceptOptions"))
}

func checkOriginFunc(pass *analysis.Pass, v ast.Expr) {
	body := funcBody(pass, v, 0)
	if body == nil || !returnsConstTrue(pass.TypesInfo, body) {
		return
	}
	pass.Report(analysis.Diagnostic{
		Pos:     v.Pos(),
		End:     v.End(),
		Message: "websocket Upgrader CheckOrigin accepts every origin: any website can open a WebSocket with the user's cookies (cross-site WebSocket hijacking); compare the Origin header with an allowlist, or leave CheckOrigin nil for the same-origin check",
	})
}

func checkSkipVerify(pass *analysis.Pass, v ast.Expr, readsOrigin func() bool) {
	if b, ok := analysisutil.BoolConst(pass.TypesInfo, v); !ok || !b || readsOrigin() {
		return
	}
	pass.Report(analysis.Diagnostic{
		Pos:     v.Pos(),
		End:     v.End(),
		Message: "websocket AcceptOptions InsecureSkipVerify disables the origin check: any website can open a WebSocket with the user's cookies (cross-site WebSocket hijacking); list the allowed hosts in OriginPatterns instead",
	})
}

func checkPatterns(pass *analysis.Pass, v ast.Expr, readsOrigin func() bool) {
	lit, ok := ast.Unparen(v).(*ast.CompositeLit)
	if !ok {
		return
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			elt = kv.Value
		}
		p, ok := analysisutil.StringConst(pass.TypesInfo, elt)
		if !ok || !matchesEveryHost(p) || readsOrigin() {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos:     elt.Pos(),
			End:     elt.End(),
			Message: "websocket AcceptOptions OriginPatterns entry " + quote(p) + " matches every origin: any website can open a WebSocket with the user's cookies (cross-site WebSocket hijacking); list the allowed hosts instead",
		})
	}
}

func quote(s string) string { return `"` + s + `"` }

// matchesEveryHost reports whether an OriginPatterns entry, which the
// library matches with path.Match against the origin's host (or
// scheme://host when the pattern has "://"), accepts arbitrary hosts.
func matchesEveryHost(p string) bool {
	p = strings.ToLower(p)
	hosts := []string{"attacker.test", "evil.example.net"}
	if !strings.Contains(p, "://") {
		return matchesAll(p, hosts, "")
	}
	return matchesAll(p, hosts, "https://") || matchesAll(p, hosts, "http://")
}

func matchesAll(p string, hosts []string, prefix string) bool {
	for _, h := range hosts {
		if ok, err := path.Match(p, prefix+h); err != nil || !ok {
			return false
		}
	}
	return true
}

// funcBody returns the body of the function that the function value e
// denotes, when it is declared in this package: a function literal, a
// function or method, or a variable assigned only once, with one of those.
func funcBody(pass *analysis.Pass, e ast.Expr, depth int) *ast.BlockStmt {
	info := pass.TypesInfo
	e = ast.Unparen(e)
	if lit, ok := e.(*ast.FuncLit); ok {
		return lit.Body
	}
	if fn := analysisutil.ReferencedFunc(info, e); fn != nil {
		if fn.Pkg() != pass.Pkg {
			return nil
		}
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && info.Defs[fd.Name] == fn {
					return fd.Body
				}
			}
		}
		return nil
	}
	if id, ok := e.(*ast.Ident); ok && depth < 3 {
		if v, ok := info.Uses[id].(*types.Var); ok && v.Pkg() == pass.Pkg {
			if init := soleValue(pass, v); init != nil {
				return funcBody(pass, init, depth+1)
			}
		}
	}
	return nil
}

// soleValue returns the value a variable is given when the package assigns
// it exactly once (its declaration included) and never takes its address.
func soleValue(pass *analysis.Pass, v *types.Var) ast.Expr {
	info := pass.TypesInfo
	var value ast.Expr
	count := 0
	for _, f := range pass.Files {
		if v.Parent() != v.Pkg().Scope() && (v.Pos() < f.FileStart || v.Pos() > f.FileEnd) {
			continue // a local variable lives in one file
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if info.Defs[name] == v {
						count++
						if len(n.Values) == len(n.Names) {
							value = n.Values[i]
						}
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && info.ObjectOf(id) == v {
						count++
						if len(n.Lhs) == len(n.Rhs) {
							value = n.Rhs[i]
						}
					}
				}
			case *ast.UnaryExpr:
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[id] == v {
					count += 2
				}
			}
			return true
		})
	}
	if count != 1 {
		return nil
	}
	return value
}

// returnsConstTrue reports whether every return statement of a function
// body (not counting nested function literals) returns the constant true
// as its first result, and there is at least one.
func returnsConstTrue(info *types.Info, body *ast.BlockStmt) bool {
	returns := 0
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns++
			if len(n.Results) == 0 {
				ok = false
				return false
			}
			if b, isConst := analysisutil.BoolConst(info, n.Results[0]); !isConst || !b {
				ok = false
			}
		case *ast.CallExpr:
			if id, isIdent := ast.Unparen(n.Fun).(*ast.Ident); isIdent {
				if _, builtin := info.Uses[id].(*types.Builtin); builtin && id.Name == "panic" {
					ok = false
				}
			}
		}
		return true
	})
	return ok && returns > 0
}

// readsOriginHeader reports whether n reads the request's Origin header:
// h.Get("Origin"), h.Values("Origin") or h["Origin"] on an http.Header.
func readsOriginHeader(info *types.Info, n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			fn := analysisutil.Callee(info, n)
			if analysisutil.IsMethod(fn, httpPath, "Header", "Get", "Values") && len(n.Args) == 1 && isOriginKey(info, n.Args[0]) {
				found = true
			}
		case *ast.IndexExpr:
			if analysisutil.IsNamed(info.TypeOf(n.X), httpPath, "Header") && isOriginKey(info, n.Index) {
				found = true
			}
		}
		return true
	})
	return found
}

func isOriginKey(info *types.Info, e ast.Expr) bool {
	s, ok := analysisutil.StringConst(info, e)
	return ok && textproto.CanonicalMIMEHeaderKey(s) == "Origin"
}
