// Command sdlvet runs sdlkit's analyzers and gosec's rules as a go vet
// tool:
//
//	go vet -vettool=$(command -v sdlvet) ./...
//
// It reads the project's sdl.yaml like sdl scan does, and supports go vet's
// -fix and -diff to apply suggested fixes. It links no dependency scanner
// and no signing code, so it builds quickly.
package main

import "github.com/sdlkit/sdlkit/internal/vettool"

func main() { vettool.Main() }
