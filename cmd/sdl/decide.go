package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sdlkit/sdlkit/bugbar"
	"github.com/sdlkit/sdlkit/evidence"
	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/internal/gitrepo"
	"github.com/sdlkit/sdlkit/internal/version"
	"github.com/sdlkit/sdlkit/policy"
	"github.com/sdlkit/sdlkit/report"
)

// gateOutput holds the flags of every command that decides a gate, and
// publishes the decision: evidence record, output, GitHub annotations and
// summary, exit code.
type gateOutput struct {
	format, output, commit string
	noEvidence             bool
}

func (o *gateOutput) register(f *pflag.FlagSet) {
	f.StringVar(&o.format, "format", report.FormatText, "output format: text, json, sarif or markdown")
	f.StringVarP(&o.output, "output", "o", "", "write the output to this file (atomically) instead of stdout")
	f.StringVar(&o.commit, "commit", "", "the commit the evidence is about (default: git HEAD)")
	f.BoolVar(&o.noEvidence, "no-evidence", false, "do not write an evidence record")
}

func (o *gateOutput) check() error {
	return checkFormat(o.format, report.FormatText, report.FormatJSON, report.FormatSARIF, report.FormatMarkdown)
}

// publish writes a decision's evidence and outputs; extra, when set, is
// appended to the Markdown renderings (the design gate's diagram).
func (o *gateOutput) publish(cmd *cobra.Command, pol *policy.Policy, d *bugbar.Decision, rules *bugbar.RuleIndex,
	inputs []evidence.Input, names []string, root string, extra func(io.Writer) error) error {
	commit := o.commit
	if commit == "" {
		var err error
		if commit, err = gitrepo.Head(root); err != nil {
			commit = "unknown"
		}
	}
	g := report.Gate{Decision: d, Rules: rules, Commit: commit, Inputs: names,
		Policy: fmt.Sprintf("%s (%s)", policyName(pol), pol.Digest)}
	if !o.noEvidence {
		path, err := evidence.Write(root, evidenceRecord(d, pol, inputs, commit))
		if err != nil {
			return usageError(err)
		}
		g.Evidence = path
	}
	markdown := func(w io.Writer) error {
		if err := report.GateMarkdown(w, g); err != nil {
			return err
		}
		if extra != nil {
			return extra(w)
		}
		return nil
	}
	err := writeOutput(cmd, o.output, func(w io.Writer) error {
		switch o.format {
		case report.FormatJSON:
			return report.GateJSON(w, g)
		case report.FormatMarkdown:
			return markdown(w)
		case report.FormatSARIF:
			return finding.WriteSARIF(w, d.SARIF(rules, version.String())...)
		}
		return report.GateText(w, g)
	})
	if err != nil {
		return usageError(err)
	}
	if o.output != "" && o.output != "-" {
		if err := report.GateText(cmd.ErrOrStderr(), g); err != nil {
			return usageError(err)
		}
	}
	if err := githubOutputs(cmd, g, markdown); err != nil {
		return usageError(err)
	}
	if d.Result == bugbar.Failed {
		return failed()
	}
	return nil
}
