package sqlxuse

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"

	"github.com/jmoiron/sqlx"
)

type User struct{ Name string }

type store struct {
	*sql.DB
}

func reported(ctx context.Context, db *sqlx.DB, tx *sqlx.Tx, conn *sqlx.Conn, r *http.Request) {
	var u User
	var users []User
	name := r.FormValue("name")
	q := "SELECT * FROM users WHERE name = '" + name + "'"
	db.Get(&u, q)                                              // want `SQL passed to sqlx DB.Get is built from non-constant values`
	db.Select(&users, q)                                       // want `sqlx DB.Select`
	db.Queryx(q)                                               // want `sqlx DB.Queryx`
	db.QueryRowx(q)                                            // want `sqlx DB.QueryRowx`
	db.MustExec(q)                                             // want `sqlx DB.MustExec`
	db.NamedExec(q, &u)                                        // want `sqlx DB.NamedExec`
	db.NamedQuery(q, &u)                                       // want `sqlx DB.NamedQuery`
	db.Preparex(q)                                             // want `sqlx DB.Preparex`
	db.PrepareNamed(q)                                         // want `sqlx DB.PrepareNamed`
	db.SelectContext(ctx, &users, q)                           // want `sqlx DB.SelectContext`
	db.GetContext(ctx, &u, q)                                  // want `sqlx DB.GetContext`
	db.QueryxContext(ctx, q)                                   // want `sqlx DB.QueryxContext`
	db.NamedExecContext(ctx, q, &u)                            // want `sqlx DB.NamedExecContext`
	tx.Get(&u, q)                                              // want `sqlx Tx.Get`
	tx.MustExec(q)                                             // want `sqlx Tx.MustExec`
	conn.GetContext(ctx, &u, q)                                // want `sqlx Conn.GetContext`
	sqlx.Get(db, &u, q)                                        // want `sqlx.Get`
	sqlx.Select(db, &users, q)                                 // want `sqlx.Select`
	sqlx.MustExec(db, q)                                       // want `sqlx.MustExec`
	sqlx.NamedExec(db, q, &u)                                  // want `sqlx.NamedExec`
	sqlx.SelectContext(ctx, db, &users, q)                     // want `sqlx.SelectContext`
	db.Query("SELECT * FROM t WHERE a = " + name)              // want `sqlx DB.Query`
	db.Exec(fmt.Sprintf("DELETE FROM t WHERE a = '%s'", name)) // want `sqlx DB.Exec`
	db.QueryRowContext(ctx, q)                                 // want `sqlx DB.QueryRowContext`
	tx.Exec(q)                                                 // want `sqlx Tx.Exec`
	var ext sqlx.Ext = db
	ext.Exec(q)   // want `sqlx Execer.Exec`
	ext.Queryx(q) // want `sqlx Queryer.Queryx`
	var qc sqlx.QueryerContext = db
	qc.QueryxContext(ctx, q) // want `sqlx QueryerContext.QueryxContext`
	get := db.Get
	get(&u, q) // want `sqlx DB.Get`
	s := store{}
	s.Query(q) // want `store.Query \(database/sql DB.Query\)`
	in, args, _ := sqlx.In("SELECT * FROM users WHERE name IN (?) AND x = "+name, []string{name})
	db.Select(&users, db.Rebind(in), args...) // want `sqlx DB.Select`
}

func quiet(ctx context.Context, db *sqlx.DB, sqlDB *sql.DB, stmt *sqlx.Stmt, r *http.Request, names []string) {
	var u User
	var users []User
	name := r.FormValue("name")
	db.Get(&u, "SELECT * FROM users WHERE name = $1", name)
	db.Select(&users, "SELECT * FROM users")
	db.NamedExec("INSERT INTO users (name) VALUES (:name)", &u)
	query, args, err := sqlx.In("SELECT * FROM users WHERE name IN (?)", names)
	if err != nil {
		return
	}
	query = db.Rebind(query)
	db.Select(&users, query, args...)
	q2, args2, _ := sqlx.Named("SELECT * FROM users WHERE name = :name", &u)
	db.Select(&users, sqlx.Rebind(sqlx.DOLLAR, q2), args2...)
	// Prepared statements take arguments, not SQL.
	stmt.Get(&u, name)
	stmt.Select(&users, name)
	stmt.MustExec(name)
	// database/sql itself is gosec's (G201, G202).
	sqlDB.Query("SELECT * FROM users WHERE name = '" + name + "'")
	db.DB.Exec("DELETE FROM users WHERE name = '" + name + "'")
}
