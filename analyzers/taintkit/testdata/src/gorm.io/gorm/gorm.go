// Package gorm is a stub of gorm.io/gorm.
package gorm

import (
	"database/sql"

	"gorm.io/gorm/clause"
)

type Dialector interface{}
type Option interface{}

type Config struct{}

type Statement struct{}

func (stmt *Statement) Quote(field interface{}) string { return "" }

type DB struct {
	*Config
	Error        error
	RowsAffected int64
	Statement    *Statement
}

func Open(dialector Dialector, opts ...Option) (db *DB, err error) { return nil, nil }

func Expr(expr string, args ...interface{}) clause.Expr { return clause.Expr{} }

func (db *DB) Model(value interface{}) (tx *DB)                            { return db }
func (db *DB) Clauses(conds ...clause.Expression) (tx *DB)                 { return db }
func (db *DB) Table(name string, args ...interface{}) (tx *DB)             { return db }
func (db *DB) Distinct(args ...interface{}) (tx *DB)                       { return db }
func (db *DB) Select(query interface{}, args ...interface{}) (tx *DB)      { return db }
func (db *DB) Omit(columns ...string) (tx *DB)                             { return db }
func (db *DB) Where(query interface{}, args ...interface{}) (tx *DB)       { return db }
func (db *DB) Not(query interface{}, args ...interface{}) (tx *DB)         { return db }
func (db *DB) Or(query interface{}, args ...interface{}) (tx *DB)          { return db }
func (db *DB) Joins(query string, args ...interface{}) (tx *DB)            { return db }
func (db *DB) InnerJoins(query string, args ...interface{}) (tx *DB)       { return db }
func (db *DB) Group(name string) (tx *DB)                                  { return db }
func (db *DB) Having(query interface{}, args ...interface{}) (tx *DB)      { return db }
func (db *DB) Order(value interface{}) (tx *DB)                            { return db }
func (db *DB) Limit(limit int) (tx *DB)                                    { return db }
func (db *DB) Offset(offset int) (tx *DB)                                  { return db }
func (db *DB) Preload(query string, args ...interface{}) (tx *DB)          { return db }
func (db *DB) Raw(sql string, values ...interface{}) (tx *DB)              { return db }
func (db *DB) Exec(sql string, values ...interface{}) (tx *DB)             { return db }
func (db *DB) First(dest interface{}, conds ...interface{}) (tx *DB)       { return db }
func (db *DB) Take(dest interface{}, conds ...interface{}) (tx *DB)        { return db }
func (db *DB) Last(dest interface{}, conds ...interface{}) (tx *DB)        { return db }
func (db *DB) Find(dest interface{}, conds ...interface{}) (tx *DB)        { return db }
func (db *DB) FirstOrInit(dest interface{}, conds ...interface{}) (tx *DB) { return db }
func (db *DB) FirstOrCreate(dest interface{}, conds ...interface{}) (tx *DB) {
	return db
}
func (db *DB) Update(column string, value interface{}) (tx *DB)        { return db }
func (db *DB) Updates(values interface{}) (tx *DB)                     { return db }
func (db *DB) Delete(value interface{}, conds ...interface{}) (tx *DB) { return db }
func (db *DB) Count(count *int64) (tx *DB)                             { return db }
func (db *DB) Scan(dest interface{}) (tx *DB)                          { return db }
func (db *DB) Pluck(column string, dest interface{}) (tx *DB)          { return db }
func (db *DB) Row() *sql.Row                                           { return nil }
func (db *DB) Rows() (*sql.Rows, error)                                { return nil, nil }
func (db *DB) Create(value interface{}) (tx *DB)                       { return db }
