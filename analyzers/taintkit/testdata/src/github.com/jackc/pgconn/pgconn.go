// Package pgconn is a stub of github.com/jackc/pgconn (used by pgx v4).
package pgconn

type CommandTag []byte
type StatementDescription struct{ Name, SQL string }
