package httpurl

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"net"
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
var Rule = ruledoc.Rule(doc, "httpurl", ruledoc.Meta{
	ID:       "SDL104",
	CWE:      []int{319},
	Severity: finding.Moderate,
	Tags:     []string{"encryption-in-transit"},
})

// Analyzer reports requests sent to constant plaintext http:// URLs.
var Analyzer = &analysis.Analyzer{
	Name: Rule.Name,
	Doc:  ruledoc.AnalyzerDoc(Rule),
	URL:  Rule.HelpURI,
	Run:  run,
}

const httpPath = "net/http"

func run(pass *analysis.Pass) (any, error) {
	if pass.Pkg.Path() != httpPath && !analysisutil.Imports(pass.Pkg, httpPath) {
		return nil, nil
	}
	ix := newIndex(pass)
	info := pass.TypesInfo
	for _, f := range analysisutil.NonTestFiles(pass) {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				fn := analysisutil.Callee(info, n)
				if fn == nil {
					return true
				}
				args := n.Args
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
					if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodExpr && len(args) > 0 {
						args = args[1:] // (*http.Client).Get(c, url)
					}
				}
				var urlArg ast.Expr
				switch {
				case analysisutil.IsFunc(fn, httpPath, "Get", "Head", "Post", "PostForm"),
					analysisutil.IsMethod(fn, httpPath, "Client", "Get", "Head", "Post", "PostForm"):
					if len(args) > 0 {
						urlArg = args[0]
					}
				case analysisutil.IsFunc(fn, httpPath, "NewRequest"):
					if len(args) > 1 {
						urlArg = args[1]
					}
				case analysisutil.IsFunc(fn, httpPath, "NewRequestWithContext"):
					if len(args) > 2 {
						urlArg = args[2]
					}
				}
				if urlArg != nil {
					check(pass, urlArg, ix.Values(urlArg), callName(fn))
				}
			case *ast.CompositeLit:
				if analysisutil.IsNamed(info.TypeOf(n), httpPath, "Request") {
					if u, ok := analysisutil.Field(info, n, "URL"); ok {
						check(pass, u, urlValues(ix, u, 0), "an http.Request")
					}
				}
			}
			return true
		})
	}
	return nil, nil
}

func callName(fn *types.Func) string {
	if _, name := analysisutil.ReceiverNamed(fn); name != "" {
		return "http." + name + "." + fn.Name()
	}
	return "http." + fn.Name()
}

// check reports e when one of its values is a plaintext URL for a remote
// host.
func check(pass *analysis.Pass, e ast.Expr, vals []analysisutil.StrVal, sink string) {
	for _, v := range vals {
		if _, ok := plaintextRemote(v); !ok {
			continue
		}
		shown := v.S
		if len(shown) > 80 {
			shown = shown[:80]
			v.Complete = false
		}
		q := strconv.Quote(shown)
		if !v.Complete {
			q += "+…"
		}
		pass.Report(analysis.Diagnostic{
			Pos:     e.Pos(),
			End:     e.End(),
			Message: fmt.Sprintf("plaintext URL %s is requested with %s: use https:// so the request and the response are encrypted and the server is authenticated", q, sink),
		})
		return
	}
}

// plaintextRemote returns the host of an http:// URL whose host is known
// and can be reached over a network.
func plaintextRemote(v analysisutil.StrVal) (string, bool) {
	s := strings.TrimSpace(v.S)
	if len(s) < 7 || !strings.EqualFold(s[:7], "http://") {
		return "", false
	}
	rest := s[7:]
	var auth string
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		auth = rest[:i]
	} else if v.Complete {
		auth = rest
	} else {
		// Only a prefix of the authority: the host is known when the port
		// separator has been reached.
		switch {
		case strings.HasPrefix(rest, "["):
			i := strings.IndexByte(rest, ']')
			if i < 0 {
				return "", false
			}
			auth = rest[:i+1]
		case strings.Contains(rest, ":") && !strings.Contains(rest, "@"):
			auth = rest[:strings.IndexByte(rest, ':')]
		default:
			return "", false
		}
	}
	if i := strings.LastIndexByte(auth, '@'); i >= 0 {
		auth = auth[i+1:]
	}
	host := auth
	if h, _, err := net.SplitHostPort(auth); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if host == "" || analysisutil.IsLoopbackHost(host) || metadataHost(host) {
		return "", false
	}
	if ip, err := netip.ParseAddr(host); err == nil && ip.IsUnspecified() {
		return "", false
	}
	return host, true
}

// metadataHost reports whether host is a cloud instance metadata endpoint,
// which only serves plain HTTP on a link-local or host-local address.
func metadataHost(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	if h == "metadata.google.internal" || h == "metadata" {
		return true
	}
	if i := strings.IndexByte(h, '%'); i >= 0 {
		h = h[:i]
	}
	ip, err := netip.ParseAddr(h)
	if err != nil {
		return false
	}
	return ip.IsLinkLocalUnicast() || ip == netip.MustParseAddr("fd00:ec2::254")
}
