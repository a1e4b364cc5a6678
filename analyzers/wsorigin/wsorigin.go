package wsorigin

import (
	_ "embed"
	"go/ast"
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
	body := analysisutil.FuncBody(pass, v)
	if body == nil || !analysisutil.ReturnsConstTrue(pass.TypesInfo, body) {
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
