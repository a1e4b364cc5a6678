// Package vulntest builds what tests of the dependency scan need without
// the network: small vulnerability databases from hand-written OSV records
// and modules requiring golang.org/x/mod v0.42.0, a module sdlkit builds
// with, so its source is in the module cache and call analysis can run
// offline.
package vulntest

//sdl:file-ignore G301,G306 -- test fixtures in the test's own temporary directories

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/sdlkit/sdlkit/scan/vulndb"
)

// Database builds a local vulnerability database from the OSV records in
// a new temporary directory and returns the directory.
func Database(t testing.TB, records ...string) string {
	t.Helper()
	src, db := t.TempDir(), t.TempDir()
	for i, r := range records {
		if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("r%03d.json", i)), []byte(r), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := vulndb.Build(context.Background(), src, db); err != nil {
		t.Fatal(err)
	}
	return db
}

// ModSum returns the go.sum lines of golang.org/x/mod v0.42.0, taken from
// sdlkit's own go.sum.
func ModSum(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("vulntest: cannot locate the repository")
	}
	data, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "golang.org/x/mod v0.42.0 ") || strings.HasPrefix(l, "golang.org/x/mod v0.42.0/") {
			out = append(out, l)
		}
	}
	if len(out) != 2 {
		t.Fatal("vulntest: go.sum has no golang.org/x/mod v0.42.0")
	}
	return strings.Join(out, "\n") + "\n"
}

// Module writes, in a new temporary directory, a module example.com/app
// requiring golang.org/x/mod v0.42.0 (go.mod line 5) with its go.sum, and
// the files given (which may replace go.mod).
func Module(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	all := map[string]string{
		"go.mod": "module example.com/app\n\ngo 1.26\n\nrequire golang.org/x/mod v0.42.0\n",
		"go.sum": ModSum(t),
	}
	for k, v := range files {
		all[k] = v
	}
	for name, content := range all {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// OfflineGo keeps the go command that call analysis runs off the network
// for the rest of the test.
func OfflineGo(t testing.TB) {
	t.Helper()
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOSUMDB", "off")
	t.Setenv("GOTOOLCHAIN", "local")
	t.Setenv("GOWORK", "off")
}
