package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sdlkit/sdlkit/analyzers/suite"
	"github.com/sdlkit/sdlkit/bugbar"
	"github.com/sdlkit/sdlkit/evidence"
	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/internal/gitrepo"
	"github.com/sdlkit/sdlkit/policy"
	"github.com/sdlkit/sdlkit/report"
	"github.com/sdlkit/sdlkit/threatmodel"
)

func newThreatModelCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "threatmodel",
		Aliases: []string{"tm"},
		Short:   "Validate, draw and complete the threat model (design phase)",
	}
	cmd.AddCommand(newTMValidateCmd(), newTMDiagramCmd(), newTMThreatsCmd(), newTMImportCmd(), &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of threatmodel.yaml, for editors",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := cmd.OutOrStdout().Write(threatmodel.Schema())
			return err
		},
	})
	return cmd
}

// loadedModel is a threat model with what the gates need.
type loadedModel struct {
	pol  *policy.Policy
	m    *threatmodel.Model
	root string
	rel  string // the model's path relative to root
	ctx  threatmodel.Context
}

// loadModel loads the policy and the threat model (args[0], or the
// policy's design.threatModel under the repository root).
func loadModel(config string, args []string, today string) (*loadedModel, error) {
	pol, err := loadPolicy(config)
	if err != nil {
		return nil, err
	}
	root := repoRootOf(workingDir())
	path := filepath.Join(root, pol.Design.ThreatModel)
	if len(args) > 0 {
		path = args[0]
	}
	m, err := threatmodel.Load(path)
	if err != nil {
		return nil, usageError(err)
	}
	abs, _ := filepath.Abs(path)
	rel, err := filepath.Rel(root, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		rel = filepath.Base(path)
	}
	day := policy.Today(time.Now())
	if today != "" {
		if day, err = policy.ParseDate(today); err != nil {
			return nil, usageError(fmt.Errorf("--today: %w", err))
		}
	}
	lm := &loadedModel{pol: pol, m: m, root: root, rel: filepath.ToSlash(rel)}
	lm.ctx = threatmodel.Context{
		Path:          lm.rel,
		Today:         day,
		Rule:          ruleState(pol),
		Requirements:  map[string]bool{},
		FreshnessDays: *pol.Design.FreshnessDays,
	}
	for _, r := range pol.Requirements {
		lm.ctx.Requirements[r.ID] = true
	}
	// Tests and code paths are relative to the module holding the model.
	if modRoot := moduleRoot(filepath.Dir(abs)); modRoot != "" {
		if tests, err := threatmodel.NewGoTests(modRoot); err == nil {
			lm.ctx.TestExists = tests.Exists
		}
		if _, err := os.Stat(filepath.Join(root, ".git")); err == nil {
			prefix, _ := filepath.Rel(root, modRoot)
			lm.ctx.LastChange = func(paths []string) (time.Time, error) {
				rooted := make([]string, len(paths))
				for i, p := range paths {
					rooted[i] = filepath.ToSlash(filepath.Join(prefix, p))
				}
				return gitrepo.LastChange(root, rooted)
			}
		}
	}
	return lm, nil
}

// ruleState says, for mitigations citing rules, whether a rule exists and
// whether the policy runs it.
func ruleState(pol *policy.Policy) func(id string) (bool, bool) {
	on := func(list []string, r finding.Rule) bool {
		return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, r.ID) || strings.EqualFold(x, r.Name) })
	}
	state := map[string]bool{} // upper-case ID or lower-case name -> enabled
	for _, r := range threatmodel.Rules() {
		state[strings.ToUpper(r.ID)] = true
	}
	for _, r := range suite.Rules() {
		enabled := (len(pol.Scan.Include) == 0 || on(pol.Scan.Include, r)) && !on(pol.Scan.Exclude, r)
		state[strings.ToUpper(r.ID)] = enabled
		if r.Name != "" {
			state[strings.ToLower(r.Name)] = enabled
		}
	}
	return func(id string) (bool, bool) {
		if enabled, ok := state[strings.ToUpper(id)]; ok {
			return true, enabled
		}
		enabled, ok := state[strings.ToLower(id)]
		return ok, enabled
	}
}

