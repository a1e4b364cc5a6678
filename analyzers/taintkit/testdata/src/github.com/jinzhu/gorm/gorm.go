// Package gorm is a stub of github.com/jinzhu/gorm (v1).
package gorm

type DB struct {
	Value        interface{}
	Error        error
	RowsAffected int64
}

type SqlExpr struct {
	expr string
	args []interface{}
}

func Open(dialect string, args ...interface{}) (db *DB, err error) { return nil, nil }

func Expr(expression string, args ...interface{}) *SqlExpr { return nil }

func (s *DB) Where(query interface{}, args ...interface{}) *DB    { return s }
func (s *DB) Or(query interface{}, args ...interface{}) *DB       { return s }
func (s *DB) Not(query interface{}, args ...interface{}) *DB      { return s }
func (s *DB) Order(value interface{}, reorder ...bool) *DB        { return s }
func (s *DB) Select(query interface{}, args ...interface{}) *DB   { return s }
func (s *DB) Group(query string) *DB                              { return s }
func (s *DB) Having(query interface{}, values ...interface{}) *DB { return s }
func (s *DB) Joins(query string, args ...interface{}) *DB         { return s }
func (s *DB) First(out interface{}, where ...interface{}) *DB     { return s }
func (s *DB) Find(out interface{}, where ...interface{}) *DB      { return s }
func (s *DB) Delete(value interface{}, where ...interface{}) *DB  { return s }
func (s *DB) Raw(sql string, values ...interface{}) *DB           { return s }
func (s *DB) Exec(sql string, values ...interface{}) *DB          { return s }
func (s *DB) Table(name string) *DB                               { return s }
func (s *DB) Pluck(column string, value interface{}) *DB          { return s }
func (s *DB) Model(value interface{}) *DB                         { return s }
func (s *DB) Scan(dest interface{}) *DB                           { return s }

func (s *DB) Update(attrs ...interface{}) *DB { return s }
