// Package tree is a stub of github.com/ChrisTrenkamp/goxpath/tree.
package tree

type Node interface {
	ResValue() string
}

type Result interface {
	String() string
}
