package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sdlkit/sdlkit/internal/sarifschema"
	"github.com/sdlkit/sdlkit/internal/vulntest"
	"github.com/sdlkit/sdlkit/report"
	"github.com/sdlkit/sdlkit/scan/vulndb"
	"github.com/sdlkit/sdlkit/templates"
)

// monitorVuln affects golang.org/x/mod before 0.43.0; published
// 2026-03-01, important (CVSS 7.5), so due 30 days later, on 2026-03-31.
// Its modified time is in the future, so the database is never too old.
const monitorVuln = `{
  "id": "GO-2026-0001",
  "modified": "2099-01-02T00:00:00Z",
  "published": "2026-03-01T00:00:00Z",
  "aliases": ["CVE-2026-1001"],
  "summary": "Version comparison loops forever in golang.org/x/mod/semver",
  "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"}],
  "affected": [{
    "package": {"name": "golang.org/x/mod", "ecosystem": "Go"},
    "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "0.43.0"}]}]
  }]
}
`

// monitorDB builds a local vulnerability database holding monitorVuln.
func monitorDB(t *testing.T) string { return vulntest.Database(t, monitorVuln) }

// releasedRepo makes a Git repository whose tag v1.0.0, committed on
// 2026-01-10, requires the vulnerable golang.org/x/mod; the work tree
// has moved on to the fixed version since.
func releasedRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	git := func(when string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=sdl test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_COMMITTER_DATE="+when, "GIT_AUTHOR_DATE="+when, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	writeFile := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("2026-01-01T00:00:00Z", "init", "-q")
	writeFile("go.mod", "module example.com/app\n\ngo 1.26\n\nrequire golang.org/x/mod v0.42.0\n")
	git("2026-01-10T09:00:00Z", "add", "go.mod")
	git("2026-01-10T09:00:00Z", "commit", "-q", "-m", "release 1.0.0")
	git("2026-01-10T09:00:00Z", "tag", "v1.0.0")
	writeFile("go.mod", "module example.com/app\n\ngo 1.26\n\nrequire golang.org/x/mod v0.43.0\n")
	git("2026-02-01T09:00:00Z", "commit", "-q", "-am", "upgrade golang.org/x/mod")
	return dir
}

