package sqlstring

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/sdlkit/sdlkit/analyzers/internal/analysisutil"
	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Rule documents the check.
var Rule = ruledoc.Rule(doc, "sqlstring", ruledoc.Meta{
	ID:       "SDL401",
	CWE:      []int{89},
	Severity: finding.Important,
	Tags:     []string{"injection"},
})

// Analyzer reports SQL built from non-constant strings passed to ORMs and
// drivers.
var Analyzer = &analysis.Analyzer{
	Name:     Rule.Name,
	Doc:      ruledoc.AnalyzerDoc(Rule),
	URL:      Rule.HelpURI,
	Run:      run,
	Requires: []*analysis.Analyzer{inspect.Analyzer},
}

const (
	gormPath   = "gorm.io/gorm"
	gormV1Path = "github.com/jinzhu/gorm"
	clausePath = "gorm.io/gorm/clause"
	sqlxPath   = "github.com/jmoiron/sqlx"
	sqlPath    = "database/sql"
	goPGPath   = "github.com/go-pg/pg"
	pgconnV4   = "github.com/jackc/pgconn"
)

// A sink is an argument that is SQL text (or a raw SQL expression).
type sink struct {
	api    string // how the message names the API
	arg    int    // index in the call's arguments (receiver excluded)
	column bool   // a column or table expression rather than a statement
}

// Methods of *gorm.DB (v1 and v2): argument index, and whether it is a
// column expression.
var gormMethods = map[string]sink{
	"Raw":           {arg: 0},
	"Exec":          {arg: 0},
	"Where":         {arg: 0},
	"Or":            {arg: 0},
	"Not":           {arg: 0},
	"Having":        {arg: 0},
	"Joins":         {arg: 0},
	"InnerJoins":    {arg: 0},
	"Select":        {arg: 0, column: true},
	"Distinct":      {arg: 0, column: true},
	"Order":         {arg: 0, column: true},
	"Group":         {arg: 0, column: true},
	"Table":         {arg: 0, column: true},
	"Pluck":         {arg: 0, column: true},
	"First":         {arg: 1},
	"Take":          {arg: 1},
	"Last":          {arg: 1},
	"Find":          {arg: 1},
	"FirstOrInit":   {arg: 1},
	"FirstOrCreate": {arg: 1},
	"Delete":        {arg: 1},
}

// Methods of sqlx.DB, Tx, Conn and the sqlx interfaces.
var sqlxMethods = map[string]int{
	"Get": 1, "Select": 1, "GetContext": 2, "SelectContext": 2,
	"Queryx": 0, "QueryRowx": 0, "QueryxContext": 1, "QueryRowxContext": 1,
	"MustExec": 0, "MustExecContext": 1,
	"NamedExec": 0, "NamedQuery": 0, "NamedExecContext": 1, "NamedQueryContext": 1,
	"Preparex": 0, "PreparexContext": 1, "PrepareNamed": 0, "PrepareNamedContext": 1,
	"Query": 0, "QueryContext": 1, "QueryRow": 0, "QueryRowContext": 1,
	"Exec": 0, "ExecContext": 1, "Prepare": 0, "PrepareContext": 1,
}

var sqlxReceivers = map[string]bool{
	"DB": true, "Tx": true, "Conn": true,
	"Queryer": true, "Execer": true, "Ext": true, "Preparer": true,
	"QueryerContext": true, "ExecerContext": true, "ExtContext": true, "PreparerContext": true,
}

// Package functions of sqlx.
var sqlxFuncs = map[string]int{
	"Get": 2, "Select": 2, "GetContext": 3, "SelectContext": 3,
	"MustExec": 1, "MustExecContext": 2,
	"NamedExec": 1, "NamedQuery": 1, "NamedExecContext": 2, "NamedQueryContext": 2,
	"Preparex": 1, "PreparexContext": 2,
}

// Methods of database/sql's DB, Tx and Conn.
var sqlMethods = map[string]int{
	"Query": 0, "QueryContext": 1, "QueryRow": 0, "QueryRowContext": 1,
	"Exec": 0, "ExecContext": 1, "Prepare": 0, "PrepareContext": 1,
}

