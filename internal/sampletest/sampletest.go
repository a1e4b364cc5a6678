// Package sampletest gives end-to-end tests access to testdata/sample, the
// sample service module, without touching the network: its modules must be
// in the module cache already (.ci/run downloads them). When they are not,
// tests skip, unless SDL_REQUIRE_SAMPLE is set (as in CI), where they fail.
package sampletest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir returns the sample module's directory, with the environment set so
// the go command works offline from the module cache.
func Dir(t testing.TB) string {
	t.Helper()
	_, self, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(self), "..", "..", "testdata", "sample")
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOFLAGS", "-mod=readonly -buildvcs=false")
	t.Setenv("GOWORK", "off")
	cmd := exec.Command("go", "list", "-deps", "./...")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		msg := "the sample module's dependencies are not in the module cache; run (cd testdata/sample && go mod download):\n" + string(out)
		if os.Getenv("SDL_REQUIRE_SAMPLE") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return dir
}
