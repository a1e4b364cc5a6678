// Package xpath is a stub of github.com/antchfx/xpath.
package xpath

// NodeNavigator walks a document for the XPath engine.
type NodeNavigator interface {
	LocalName() string
	Value() string
}

type NodeIterator struct{}

type Expr struct{ s string }

func (t *NodeIterator) Current() NodeNavigator             { return nil }
func (t *NodeIterator) MoveNext() bool                     { return false }
func (expr *Expr) Evaluate(root NodeNavigator) interface{} { return nil }
func (expr *Expr) Select(root NodeNavigator) *NodeIterator { return nil }
func (expr *Expr) String() string                          { return expr.s }

func Select(root NodeNavigator, expr string) *NodeIterator { return nil }
func Compile(expr string) (*Expr, error)                   { return &Expr{s: expr}, nil }
func MustCompile(expr string) *Expr                        { return &Expr{s: expr} }
func CompileWithNS(expr string, namespaces map[string]string) (*Expr, error) {
	return &Expr{s: expr}, nil
}
