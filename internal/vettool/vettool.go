// Package vettool is sdlvet-worker: it runs sdlkit's analyzers and
// gosec's rules through x/tools' unitchecker for the packages go vet
// vets, configured by the project's sdl.yaml. The front end (vetfront,
// the sdlvet binary) handles dependencies and hands it the rest.
package vettool

import (
	"fmt"
	"os"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/sdlkit/sdlkit/analyzers/suite"
	"github.com/sdlkit/sdlkit/analyzers/taintcustom"
	"github.com/sdlkit/sdlkit/internal/vetfront"
	"github.com/sdlkit/sdlkit/policy"
)

// Main runs the worker and exits.
func Main() {
	args := os.Args[1:]
	if vetfront.IsVersionQuery(args) {
		vetfront.PrintVersion("")
		return
	}
	dir, _ := os.Getwd()
	vetxOnly := false
	if cfgFile := vetfront.ConfigArg(args); cfgFile != "" {
		cfg, err := vetfront.ReadUnitConfig(cfgFile)
		if err != nil {
			fail(err)
		}
		if cfg.Dir != "" {
			dir = cfg.Dir
		}
		vetxOnly = cfg.VetxOnly
	}
	if vetxOnly {
		// Used as the -vettool itself: dependencies need no analysis.
		unitchecker.Main(vetfront.Inert(vetfront.Names, nil)...)
		return
	}
	as, err := Analyzers(dir)
	if err != nil {
		fail(err)
	}
	unitchecker.Main(as...)
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "sdlvet: %v\n", err)
	os.Exit(1)
}

// Analyzers returns the root analyzers for a package in dir: the suite
// sdl.yaml (found from dir) selects, messages prefixed by rule IDs since go
// vet prints only messages, and an inert stand-in for every analyzer the
// policy turns off, so that the flags go vet passes are always defined.
func Analyzers(dir string) ([]*analysis.Analyzer, error) {
	opts := suite.Options{PrefixMessages: true}
	path, err := policy.Find(dir)
	if err != nil {
		return nil, err
	}
	if path != "" {
		pol, err := policy.Load(path)
		if err != nil {
			return nil, err
		}
		opts.Include, opts.Exclude, opts.RuleOptions = pol.Scan.Include, pol.Scan.Exclude, pol.Scan.Options
		// Custom taint rules run inside the gosec analyzer: no analyzer
		// name of their own for go vet to know.
		opts.Taint = taintcustom.Rules(pol)
	}
	s, err := suite.NewSuite(opts)
	if err != nil {
		return nil, err
	}
	byName := map[string]*analysis.Analyzer{}
	for _, a := range s.Analyzers {
		byName[a.Name] = a
	}
	out := make([]*analysis.Analyzer, 0, len(vetfront.Names))
	for _, n := range vetfront.Names {
		if a, ok := byName[n]; ok {
			out = append(out, a)
			delete(byName, n)
			continue
		}
		out = append(out, vetfront.Inert([]string{n}, nil)...)
	}
	if len(byName) > 0 {
		extra := make([]string, 0, len(byName))
		for n := range byName {
			extra = append(extra, n)
		}
		slices.Sort(extra)
		return nil, fmt.Errorf("internal error: analyzers %v are not in vetfront.Names", extra)
	}
	return out, nil
}
