// Package project scans a Go module for the implementation phase in one
// pass: its code, with sdlkit's analyzers and gosec's rules (package scan),
// and its dependencies, with osv-scanner against the OSV service or the
// local Go vulnerability database (package scan/deps). The two run at
// the same time; the result holds both, and a dependency scan that could
// not run is kept as an error that fails closed rather than as "no
// vulnerabilities".
package project

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/scan"
	"github.com/sdlkit/sdlkit/scan/deps"
)

// DepsOptions configure the dependency scan.
type DepsOptions struct {
	// Mode is deps.ModeAuto, deps.ModeOnline or deps.ModeOffline.
	Mode string
	// DBDir is the local database's directory.
	DBDir string
	// MaxAge is how old the local database's data may be (zero: any age).
	MaxAge time.Duration
	// Lockfiles are further lockfiles or SBOMs to scan.
	Lockfiles []string
	// NoCallAnalysis turns Go call analysis off.
	NoCallAnalysis bool
	// GoVersion says which standard library to check (see
	// deps.Options.GoVersion).
	GoVersion string
	// Probe checks that the OSV service can be reached (default: a
	// request to deps.ServiceURL with a five-second timeout).
	Probe func(context.Context) error
	// Now is the time the database's age is measured from (zero: now).
	Now time.Time
}

// Options configure a scan.
type Options struct {
	// Code configures the code scan.
	Code scan.Options
	// Deps configures the dependency scan; nil skips it.
	Deps *DepsOptions
	// DepsOnly skips the code scan.
	DepsOnly bool
}

// Result is what a scan found.
type Result struct {
	// Code is the code scan's result.
	Code *scan.Result
	// Deps is the dependency scan's result; nil when it was skipped or
	// failed.
	Deps *deps.Result
	// DepsErr is why the dependency scan could not run.
	DepsErr error
	// DepsNote says how the database was chosen when that is news (the
	// OSV service could not be reached, so the local database was used).
	DepsNote string
	// DepsOnly is set when the code was not scanned.
	DepsOnly bool
}

// Scan runs the code scan and, unless opts.Deps is nil, the dependency
// scan of the module holding opts.Code.Dir. A code scan error is
// returned; a dependency scan error is kept in Result.DepsErr, so that the
// code findings are not lost and the caller decides how to fail.
func Scan(ctx context.Context, opts Options) (*Result, error) {
	dir := opts.Code.Dir
	if dir == "" {
		dir = "."
	}
	res := &Result{DepsOnly: opts.DepsOnly}
	var wg sync.WaitGroup
	if opts.Deps != nil {
		wg.Go(func() {
			res.Deps, res.DepsNote, res.DepsErr = scanDeps(ctx, dir, *opts.Deps)
		})
	}
	var code *scan.Result
	var err error
	if opts.DepsOnly {
		var root string
		if root, err = scan.RepoRoot(dir); err == nil {
			code = &scan.Result{Root: root}
		}
	} else {
		code, err = scan.Run(ctx, opts.Code)
	}
	wg.Wait()
	if err != nil {
		return nil, err
	}
	res.Code = code
	return res, nil
}

func scanDeps(ctx context.Context, dir string, o DepsOptions) (*deps.Result, string, error) {
	root, err := scan.RepoRoot(dir)
	if err != nil {
		return nil, "", fmt.Errorf("dependency scan: %w", err)
	}
	mod, err := ModuleRoot(dir)
	if err != nil {
		return nil, "", err
	}
	probe := o.Probe
	if probe == nil {
		probe = func(ctx context.Context) error {
			return deps.Probe(ctx, nil, deps.ServiceURL, 5*time.Second)
		}
	}
	offline, note, err := deps.Choose(ctx, o.Mode, probe)
	if err != nil {
		return nil, "", err
	}
	r, err := deps.Scan(ctx, deps.Options{
		Dir: mod, Root: root, Lockfiles: o.Lockfiles, Offline: offline, DBDir: o.DBDir,
		MaxAge: o.MaxAge, Now: o.Now, NoCallAnalysis: o.NoCallAnalysis, GoVersion: o.GoVersion,
	})
	if err != nil {
		return nil, note, err
	}
	return r, note, nil
}

// ModuleRoot returns the nearest directory at or above dir holding go.mod.
func ModuleRoot(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("module root of %s: %w", dir, err)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		abs = r
	}
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("module root of %s: %w", dir, err)
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod in %s or any parent: the dependency scan needs a module", abs)
		}
	}
}

// Findings returns every finding, code and dependencies, sorted.
func (r *Result) Findings() []finding.Finding {
	out := slices.Clone(r.Code.Findings)
	if r.Deps != nil {
		out = append(out, r.Deps.Findings...)
	}
	finding.Sort(out)
	return out
}

// Rules returns the rules of both scans.
func (r *Result) Rules() []finding.Rule {
	out := slices.Clone(r.Code.Rules)
	if r.Deps != nil {
		out = append(out, r.Deps.Rules...)
	}
	return out
}

// Unsuppressed counts the findings no directive suppressed.
func (r *Result) Unsuppressed() int {
	n := r.Code.Unsuppressed()
	if r.Deps != nil {
		n += len(r.Deps.Findings)
	}
	return n
}

// SARIF returns the runs of the scan: sdl's (with gosec as an extension)
// and osv-scanner's, which is marked unsuccessful with the reason when the
// dependency scan could not run. A skipped dependency scan has no run.
func (r *Result) SARIF(version string) []finding.Run {
	var runs []finding.Run
	if !r.DepsOnly {
		runs = append(runs, r.Code.SARIF(version))
	}
	switch {
	case r.Deps != nil:
		run := r.Deps.SARIF()
		if r.DepsNote != "" {
			run.Notifications = append([]string{r.DepsNote}, run.Notifications...)
		}
		runs = append(runs, run)
	case r.DepsErr != nil:
		runs = append(runs, deps.FailedRun(r.DepsErr))
	}
	return runs
}
