// Package pg is a stub of github.com/go-pg/pg/v10.
package pg

import (
	"context"

	"github.com/go-pg/pg/v10/orm"
	"github.com/go-pg/pg/v10/types"
)

type Safe = types.Safe
type Ident = types.Ident
type Query = orm.Query
type Result = orm.Result

type Options struct{ Addr string }

type baseDB struct{}

type DB struct {
	*baseDB
}

type Tx struct{}

type Stmt struct{}

func Connect(opt *Options) *DB { return nil }

func SafeQuery(query string, params ...interface{}) *orm.SafeQueryAppender { return nil }

func In(slice interface{}) interface{} { return nil }

func (db *baseDB) Exec(query interface{}, params ...interface{}) (res Result, err error) {
	return nil, nil
}
func (db *baseDB) ExecContext(c context.Context, query interface{}, params ...interface{}) (Result, error) {
	return nil, nil
}
func (db *baseDB) ExecOne(query interface{}, params ...interface{}) (Result, error) { return nil, nil }
func (db *baseDB) Query(model, query interface{}, params ...interface{}) (res Result, err error) {
	return nil, nil
}
func (db *baseDB) QueryOne(model, query interface{}, params ...interface{}) (Result, error) {
	return nil, nil
}
func (db *baseDB) Prepare(q string) (*Stmt, error)                           { return nil, nil }
func (db *baseDB) Model(model ...interface{}) *Query                         { return nil }
func (db *baseDB) Begin() (*Tx, error)                                       { return nil, nil }
func (tx *Tx) Exec(query interface{}, params ...interface{}) (Result, error) { return nil, nil }
func (tx *Tx) Query(model interface{}, query interface{}, params ...interface{}) (Result, error) {
	return nil, nil
}
func (s *Stmt) Exec(params ...interface{}) (Result, error) { return nil, nil }
