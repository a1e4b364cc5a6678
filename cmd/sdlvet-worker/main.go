// Command sdlvet-worker runs sdlkit's analyzers and gosec's rules over one
// package for go vet. sdlvet starts it for each package being vetted; it
// can also be passed to go vet -vettool directly (slower: every
// dependency then pays its start-up cost).
package main

import "github.com/sdlkit/sdlkit/internal/vettool"

func main() { vettool.Main() }
