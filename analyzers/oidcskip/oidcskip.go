package oidcskip

import (
	_ "embed"
	"fmt"
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
var Rule = ruledoc.Rule(doc, "oidcskip", ruledoc.Meta{
	ID:       "SDL202",
	CWE:      []int{287, 347},
	Severity: finding.Critical,
	Tags:     []string{"identity"},
})

// Analyzer reports go-oidc verifier configurations that skip ID token checks.
var Analyzer = &analysis.Analyzer{
	Name: Rule.Name,
	Doc:  ruledoc.AnalyzerDoc(Rule),
	URL:  Rule.HelpURI,
	Run:  run,
}

const oidcModule = "github.com/coreos/go-oidc"

// skips maps each oidc.Config field that turns a check off to what it
// disables.
var skips = map[string]string{
	"SkipClientIDCheck":          "disables the audience (aud) check, so ID tokens the provider issued to any other client are accepted; set ClientID instead, or keep a manual audience check right after Verify",
	"SkipExpiryCheck":            "disables the expiry (exp) check, so expired and long-stolen ID tokens are accepted forever",
	"SkipIssuerCheck":            "disables the issuer (iss) check, so tokens from another issuer or tenant are accepted unless the issuer is compared by hand after Verify",
	"InsecureSkipSignatureCheck": "disables ID token signature verification, so anyone can forge an ID token; only tokens received directly from the token endpoint over TLS may skip it",
}

const msgIssuerCtx = "oidc.InsecureIssuerURLContext overrides the issuer that discovery and ID token verification expect: a wrong or attacker-influenced override accepts tokens of another issuer or tenant; use the provider's real issuer URL, or review the override carefully"

// isOIDCPath matches the package of go-oidc v2 (the module root) and the
// oidc package of v3 and later.
func isOIDCPath(path string) bool {
	if path == oidcModule {
		return true
	}
	base, ok := strings.CutSuffix(path, "/oidc")
	return ok && analysisutil.PathIn(base, oidcModule)
}

func run(pass *analysis.Pass) (any, error) {
	if !analysisutil.ImportsAny(pass.Pkg, isOIDCPath) {
		return nil, nil
	}
	c := &checker{pass: pass, info: pass.TypesInfo, idx: analysisutil.NewDefUse(pass)}
	analysisutil.InspectFiles(pass, func(n ast.Node, stack []ast.Node) bool {
		c.visit(n, stack)
		return true
	})
	return nil, nil
}

type checker struct {
	pass *analysis.Pass
	info *types.Info
	idx  *analysisutil.DefUse
}

func (c *checker) visit(n ast.Node, stack []ast.Node) {
	switch x := n.(type) {
	case *ast.CompositeLit:
		if !isConfig(c.info.TypeOf(x)) {
			return
		}
		for _, name := range []string{"SkipClientIDCheck", "SkipExpiryCheck", "SkipIssuerCheck", "InsecureSkipSignatureCheck"} {
			v, ok := analysisutil.Field(c.info, x, name)
			if !ok {
				continue
			}
			extra := ""
			if name == "SkipClientIDCheck" {
				if id, ok := analysisutil.Field(c.info, x, "ClientID"); ok {
					if s, ok := analysisutil.StringConst(c.info, id); !ok || s != "" {
						extra = " (the ClientID set in this literal is then ignored)"
					}
				}
			}
			c.checkValue(name, v, extra)
		}
	case *ast.AssignStmt:
		if len(x.Lhs) != len(x.Rhs) || (x.Tok != token.ASSIGN && x.Tok != token.DEFINE) {
			return
		}
		for i, lhs := range x.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			s, ok := c.info.Selections[sel]
			if !ok || s.Kind() != types.FieldVal {
				continue
			}
			if f, ok := s.Obj().(*types.Var); ok && isSkipField(f) {
				c.checkValue(f.Name(), x.Rhs[i], "")
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		switch e := x.(type) {
		case *ast.SelectorExpr:
			obj = c.info.Uses[e.Sel]
		case *ast.Ident:
			if p, ok := stack[len(stack)-1].(*ast.SelectorExpr); ok && p.Sel == e {
				return
			}
			obj = c.info.Uses[e]
		}
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil || !isOIDCPath(fn.Pkg().Path()) || !analysisutil.IsFunc(fn, fn.Pkg().Path(), "InsecureIssuerURLContext") {
			return
		}
		var node ast.Node = x
		if p, ok := stack[len(stack)-1].(*ast.CallExpr); ok && p.Fun == x {
			node = p
		}
		c.pass.Report(analysis.Diagnostic{Pos: node.Pos(), End: node.End(), Message: msgIssuerCtx})
	}
}

// checkValue reports a skip field set to anything but constant false.
func (c *checker) checkValue(field string, v ast.Expr, extra string) {
	val, isConst := analysisutil.BoolConst(c.info, v)
	if isConst && !val {
		return
	}
	how := "set to true"
	if !isConst {
		if c.alwaysFalse(v, 0) {
			return
		}
		how = "set from a value that may be true"
	}
	c.pass.Report(analysis.Diagnostic{
		Pos:     v.Pos(),
		End:     v.End(),
		Message: fmt.Sprintf("oidc.Config.%s %s %s%s", field, how, skips[field], extra),
	})
}

// alwaysFalse reports whether v is a local variable only ever assigned
// constant false.
func (c *checker) alwaysFalse(v ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	obj := analysisutil.UsedVar(c.info, v)
	if obj == nil || obj.Pkg() != c.pass.Pkg {
		return false
	}
	defs, ok := c.idx.KnownDefs(obj)
	if !ok {
		return false
	}
	for _, d := range defs {
		if d == nil {
			continue // the zero value, false
		}
		if val, isConst := analysisutil.BoolConst(c.info, d); isConst && !val {
			continue
		}
		if !c.alwaysFalse(d, depth+1) {
			return false
		}
	}
	return true
}

// isConfig reports whether t is oidc.Config (through aliases and a pointer).
func isConfig(t types.Type) bool {
	n := analysisutil.NamedOf(t)
	return n != nil && n.Obj().Pkg() != nil && n.Obj().Name() == "Config" && isOIDCPath(n.Obj().Pkg().Path())
}

// isSkipField reports whether f is one of the skip fields of oidc.Config,
// however it is reached (through a pointer or an embedding struct).
func isSkipField(f *types.Var) bool {
	if !f.IsField() || f.Pkg() == nil || !isOIDCPath(f.Pkg().Path()) || skips[f.Name()] == "" {
		return false
	}
	tn, ok := f.Pkg().Scope().Lookup("Config").(*types.TypeName)
	if !ok {
		return false
	}
	st, ok := tn.Type().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i) == f {
			return true
		}
	}
	return false
}
