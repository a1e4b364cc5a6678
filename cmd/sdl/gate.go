package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sdlkit/sdlkit/bugbar"
	"github.com/sdlkit/sdlkit/evidence"
	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/internal/gitrepo"
	"github.com/sdlkit/sdlkit/internal/srcline"
	"github.com/sdlkit/sdlkit/internal/version"
	"github.com/sdlkit/sdlkit/policy"
	"github.com/sdlkit/sdlkit/report"
)

func newGateCmd() *cobra.Command {
	var (
		out                                     gateOutput
		config, baselinePath, testReport, today string
		osvConfig                               string
		updateBaseline, noOSVConfig             bool
	)
	cmd := &cobra.Command{
		Use:   "gate PHASE [SARIF...]",
		Short: "Apply the bug bar to SARIF from any tool and decide a phase's gate (verification)",
		Long: `gate reads SARIF 2.1.0 files from any tool (sdl, gosec, osv-scanner, govulncheck,
CodeQL, Semgrep, Trivy, Grype, ...), classifies every finding with the bug bar
of sdl.yaml, applies its exceptions, the baseline and the SLAs, and decides the
gate of PHASE (design, implementation, verification or release):

  PASSED                   exit 0
  PASSED WITH EXCEPTIONS   exit 0
  FAILED                   exit 1

The ignores of osv-scanner.toml (found from the current directory up to the
module root, or named by --osv-scanner-config) apply to osv-scanner's findings
like exceptions of sdl.yaml, with ignoreUntil as their expiry.

Bad input (a file that is not JSON, not SARIF, or not SARIF 2.1.0, or an
osv-scanner.toml that is not valid TOML) exits 2, naming the file and the
position. Each run writes an evidence
record under .sdl/evidence/. In GitHub Actions it also writes annotations and
appends the Markdown summary to $GITHUB_STEP_SUMMARY.`,
		Example: "  sdl gate verification sdl.sarif codeql.sarif\n  sdl gate implementation --update-baseline sdl.sarif",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := out.check(); err != nil {
				return err
			}
			phase, files := args[0], args[1:]
			pol, err := loadPolicy(config)
			if err != nil {
				return err
			}
			gate, err := pol.Gate(phase)
			if err != nil {
				return usageError(err)
			}
			day := policy.Today(time.Now())
			if today != "" {
				if day, err = policy.ParseDate(today); err != nil {
					return usageError(fmt.Errorf("--today: %w", err))
				}
			}
			root := repoRootOf(workingDir())
			if os.Getenv("GOGC") == "" {
				// The gate holds every finding of its inputs; collecting
				// garbage twice as often keeps its peak memory about a
				// fifth lower for a few percent more time.
				debug.SetGCPercent(50)
			}

			in := bugbar.Input{Phase: phase, Policy: pol, Today: day}
			var inputs []evidence.Input
			var names []string
			if !noOSVConfig && !(cmd.Flags().Changed("osv-scanner-config") && osvConfig == "") {
				osv, err := applyOSVScannerConfig(&in, osvConfig)
				if err != nil {
					return err
				}
				if osv != nil {
					for _, w := range osv.Warnings {
						fmt.Fprintf(cmd.ErrOrStderr(), "sdl: warning: %s\n", w)
					}
					inputs = append(inputs, evidence.Input{Digest: evidence.Digest{Path: relativeTo(root, osv.File), Digest: osv.Digest}})
					names = append(names, fmt.Sprintf("%s (%d ignores)", osv.File, len(osv.Exceptions)))
				}
			}
			for _, name := range files {
				log, err := readSARIFFile(name, root)
				if err != nil {
					return usageError(err)
				}
				in.Logs = append(in.Logs, log)
				tools := []string{}
				input := evidence.Input{Digest: evidence.Digest{Path: name, Digest: log.Digest}}
				for _, r := range log.Runs {
					tools = append(tools, r.Tool)
					if db, ok := r.Properties["database"]; ok {
						if input.Databases == nil {
							input.Databases = map[string]any{}
						}
						input.Databases[r.Tool] = db
					}
				}
				input.Tools = tools
				inputs = append(inputs, input)
				names = append(names, fmt.Sprintf("%s (%s)", name, strings.Join(tools, ", ")))
			}
			if len(files) == 0 && len(gate.RequireTools) == 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "sdl: warning: no SARIF files given; the %s gate decides on no findings\n", phase)
			}
			if bp := baselineFile(baselinePath, gate, root); bp != "" {
				if in.Baseline, err = bugbar.LoadBaseline(bp); err != nil {
					return usageError(err)
				}
				baselinePath = bp
			}
			if testReport != "" {
				f, err := os.Open(testReport) //sdl:ignore G304 -- the report the user names
				if err != nil {
					return usageError(err)
				}
				in.PassedTests, err = bugbar.ParseTestReport(testReport, f)
				_ = f.Close() // read-only: nothing to lose
				if err != nil {
					return usageError(err)
				}
			}
			lines, err := srcline.Open(root)
			if err != nil {
				return usageError(err)
			}
			defer lines.Close()
			in.Context = lines.Line

			rules := bugbar.NewRuleIndex(in.Logs)
			d, err := bugbar.Evaluate(in)
			if err != nil {
				return usageError(err)
			}

			if updateBaseline {
				nb := in.Baseline.Updated(d.Items, day)
				if err := nb.Write(baselinePath); err != nil {
					return usageError(err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "baseline %s: %d findings\n", baselinePath, nb.Len())
				return nil
			}

			return out.publish(cmd, pol, d, rules, inputs, names, root, nil)
		},
	}
	f := cmd.Flags()
	out.register(f)
	f.StringVar(&config, "config", "", "policy file (default: sdl.yaml found from the current directory)")
	f.StringVar(&baselinePath, "baseline", "", "baseline file (default: the gate's baseline, or "+bugbar.DefaultBaseline+")")
	f.BoolVar(&updateBaseline, "update-baseline", false, "record the current findings in the baseline and exit")
	f.StringVar(&testReport, "test-report", "", "go test -json output, for requirements verified by tests")
	f.StringVar(&today, "today", "", "the date to decide as of, YYYY-MM-DD (for reproducing a decision)")
	f.StringVar(&osvConfig, "osv-scanner-config", "", "osv-scanner.toml whose ignores apply as exceptions (default: "+policy.OSVScannerConfigFile+" found from the current directory up to the module root; \"\" for none)")
	f.BoolVar(&noOSVConfig, "no-osv-scanner-config", false, "do not apply the ignores of an osv-scanner.toml")
	cmd.MarkFlagsMutuallyExclusive("osv-scanner-config", "no-osv-scanner-config")
	return cmd
}

