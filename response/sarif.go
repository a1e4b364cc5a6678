package response

import (
	"fmt"
	"maps"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/scan/deps"
)

// SARIF returns the report as one SARIF run: sdl (at driverVersion) is the
// driver and osv-scanner, whose rules the vulnerabilities are, an
// extension. Each result's level is the bug bar's; its properties add the
// deadline, overdue and published; an excepted vulnerability carries a
// suppression naming the exception. The run records the release and the
// database used.
func (r *Report) SARIF(driverVersion string) finding.Run {
	run := finding.Run{
		Driver:     finding.Tool{Name: "sdl", Version: driverVersion, InformationURI: "https://github.com/sdlkit/sdlkit"},
		Extensions: []finding.Tool{{Name: deps.Tool, Version: deps.Version, InformationURI: "https://github.com/google/osv-scanner"}},
		Rules:      r.Rules,
		Successful: true,
		Properties: map[string]any{
			"sdl.phase":    "response",
			"release":      r.Release,
			"today":        r.Today.String(),
			"database":     r.Database,
			"databaseText": r.Database.String(),
			"notes":        r.Notes,
		},
	}
	for i := range r.Vulnerabilities {
		v := &r.Vulnerabilities[i]
		f := v.Finding
		f.Level = f.Severity.SARIFLevel()
		f.Properties = maps.Clone(f.Properties)
		if f.Properties == nil {
			f.Properties = map[string]any{}
		}
		f.Properties["published"] = v.Published.String()
		f.Properties["publishedKnown"] = v.PublishedKnown
		f.Properties["overdue"] = v.Overdue
		if !v.Deadline.IsZero() {
			f.Properties["deadline"] = v.Deadline.String()
		}
		if v.SinceRelease {
			f.Properties["disclosed"] = "since release"
		} else {
			f.Properties["disclosed"] = "known at release"
		}
		f.Properties["sdl.ownSeverity"] = v.Own.String()
		if x := v.Exception; x != nil {
			f.Suppressions = append(f.Suppressions[:len(f.Suppressions):len(f.Suppressions)], finding.Suppression{
				Kind:          finding.SuppressionExternal,
				Justification: fmt.Sprintf("exception %s, approved by %s until %s: %s", x.ID, x.Approver, x.Expires, x.Justification),
			})
		}
		run.Findings = append(run.Findings, f)
	}
	return run
}
