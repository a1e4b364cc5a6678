package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sdlkit/sdlkit/analyzers/suite"
	"github.com/sdlkit/sdlkit/analyzers/taintcustom"
	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/report"
	"github.com/sdlkit/sdlkit/threatmodel"
)

func newRulesCmd() *cobra.Command {
	var format, output string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every rule: ID, name, default level, CWE, summary (training)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(format, report.FormatText, report.FormatJSON, report.FormatMarkdown); err != nil {
				return err
			}
			rules, err := allRules()
			if err != nil {
				return err
			}
			return writeOutput(cmd, output, func(w io.Writer) error {
				switch format {
				case report.FormatJSON:
					return report.RulesJSON(w, rules)
				case report.FormatMarkdown:
					return report.RulesMarkdown(w, rules)
				}
				return report.RulesText(w, rules)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", report.FormatText, "output format: text, json or markdown (the docs/rules.md reference)")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to this file (atomically) instead of stdout")
	return cmd
}

func newExplainCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "explain RULE",
		Short:   "Explain a rule: what it catches, why it matters, how to fix it, CWE (training)",
		Example: "  sdl explain SDL101\n  sdl explain tlsminversion\n  sdl explain G402\n  sdl explain TM101",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, ok, err := lookupRule(args[0])
			if err != nil {
				return err
			}
			if !ok {
				return usageError(fmt.Errorf("unknown rule %q; `sdl rules` lists the rules", args[0]))
			}
			return report.Explain(cmd.OutOrStdout(), r)
		},
	}
}

// allRules lists every rule sdlkit can report: code rules (ours and
// gosec's), the custom taint rules of the project's sdl.yaml, and the
// design gates.
func allRules() ([]finding.Rule, error) {
	pol, err := loadPolicy("")
	if err != nil {
		return nil, err
	}
	rules := append(suite.Rules(), threatmodel.Rules()...)
	for _, t := range taintcustom.Rules(pol) {
		rules = append(rules, t.Rule)
	}
	report.SortRules(rules)
	return rules, nil
}

// lookupRule finds any rule by ID or name, case-insensitively.
func lookupRule(idOrName string) (finding.Rule, bool, error) {
	rules, err := allRules()
	if err != nil {
		return finding.Rule{}, false, err
	}
	for _, r := range rules {
		if strings.EqualFold(r.ID, idOrName) || (r.Name != "" && strings.EqualFold(r.Name, idOrName)) {
			return r, true, nil
		}
	}
	return finding.Rule{}, false, nil
}
