package templates_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/sdlkit/sdlkit/templates"
)

// workflow is the part of a GitHub Actions workflow the tests read.
type workflow struct {
	Name string `yaml:"name"`
	On   struct {
		Schedule []struct {
			Cron string `yaml:"cron"`
		} `yaml:"schedule"`
		WorkflowDispatch *struct{} `yaml:"workflow_dispatch"`
	} `yaml:"on"`
	Jobs map[string]struct {
		Permissions map[string]string `yaml:"permissions"`
		Steps       []struct {
			Name string            `yaml:"name"`
			ID   string            `yaml:"id"`
			If   string            `yaml:"if"`
			Uses string            `yaml:"uses"`
			With map[string]any    `yaml:"with"`
			Env  map[string]string `yaml:"env"`
			Run  string            `yaml:"run"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

func TestMonitorWorkflow(t *testing.T) {
	data := templates.MonitorWorkflow()
	var wf workflow
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("not YAML: %v", err)
	}
	if len(wf.On.Schedule) != 1 || len(strings.Fields(wf.On.Schedule[0].Cron)) != 5 {
		t.Errorf("schedule %+v: want one cron of five fields", wf.On.Schedule)
	}
	if !strings.Contains(string(data), "workflow_dispatch:") {
		t.Errorf("no workflow_dispatch")
	}
	job, ok := wf.Jobs["monitor"]
	if !ok {
		t.Fatalf("no monitor job: %v", wf.Jobs)
	}
	for perm, want := range map[string]string{"contents": "read", "security-events": "write", "issues": "write"} {
		if job.Permissions[perm] != want {
			t.Errorf("permission %s = %q, want %q", perm, job.Permissions[perm], want)
		}
	}
	var runs, uses []string
	for _, s := range job.Steps {
		runs = append(runs, s.Run)
		uses = append(uses, s.Uses)
		if strings.HasPrefix(s.Uses, "actions/checkout@") && s.With["fetch-depth"] != 0 {
			t.Errorf("checkout without the tags: with %v", s.With)
		}
	}
	all := strings.Join(runs, "\n")
	order := []string{"go install github.com/sdlkit/sdlkit/cmd/sdl@latest", "sdl vulndb update", "sdl monitor --offline --format markdown", "sdl monitor --offline --format sarif", "gh issue create"}
	last := -1
	for _, want := range order {
		i := strings.Index(all, want)
		if i < 0 || i < last {
			t.Errorf("the steps do not run %q (in this order: %q)", want, order)
		}
		last = i
	}
	if !slices.ContainsFunc(uses, func(u string) bool { return strings.HasPrefix(u, "github/codeql-action/upload-sarif@") }) {
		t.Errorf("no SARIF upload: %v", uses)
	}
}

func TestCIWorkflow(t *testing.T) {
	var wf workflow
	if err := yaml.Unmarshal(templates.CIWorkflow(), &wf); err != nil {
		t.Fatalf("not YAML: %v", err)
	}
	job, ok := wf.Jobs["gates"]
	if !ok {
		t.Fatalf("no gates job: %v", wf.Jobs)
	}
	var runs []string
	for _, s := range job.Steps {
		runs = append(runs, s.Run)
	}
	all := strings.Join(runs, "\n")
	for _, want := range []string{"sdl threatmodel validate", "sdl scan --format sarif -o sdl.sarif", "sdl gate implementation sdl.sarif", "sdl vulndb update"} {
		if !strings.Contains(all, want) {
			t.Errorf("no step runs %q", want)
		}
	}
	if job.Permissions["security-events"] != "write" {
		t.Errorf("permissions %v: SARIF upload needs security-events: write", job.Permissions)
	}
}

func TestFilesAndWrite(t *testing.T) {
	files, err := templates.Files("cicd")
	if err != nil {
		t.Fatal(err)
	}
	if string(files["threatmodel.yaml"]) != string(templates.ThreatModels()["cicd"]) {
		t.Errorf("threatmodel.yaml is not the cicd template")
	}
	root := t.TempDir()
	written, err := templates.Write(root, files, false)
	if err != nil || len(written) != 5 || written[0] != ".github/workflows/sdl-monitor.yml" {
		t.Fatalf("Write = %v, %v", written, err)
	}
	if _, err := templates.Write(root, files, false); !errors.Is(err, templates.ErrExists) {
		t.Errorf("second Write error %v, want ErrExists", err)
	}
	if _, err := templates.Files("nope"); err == nil {
		t.Errorf("unknown template accepted")
	}
}