// Methods of pgx, pgxpool and pgconn types whose "sql" or "query"
// parameter is SQL.
var pgxMethods = map[string]bool{
	"Exec": true, "Query": true, "QueryRow": true, "QueryFunc": true,
	"Prepare": true, "ExecParams": true, "Queue": true,
}

// Methods of go-pg's DB, Tx, Conn (package pg) and of orm.DB.
var goPGMethods = map[string]int{
	"Exec": 0, "ExecContext": 1, "ExecOne": 0, "ExecOneContext": 1,
	"Query": 1, "QueryContext": 2, "QueryOne": 1, "QueryOneContext": 2,
	"CopyFrom": 1, "CopyTo": 1, "Prepare": 0,
}

// Methods of go-pg's orm.Query whose first (or given) argument is SQL.
var goPGQueryMethods = map[string]int{
	"Where": 0, "WhereOr": 0, "WhereIn": 0, "WhereInOr": 0, "WhereInMulti": 0,
	"Join": 0, "JoinOn": 0, "JoinOnOr": 0, "TableExpr": 0, "ColumnExpr": 0,
	"DistinctOn": 0, "GroupExpr": 0, "Having": 0, "OrderExpr": 0, "Set": 0,
	"Value": 1, "OnConflict": 0, "Returning": 0, "For": 0,
	"Exec": 0, "ExecOne": 0, "Query": 1, "QueryOne": 1, "CopyFrom": 1, "CopyTo": 1,
}

func isPgxPath(p string) bool {
	return p == "github.com/jackc/pgx" || p == pgconnV4 ||
		p == "github.com/jackc/pgx/v4" || p == "github.com/jackc/pgx/v5" ||
		strings.HasSuffix(p, "/pgxpool") && strings.HasPrefix(p, "github.com/jackc/pgx") ||
		strings.HasSuffix(p, "/pgconn") && strings.HasPrefix(p, "github.com/jackc/pgx")
}

func isGoPGPath(p string) bool {
	return analysisutil.PathIn(p, goPGPath) || analysisutil.PathIn(strings.TrimSuffix(p, "/orm"), goPGPath) && strings.HasSuffix(p, "/orm")
}

func relevant(p string) bool {
	return p == gormPath || p == gormV1Path || p == clausePath || p == sqlxPath || p == sqlPath ||
		isPgxPath(p) || isGoPGPath(p) || strings.HasPrefix(p, "github.com/go-pg/pg/")
}

func run(pass *analysis.Pass) (any, error) {
	// A relevant package imported directly or through the packages the
	// package imports (a wrapper type embedding *sqlx.DB, say).
	if !analysisutil.ImportsTransitively(pass.Pkg, relevant) {
		return nil, nil
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	fl := newFlow(pass)
	check := func(e ast.Expr, s sink) {
		if fl.constLike(e) {
			return
		}
		msg := fmt.Sprintf("SQL passed to %s is built from non-constant values and may allow SQL injection; keep the SQL text constant and pass values as placeholder arguments", s.api)
		if s.column {
			msg = fmt.Sprintf("column or table expression passed to %s is built from non-constant values and is not escaped, which may allow SQL injection; choose identifiers from a fixed allow-list", s.api)
		}
		pass.Report(analysis.Diagnostic{Pos: e.Pos(), End: e.End(), Message: msg})
	}
	ins.Preorder([]ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)}, func(n ast.Node) {
		if analysisutil.IsTestFile(pass.Fset, n.Pos()) {
			return
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if e, s, ok := sinkArg(fl, n); ok {
				check(e, s)
			}
		case *ast.CompositeLit:
			if e, s, ok := literalSink(pass.TypesInfo, n); ok {
				check(e, s)
			}
		}
	})
	return nil, nil
}

// resolved is what a call invokes.
type resolved struct {
	fn       *types.Func
	args     []ast.Expr // the arguments, receiver excluded
	recv     ast.Expr   // the receiver expression of a method call, or nil
	promoted bool       // the method is promoted through an embedded field
}

