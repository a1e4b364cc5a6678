package finding_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/internal/sarifschema"
)

func sampleRun() finding.Run {
	return finding.Run{
		Driver:     finding.Tool{Name: "sdl", Version: "test", InformationURI: "https://github.com/sdlkit/sdlkit"},
		Extensions: []finding.Tool{{Name: "gosec", Version: "2.30.0"}},
		Rules: []finding.Rule{
			{ID: "SDL101", Name: "tlsminversion", Tool: "sdl", Summary: "s", Help: "# h", Text: "t", HelpURI: "https://x/#sdl101", CWE: []int{326}, Severity: finding.Important},
			{ID: "G402", Tool: "gosec", Summary: "tls", CWE: []int{295}, Severity: finding.Important},
			{ID: "G104", Tool: "gosec", Summary: "errors", CWE: []int{703}, Severity: finding.Low},
		},
		Findings: []finding.Finding{
			{Tool: "gosec", RuleID: "G104", Message: "Errors unhandled", Severity: finding.Low, CWE: []int{703},
				Location:     finding.Location{Path: "b.go", StartLine: 3, StartColumn: 2, EndLine: 3, EndColumn: 10},
				Fingerprint:  "f2",
				Suppressions: []finding.Suppression{{Kind: finding.SuppressionInSource, Justification: "why", Location: &finding.Location{Path: "b.go", StartLine: 3, StartColumn: 12}}},
				Properties:   map[string]any{"gosec.confidence": "HIGH"}},
			{Tool: "sdl", RuleID: "SDL101", Message: "no MinVersion", Severity: finding.Important, CWE: []int{326},
				Location:    finding.Location{Path: "a/a.go", StartLine: 10, StartColumn: 9, EndLine: 10, EndColumn: 23},
				Fingerprint: "f1",
				Fixes: []finding.Fix{{Description: "Add MinVersion", Edits: []finding.Edit{
					{Path: "a/a.go", Offset: 0, Length: 0, StartLine: 1, StartColumn: 1, EndLine: 1, EndColumn: 1, Text: "x"}}}}},
		},
		Successful:    false,
		Notifications: []string{"package not scanned: p"},
	}
}

func TestWriteSARIFValidates(t *testing.T) {
	var buf bytes.Buffer
	if err := finding.WriteSARIF(&buf, sampleRun()); err != nil {
		t.Fatal(err)
	}
	if err := sarifschema.Validate(buf.Bytes()); err != nil {
		t.Fatalf("SARIF does not validate: %v\n%s", err, buf.String())
	}
}

func TestWriteSARIFContent(t *testing.T) {
	var buf bytes.Buffer
	if err := finding.WriteSARIF(&buf, sampleRun()); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID         string         `json:"id"`
						Properties map[string]any `json:"properties"`
					} `json:"rules"`
				} `json:"driver"`
				Extensions []struct {
					Name  string `json:"name"`
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"extensions"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Rule      struct {
					ToolComponent *struct {
						Index int `json:"index"`
					} `json:"toolComponent"`
				} `json:"rule"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine, StartColumn, EndLine, EndColumn int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Suppressions        []struct {
					Kind          string `json:"kind"`
					Justification string `json:"justification"`
				} `json:"suppressions"`
				Fixes []any `json:"fixes"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Tool.Driver.Rules) != 1 || run.Tool.Driver.Rules[0].ID != "SDL101" {
		t.Fatalf("driver rules = %+v", run.Tool.Driver.Rules)
	}
	props := run.Tool.Driver.Rules[0].Properties
	if props["security-severity"] != "8.0" {
		t.Errorf("security-severity = %v", props["security-severity"])
	}
	tags, _ := props["tags"].([]any)
	if len(tags) < 2 || tags[0] != "security" || tags[1] != "external/cwe/cwe-326" {
		t.Errorf("tags = %v", tags)
	}
	ext := run.Tool.Extensions[0]
	if ext.Name != "gosec" || len(ext.Rules) != 2 || ext.Rules[0].ID != "G104" || ext.Rules[1].ID != "G402" {
		t.Errorf("extension = %+v", ext)
	}
	// Results are sorted by path: a/a.go before b.go.
	first, second := run.Results[0], run.Results[1]
	if first.RuleID != "SDL101" || first.RuleIndex != 0 || first.Level != "error" || first.Rule.ToolComponent != nil {
		t.Errorf("first result = %+v", first)
	}
	loc := first.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "a/a.go" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region.StartLine != 10 || loc.Region.EndColumn != 23 {
		t.Errorf("location = %+v", loc)
	}
	if first.PartialFingerprints[finding.FingerprintKey] != "f1" || len(first.Fixes) != 1 {
		t.Errorf("fingerprints = %v, fixes = %d", first.PartialFingerprints, len(first.Fixes))
	}
	if second.RuleID != "G104" || second.RuleIndex != 0 || second.Rule.ToolComponent == nil || second.Rule.ToolComponent.Index != 0 || second.Level != "note" {
		t.Errorf("second result = %+v", second)
	}
	if len(second.Suppressions) != 1 || second.Suppressions[0].Kind != "inSource" || second.Suppressions[0].Justification != "why" {
		t.Errorf("suppressions = %+v", second.Suppressions)
	}
}

func TestWriteSARIFRejectsUnknownTool(t *testing.T) {
	run := sampleRun()
	run.Rules = append(run.Rules, finding.Rule{ID: "X1", Tool: "semgrep"})
	if err := finding.WriteSARIF(&bytes.Buffer{}, run); err == nil {
		t.Error("a rule of a tool that is not a component of the run was accepted")
	}
}
