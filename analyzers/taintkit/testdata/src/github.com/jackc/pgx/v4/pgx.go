// Package pgx is a stub of github.com/jackc/pgx/v4.
package pgx

import (
	"context"

	"github.com/jackc/pgconn"
)

type Rows interface{ Close() }
type Row interface {
	Scan(dest ...interface{}) error
}
type QueryFuncRow interface{}
type Conn struct{}
type Batch struct{}
type Identifier []string

func (ident Identifier) Sanitize() string { return "" }

func (b *Batch) Queue(query string, arguments ...interface{}) {}

func Connect(ctx context.Context, connString string) (*Conn, error) { return nil, nil }

func (c *Conn) Exec(ctx context.Context, sql string, arguments ...interface{}) (pgconn.CommandTag, error) {
	return nil, nil
}
func (c *Conn) Query(ctx context.Context, sql string, args ...interface{}) (Rows, error) {
	return nil, nil
}
func (c *Conn) QueryRow(ctx context.Context, sql string, args ...interface{}) Row { return nil }
func (c *Conn) QueryFunc(ctx context.Context, sql string, args []interface{}, scans []interface{}, f func(QueryFuncRow) error) (pgconn.CommandTag, error) {
	return nil, nil
}
