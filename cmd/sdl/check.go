package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sdlkit/sdlkit/analyzers/suite"
	"github.com/sdlkit/sdlkit/analyzers/taintcustom"
	"github.com/sdlkit/sdlkit/bugbar"
	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/internal/version"
	"github.com/sdlkit/sdlkit/policy"
	"github.com/sdlkit/sdlkit/release"
	"github.com/sdlkit/sdlkit/report"
	"github.com/sdlkit/sdlkit/scan"
	"github.com/sdlkit/sdlkit/scan/project"
)

// checkStep is one line of sdl check's summary.
type checkStep struct {
	name, result, detail string
	failed               bool
}

func newCheckCmd() *cobra.Command {
	var (
		config, today string
		tests         bool
		dep           depsFlags
	)
	cmd := &cobra.Command{
		Use:   "check [packages]",
		Short: "Run the whole pipeline on the current module, as before a push: design, implementation and response plan",
		Long: `check runs what CI runs, on the module in the current directory:

  design          the threat model (sdl.yaml's design.threatModel) against the
                  design gates, when there is one
  implementation  sdl scan (code and dependencies) decided by the
                  implementation gate of sdl.yaml, with its baseline and the
                  ignores of osv-scanner.toml
  response plan   SECURITY.md names a contact, supported versions and
                  response times

The dependency scan queries the OSV service and, when it cannot be reached,
falls back to the local database (sdl vulndb update) and says so; with no
usable database it fails closed. check writes no evidence records: the gates
in CI do. Exit 0 when everything passes, 1 when something fails, 2 for bad
input.`,
		Example: "  sdl check\n  sdl check --offline ./...",
		RunE: func(cmd *cobra.Command, args []string) error {
			pol, err := loadPolicy(config)
			if err != nil {
				return err
			}
			day := policy.Today(time.Now())
			if today != "" {
				if day, err = policy.ParseDate(today); err != nil {
					return usageError(fmt.Errorf("--today: %w", err))
				}
			}
			w := cmd.OutOrStdout()
			root := repoRootOf(workingDir())
			var steps []checkStep

			design, err := checkDesign(w, config, today, pol, root)
			if err != nil {
				return err
			}
			steps = append(steps, design)

			depOpts, err := dep.options(pol)
			if err != nil {
				return err
			}
			impl, err := checkImplementation(cmd, w, pol, day, root, args, tests, depOpts)
			if err != nil {
				return err
			}
			steps = append(steps, impl)

			plan, err := release.CheckResponsePlan(root)
			if err != nil {
				return usageError(err)
			}
			ps := checkStep{name: "response plan", result: "OK", detail: relativeTo(root, plan.Path)}
			if !plan.OK() {
				ps.result, ps.failed, ps.detail = "MISSING", true, strings.Join(plan.Problems, "; ")
			}
			steps = append(steps, ps)

			failedAny := false
			fmt.Fprintln(w, "\n== sdl check")
			for _, s := range steps {
				fmt.Fprintf(w, "%-15s %-22s %s\n", s.name, s.result, s.detail)
				failedAny = failedAny || s.failed
			}
			if failedAny {
				fmt.Fprintln(w, "sdl check: FAILED")
				return failed()
			}
			fmt.Fprintln(w, "sdl check: PASSED")
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&config, "config", "", "policy file (default: sdl.yaml found from the current directory)")
	f.StringVar(&today, "today", "", "the date to decide as of, YYYY-MM-DD")
	f.BoolVar(&tests, "tests", false, "also scan _test.go files")
	dep.register(f)
	return cmd
}

// checkDesign decides the design gate when the threat model exists.
func checkDesign(w io.Writer, config, today string, pol *policy.Policy, root string) (checkStep, error) {
	step := checkStep{name: "design"}
	path := filepath.Join(root, pol.Design.ThreatModel)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		step.result, step.detail = "SKIPPED", "no "+pol.Design.ThreatModel+" (sdl init writes a starter)"
		return step, nil
	}
	lm, err := loadModel(config, nil, today)
	if err != nil {
		return step, err
	}
	fs := lm.m.Check(lm.ctx)
	log := designLog(lm, fs)
	d, err := bugbar.Evaluate(bugbar.Input{Phase: "design", Policy: lm.pol, Today: lm.ctx.Today, Logs: []*finding.SARIFLog{log}})
	if err != nil {
		return step, usageError(err)
	}
	fmt.Fprintf(w, "== design (%s)\n", lm.rel)
	if err := report.GateText(w, report.Gate{Decision: d, Rules: bugbar.NewRuleIndex([]*finding.SARIFLog{log}), Inputs: []string{lm.rel}}); err != nil {
		return step, usageError(err)
	}
	step.result, step.failed, step.detail = d.Result, d.Result == bugbar.Failed, lm.rel
	return step, nil
}

