// Package goxpath is a stub of github.com/ChrisTrenkamp/goxpath.
package goxpath

import (
	"github.com/ChrisTrenkamp/goxpath/parser"
	"github.com/ChrisTrenkamp/goxpath/tree"
)

type Opts struct {
	NS   map[string]string
	Vars map[string]tree.Result
}

type FuncOpts func(*Opts)

type XPathExec struct {
	n *parser.Node
}

func Parse(xp string) (XPathExec, error) { return XPathExec{}, nil }
func MustParse(xp string) XPathExec      { return XPathExec{} }

func (xp XPathExec) Exec(t tree.Node, opts ...FuncOpts) (tree.Result, error) { return nil, nil }
func (xp XPathExec) ExecBool(t tree.Node, opts ...FuncOpts) (bool, error)    { return false, nil }

func ParseExec(xpstr string, t tree.Node, opts ...FuncOpts) (tree.Result, error) {
	return nil, nil
}
