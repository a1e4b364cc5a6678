package deps

import (
	"bytes"
	"context"
	"fmt"
	"go/version"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
)

// Values of Options.GoVersion other than a release.
const (
	// StdlibNone leaves the standard library out.
	StdlibNone = "none"
	// StdlibGoMod checks the standard library of go.mod's toolchain (or
	// go) line alone, not the local toolchain: for a release built in the
	// past, whose toolchain was at least that.
	StdlibGoMod = "go.mod"
)

// goToolchain returns the Go release that builds the module in go.mod
// here and now, as the go command chooses it with GOTOOLCHAIN=auto: the
// later of the local toolchain and the go.mod's toolchain (or go) line.
// osv-scanner leaves the standard library out of go.mod scans, because the
// go line is only a minimum; the standard library sdl checks is that of
// the toolchain that builds the module. It returns "" when neither is
// known.
func goToolchain(ctx context.Context, gomod string, local bool) string {
	best := ""
	if local {
		best = localGo(ctx)
	}
	//sdl:ignore G304 -- the scanned module's go.mod
	data, err := os.ReadFile(gomod)
	if err != nil {
		return strings.TrimPrefix(best, "go")
	}
	// ParseLax drops the toolchain line.
	if f, err := modfile.Parse(gomod, data, nil); err == nil {
		for _, v := range []string{goLine(f), toolchainLine(f)} {
			if version.IsValid(v) && (best == "" || version.Compare(v, best) > 0) {
				best = v
			}
		}
	}
	return strings.TrimPrefix(best, "go")
}

func goLine(f *modfile.File) string {
	if f.Go == nil {
		return ""
	}
	return "go" + f.Go.Version
}

func toolchainLine(f *modfile.File) string {
	if f.Toolchain == nil {
		return ""
	}
	return f.Toolchain.Name
}

// localGo returns the version of the go command on PATH ("go1.26.8"), run
// outside any module and with GOTOOLCHAIN=local so that it neither reads a
// go.mod nor switches toolchains; "" when there is none.
func localGo(ctx context.Context) string {
	goBin, err := exec.LookPath("go")
	if err != nil {
		return ""
	}
	//sdl:ignore G204 -- the go command from PATH with fixed arguments; no shell
	cmd := exec.CommandContext(ctx, goBin, "env", "GOVERSION")
	cmd.Dir = os.TempDir()
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOFLAGS=", "GO111MODULE=off")
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	v := string(bytes.TrimSpace(out))
	if !version.IsValid(v) {
		return ""
	}
	return version.Lang(v) + strings.TrimPrefix(v, version.Lang(v))
}

// stdlibModule writes a stand-in go.mod whose go line is Go release v
// (without "go"), in a new temporary directory, and returns its path and a
// function removing it; it returns "" when v is "" or StdlibNone.
//
// osv-scanner v2.5.0 matches the standard library of a go.mod at its go
// line, a minimum; its GoVersionOverride setting relabels the version only
// after matching. Scanning a stand-in whose go line is the toolchain's
// release matches the standard library that is actually built in.
func stdlibModule(v string) (string, func(), error) {
	if v == "" || v == StdlibNone {
		return "", func() {}, nil
	}
	if !version.IsValid("go" + v) {
		return "", nil, fmt.Errorf("invalid Go version %q", v)
	}
	dir, err := os.MkdirTemp("", "sdl-stdlib-*")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { _ = os.RemoveAll(dir) }
	gomod := filepath.Join(dir, "go.mod")
	if err := os.WriteFile(gomod, []byte("module sdlkit.invalid/stdlib\n\ngo "+v+"\n"), 0o600); err != nil {
		cleanup()
		return "", nil, err
	}
	return gomod, cleanup, nil
}

// stdlibConfig is the osv-scanner configuration: the standard library of
// go.mod files is scanned when a stand-in module gives its version.
func stdlibConfig(stdlibMod string) string {
	if stdlibMod == "" {
		return ""
	}
	return "ScanGoModVersion = true\n"
}