// moduleRoot returns the nearest directory at or above dir with a go.mod.
func moduleRoot(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

func newTMValidateCmd() *cobra.Command {
	var (
		out           gateOutput
		config, today string
	)
	cmd := &cobra.Command{
		Use:   "validate [FILE]",
		Short: "Check the threat model against the design gates and decide the design gate",
		Long: `validate checks threatmodel.yaml (or FILE) against the design gates (encrypted and
authenticated flows across trust boundaries, encrypted and audited sensitive
stores, authenticated internet-facing processes, tenant isolation, STRIDE per
element, open and accepted threats, mitigation references, freshness), puts
the findings through the bug bar of sdl.yaml, and decides the design gate:
exit 0 when it passes, 1 when it fails, 2 when the model is not valid.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := out.check(); err != nil {
				return err
			}
			lm, err := loadModel(config, args, today)
			if err != nil {
				return err
			}
			fs := lm.m.Check(lm.ctx)
			log := designLog(lm, fs)
			d, err := bugbar.Evaluate(bugbar.Input{Phase: "design", Policy: lm.pol, Today: lm.ctx.Today, Logs: []*finding.SARIFLog{log}})
			if err != nil {
				return usageError(err)
			}
			inputs := []evidence.Input{{Digest: evidence.Digest{Path: lm.rel, Digest: lm.m.Digest}, Tools: []string{"sdl"}}}
			diagram := func(w io.Writer) error { return report.DiagramMarkdown(w, lm.m, fs) }
			return out.publish(cmd, lm.pol, d, bugbar.NewRuleIndex([]*finding.SARIFLog{log}), inputs, []string{lm.rel}, lm.root, diagram)
		},
	}
	out.register(cmd.Flags())
	cmd.Flags().StringVar(&config, "config", "", "policy file (default: sdl.yaml found from the current directory)")
	cmd.Flags().StringVar(&today, "today", "", "the date to decide as of, YYYY-MM-DD")
	return cmd
}

// designLog wraps the design gates' findings as the SARIF log of an sdl run.
func designLog(lm *loadedModel, fs []finding.Finding) *finding.SARIFLog {
	log := &finding.SARIFLog{File: lm.rel, Digest: lm.m.Digest,
		Runs: []finding.SARIFRun{{Tool: "sdl", Rules: threatmodel.Rules(), Successful: true}}}
	for i := range fs {
		log.Findings = append(log.Findings, &fs[i])
	}
	return log
}

func newTMDiagramCmd() *cobra.Command {
	var format, output, config, today string
	cmd := &cobra.Command{
		Use:   "diagram [FILE]",
		Short: "Draw the data-flow diagram (mermaid, dot) or write the model's report (markdown)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "mermaid", "dot", report.FormatMarkdown); err != nil {
				return err
			}
			lm, err := loadModel(config, args, today)
			if err != nil {
				return err
			}
			fs := lm.m.Check(lm.ctx)
			marked := threatmodel.Marked(lm.m, fs)
			return writeOutput(cmd, output, func(w io.Writer) error {
				switch format {
				case "dot":
					return threatmodel.WriteDOT(w, lm.m, marked)
				case report.FormatMarkdown:
					return report.ThreatModelMarkdown(w, lm.m, fs)
				}
				return threatmodel.WriteMermaid(w, lm.m, marked)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "mermaid", "mermaid, dot, or markdown (a report with the diagram, elements, flows, threats and gate results)")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to this file (atomically) instead of stdout")
	cmd.Flags().StringVar(&config, "config", "", "policy file")
	cmd.Flags().StringVar(&today, "today", "", "the date to check as of, YYYY-MM-DD")
	return cmd
}

func newTMThreatsCmd() *cobra.Command {
	var config string
	cmd := &cobra.Command{
		Use:   "threats [FILE]",
		Short: "Print, as YAML to paste, the STRIDE threats the model does not yet cover",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lm, err := loadModel(config, args, "")
			if err != nil {
				return err
			}
			return threatmodel.WriteThreatsYAML(cmd.OutOrStdout(), threatmodel.Missing(lm.m))
		},
	}
	cmd.Flags().StringVar(&config, "config", "", "policy file (default: sdl.yaml found from the current directory)")
	return cmd
}
