// Package gorm has the name of gorm but another import path.
package gorm

type DB struct{}

func (db *DB) Raw(sql string, values ...interface{}) *DB  { return db }
func (db *DB) Exec(sql string, values ...interface{}) *DB { return db }
