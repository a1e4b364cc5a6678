// Command sdlvet runs sdlkit's analyzers and gosec's rules as a go vet
// tool:
//
//	go install github.com/sdlkit/sdlkit/cmd/sdlvet@latest github.com/sdlkit/sdlkit/cmd/sdlvet-worker@latest
//	go vet -vettool=$(command -v sdlvet) ./...
//
// It reads the project's sdl.yaml like sdl scan does, and supports go vet's
// -fix and -diff to apply suggested fixes. sdlvet itself is a small front
// end that go vet can start once per package cheaply; the checks run in
// sdlvet-worker, which it finds beside itself or on $PATH.
package main

import "github.com/sdlkit/sdlkit/internal/vetfront"

func main() { vetfront.Main() }
