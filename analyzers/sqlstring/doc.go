// Package sqlstring defines an Analyzer that reports SQL text built from
// non-constant strings and passed to ORMs and database drivers other than
// database/sql.
//
// # Analyzer sqlstring
//
// sqlstring: report SQL built from non-constant strings passed to gorm, sqlx, pgx or go-pg
//
// The analyzer reports the SQL argument of a call when it is not a
// compile-time constant and cannot be shown to be built only from
// constants. It covers:
//
//   - gorm (gorm.io/gorm and github.com/jinzhu/gorm), *gorm.DB methods whose
//     string argument is SQL or a raw column expression: Raw, Exec, Where,
//     Or, Not, Having, Joins, InnerJoins, Select, Distinct, Order, Group,
//     Table and Pluck; the inline condition of First, Take, Last, Find,
//     FirstOrInit, FirstOrCreate and Delete when it is a string; gorm.Expr;
//     and clause.Expr, clause.NamedExpr and raw clause.Column literals.
//     Where, Or, Not, Having, Select and Order also accept structs, maps and
//     clause values, which are safe and not reported.
//   - sqlx (github.com/jmoiron/sqlx): the query argument of the DB, Tx and
//     Conn methods Get, Select, Queryx, QueryRowx, MustExec, NamedExec,
//     NamedQuery, Preparex, PrepareNamed and their Context forms, of the
//     package functions Get, Select, MustExec, NamedExec, NamedQuery,
//     Preparex and their Context forms, and of the sqlx interfaces
//     (Queryer, Execer, Ext, ...).
//   - database/sql methods (Query, Exec, QueryRow, Prepare and their Context
//     forms) reached through an embedded *sql.DB, *sql.Tx or *sql.Conn, as
//     on *sqlx.DB or a wrapper struct. Calls on a *sql.DB, *sql.Tx or
//     *sql.Conn value itself are left to gosec (G201, G202, G701).
//   - pgx (github.com/jackc/pgx v4 and v5, pgxpool, pgconn): Exec, Query,
//     QueryRow, QueryFunc, Prepare and ExecParams on Conn, Pool, pooled Conn
//     and the Tx interface, and Batch.Queue.
//   - go-pg (github.com/go-pg/pg and its orm package): Exec, ExecOne, Query,
//     QueryOne, CopyFrom, CopyTo, Prepare and their Context forms on DB, Tx
//     and Conn; the orm.Query methods taking SQL (Where, WhereOr, WhereIn,
//     Join, JoinOn, TableExpr, ColumnExpr, DistinctOn, GroupExpr, Having,
//     OrderExpr, Set, Value, OnConflict, Returning, For); pg.SafeQuery; and
//     conversions to pg.Safe.
//
// A string counts as constant-like when every value it can hold is built
// from constants: string constants; local variables, unexported fields and
// package variables (including //go:embed files) assigned only such values
// in the package; concatenation, fmt.Sprintf, strings.Join,
// strings.Repeat, strings.Builder and bytes.Buffer contents of such values;
// numbers and booleans formatted into the text (strconv.Itoa, %d);
// identifiers quoted with pgx.Identifier.Sanitize or pq.QuoteIdentifier;
// values looked up in a map or slice of constants (an allow-list); query
// builder output (ToSql, ToSQL); a model's TableName method; the results of sqlx.In, sqlx.Named and
// Rebind applied to constant-like SQL; results of helper functions of the
// same package that return constant-like text; and parameters of unexported
// helpers whose every caller passes constant-like text. A variable that the
// function checks against an allow-list before use (a switch over constant
// cases, a lookup in a map, slices.Contains, a comparison with a non-empty
// constant, a regular-expression match) is also accepted. Values passed as
// placeholder arguments are never reported, and neither are _test.go
// files. Order, Group, Column and Table of go-pg quote their arguments as
// identifiers and are not reported.
//
// # Why it matters
//
// ORMs and drivers escape the values passed as arguments, but the SQL
// text, and column or table expressions such as gorm's Order, Select and
// Group, are sent to the database as written. Text that contains
// request data lets an attacker change the statement: read other users'
// rows, bypass a login condition, or run additional statements. The fix
// is to keep the SQL constant, pass every value through a placeholder,
// and pick identifiers such as a sort column from a fixed allow-list.
//
// # Insecure example
//
//	db.Where("name = '" + r.FormValue("name") + "'").First(&user)
//	db.Order(r.URL.Query().Get("sort")).Find(&users)
//	rows, err := pool.Query(ctx, fmt.Sprintf("SELECT * FROM items WHERE owner = '%s'", owner))
//
// # Fixed example
//
//	db.Where("name = ?", r.FormValue("name")).First(&user)
//	sortColumns := map[string]string{"name": "name", "age": "age"}
//	if col, ok := sortColumns[r.URL.Query().Get("sort")]; ok {
//		db = db.Order(col)
//	}
//	rows, err := pool.Query(ctx, "SELECT * FROM items WHERE owner = $1", owner)
//
// # References
//
//   - CWE-89: Improper Neutralization of Special Elements used in an SQL Command, https://cwe.mitre.org/data/definitions/89.html
//   - GORM Security, https://gorm.io/docs/security.html
//   - OWASP SQL Injection Prevention Cheat Sheet, https://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html
//   - pgx Identifier.Sanitize, https://pkg.go.dev/github.com/jackc/pgx/v5#Identifier.Sanitize
package sqlstring
