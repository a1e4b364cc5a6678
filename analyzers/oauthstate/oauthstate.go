package oauthstate

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/sdlkit/sdlkit/analyzers/internal/analysisutil"
	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Rule documents the check.
var Rule = ruledoc.Rule(doc, "oauthstate", ruledoc.Meta{
	ID:       "SDL203",
	CWE:      []int{352},
	Severity: finding.Important,
	Tags:     []string{"identity"},
})

// Analyzer reports OAuth2 authorization requests with a constant state.
var Analyzer = &analysis.Analyzer{
	Name: Rule.Name,
	Doc:  ruledoc.AnalyzerDoc(Rule),
	URL:  Rule.HelpURI,
	Run:  run,
}

const oauth2Path = "golang.org/x/oauth2"

const advice = "generate a random state for each login (crypto/rand), keep it in the user's session or a cookie and compare it in the callback, or use PKCE (oauth2.S256ChallengeOption)"

func run(pass *analysis.Pass) (any, error) {
	if !analysisutil.Imports(pass.Pkg, oauth2Path) {
		return nil, nil
	}
	c := &checker{pass: pass, info: pass.TypesInfo, idx: analysisutil.NewDefUse(pass), reported: map[ast.Node]bool{}}
	analysisutil.InspectFiles(pass, func(n ast.Node, stack []ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			c.checkCall(call, stack)
		}
		return true
	})
	return nil, nil
}

type checker struct {
	pass     *analysis.Pass
	info     *types.Info
	idx      *analysisutil.DefUse
	reported map[ast.Node]bool
}

func (c *checker) report(n ast.Node, msg string) {
	if c.reported[n] {
		return
	}
	c.reported[n] = true
	c.pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msg})
}

func (c *checker) checkCall(call *ast.CallExpr, stack []ast.Node) {
	fn := c.callee(call)
	if fn == nil {
		return
	}
	switch {
	case analysisutil.IsMethod(fn, oauth2Path, "Config", "AuthCodeURL"):
		shift := analysisutil.MethodExprShift(c.info, call)
		state := analysisutil.Arg(call, 0, shift)
		if state == nil || c.sendsPKCE(call.Args[1+shift:], 0) {
			return
		}
		if s, ok := c.constString(state, 0); ok {
			c.report(state, stateMessage(s, "AuthCodeURL"))
			return
		}
		c.checkWrapper(state, stack)
	case analysisutil.IsFunc(fn, oauth2Path, "SetAuthURLParam"):
		if len(call.Args) != 2 || c.usesPKCE(stack) {
			return
		}
		if k, ok := analysisutil.StringConst(c.info, call.Args[0]); !ok || k != "state" {
			return
		}
		if s, ok := c.constString(call.Args[1], 0); ok {
			c.report(call.Args[1], stateMessage(s, "SetAuthURLParam"))
		}
	}
}

// callee resolves the function a call invokes, also through a local
// variable holding a method value (f := conf.AuthCodeURL; f(state)).
func (c *checker) callee(call *ast.CallExpr) *types.Func {
	if fn := analysisutil.Callee(c.info, call); fn != nil {
		return fn
	}
	v := analysisutil.UsedVar(c.info, call.Fun)
	if v == nil {
		return nil
	}
	defs, ok := c.idx.KnownDefs(v)
	if !ok {
		return nil
	}
	var fn *types.Func
	for _, d := range defs {
		if d == nil {
			return nil
		}
		f := analysisutil.ReferencedFunc(c.info, d)
		if f == nil || (fn != nil && f != fn) {
			return nil
		}
		if sel, ok := ast.Unparen(d).(*ast.SelectorExpr); ok {
			if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.MethodExpr {
				return nil // the receiver is then the first argument
			}
		}
		fn = f
	}
	return fn
}

func stateMessage(s, where string) string {
	if s == "" {
		return fmt.Sprintf("the OAuth2 state passed to %s is empty, so the authorization response is not bound to the user's session (login CSRF); %s", where, advice)
	}
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return fmt.Sprintf("the OAuth2 state passed to %s is the constant %q: an attacker can make the victim complete a login with the attacker's authorization code (login CSRF); %s", where, s, advice)
}

