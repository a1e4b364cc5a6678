// Package orm is a stub of github.com/go-pg/pg/v10/orm.
package orm

import "context"

type Result interface{ RowsAffected() int }

type SafeQueryAppender struct{}

func SafeQuery(query string, params ...interface{}) *SafeQueryAppender { return nil }

type DB interface {
	Exec(query interface{}, params ...interface{}) (Result, error)
	ExecContext(c context.Context, query interface{}, params ...interface{}) (Result, error)
	Query(model, query interface{}, params ...interface{}) (Result, error)
}

type Query struct{}

func (q *Query) Model(model ...interface{}) *Query                               { return q }
func (q *Query) Table(tables ...string) *Query                                   { return q }
func (q *Query) TableExpr(expr string, params ...interface{}) *Query             { return q }
func (q *Query) Column(columns ...string) *Query                                 { return q }
func (q *Query) ColumnExpr(expr string, params ...interface{}) *Query            { return q }
func (q *Query) Where(condition string, params ...interface{}) *Query            { return q }
func (q *Query) WhereOr(condition string, params ...interface{}) *Query          { return q }
func (q *Query) WhereIn(where string, slice interface{}) *Query                  { return q }
func (q *Query) Join(join string, params ...interface{}) *Query                  { return q }
func (q *Query) Group(columns ...string) *Query                                  { return q }
func (q *Query) GroupExpr(group string, params ...interface{}) *Query            { return q }
func (q *Query) Having(having string, params ...interface{}) *Query              { return q }
func (q *Query) Order(orders ...string) *Query                                   { return q }
func (q *Query) OrderExpr(order string, params ...interface{}) *Query            { return q }
func (q *Query) Value(column string, value string, params ...interface{}) *Query { return q }
func (q *Query) Limit(n int) *Query                                              { return q }
func (q *Query) Select(values ...interface{}) error                              { return nil }
func (q *Query) Exec(query interface{}, params ...interface{}) (Result, error) {
	return nil, nil
}
