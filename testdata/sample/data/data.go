// Package data holds SQL built from strings, for ORMs and drivers gosec
// does not cover.
package data

import (
	"context"

	"github.com/go-pg/pg/v10"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"gorm.io/gorm"
)

// Order is a row.
type Order struct {
	ID       int
	Customer string
}

// insecureGorm concatenates user input into a WHERE clause (SDL401).
func insecureGorm(db *gorm.DB, customer string) ([]Order, error) {
	var orders []Order
	err := db.Where("customer = '" + customer + "'").Find(&orders).Error
	return orders, err
}

// secureGorm uses a placeholder.
func secureGorm(db *gorm.DB, customer string) ([]Order, error) {
	var orders []Order
	err := db.Where("customer = ?", customer).Find(&orders).Error
	return orders, err
}

// insecureSqlx formats the sort column into the query (SDL401).
func insecureSqlx(db *sqlx.DB, column string) ([]Order, error) {
	var orders []Order
	err := db.Select(&orders, "SELECT id, customer FROM orders ORDER BY "+column)
	return orders, err
}

// secureSqlx uses a constant query.
func secureSqlx(db *sqlx.DB, customer string) ([]Order, error) {
	var orders []Order
	err := db.Select(&orders, "SELECT id, customer FROM orders WHERE customer = $1", customer)
	return orders, err
}

// insecurePgx builds the statement from input (SDL401).
func insecurePgx(ctx context.Context, pool *pgxpool.Pool, table string) error {
	_, err := pool.Exec(ctx, "DELETE FROM "+table)
	return err
}

// securePgx passes the value as an argument.
func securePgx(ctx context.Context, pool *pgxpool.Pool, id int) error {
	_, err := pool.Exec(ctx, "DELETE FROM orders WHERE id = $1", id)
	return err
}

// insecureGoPg sends a concatenated query (SDL401).
func insecureGoPg(db *pg.DB, customer string) error {
	_, err := db.Exec("DELETE FROM orders WHERE customer = '" + customer + "'")
	return err
}

// secureGoPg uses a placeholder.
func secureGoPg(db *pg.DB, customer string) error {
	_, err := db.Exec("DELETE FROM orders WHERE customer = ?", customer)
	return err
}

var _ = []any{insecureGorm, secureGorm, insecureSqlx, secureSqlx, insecurePgx, securePgx, insecureGoPg, secureGoPg}
