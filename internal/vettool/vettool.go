// Package vettool is the driver behind sdlvet, the `go vet -vettool`
// binary: it runs sdlkit's analyzers and gosec's rules through x/tools'
// unitchecker, configured by the project's sdl.yaml.
//
// Two things differ from a plain unitchecker.Main:
//
//   - go vet also runs the tool on every dependency, standard library
//     included, in "VetxOnly" mode, to compute facts. None of our
//     analyzers uses facts, but unitchecker runs every analyzer that
//     transitively requires a fact-producing one (buildssa requires
//     ctrlflow), which would run gosec and all our checks over the whole
//     standard library (x/tools issue 443099). In VetxOnly mode we hand
//     unitchecker inert stand-ins with the same names and flags, so a
//     dependency is only parsed and type-checked, as its types are needed.
//     The price is that buildssa in a root package does not know which
//     dependency functions never return, exactly as gosec's own command
//     and `sdl scan` do.
//   - go vet caches results by the tool's -V=full identity. sdl.yaml
//     changes what runs, so the identity includes the policy's digest.
package vettool

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/sdlkit/sdlkit/analyzers/suite"
	"github.com/sdlkit/sdlkit/policy"
)

// unitConfig is the part of go vet's per-package JSON configuration we read.
type unitConfig struct {
	Dir      string
	VetxOnly bool
}

// Main runs the tool and exits.
func Main() {
	args := os.Args[1:]
	cfgFile := ""
	for _, a := range args {
		if a == "-V=full" || a == "--V=full" {
			printVersion()
			return
		}
		if strings.HasSuffix(a, ".cfg") {
			cfgFile = a
		}
	}
	dir, _ := os.Getwd()
	vetxOnly := false
	if cfgFile != "" {
		cfg, err := readUnitConfig(cfgFile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "sdlvet: %v\n", err)
			os.Exit(1)
		}
		if cfg.Dir != "" {
			dir = cfg.Dir
		}
		vetxOnly = cfg.VetxOnly
	}
	suite, err := Suite(dir)
	if err != nil {
		fmt.Fprintf(os.Stderr, "sdlvet: %v\n", err)
		os.Exit(1)
	}
	as := suite.Analyzers
	if vetxOnly {
		as = inert(as)
	}
	unitchecker.Main(as...)
}

// Suite builds the analyzers sdl.yaml (found from dir) selects, with
// messages prefixed by their rule IDs since go vet prints only messages.
func Suite(dir string) (*suite.Suite, error) {
	pol := policy.Default()
	path, err := policy.Find(dir)
	if err != nil {
		return nil, err
	}
	if path != "" {
		if pol, err = policy.Load(path); err != nil {
			return nil, err
		}
	}
	return suite.NewSuite(suite.Options{
		Include:        pol.Scan.Include,
		Exclude:        pol.Scan.Exclude,
		RuleOptions:    pol.Scan.Options,
		PrefixMessages: true,
	})
}

func readUnitConfig(path string) (*unitConfig, error) {
	//sdl:ignore G304,G703 -- go vet names the configuration file it wrote for this run
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	cfg := &unitConfig{}
	if err := json.Unmarshal(data, cfg); err != nil {
		return nil, fmt.Errorf("cannot decode JSON config file %s: %w", path, err)
	}
	return cfg, nil
}

// inert returns stand-ins for analyzers that use no facts: same name, doc
// and flags (so go vet's flags still parse), no work.
func inert(as []*analysis.Analyzer) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		if len(a.FactTypes) > 0 {
			out[i] = a
			continue
		}
		out[i] = &analysis.Analyzer{
			Name:  a.Name,
			Doc:   a.Doc,
			URL:   a.URL,
			Flags: a.Flags,
			Run:   func(*analysis.Pass) (any, error) { return nil, nil },
		}
	}
	return out
}

// printVersion implements go vet's -V=full protocol: the identity hashes
// the executable and the policy in the working directory, so cached vet
// results are dropped when either changes.
func printVersion() {
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "sdlvet: %v\n", err)
		os.Exit(1)
	}
	h := sha256.New()
	//sdl:ignore G304 -- hashing this executable is the -V=full protocol
	f, err := os.Open(exe)
	if err != nil {
		fmt.Fprintf(os.Stderr, "sdlvet: %v\n", err)
		os.Exit(1)
	}
	_, err = io.Copy(h, f)
	_ = f.Close() // read-only: nothing to lose
	if err != nil {
		fmt.Fprintf(os.Stderr, "sdlvet: %v\n", err)
		os.Exit(1)
	}
	dir, _ := os.Getwd()
	if path, err := policy.Find(dir); err == nil && path != "" {
		//sdl:ignore G304 -- the project's own sdl.yaml, found from the working directory
		if data, err := os.ReadFile(path); err == nil {
			h.Write([]byte("\x00policy\x00"))
			h.Write(data)
		}
	}
	fmt.Printf("%s version devel sdlkit buildID=%x\n", filepath.Base(exe), h.Sum(nil))
}
