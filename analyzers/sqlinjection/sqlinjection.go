package sqlinjection

import (
	_ "embed"

	"github.com/securego/gosec/v2/taint"

	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/analyzers/taintkit"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Rule is the SQL injection taint rule.
var Rule = taintkit.Rule{
	Rule: ruledoc.Rule(doc, "sqlinjection", ruledoc.Meta{
		ID:       "SDL901",
		CWE:      []int{89},
		Severity: finding.Critical,
		Tags:     []string{"injection", "taint"},
	}),
	Message:    "SQL injection: untrusted input reaches the SQL text of",
	Config:     Config(),
	Supersedes: []string{"G701"},
	Outranks:   []string{"G201", "G202"},
}

// Config returns the rule's sources, sinks and sanitizers.
func Config() taint.Config {
	return taint.Config{
		Sources:    taintkit.Sources(),
		Sinks:      taintkit.MergeSinks(sinks()),
		Sanitizers: taintkit.NumericSanitizers(),
	}
}

func sinks() []taint.Sink {
	var s []taint.Sink
	add := func(more []taint.Sink) { s = append(s, more...) }

	// database/sql.
	for _, recv := range []string{"DB", "Tx", "Conn"} {
		add(taintkit.Methods("database/sql", recv, true, 1, "Query", "QueryRow", "Exec", "Prepare"))
		add(taintkit.Methods("database/sql", recv, true, 2, "QueryContext", "QueryRowContext", "ExecContext", "PrepareContext"))
	}

	// gorm v2 and v1.
	for _, pkg := range []string{"gorm.io/gorm", "github.com/jinzhu/gorm"} {
		add(taintkit.Methods(pkg, "DB", true, 1, "Raw", "Exec", "Where", "Or", "Not", "Having", "Joins", "InnerJoins",
			"Select", "Distinct", "Order", "Group", "Table", "Pluck"))
		add(taintkit.Funcs(pkg, 0, "Expr"))
	}

	// sqlx.
	const sqlx = "github.com/jmoiron/sqlx"
	for _, recv := range []string{"DB", "Tx", "Conn"} {
		add(taintkit.Methods(sqlx, recv, true, 1, "Queryx", "QueryRowx", "MustExec", "NamedExec", "NamedQuery", "Preparex", "PrepareNamed"))
		add(taintkit.Methods(sqlx, recv, true, 2, "Get", "Select", "QueryxContext", "QueryRowxContext", "MustExecContext",
			"NamedExecContext", "NamedQueryContext", "PreparexContext", "PrepareNamedContext"))
		add(taintkit.Methods(sqlx, recv, true, 3, "GetContext", "SelectContext"))
	}
	add(taintkit.Funcs(sqlx, 1, "MustExec", "NamedExec", "NamedQuery", "Preparex", "PrepareNamed"))
	add(taintkit.Funcs(sqlx, 2, "Get", "Select", "MustExecContext", "NamedExecContext", "NamedQueryContext", "PreparexContext", "PrepareNamedContext"))
	add(taintkit.Funcs(sqlx, 3, "GetContext", "SelectContext"))
	for _, iface := range []string{"Queryer", "Execer", "Ext", "Preparer"} {
		add(taintkit.Methods(sqlx, iface, false, 0, "Query", "Queryx", "QueryRowx", "Exec", "Prepare", "Preparex"))
	}
	for _, iface := range []string{"QueryerContext", "ExecerContext", "ExtContext", "PreparerContext"} {
		add(taintkit.Methods(sqlx, iface, false, 1, "QueryContext", "QueryxContext", "QueryRowxContext", "ExecContext", "PrepareContext", "PreparexContext"))
	}

	// pgx v4 and v5.
	for _, v := range []string{"github.com/jackc/pgx/v4", "github.com/jackc/pgx/v5"} {
		add(taintkit.Methods(v, "Conn", true, 2, "Exec", "Query", "QueryRow", "QueryFunc"))
		add(taintkit.Methods(v, "Conn", true, 3, "Prepare"))
		add(taintkit.Methods(v, "Tx", false, 1, "Exec", "Query", "QueryRow", "QueryFunc"))
		add(taintkit.Methods(v, "Tx", false, 2, "Prepare"))
		add(taintkit.Methods(v, "Batch", true, 1, "Queue"))
		for _, recv := range []string{"Pool", "Conn", "Tx"} {
			add(taintkit.Methods(v+"/pgxpool", recv, true, 2, "Exec", "Query", "QueryRow", "QueryFunc"))
		}
	}

	// go-pg v9 and v10.
	for _, v := range []string{"github.com/go-pg/pg/v9", "github.com/go-pg/pg/v10"} {
		for _, recv := range []string{"baseDB", "DB", "Tx", "Conn"} {
			add(taintkit.Methods(v, recv, true, 1, "Exec", "ExecOne", "Prepare"))
			add(taintkit.Methods(v, recv, true, 2, "Query", "QueryOne", "ExecContext", "ExecOneContext"))
			add(taintkit.Methods(v, recv, true, 3, "QueryContext", "QueryOneContext"))
		}
		add(taintkit.Funcs(v, 0, "SafeQuery"))
		add(taintkit.Funcs(v+"/orm", 0, "SafeQuery"))
		add(taintkit.Methods(v+"/orm", "Query", true, 1, "Where", "WhereOr", "Join", "TableExpr", "ColumnExpr",
			"GroupExpr", "OrderExpr", "Having", "DistinctOn", "For", "Returning", "OnConflict", "Set"))
		add(taintkit.Methods(v+"/orm", "DB", false, 0, "Exec", "ExecOne"))
		add(taintkit.Methods(v+"/orm", "DB", false, 1, "Query", "QueryOne", "ExecContext", "ExecOneContext"))
	}

	// squirrel's raw expressions.
	const sq = "github.com/Masterminds/squirrel"
	add(taintkit.Funcs(sq, 0, "Expr"))
	for _, b := range []string{"SelectBuilder", "UpdateBuilder", "DeleteBuilder", "InsertBuilder"} {
		add(taintkit.Methods(sq, b, false, 1, "Where", "Having", "OrderBy", "GroupBy", "Join", "LeftJoin", "RightJoin",
			"InnerJoin", "CrossJoin", "JoinClause", "Prefix", "Suffix", "Column", "Columns", "From", "Options"))
	}
	return s
}
