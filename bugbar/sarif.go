package bugbar

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sdlkit/sdlkit/finding"
)

// RuleIndex finds the rules of the inputs by tool and ID, for reports and
// SARIF output.
type RuleIndex struct {
	rules map[[2]string]finding.Rule
}

// NewRuleIndex indexes the rules of every run of the logs, under the
// run's tool and under the rule's own component.
func NewRuleIndex(logs []*finding.SARIFLog) *RuleIndex {
	ix := &RuleIndex{rules: map[[2]string]finding.Rule{}}
	for _, l := range logs {
		for _, run := range l.Runs {
			for _, r := range run.Rules {
				for _, tool := range []string{run.Tool, r.Tool} {
					k := [2]string{strings.ToLower(tool), r.ID}
					if _, ok := ix.rules[k]; !ok {
						ix.rules[k] = r
					}
				}
			}
		}
	}
	return ix
}

// Lookup returns the rule of a finding, if the inputs described it.
func (ix *RuleIndex) Lookup(tool, id string) (finding.Rule, bool) {
	r, ok := ix.rules[[2]string{strings.ToLower(tool), id}]
	return r, ok
}

// SARIF returns the decision as SARIF runs, one per tool: each result's
// level is the bug bar's, and findings that do not count carry a
// suppression saying why (the exception with its approver and expiry, or
// the baseline), so code scanning shows what the gate decided.
func (d *Decision) SARIF(ix *RuleIndex, driverVersion string) []finding.Run {
	byTool := map[string]*finding.Run{}
	var order []string
	ruleSeen := map[[2]string]bool{}
	for i := range d.Items {
		it := &d.Items[i]
		f := *it.Finding // a copy: suppressions are added below
		run, ok := byTool[f.Tool]
		if !ok {
			run = &finding.Run{Driver: finding.Tool{Name: f.Tool}, Successful: true,
				Properties: map[string]any{"sdl.gate": d.Phase, "sdl.decision": d.Result}}
			byTool[f.Tool] = run
			order = append(order, f.Tool)
		}
		if k := [2]string{f.Tool, f.RuleID}; !ruleSeen[k] {
			ruleSeen[k] = true
			r, ok := ix.Lookup(f.Tool, f.RuleID)
			if !ok {
				r = finding.Rule{ID: f.RuleID, Summary: f.RuleID, Severity: it.Own, CWE: f.CWE}
			}
			r.Tool = f.Tool
			run.Rules = append(run.Rules, r)
		}
		switch it.Status {
		case StatusExcepted:
			x := it.Exception
			f.Suppressions = append(slices.Clone(f.Suppressions), finding.Suppression{
				Kind:          finding.SuppressionExternal,
				Justification: fmt.Sprintf("exception %s, approved by %s until %s: %s", x.ID, x.Approver, x.Expires, x.Justification),
			})
		case StatusBaselined:
			f.Suppressions = append(slices.Clone(f.Suppressions), finding.Suppression{
				Kind:          finding.SuppressionExternal,
				Justification: fmt.Sprintf("in the baseline since %s; fix by %s", it.FirstSeen, it.Due),
			})
		}
		props := make(map[string]any, len(f.Properties)+3)
		for k, v := range f.Properties {
			props[k] = v
		}
		props["sdl.status"] = string(it.Status)
		props["sdl.ownSeverity"] = it.Own.String()
		if it.Overdue {
			props["sdl.overdue"] = true
		}
		if !it.Due.IsZero() {
			props["sdl.due"] = it.Due.String()
		}
		f.Properties = props
		run.Findings = append(run.Findings, f)
	}
	slices.Sort(order)
	out := make([]finding.Run, 0, len(order))
	for _, t := range order {
		out = append(out, *byTool[t])
	}
	if len(out) == 0 {
		out = append(out, finding.Run{Driver: finding.Tool{Name: "sdl", Version: driverVersion}, Successful: true,
			Properties: map[string]any{"sdl.gate": d.Phase, "sdl.decision": d.Result}})
	}
	return out
}