// resolve finds the function a call invokes, directly, through a method
// value or method expression, or through a local variable holding one.
func resolve(fl *flow, call *ast.CallExpr) (resolved, bool) {
	info := fl.info
	r, ok := resolveFun(info, call.Fun, call.Args)
	if ok {
		return r, true
	}
	// f := db.Raw; f(q)
	v := analysisutil.UsedVar(info, call.Fun)
	if v == nil || v.Pkg() == nil {
		return resolved{}, false
	}
	if init := fl.singleInit(v); init != nil {
		return resolveFun(info, init, call.Args)
	}
	return resolved{}, false
}

func resolveFun(info *types.Info, fun ast.Expr, args []ast.Expr) (resolved, bool) {
	fun = ast.Unparen(fun)
	if ix, ok := fun.(*ast.IndexExpr); ok {
		fun = ast.Unparen(ix.X)
	}
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok {
			fn, ok := s.Obj().(*types.Func)
			if !ok {
				return resolved{}, false
			}
			switch s.Kind() {
			case types.MethodVal:
				return resolved{fn: fn.Origin(), args: args, recv: sel.X, promoted: len(s.Index()) > 1}, true
			case types.MethodExpr:
				if len(args) == 0 {
					return resolved{}, false
				}
				return resolved{fn: fn.Origin(), args: args[1:], recv: args[0], promoted: len(s.Index()) > 1}, true
			}
			return resolved{}, false
		}
	}
	fn := analysisutil.ReferencedFunc(info, fun)
	if fn == nil {
		return resolved{}, false
	}
	return resolved{fn: fn, args: args}, true
}

// singleInit returns the expression a local function variable is
// initialised with when it is never assigned again.
func (f *flow) singleInit(v *types.Var) ast.Expr {
	if v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	if defs := f.defs[v]; len(defs) == 1 && defs[0].rhs != nil && !defs[0].elem {
		return defs[0].rhs
	}
	return nil
}

// sinkArg returns the SQL argument of a call to a covered API.
func sinkArg(fl *flow, call *ast.CallExpr) (ast.Expr, sink, bool) {
	info := fl.info
	// A conversion to go-pg's types.Safe marks text as safe SQL.
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		n := analysisutil.NamedOf(tv.Type)
		if n != nil && n.Obj().Name() == "Safe" && n.Obj().Pkg() != nil && isGoPGPath(strings.TrimSuffix(n.Obj().Pkg().Path(), "/types")) && len(call.Args) == 1 {
			return call.Args[0], sink{api: "a pg.Safe conversion"}, isText(info, call.Args[0])
		}
		return nil, sink{}, false
	}
	r, ok := resolve(fl, call)
	if !ok {
		return nil, sink{}, false
	}
	s, ok := classify(info, r)
	if !ok || s.arg >= len(r.args) {
		return nil, sink{}, false
	}
	sig := r.fn.Type().(*types.Signature)
	params := sig.Params()
	if sig.Variadic() && s.arg >= params.Len()-1 && call.Ellipsis.IsValid() {
		return nil, sink{}, false // conds... spread: not followed
	}
	e := r.args[s.arg]
	if !isText(info, e) {
		return nil, sink{}, false // a struct, map or clause value
	}
	return e, s, true
}