// applyOSVScannerConfig adds the ignores of the osv-scanner.toml the flag
// names (or the one found) to the input's policy as exceptions, and its
// warnings to the input's; it returns the file, or nil when there is none.
func applyOSVScannerConfig(in *bugbar.Input, flag string) (*policy.OSVScannerConfig, error) {
	osv, err := loadOSVScannerConfig(flag)
	if err != nil {
		return nil, usageError(err)
	}
	if osv != nil {
		in.Policy.AddExceptions(osv.Exceptions...)
		in.Warnings = osv.Warnings
	}
	return osv, nil
}

// loadOSVScannerConfig loads the osv-scanner.toml the flag names, or the
// one found from the working directory; it returns nil when there is none.
func loadOSVScannerConfig(flag string) (*policy.OSVScannerConfig, error) {
	path := flag
	if path == "" {
		found, err := policy.FindOSVScannerConfig(workingDir())
		if err != nil || found == "" {
			return nil, err
		}
		path = relativeTo(workingDir(), found)
	}
	return policy.LoadOSVScannerConfig(path)
}

// relativeTo returns path relative to dir, with slashes, when it is
// inside dir, and path unchanged otherwise.
func relativeTo(dir, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, "../") || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return filepath.ToSlash(rel)
}

// readSARIFFile reads one SARIF input.
func readSARIFFile(name, root string) (*finding.SARIFLog, error) {
	f, err := os.Open(name) //sdl:ignore G304 -- a SARIF file the user names
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: the SARIF file is missing: the tool that should have written it did not run or failed", name)
		}
		return nil, err
	}
	defer f.Close()
	return finding.ReadSARIF(name, f, finding.ReadOptions{Root: root})
}

// baselineFile returns the baseline path: the flag, the gate's, or the
// default under the repository root.
func baselineFile(flag string, gate *policy.Gate, root string) string {
	switch {
	case flag != "":
		return flag
	case gate.Baseline != "":
		if filepath.IsAbs(gate.Baseline) {
			return gate.Baseline
		}
		return filepath.Join(root, gate.Baseline)
	}
	return filepath.Join(root, bugbar.DefaultBaseline)
}

// repoRootOf returns the Git root above dir, or dir.
func repoRootOf(dir string) string {
	if r, err := gitrepo.Root(dir); err == nil && r != "" {
		return r
	}
	return dir
}

func policyName(p *policy.Policy) string {
	if p.File == "" {
		return "default policy"
	}
	return p.File
}

// evidenceRecord builds the record of a gate run.
func evidenceRecord(d *bugbar.Decision, pol *policy.Policy, inputs []evidence.Input, commit string) *evidence.Record {
	rec := &evidence.Record{
		Phase: d.Phase, Decision: d.Result, Reasons: d.Reasons, Warnings: d.Warnings,
		Counts: map[string]evidence.Count{}, Overdue: len(d.Overdue), Commit: commit,
		Policy: evidence.Digest{Path: policyName(pol), Digest: pol.Digest},
		Inputs: inputs, Tool: "sdl " + version.String(), Time: time.Now().UTC().Truncate(time.Second),
	}
	if rec.Inputs == nil {
		rec.Inputs = []evidence.Input{}
	}
	for l, c := range d.Counts {
		rec.Counts[l.String()] = evidence.Count(*c)
	}
	for _, x := range d.Exceptions {
		rec.Exceptions = append(rec.Exceptions, evidence.Exception{ID: x.Exception.ID, State: string(x.State), Matches: x.Matches, Expires: x.Exception.Expires.String(), Approver: x.Exception.Approver, Source: x.Exception.Source})
	}
	return rec
}

// githubOutputs writes annotations when running in GitHub Actions and
// appends the Markdown summary to $GITHUB_STEP_SUMMARY when it is set.
func githubOutputs(cmd *cobra.Command, g report.Gate, markdown func(io.Writer) error) error {
	if os.Getenv("GITHUB_ACTIONS") == "true" {
		if err := report.GateAnnotations(cmd.OutOrStdout(), g); err != nil {
			return err
		}
	}
	if path := os.Getenv("GITHUB_STEP_SUMMARY"); path != "" {
		//sdl:ignore G304,SDL904 -- the summary file GitHub Actions names
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
		if err != nil {
			return fmt.Errorf("appending to $GITHUB_STEP_SUMMARY: %w", err)
		}
		if err := markdown(f); err != nil {
			_ = f.Close() // the write error says more
			return err
		}
		return f.Close()
	}
	return nil
}
