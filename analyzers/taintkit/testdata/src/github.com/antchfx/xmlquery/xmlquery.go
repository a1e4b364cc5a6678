// Package xmlquery is a stub of github.com/antchfx/xmlquery.
package xmlquery

import (
	"io"

	"github.com/antchfx/xpath"
)

type Node struct {
	Data string
}

type NodeNavigator struct{}

func (x *NodeNavigator) LocalName() string { return "" }
func (x *NodeNavigator) Value() string     { return "" }

type ParserOptions struct{}

type StreamParser struct{}

func Parse(r io.Reader) (*Node, error)                                   { return nil, nil }
func CreateXPathNavigator(top *Node) *NodeNavigator                      { return nil }
func Find(top *Node, expr string) []*Node                                { return nil }
func FindOne(top *Node, expr string) *Node                               { return nil }
func QueryAll(top *Node, expr string) ([]*Node, error)                   { return nil, nil }
func Query(top *Node, expr string) (*Node, error)                        { return nil, nil }
func QuerySelectorAll(top *Node, selector *xpath.Expr) []*Node           { return nil }
func QuerySelector(top *Node, selector *xpath.Expr) *Node                { return nil }
func FindEach(top *Node, expr string, cb func(int, *Node))               {}
func FindEachWithBreak(top *Node, expr string, cb func(int, *Node) bool) {}

func CreateStreamParser(r io.Reader, streamElementXPath string, streamElementFilter ...string) (*StreamParser, error) {
	return nil, nil
}

func CreateStreamParserWithOptions(r io.Reader, options ParserOptions, streamElementXPath string, streamElementFilter ...string) (*StreamParser, error) {
	return nil, nil
}

func (n *Node) InnerText() string                  { return "" }
func (n *Node) SelectElements(name string) []*Node { return nil }
func (n *Node) SelectElement(name string) *Node    { return nil }
func (n *Node) SelectAttr(name string) string      { return "" }