// checkImplementation scans the module and decides the implementation
// gate over the scan's SARIF, exactly as sdl gate would read it.
func checkImplementation(cmd *cobra.Command, w io.Writer, pol *policy.Policy, day policy.Date, root string,
	patterns []string, tests bool, depOpts *project.DepsOptions) (checkStep, error) {
	step := checkStep{name: "implementation"}
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	opts := scan.Options{
		Dir: workingDir(), Patterns: patterns, Tests: tests || pol.Scan.Tests,
		Rules: suite.Options{Include: pol.Scan.Include, Exclude: pol.Scan.Exclude, RuleOptions: pol.Scan.Options,
			Taint: taintcustom.Rules(pol)},
	}
	res, err := project.Scan(cmd.Context(), project.Options{Code: opts, Deps: depOpts})
	if err != nil {
		return step, usageError(err)
	}
	fmt.Fprintln(w, "== implementation (sdl scan)")
	rs := report.Scan{Root: res.Code.Root, Packages: res.Code.Packages, Rules: res.Rules(),
		Findings: res.Findings(), Skipped: res.Code.Skipped, Deps: depsReport(res)}
	if err := report.ScanText(w, rs); err != nil {
		return step, usageError(err)
	}
	var buf bytes.Buffer
	if err := finding.WriteSARIF(&buf, res.SARIF(version.String())...); err != nil {
		return step, usageError(err)
	}
	log, err := finding.ReadSARIF("sdl scan", &buf, finding.ReadOptions{Root: root})
	if err != nil {
		return step, usageError(err)
	}
	gate, err := pol.Gate("implementation")
	if err != nil {
		return step, usageError(err)
	}
	in := bugbar.Input{Phase: "implementation", Policy: pol, Today: day, Logs: []*finding.SARIFLog{log}}
	if _, err := applyOSVScannerConfig(&in, ""); err != nil {
		return step, err
	}
	if bp := baselineFile("", gate, root); bp != "" {
		if in.Baseline, err = bugbar.LoadBaseline(bp); err != nil {
			return step, usageError(err)
		}
	}
	d, err := bugbar.Evaluate(in)
	if err != nil {
		return step, usageError(err)
	}
	fmt.Fprintln(w, "== implementation gate")
	if err := report.GateText(w, report.Gate{Decision: d, Rules: bugbar.NewRuleIndex([]*finding.SARIFLog{log}), Inputs: []string{"sdl scan"}}); err != nil {
		return step, usageError(err)
	}
	step.result, step.failed = d.Result, d.Result == bugbar.Failed
	switch {
	case res.DepsErr != nil:
		step.detail = "dependencies NOT scanned: " + res.DepsErr.Error()
	case res.Deps != nil:
		step.detail = "dependencies against the " + res.Deps.Database.String()
		if res.DepsNote != "" {
			step.detail += ", the OSV service being out of reach"
		}
	default:
		step.detail = "dependencies not scanned (--no-deps)"
	}
	return step, nil
}