// checkWrapper follows a state that is a parameter of a function of the
// package to the constants its callers pass.
func (c *checker) checkWrapper(state ast.Expr, stack []ast.Node) {
	v := analysisutil.UsedVar(c.info, state)
	if v == nil {
		return
	}
	wrapper, sites := c.idx.ArgsFor(v, stack)
	for _, site := range sites {
		if s, ok := c.constString(site.Arg, 0); ok {
			c.report(site.Arg, stateMessage(s, wrapper.Name()+" (and on to AuthCodeURL)"))
		}
	}
}

// constString returns the value of e when it is a constant string: a
// constant expression, a variable only ever assigned constants (or left
// at its zero value), or a call of a function of the package that only
// returns constants.
func (c *checker) constString(e ast.Expr, depth int) (string, bool) {
	if s, ok := analysisutil.StringConst(c.info, e); ok {
		return s, true
	}
	if depth > 4 {
		return "", false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok || v.Pkg() != c.pass.Pkg {
			return "", false
		}
		defs, ok := c.idx.KnownDefs(v)
		if !ok {
			return "", false
		}
		return c.allConst(defs, depth)
	case *ast.CallExpr:
		fn := analysisutil.Callee(c.info, x)
		decl := c.idx.Decl(fn)
		if decl == nil || decl.Body == nil {
			return "", false
		}
		results, complete := analysisutil.SingleResults(decl.Body)
		if !complete || len(results) == 0 {
			return "", false
		}
		return c.allConst(results, depth)
	}
	return "", false
}

func (c *checker) allConst(es []ast.Expr, depth int) (string, bool) {
	first, set := "", false
	for _, d := range es {
		s := ""
		if d != nil {
			var ok bool
			if s, ok = c.constString(d, depth+1); !ok {
				return "", false
			}
		}
		if !set {
			first, set = s, true
		}
	}
	return first, set
}

// sendsPKCE reports whether the options passed to AuthCodeURL include a
// PKCE challenge, directly or through local variables (opts := append(opts,
// oauth2.S256ChallengeOption(v)); conf.AuthCodeURL(state, opts...)).
func (c *checker) sendsPKCE(opts []ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	found := false
	for _, o := range opts {
		ast.Inspect(o, func(n ast.Node) bool {
			if found {
				return false
			}
			switch x := n.(type) {
			case *ast.CallExpr:
				if c.isPKCE(x) {
					found = true
				}
			case *ast.Ident:
				if v, ok := c.info.Uses[x].(*types.Var); ok && v.Pkg() == c.pass.Pkg {
					if defs, ok := c.idx.KnownDefs(v); ok {
						var nonNil []ast.Expr
						for _, d := range defs {
							if d != nil {
								nonNil = append(nonNil, d)
							}
						}
						found = c.sendsPKCE(nonNil, depth+1)
					}
				}
			}
			return !found
		})
	}
	return found
}

// isPKCE reports whether call creates a PKCE challenge option.
func (c *checker) isPKCE(call *ast.CallExpr) bool {
	fn := analysisutil.Callee(c.info, call)
	switch {
	case analysisutil.IsFunc(fn, oauth2Path, "S256ChallengeOption"):
		return true
	case analysisutil.IsFunc(fn, oauth2Path, "SetAuthURLParam") && len(call.Args) == 2:
		k, ok := analysisutil.StringConst(c.info, call.Args[0])
		return ok && k == "code_challenge"
	}
	return false
}

// usesPKCE reports whether the top-level declaration around the call sends
// a PKCE challenge, which protects the flow against CSRF on its own.
func (c *checker) usesPKCE(stack []ast.Node) bool {
	var decl ast.Node
	for _, n := range stack {
		if _, ok := n.(*ast.FuncDecl); ok {
			decl = n
			break
		}
	}
	if decl == nil {
		return false
	}
	found := false
	ast.Inspect(decl, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		found = c.isPKCE(call)
		return true
	})
	return found
}
