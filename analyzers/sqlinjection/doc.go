// Package sqlinjection defines sdlkit's SQL injection taint rule: request
// data, command-line arguments, environment variables or network input
// reaching the SQL text of a query, through gosec's taint engine.
//
// # Analyzer sqlinjection
//
// sqlinjection: untrusted input reaches the SQL text of a query (gorm, sqlx, pgx, go-pg, squirrel, database/sql)
//
// The rule follows data from where it enters the program (the
// *http.Request of a handler; gin, echo and fiber contexts; chi and
// gorilla/mux path parameters; os.Args, the environment and flag values;
// network connections) through local variables, concatenation,
// fmt.Sprintf, struct fields and the package's own helper functions, to the
// argument of a database call that is SQL text or a raw SQL expression:
//
//   - database/sql: Query, QueryRow, Exec, Prepare and their Context forms
//     on DB, Tx and Conn (also when reached through an embedding type such
//     as *sqlx.DB);
//   - gorm (gorm.io/gorm and github.com/jinzhu/gorm): Raw, Exec, Where, Or,
//     Not, Having, Joins, InnerJoins, Select, Distinct, Order, Group, Table,
//     Pluck, and gorm.Expr (the inline conditions of First, Find and the
//     like mix SQL and values in one variadic argument, which the engine
//     cannot tell apart: sqlstring, SDL401, audits them);
//   - sqlx: the query argument of Get, Select, Queryx, QueryRowx, MustExec,
//     NamedExec, NamedQuery, Preparex, PrepareNamed (and Context forms) on
//     DB, Tx and Conn, the package functions of the same names, and the
//     Queryer, Execer and Ext interfaces;
//   - pgx v4 and v5: Exec, Query, QueryRow and Prepare on Conn, pgxpool.Pool,
//     pgxpool.Conn and the Tx interface, and Batch.Queue;
//   - go-pg v9 and v10: Exec, ExecOne, Query, QueryOne (and Context forms)
//     on DB, Tx and Conn, pg.SafeQuery, and the orm.Query methods taking SQL
//     (Where, WhereOr, Join, TableExpr, ColumnExpr, GroupExpr, OrderExpr,
//     Having);
//   - squirrel's raw expressions: squirrel.Expr and the Where, Having,
//     OrderBy, GroupBy, Join, Prefix, Suffix and Column clauses of the
//     builders.
//
// Only the SQL text is checked: values passed as placeholder arguments of
// a prepared or parameterised statement are not sinks. Numbers parsed with
// strconv, and the frameworks' typed getters (gin's GetInt, fiber's
// QueryInt), end the flow.
//
// This rule supersedes gosec's G701, which knows database/sql only: when
// both are enabled, the suite runs this rule in place of G701, so a flaw is
// reported once. The audit check sqlstring (SDL401, non-constant SQL) gives
// way to this rule on the same call.
//
// # Why it matters
//
// Drivers and ORMs escape the values passed as arguments, but the SQL text,
// and column expressions such as gorm's Order and Select, go to the
// database as written. Untrusted text in them lets an attacker read other
// users' rows, bypass a login condition or run statements of their own.
//
// # Insecure example
//
//	func search(c *gin.Context) {
//		name := c.Query("name")
//		db.Where("name = '" + name + "'").Find(&users)
//		db.Order(c.Query("sort")).Find(&users)
//	}
//
// # Fixed example
//
//	func search(c *gin.Context) {
//		db.Where("name = ?", c.Query("name")).Find(&users)
//		sortColumns := map[string]string{"name": "name", "age": "age"}
//		if col, ok := sortColumns[c.Query("sort")]; ok {
//			db = db.Order(col)
//		}
//		db.Find(&users)
//	}
//
// # References
//
//   - CWE-89: Improper Neutralization of Special Elements used in an SQL Command, https://cwe.mitre.org/data/definitions/89.html
//   - OWASP SQL Injection Prevention Cheat Sheet, https://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html
//   - GORM Security, https://gorm.io/docs/security.html
package sqlinjection
