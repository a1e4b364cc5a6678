// Package squirrel is a stub of github.com/Masterminds/squirrel.
package squirrel

type SelectBuilder struct{}

func Select(columns ...string) SelectBuilder                                      { return SelectBuilder{} }
func (b SelectBuilder) From(from string) SelectBuilder                            { return b }
func (b SelectBuilder) Where(pred interface{}, args ...interface{}) SelectBuilder { return b }
func (b SelectBuilder) ToSql() (string, []interface{}, error)                     { return "", nil, nil }

type Eq map[string]interface{}

type Sqlizer interface {
	ToSql() (string, []interface{}, error)
}

type expr struct{}

func (expr) ToSql() (string, []interface{}, error) { return "", nil, nil }

func Expr(sql string, args ...interface{}) Sqlizer { return expr{} }

func (b SelectBuilder) OrderBy(orderBys ...string) SelectBuilder { return b }
