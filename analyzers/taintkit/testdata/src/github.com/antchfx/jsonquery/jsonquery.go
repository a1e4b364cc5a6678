// Package jsonquery is a stub of github.com/antchfx/jsonquery.
package jsonquery

import (
	"io"

	"github.com/antchfx/xpath"
)

type Node struct {
	Data string
}

func Parse(r io.Reader) (*Node, error)                         { return nil, nil }
func Find(top *Node, expr string) []*Node                      { return nil }
func FindOne(top *Node, expr string) *Node                     { return nil }
func QueryAll(top *Node, expr string) ([]*Node, error)         { return nil, nil }
func Query(top *Node, expr string) (*Node, error)              { return nil, nil }
func QuerySelectorAll(top *Node, selector *xpath.Expr) []*Node { return nil }
func QuerySelector(top *Node, selector *xpath.Expr) *Node      { return nil }

func (n *Node) InnerText() string               { return "" }
func (n *Node) SelectElement(name string) *Node { return nil }
