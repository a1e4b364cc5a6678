package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sdlkit/sdlkit/internal/sarifschema"
	"github.com/sdlkit/sdlkit/internal/vulntest"
)

// modRecord says golang.org/x/mod before v0.99.0 is vulnerable.
const modRecord = `{
  "id": "GO-2099-0101",
  "modified": "%s",
  "published": "2099-01-01T00:00:00Z",
  "aliases": ["CVE-2099-1001"],
  "summary": "Version comparison loops forever in golang.org/x/mod/semver",
  "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"}],
  "affected": [{
    "package": {"name": "golang.org/x/mod", "ecosystem": "Go"},
    "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "0.99.0"}]}]
  }]
}
`

// recordsDir writes the golang.org/x/mod record, modified at the time
// given, into a new directory of OSV records.
func recordsDir(t *testing.T, modified string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "GO-2099-0101.json"), []byte(strings.Replace(modRecord, "%s", modified, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// depsModule is a module requiring golang.org/x/mod v0.42.0 (go.mod
// line 5) with no vulnerable code of its own, in an offline go setup.
func depsModule(t *testing.T, extra map[string]string) string {
	t.Helper()
	vulntest.OfflineGo(t)
	files := map[string]string{"m.go": strings.Replace(secure, "package m", "package app", 1)}
	for k, v := range extra {
		files[k] = v
	}
	return vulntest.Module(t, files)
}

func TestScanDependenciesOffline(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	if code, out, errOut := sdl(t, "", "vulndb", "update", "--from", recordsDir(t, "2099-01-02T00:00:00Z"), "--dir", db); code != 0 || !strings.Contains(out, "records:  1") {
		t.Fatalf("vulndb update: exit %d\n%s%s", code, out, errOut)
	}
	dir := depsModule(t, nil)
	code, out, errOut := sdl(t, dir, "scan", "--offline", "--vulndb", db, "--no-call-analysis", "./...")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (a vulnerable dependency)\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		"go.mod:5: GO-2099-0101 [important] golang.org/x/mod v0.42.0 is affected by GO-2099-0101 (CVE-2099-1001)",
		"checked against the local database " + filepath.Join(db, "osv-scalibr", "Go", "all.zip"),
		"1 records)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	// SARIF: osv-scanner's run of its own, with the database it used.
	code, _, errOut = sdl(t, dir, "scan", "--offline", "--vulndb", db, "--no-call-analysis", "--format", "sarif", "-o", "r.sarif", "./...")
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(filepath.Join(dir, "r.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifschema.Validate(data); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct{ Name, Version string }
			}
			Properties struct {
				Database struct {
					Kind    string
					Records int
					SHA256  string
				}
			}
			Results []struct{ RuleID string }
		}
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 2 {
		t.Fatalf("%d runs, want sdl's and osv-scanner's", len(log.Runs))
	}
	osv := log.Runs[1]
	if osv.Tool.Driver.Name != "osv-scanner" || osv.Tool.Driver.Version != "2.5.0" ||
		osv.Properties.Database.Kind != "local" || osv.Properties.Database.Records != 1 || osv.Properties.Database.SHA256 == "" ||
		len(osv.Results) != 1 || osv.Results[0].RuleID != "GO-2099-0101" {
		t.Errorf("osv-scanner run = %+v", osv)
	}

	// The gate's evidence records which database the scan used.
	if code, out, _ := sdl(t, dir, "gate", "implementation", "r.sarif"); code != 1 || !strings.Contains(out, "GO-2099-0101") {
		t.Errorf("gate: exit %d\n%s", code, out)
	}
	records, _ := filepath.Glob(filepath.Join(dir, ".sdl", "evidence", "*.json"))
	if len(records) != 1 {
		t.Fatalf("evidence records: %v", records)
	}
	rec, err := os.ReadFile(records[0])
	if err != nil {
		t.Fatal(err)
	}
	var ev struct {
		Inputs []struct {
			Databases map[string]struct{ SHA256 string }
		}
	}
	if err := json.Unmarshal(rec, &ev); err != nil {
		t.Fatal(err)
	}
	if len(ev.Inputs) != 1 || ev.Inputs[0].Databases["osv-scanner"].SHA256 != osv.Properties.Database.SHA256 {
		t.Errorf("evidence does not record the database: %s", rec)
	}

	// --deps-only: osv-scanner's run alone.
	code, _, errOut = sdl(t, dir, "scan", "--deps-only", "--offline", "--vulndb", db, "--no-call-analysis", "--format", "sarif", "-o", "d.sarif")
	if code != 1 {
		t.Fatalf("--deps-only: exit %d: %s", code, errOut)
	}
	if data, err = os.ReadFile(filepath.Join(dir, "d.sarif")); err != nil {
		t.Fatal(err)
	}
	log.Runs = nil
	if err := json.Unmarshal(data, &log); err != nil || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "osv-scanner" {
		t.Errorf("--deps-only: runs %+v (%v)", log.Runs, err)
	}
	if !strings.Contains(errOut, "1 findings (1 important); code not scanned") {
		t.Errorf("--deps-only summary: %q", errOut)
	}

	// --no-deps: no dependency scan, no osv-scanner run.
	code, out, _ = sdl(t, dir, "scan", "--no-deps", "./...")
	if code != 0 || strings.Contains(out, "GO-2099") || strings.Contains(out, "dependencies") {
		t.Errorf("--no-deps: exit %d\n%s", code, out)
	}
}

func TestScanDependenciesFailClosed(t *testing.T) {
	t.Run("missing database: exit 2, SARIF records the failed run, the gate fails", func(t *testing.T) {
		dir := depsModule(t, nil)
		missing := filepath.Join(t.TempDir(), "none")
		code, _, errOut := sdl(t, dir, "scan", "--offline", "--vulndb", missing, "--format", "sarif", "-o", "r.sarif", "./...")
		if code != 2 || !strings.Contains(errOut, "no vulnerability database at") || !strings.Contains(errOut, "sdl vulndb update") {
			t.Fatalf("exit %d, stderr %q", code, errOut)
		}
		data, err := os.ReadFile(filepath.Join(dir, "r.sarif"))
		if err != nil {
			t.Fatalf("the code findings were lost: %v", err)
		}
		if !strings.Contains(string(data), `"executionSuccessful": false`) {
			t.Errorf("the SARIF does not record the failed dependency scan:\n%s", data)
		}
		code, out, _ := sdl(t, dir, "gate", "implementation", "--no-evidence", "r.sarif")
		if code != 1 || !strings.Contains(out, "FAILED") || !strings.Contains(out, "osv-scanner run did not complete") {
			t.Errorf("gate: exit %d\n%s", code, out)
		}
	})
	t.Run("stale database: exit 2", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "db")
		if code, _, errOut := sdl(t, "", "vulndb", "update", "--from", recordsDir(t, "2020-01-02T00:00:00Z"), "--dir", db); code != 0 {
			t.Fatalf("vulndb update: %s", errOut)
		}
		dir := depsModule(t, map[string]string{"sdl.yaml": "version: 1\nvulndb:\n  mode: offline\n  dir: " + db + "\n  maxAgeDays: 7\n"})
		code, _, errOut := sdl(t, dir, "scan", "./...")
		if code != 2 || !strings.Contains(errOut, "older than the 7 days allowed") {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
		code, _, errOut = sdl(t, dir, "vulndb", "status")
		if code != 1 || !strings.Contains(errOut, "older than the 7 days allowed") {
			t.Errorf("status: exit %d, stderr %q", code, errOut)
		}
	})
	t.Run("contradicting flags: exit 2", func(t *testing.T) {
		dir := depsModule(t, nil)
		code, _, errOut := sdl(t, dir, "scan", "--offline", "--online", "./...")
		if code != 2 || !strings.Contains(errOut, "contradict") {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
	})
}

func TestVulndbStatus(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	code, _, errOut := sdl(t, "", "vulndb", "status", "--dir", db)
	if code != 1 || !strings.Contains(errOut, "no vulnerability database") {
		t.Errorf("missing: exit %d, stderr %q", code, errOut)
	}
	if code, _, errOut := sdl(t, "", "vulndb", "update", "--from", recordsDir(t, "2099-01-02T00:00:00Z"), "--dir", db); code != 0 {
		t.Fatalf("update: %s", errOut)
	}
	code, out, errOut := sdl(t, "", "vulndb", "status", "--dir", db)
	if code != 0 || !strings.Contains(out, "records:  1") || !strings.Contains(out, "date:     2099-01-02 (newest record)") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	code, _, errOut = sdl(t, "", "vulndb", "update", "--from", t.TempDir(), "--dir", db)
	if code != 2 {
		t.Errorf("update from an empty directory: exit %d, stderr %q", code, errOut)
	}
}
