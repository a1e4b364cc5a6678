package main

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sdlkit/sdlkit/analyzers/suite"
	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/internal/version"
	"github.com/sdlkit/sdlkit/policy"
	"github.com/sdlkit/sdlkit/report"
	"github.com/sdlkit/sdlkit/scan"
)

func newScanCmd() *cobra.Command {
	var (
		format, output, config string
		include, exclude, tags []string
		tests, allowErrors     bool
	)
	cmd := &cobra.Command{
		Use:   "scan [packages]",
		Short: "Run sdlkit's analyzers and gosec's rules over packages (implementation phase)",
		Long: `scan loads and type-checks the packages once and runs every sdlkit analyzer and
every gosec rule over them. It exits 1 when there are unsuppressed findings.

Rules are selected by sdl.yaml (scan.include, scan.exclude, scan.options) and
by --include and --exclude. Suppress a finding in code with
//sdl:ignore RULE -- reason; suppressed findings stay in SARIF as suppressions.`,
		Example: "  sdl scan ./...\n  sdl scan --format sarif -o results.sarif ./...",
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
				},
			}
			if len(include) > 0 {
				opts.Rules.Include = include
			}
			if len(tags) > 0 {
				opts.BuildFlags = []string{"-tags=" + strings.Join(tags, ",")}
			}
			res, err := scan.Run(cmd.Context(), opts)
			if err != nil {
				// A pattern matching nothing, a package that does not
				// compile, go list failing: the scan did not happen.
				return usageError(err)
			}
			rs := report.Scan{Root: res.Root, Packages: res.Packages, Rules: res.Rules, Findings: res.Findings, Skipped: res.Skipped}
			err = writeOutput(cmd, output, func(w io.Writer) error {
				switch format {
				case report.FormatJSON:
					return report.ScanJSON(w, rs, version.String())
				case report.FormatSARIF:
					return finding.WriteSARIF(w, res.SARIF(version.String()))
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
	return cmd
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
