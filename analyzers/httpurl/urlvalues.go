package httpurl

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/sdlkit/sdlkit/analyzers/internal/analysisutil"
)

// newIndex returns the string value index of the package: flag defaults
// count as values (a default the configuration may replace is reported
// too), and so does the String method of a url.URL whose value is known.
func newIndex(pass *analysis.Pass) *analysisutil.ValueIndex {
	return analysisutil.NewValueIndex(pass, analysisutil.ValueOptions{FlagDefaults: true, Call: urlString})
}

// urlString resolves u.String() for a url.URL u.
func urlString(ix *analysisutil.ValueIndex, call *ast.CallExpr, depth int) ([]analysisutil.StrVal, bool) {
	fn := analysisutil.Callee(ix.Info(), call)
	if !analysisutil.IsMethod(fn, "net/url", "URL", "String") || len(call.Args) != 0 {
		return nil, false
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return urlValues(ix, sel.X, depth+1), true
	}
	return analysisutil.UnknownValue(), true
}

// urlValues returns the possible values, as strings, of a url.URL or
// *url.URL expression: the result of url.Parse or url.ParseRequestURI of a
// known string, or a url.URL literal with a constant scheme and host.
func urlValues(ix *analysisutil.ValueIndex, e ast.Expr, depth int) []analysisutil.StrVal {
	if depth > analysisutil.MaxValueDepth {
		return analysisutil.UnknownValue()
	}
	info := ix.Info()
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if s, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(s.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		if !analysisutil.IsNamed(info.TypeOf(x), "net/url", "URL") {
			return analysisutil.UnknownValue()
		}
		scheme, okS := analysisutil.Field(info, x, "Scheme")
		host, okH := analysisutil.Field(info, x, "Host")
		if !okS || !okH {
			return analysisutil.UnknownValue()
		}
		sc, ok1 := analysisutil.StringConst(info, scheme)
		h, ok2 := analysisutil.StringConst(info, host)
		if !ok1 || !ok2 {
			return analysisutil.UnknownValue()
		}
		return []analysisutil.StrVal{{S: sc + "://" + h + "/"}}
	case *ast.Ident, *ast.SelectorExpr:
		obj := ix.LvalueObject(x)
		as := ix.Assigns(obj)
		if obj == nil || len(as) == 0 {
			return analysisutil.UnknownValue()
		}
		var out []analysisutil.StrVal
		for _, a := range as {
			switch {
			case a.Unknown || a.Zero:
				return analysisutil.UnknownValue()
			case a.Index == 0:
				call, ok := ast.Unparen(a.RHS).(*ast.CallExpr)
				if !ok {
					return analysisutil.UnknownValue()
				}
				fn := analysisutil.Callee(info, call)
				if !analysisutil.IsFunc(fn, "net/url", "Parse", "ParseRequestURI") || len(call.Args) != 1 {
					return analysisutil.UnknownValue()
				}
				out = append(out, ix.ValuesAt(call.Args[0], depth+1)...)
			case a.Index < 0:
				out = append(out, urlValues(ix, a.RHS, depth+1)...)
			default:
				return analysisutil.UnknownValue()
			}
		}
		return analysisutil.LimitValues(out)
	}
	return analysisutil.UnknownValue()
}
