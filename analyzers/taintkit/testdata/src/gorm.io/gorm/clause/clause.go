// Package clause is a stub of gorm.io/gorm/clause.
package clause

// Expression is a clause expression.
type Expression interface{}

// Expr is a raw expression.
type Expr struct {
	SQL                string
	Vars               []interface{}
	WithoutParentheses bool
}

// NamedExpr is a raw expression with named arguments.
type NamedExpr struct {
	SQL  string
	Vars []interface{}
}

// Column is a column reference.
type Column struct {
	Table string
	Name  string
	Alias string
	Raw   bool
}

// OrderByColumn orders by a column.
type OrderByColumn struct {
	Column  Column
	Desc    bool
	Reorder bool
}

// Eq is an equality condition.
type Eq struct {
	Column interface{}
	Value  interface{}
}
