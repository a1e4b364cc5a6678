// Package vetfront is the go vet front end, sdlvet: the binary passed to
// go vet -vettool. It links almost nothing, because go vet starts it once
// per package, dependencies and the standard library included:
//
//   - For a dependency (go vet's "VetxOnly" units), none of our analyzers
//     has work to do (none uses facts), but the unit must still be parsed
//     and type-checked so its importers get its types. The front end does
//     that itself through x/tools' unitchecker, with inert stand-ins that
//     carry the analyzers' names and flags.
//   - For a package being vetted, it executes sdlvet-worker, which holds
//     sdlkit's analyzers and gosec's rules.
//
// The split exists because gosec's rules package initialises a password
// dictionary (zxcvbn-go) in every process that links it, about 35 ms: paid
// for every standard-library package, that alone made go vet take more
// than twice as long.
package vetfront

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/sdlkit/sdlkit/internal/policyfile"
)

// WorkerName is the executable the front end hands packages to.
const WorkerName = "sdlvet-worker"

// WorkerEnv, when set, names the worker executable.
const WorkerEnv = "SDLVET_WORKER"

// Names are the root analyzers of sdlvet-worker, in its order; a test keeps
// the list equal to the worker's suite, since go vet passes the same flags
// to the front end and to the worker.
var Names = []string{
	"bodylimit", "cookieflags", "corscredentials", "errorexposure", "grpcinsecure",
	"hostregexp", "httptimeout", "httpurl", "jwtverify", "oauthstate", "oidcskip",
	"passwordhash", "plaintextlisten", "secretlog", "sqlstring", "tlsminversion",
	"wsorigin", "gosec", "sdlignore",
}

// UnitConfig is the part of go vet's per-package configuration file read
// here.
type UnitConfig struct {
	Dir      string
	VetxOnly bool
}

// ReadUnitConfig reads go vet's configuration of one unit.
func ReadUnitConfig(path string) (*UnitConfig, error) {
	//sdl:ignore G304,SDL904 -- go vet names the configuration file it wrote for this run
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	cfg := &UnitConfig{}
	if err := json.Unmarshal(data, cfg); err != nil {
		return nil, fmt.Errorf("cannot decode JSON config file %s: %w", path, err)
	}
	return cfg, nil
}

// ConfigArg returns the unit configuration file among the arguments, or "".
func ConfigArg(args []string) string {
	for _, a := range args {
		if strings.HasSuffix(a, ".cfg") {
			return a
		}
	}
	return ""
}

// IsVersionQuery reports whether the arguments ask for -V=full.
func IsVersionQuery(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "--V=full" {
			return true
		}
	}
	return false
}

// Inert returns stand-ins for analyzers: the same names, documentation and
// flags, no work.
func Inert(names []string, flagsOf func(string) *analysis.Analyzer) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(names))
	for i, n := range names {
		a := &analysis.Analyzer{Name: n, Doc: "sdlkit check " + n, Run: func(*analysis.Pass) (any, error) { return nil, nil }}
		if flagsOf != nil {
			if real := flagsOf(n); real != nil {
				a.Doc, a.URL, a.Flags = real.Doc, real.URL, real.Flags
			}
		}
		out[i] = a
	}
	return out
}

// Main runs the front end and exits.
func Main() {
	args := os.Args[1:]
	worker, werr := findWorker()
	if IsVersionQuery(args) {
		if werr != nil {
			fail(werr)
		}
		PrintVersion(worker)
		return
	}
	if cfg := ConfigArg(args); cfg != "" {
		c, err := ReadUnitConfig(cfg)
		if err != nil {
			fail(err)
		}
		if c.VetxOnly {
			unitchecker.Main(Inert(Names, nil)...)
			return
		}
	}
	// A package to vet, -flags, help: the worker answers.
	if werr != nil {
		fail(werr)
	}
	if err := execWorker(worker, args); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "sdlvet: %v\n", err)
	os.Exit(1)
}

// findWorker looks for sdlvet-worker: $SDLVET_WORKER, then beside this
// executable, then on $PATH.
func findWorker() (string, error) {
	if p := os.Getenv(WorkerEnv); p != "" {
		return p, nil
	}
	name := WorkerName
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if exe, err := os.Executable(); err == nil {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			exe = real
		}
		p := filepath.Join(filepath.Dir(exe), name)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	return "", fmt.Errorf("%s not found beside sdlvet or on $PATH: install it with go install github.com/sdlkit/sdlkit/cmd/%s (the same version as sdlvet), or name it in $%s", WorkerName, WorkerName, WorkerEnv)
}

// PrintVersion implements go vet's -V=full protocol. The identity hashes
// this executable, the worker (when given) and the policy found from the
// working directory, so go vet's cached results are dropped when any of
// them changes.
func PrintVersion(worker string) {
	h := sha256.New()
	exe, err := os.Executable()
	if err != nil {
		fail(err)
	}
	for _, p := range []string{exe, worker} {
		if p == "" {
			continue
		}
		if err := hashFile(h, p); err != nil {
			fail(err)
		}
	}
	dir, _ := os.Getwd()
	if path, err := policyfile.Find(dir); err == nil && path != "" {
		h.Write([]byte("\x00policy\x00"))
		if err := hashFile(h, path); err != nil {
			fail(err)
		}
	}
	fmt.Printf("%s version devel sdlkit buildID=%x\n", filepath.Base(exe), h.Sum(nil))
}

func hashFile(h io.Writer, path string) error {
	f, err := os.Open(path) //sdl:ignore G304 -- an executable or the project's sdl.yaml
	if err != nil {
		return err
	}
	_, err = io.Copy(h, f)
	_ = f.Close() // read-only: nothing to lose
	return err
}
