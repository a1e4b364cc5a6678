package analysisutil

import (
	"go/types"
	"testing"
)

func TestImportsTransitively(t *testing.T) {
	http := types.NewPackage("net/http", "http")
	lib := types.NewPackage("example.com/lib", "lib")
	lib.SetImports([]*types.Package{http})
	app := types.NewPackage("example.com/app", "app")
	app.SetImports([]*types.Package{lib})
	// An import cycle (impossible in Go, possible in a broken graph) ends.
	loop := types.NewPackage("example.com/loop", "loop")
	loop.SetImports([]*types.Package{loop})

	isHTTP := func(p string) bool { return p == "net/http" }
	tests := []struct {
		pkg        *types.Package
		transitive bool
		dependsOn  bool
	}{
		{app, true, true},
		{lib, true, true},
		{http, false, true},
		{loop, false, false},
	}
	for _, tt := range tests {
		if got := ImportsTransitively(tt.pkg, isHTTP); got != tt.transitive {
			t.Errorf("ImportsTransitively(%s) = %v", tt.pkg.Path(), got)
		}
		if got := DependsOn(tt.pkg, "net/http"); got != tt.dependsOn {
			t.Errorf("DependsOn(%s) = %v", tt.pkg.Path(), got)
		}
	}
	if !Imports(lib, "fmt", "net/http") || Imports(app, "net/http") {
		t.Error("Imports: want direct imports only")
	}
}

func TestPathIn(t *testing.T) {
	tests := []struct {
		path, base string
		want       bool
	}{
		{"github.com/golang-jwt/jwt/v5", "github.com/golang-jwt/jwt", true},
		{"github.com/golang-jwt/jwt", "github.com/golang-jwt/jwt", true},
		{"github.com/golang-jwt/jwt/vx", "github.com/golang-jwt/jwt", false},
		{"github.com/golang-jwt/jwt/v", "github.com/golang-jwt/jwt", false},
		{"github.com/golang-jwt/jwt/request", "github.com/golang-jwt/jwt", false},
	}
	for _, tt := range tests {
		if got := PathIn(tt.path, tt.base); got != tt.want {
			t.Errorf("PathIn(%q, %q) = %v", tt.path, tt.base, got)
		}
	}
}

func TestIsLoopbackHost(t *testing.T) {
	for host, want := range map[string]bool{
		"localhost": true, "api.localhost.": true, "127.0.0.2": true, "[::1]": true, "::1%lo0": true,
		"": false, "0.0.0.0": false, "example.com": false, "10.0.0.1": false,
	} {
		if got := IsLoopbackHost(host); got != want {
			t.Errorf("IsLoopbackHost(%q) = %v", host, got)
		}
	}
}
