package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sdlkit/sdlkit/analyzers/suite"
	"github.com/sdlkit/sdlkit/analyzers/taintcustom"
	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/internal/version"
	"github.com/sdlkit/sdlkit/policy"
	"github.com/sdlkit/sdlkit/report"
	"github.com/sdlkit/sdlkit/scan"
	"github.com/sdlkit/sdlkit/scan/project"
	"github.com/sdlkit/sdlkit/scan/vulndb"
)

func newScanCmd() *cobra.Command {
	var (
		format, output, config string
		include, exclude, tags []string
		tests, allowErrors     bool
		depsOnly               bool
		dep                    depsFlags
	)
	cmd := &cobra.Command{
		Use:   "scan [packages]",
		Short: "Run sdlkit's analyzers and gosec's rules over packages (implementation phase)",
		Long: `scan loads and type-checks the packages once and runs every sdlkit analyzer and
every gosec rule over them. It exits 1 when there are unsuppressed findings.

It also scans the module's dependencies (go.mod, and any --lockfile or SBOM)
with osv-scanner, against the OSV service or the local copy of the Go
vulnerability database that sdl vulndb update builds (sdl.yaml's vulndb
section, --offline, --online). It says which database, of what date, it
used. When the dependency scan cannot run (no database, the service
unreachable with --online), the code findings are still written and the
SARIF records osv-scanner's run as failed, and sdl exits 2.

Rules are selected by sdl.yaml (scan.include, scan.exclude, scan.options) and
by --include and --exclude. Suppress a finding in code with
//sdl:ignore RULE -- reason; suppressed findings stay in SARIF as suppressions.`,
		Example: "  sdl scan ./...\n  sdl scan --format sarif -o results.sarif ./...\n  sdl vulndb update && sdl scan --offline ./...",
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, report.FormatText, report.FormatJSON, report.FormatSARIF); err != nil {
				return err
			}
			pol, err := loadPolicy(config)
			if err != nil {
				return err
			}
			opts := scan.Options{
				Dir:         workingDir(),
				Patterns:    args,
				Tests:       tests || pol.Scan.Tests,
				AllowErrors: allowErrors,
				Rules: suite.Options{
					Include:     pol.Scan.Include,
					Exclude:     append(pol.Scan.Exclude, exclude...),
					RuleOptions: pol.Scan.Options,
					Taint:       taintcustom.Rules(pol),
				},
			}
			if len(include) > 0 {
				opts.Rules.Include = include
			}
			if len(tags) > 0 {
				opts.BuildFlags = []string{"-tags=" + strings.Join(tags, ",")}
			}
			depOpts, err := dep.options(pol)
			if err != nil {
				return err
			}
			if depsOnly && depOpts == nil {
				return usageError(errors.New("--deps-only and --no-deps leave nothing to scan"))
			}
			res, err := project.Scan(cmd.Context(), project.Options{Code: opts, Deps: depOpts, DepsOnly: depsOnly})
			if err != nil {
				// A pattern matching nothing, a package that does not
				// compile, go list failing: the scan did not happen.
				return usageError(err)
			}
			rs := report.Scan{Root: res.Code.Root, Packages: res.Code.Packages, Rules: res.Rules(),
				Findings: res.Findings(), Skipped: res.Code.Skipped, Deps: depsReport(res)}
			err = writeOutput(cmd, output, func(w io.Writer) error {
				switch format {
				case report.FormatJSON:
					return report.ScanJSON(w, rs, version.String())
				case report.FormatSARIF:
					return finding.WriteSARIF(w, res.SARIF(version.String())...)
				}
				return report.ScanText(w, rs)
			})
			if err != nil {
				return usageError(err)
			}
			if output != "" && output != "-" {
				// The file is for machines; the log says what it holds.
				if err := report.ScanText(cmd.ErrOrStderr(), rs); err != nil {
					return usageError(err)
				}
			}
			if res.DepsErr != nil {
				// Fail closed: no vulnerability data is not "no
				// vulnerabilities".
				return usageError(fmt.Errorf("dependency scan: %w", res.DepsErr))
			}
			if res.Unsuppressed() > 0 {
				return failed()
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", report.FormatText, "output format: text, json or sarif")
	f.StringVarP(&output, "output", "o", "", "write the output to this file (atomically) instead of stdout")
	f.StringVar(&config, "config", "", "policy file (default: sdl.yaml in the current directory or the nearest parent up to the module root)")
	f.StringSliceVar(&include, "include", nil, "run only these rules (IDs or analyzer names; replaces scan.include)")
	f.StringSliceVar(&exclude, "exclude", nil, "do not run these rules (added to scan.exclude)")
	f.StringSliceVar(&tags, "tags", nil, "build tags")
	f.BoolVar(&tests, "tests", false, "also scan _test.go files")
	f.BoolVar(&allowErrors, "allow-errors", false, "scan the packages that compile and list the others instead of failing")
	f.BoolVar(&depsOnly, "deps-only", false, "scan only the dependencies, not the code")
	dep.register(f)
	return cmd
}

// depsFlags are the dependency scan's flags, shared by scan and check.
type depsFlags struct {
	noDeps, offline, online, noCallAnalysis bool
	dbDir, stdlib                           string
	lockfiles                               []string
}

func (d *depsFlags) register(f *pflag.FlagSet) {
	f.BoolVar(&d.noDeps, "no-deps", false, "do not scan dependencies")
	f.BoolVar(&d.offline, "offline", false, "scan dependencies against the local vulnerability database only (vulndb.mode: offline)")
	f.BoolVar(&d.online, "online", false, "scan dependencies against the OSV service only (vulndb.mode: online)")
	f.StringVar(&d.dbDir, "vulndb", "", "local vulnerability database directory (default: vulndb.dir, $SDL_VULNDB, or the user cache)")
	f.StringArrayVar(&d.lockfiles, "lockfile", nil, "also scan this lockfile or SBOM (CycloneDX, SPDX); repeatable; prefix with TYPE: to name its format")
	f.BoolVar(&d.noCallAnalysis, "no-call-analysis", false, "do not mark vulnerabilities whose code the module never calls as unreachable")
	f.StringVar(&d.stdlib, "stdlib", "", "Go release whose standard library to check (1.26.8), go.mod (its toolchain or go line), or none (default: the toolchain that builds the module here)")
}

// options turns the flags and the policy into dependency scan options, or
// nil with --no-deps.
func (d *depsFlags) options(pol *policy.Policy) (*project.DepsOptions, error) {
	if d.noDeps {
		return nil, nil
	}
	if d.offline && d.online {
		return nil, usageError(errors.New("--offline and --online contradict each other"))
	}
	mode := pol.Vulndb.Mode
	switch {
	case d.offline:
		mode = policy.VulndbOffline
	case d.online:
		mode = policy.VulndbOnline
	}
	dir := d.dbDir
	if dir == "" {
		dir = pol.VulndbDir()
	}
	if dir == "" {
		var err error
		if dir, err = vulndb.DefaultDir(); err != nil {
			return nil, usageError(err)
		}
	}
	return &project.DepsOptions{
		Mode: mode, DBDir: dir, Lockfiles: d.lockfiles, NoCallAnalysis: d.noCallAnalysis, GoVersion: strings.TrimPrefix(d.stdlib, "go"),
		MaxAge: time.Duration(pol.Vulndb.MaxAgeDays) * 24 * time.Hour,
	}, nil
}

// depsReport says what the renderings show about the dependency scan.
func depsReport(res *project.Result) *report.Deps {
	switch {
	case res.Deps != nil:
		d := &report.Deps{Database: res.Deps.Database.String(), Details: res.Deps.Database, Packages: res.Deps.Packages, Notes: res.Deps.Notes}
		if res.DepsNote != "" {
			d.Notes = append([]string{res.DepsNote}, d.Notes...)
		}
		return d
	case res.DepsErr != nil:
		return &report.Deps{Error: res.DepsErr.Error()}
	}
	return nil
}

// loadPolicy loads the policy named by --config, or sdl.yaml found from the
// working directory, or the default policy; it checks the rules it names.
func loadPolicy(path string) (*policy.Policy, error) {
	if path == "" {
		found, err := policy.Find(workingDir())
		if err != nil {
			return nil, usageError(err)
		}
		path = found
	}
	pol := policy.Default()
	if path != "" {
		var err error
		if pol, err = policy.Load(path); err != nil {
			return nil, usageError(err)
		}
	}
	known := func(id string) bool {
		_, ok := suite.Lookup(id)
		return ok
	}
	if err := pol.CheckRules(known); err != nil {
		return nil, usageError(err)
	}
	return pol, nil
}
