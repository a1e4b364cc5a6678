// Package db is the shop's own database wrapper.
package db

// Store wraps the shop's database.
type Store struct{}

// Query runs sql with args bound to its placeholders.
func (s *Store) Query(sql string, args ...any) error { return nil }

// Raw runs sql as it is.
func Raw(s *Store, sql string) error { return nil }

// QuoteLiteral quotes s as an SQL string literal.
func QuoteLiteral(s string) string { return "'" + s + "'" }