// isText reports whether e has a string type (and is thus SQL text rather
// than a struct, map or expression value).
func isText(info *types.Info, e ast.Expr) bool {
	t := info.TypeOf(e)
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// classify decides whether the resolved call is a covered API.
func classify(info *types.Info, r resolved) (sink, bool) {
	fn := r.fn
	if fn.Pkg() == nil {
		return sink{}, false
	}
	pkg := fn.Pkg().Path()
	name := fn.Name()
	recvPkg, recvName := analysisutil.ReceiverNamed(fn)
	switch {
	case recvName == "" && (pkg == gormPath || pkg == gormV1Path) && name == "Expr":
		return sink{api: "gorm.Expr", arg: 0}, true
	case recvName == "DB" && (recvPkg == gormPath || recvPkg == gormV1Path):
		if s, ok := gormMethods[name]; ok {
			s.api = "gorm DB." + name
			return s, true
		}
	case recvName == "" && pkg == sqlxPath:
		if i, ok := sqlxFuncs[name]; ok {
			return sink{api: "sqlx." + name, arg: i}, true
		}
	case recvPkg == sqlxPath && sqlxReceivers[recvName]:
		if i, ok := sqlxMethods[name]; ok {
			return sink{api: "sqlx " + recvName + "." + name, arg: i}, true
		}
	case recvPkg == sqlPath && (recvName == "DB" || recvName == "Tx" || recvName == "Conn"):
		// gosec matches calls whose receiver expression has the
		// database/sql type; a promoted method on a wrapper it does not.
		if i, ok := sqlMethods[name]; ok && r.recv != nil && (r.promoted || !isSQLType(info.TypeOf(r.recv))) {
			api := "sql." + recvName + "." + name
			if n := analysisutil.NamedOf(info.TypeOf(r.recv)); n != nil {
				api = n.Obj().Name() + "." + name + " (database/sql " + recvName + "." + name + ")"
				if n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == sqlxPath {
					api = "sqlx " + n.Obj().Name() + "." + name
				}
			}
			return sink{api: api, arg: i}, true
		}
	case recvName != "" && isPgxPath(recvPkg) && pgxMethods[name]:
		if i, ok := namedParam(fn, "sql", "query"); ok {
			return sink{api: "pgx " + recvName + "." + name, arg: i}, true
		}
	case recvName == "" && isGoPGPath(pkg) && name == "SafeQuery":
		return sink{api: "pg.SafeQuery", arg: 0}, true
	case recvName != "" && isGoPGPath(recvPkg) && strings.HasSuffix(recvPkg, "/orm") && recvName == "Query":
		if i, ok := goPGQueryMethods[name]; ok {
			return sink{api: "go-pg Query." + name, arg: i}, true
		}
	case recvName != "" && isGoPGPath(recvPkg):
		if i, ok := goPGMethods[name]; ok {
			return sink{api: "go-pg " + strings.TrimPrefix(recvName, "base") + "." + name, arg: i}, true
		}
	}
	return sink{}, false
}

func isSQLType(t types.Type) bool {
	return t != nil && (analysisutil.IsNamed(t, sqlPath, "DB") || analysisutil.IsNamed(t, sqlPath, "Tx") || analysisutil.IsNamed(t, sqlPath, "Conn"))
}

// namedParam returns the index of the first string parameter of fn with
// one of the given names.
func namedParam(fn *types.Func, names ...string) (int, bool) {
	params := fn.Type().(*types.Signature).Params()
	for i := 0; i < params.Len(); i++ {
		p := params.At(i)
		for _, n := range names {
			if p.Name() == n {
				if b, ok := p.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
					return i, true
				}
			}
		}
	}
	return 0, false
}

// literalSink returns the SQL of a gorm clause.Expr or clause.NamedExpr
// literal, or the name of a raw clause.Column.
func literalSink(info *types.Info, lit *ast.CompositeLit) (ast.Expr, sink, bool) {
	t := info.TypeOf(lit)
	if t == nil {
		return nil, sink{}, false
	}
	switch {
	case analysisutil.IsNamed(t, clausePath, "Expr"), analysisutil.IsNamed(t, clausePath, "NamedExpr"):
		if v, ok := analysisutil.Field(info, lit, "SQL"); ok && isText(info, v) {
			return v, sink{api: "clause." + analysisutil.NamedOf(t).Obj().Name()}, true
		}
	case analysisutil.IsNamed(t, clausePath, "Column"):
		raw, ok := analysisutil.Field(info, lit, "Raw")
		if !ok {
			return nil, sink{}, false
		}
		if b, ok := analysisutil.BoolConst(info, raw); ok && !b {
			return nil, sink{}, false
		}
		if v, ok := analysisutil.Field(info, lit, "Name"); ok && isText(info, v) {
			return v, sink{api: "a raw clause.Column", column: true}, true
		}
	}
	return nil, sink{}, false
}
