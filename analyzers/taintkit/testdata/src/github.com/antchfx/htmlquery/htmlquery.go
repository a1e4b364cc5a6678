// Package htmlquery is a stub of github.com/antchfx/htmlquery.
package htmlquery

import (
	"io"

	"github.com/antchfx/xpath"
	"golang.org/x/net/html"
)

func Parse(r io.Reader) (*html.Node, error)                              { return nil, nil }
func Find(top *html.Node, expr string) []*html.Node                      { return nil }
func FindOne(top *html.Node, expr string) *html.Node                     { return nil }
func QueryAll(top *html.Node, expr string) ([]*html.Node, error)         { return nil, nil }
func Query(top *html.Node, expr string) (*html.Node, error)              { return nil, nil }
func QuerySelector(top *html.Node, selector *xpath.Expr) *html.Node      { return nil }
func QuerySelectorAll(top *html.Node, selector *xpath.Expr) []*html.Node { return nil }
func InnerText(n *html.Node) string                                      { return "" }
func SelectAttr(n *html.Node, name string) (val string)                  { return "" }