func TestMonitorExitCodes(t *testing.T) {
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	db := monitorDB(t)
	dir := releasedRepo(t)

	t.Run("not yet due exits 0", func(t *testing.T) {
		code, out, errOut := sdl(t, dir, "monitor", "--offline", "--vulndb", db, "--today", "2026-03-15")
		if code != 0 {
			t.Fatalf("exit %d\n%s%s", code, out, errOut)
		}
		for _, want := range []string{
			"release v1.0.0 (commit ", "released 2026-01-10 (the commit date of tag v1.0.0)",
			"database: local database " + vulndb.ZipPath(db),
			"Disclosed since release (1):", "GO-2026-0001 (CVE-2026-1001) golang.org/x/mod ", "0.42.0, fixed in ", "0.43.0 [important]",
			"published 2026-03-01; fix by 2026-03-31, in 16 days; go.mod:5", "PASSED",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q:\n%s", want, out)
			}
		}
	})
	t.Run("overdue exits 1", func(t *testing.T) {
		code, out, errOut := sdl(t, dir, "monitor", "--offline", "--vulndb", db, "--today", "2026-04-02")
		if code != 1 || !strings.Contains(out, "OVERDUE: fix by 2026-03-31, 2 days ago") || !strings.Contains(out, "FAILED: 1 vulnerability past the fix deadline") {
			t.Errorf("exit %d\n%s%s", code, out, errOut)
		}
	})
	t.Run("json", func(t *testing.T) {
		code, out, errOut := sdl(t, dir, "monitor", "--offline", "--vulndb", db, "--today", "2026-04-02", "--format", "json")
		if code != 1 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var v struct {
			Release struct {
				Tag  string
				Date string
			}
			Result          string
			Overdue         int
			Vulnerabilities []struct {
				ID, Installed, Deadline string
				Overdue, SinceRelease   bool
			}
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out)
		}
		if v.Release.Tag != "v1.0.0" || v.Release.Date != "2026-01-10" || v.Result != "FAILED" || v.Overdue != 1 ||
			len(v.Vulnerabilities) != 1 || v.Vulnerabilities[0].ID != "GO-2026-0001" || v.Vulnerabilities[0].Deadline != "2026-03-31" ||
			!v.Vulnerabilities[0].Overdue || !v.Vulnerabilities[0].SinceRelease {
			t.Errorf("JSON %+v", v)
		}
	})
	t.Run("excepted exits 0", func(t *testing.T) {
		pol := filepath.Join(t.TempDir(), "sdl.yaml")
		if err := os.WriteFile(pol, []byte("version: 1\nexceptions:\n  - id: EX-1\n    scope: {osv: CVE-2026-1001}\n    justification: only our own versions are compared\n    approver: alice@example.com\n    expires: 2099-01-01\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := sdl(t, dir, "monitor", "--offline", "--vulndb", db, "--today", "2026-04-02", "--config", pol)
		if code != 0 || !strings.Contains(out, "excepted by EX-1") || !strings.Contains(out, "PASSED WITH EXCEPTIONS") {
			t.Errorf("exit %d\n%s%s", code, out, errOut)
		}
	})
	t.Run("missing database exits 2", func(t *testing.T) {
		code, _, errOut := sdl(t, dir, "monitor", "--offline", "--vulndb", t.TempDir())
		if code != 2 || !strings.Contains(errOut, "sdl vulndb update") {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
	})
	t.Run("unknown tag exits 2", func(t *testing.T) {
		code, _, errOut := sdl(t, dir, "monitor", "--offline", "--vulndb", db, "--tag", "v9.9.9")
		if code != 2 || !strings.Contains(errOut, "v9.9.9") {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
	})
	t.Run("bad flags exit 2", func(t *testing.T) {
		for _, args := range [][]string{
			{"--today", "tomorrow"}, {"--released", "2026-13-01"}, {"--format", "xml"}, {"--offline", "--online"},
			{"--tag", "v1.0.0", "--gosum", "go.sum"},
		} {
			code, _, errOut := sdl(t, dir, append([]string{"monitor", "--vulndb", db}, args...)...)
			if code != 2 {
				t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
			}
		}
	})
}

func TestMonitorSARIFAndSummary(t *testing.T) {
	db := monitorDB(t)
	dir := releasedRepo(t)
	summary := filepath.Join(t.TempDir(), "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	code, out, errOut := sdl(t, dir, "monitor", "--offline", "--vulndb", db, "--today", "2026-04-02", "--format", "sarif", "-o", "monitor.sarif")
	if code != 1 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	if out != "" || !strings.Contains(errOut, "OVERDUE") || !strings.Contains(errOut, "database: local database") {
		t.Errorf("stdout %q, stderr %q", out, errOut)
	}
	data, err := os.ReadFile(filepath.Join(dir, "monitor.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifschema.Validate(data); err != nil {
		t.Fatalf("invalid SARIF: %v", err)
	}
	for _, want := range []string{`"name": "sdl"`, `"name": "osv-scanner"`, `"deadline": "2026-03-31"`, `"overdue": true`, `"published": "2026-03-01"`, `"ruleId": "GO-2026-0001"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("SARIF lacks %s", want)
		}
	}
	md, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "## sdl monitor: **FAILED") || !strings.Contains(string(md), "| **overdue** | [GO-2026-0001](https://osv.dev/vulnerability/GO-2026-0001)") {
		t.Errorf("summary:\n%s", md)
	}
}

func TestMonitorSBOM(t *testing.T) {
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	db := monitorDB(t)
	dir := t.TempDir()
	sbom := `{"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
  "metadata": {"timestamp": "2026-01-10T12:00:00Z"},
  "components": [{"type": "library", "name": "golang.org/x/mod", "version": "v0.42.0", "purl": "pkg:golang/golang.org/x/mod@v0.42.0"}]}`
	if err := os.WriteFile(filepath.Join(dir, "sbom.json"), []byte(sbom), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := sdl(t, dir, "monitor", "--offline", "--vulndb", db, "--sbom", "sbom.json", "--today", "2026-03-15", "--format", "markdown")
	if code != 0 || !strings.Contains(out, "### Disclosed since release (1)") || !strings.Contains(errOut, "sdl: database: local database") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}

// TestMonitorWorkflowFlags checks that every sdl command the monitor
// workflow template runs takes the flags it is given.
func TestMonitorWorkflowFlags(t *testing.T) {
	found := 0
	for _, line := range strings.Split(string(templates.MonitorWorkflow()), "\n") {
		_, rest, ok := strings.Cut(line, "sdl monitor --")
		if !ok {
			continue
		}
		rest, _, _ = strings.Cut("--"+rest, "||")
		found++
		cmd := newMonitorCmd()
		if err := cmd.ParseFlags(strings.Fields(rest)); err != nil {
			t.Errorf("%q: %v", strings.TrimSpace(line), err)
		}
		if format, _ := cmd.Flags().GetString("format"); checkFormat(format, report.FormatText, report.FormatMarkdown, report.FormatSARIF) != nil {
			t.Errorf("%q: format %q", strings.TrimSpace(line), format)
		}
	}
	if found != 2 {
		t.Errorf("%d sdl monitor commands in the workflow, want 2", found)
	}
}
