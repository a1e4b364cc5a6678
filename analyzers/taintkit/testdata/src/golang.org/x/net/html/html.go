// Package html is a stub of golang.org/x/net/html.
package html

type Node struct {
	Data string
}
