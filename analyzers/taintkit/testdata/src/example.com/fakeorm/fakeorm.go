// Package fakeorm has types and methods named like gorm's and sqlx's that
// are not them.
package fakeorm

type DB struct{}

func (db *DB) Raw(sql string, values ...interface{}) *DB        { return db }
func (db *DB) Where(query interface{}, args ...interface{}) *DB { return db }
func (db *DB) Order(value interface{}) *DB                      { return db }
func (db *DB) Select(dest interface{}, query string, args ...interface{}) error {
	return nil
}

func Expr(expr string, args ...interface{}) string { return expr }
