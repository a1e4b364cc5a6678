package deps_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/internal/vulntest"
	"github.com/sdlkit/sdlkit/scan/deps"
)

// modVuln says golang.org/x/mod before v0.99.0 is vulnerable in
// semver.Compare. The module is one sdlkit builds with, so its source is in
// the module cache and call analysis can run without the network.
const modVuln = `{
  "schema_version": "1.3.1",
  "id": "GO-2099-0101",
  "modified": "2099-01-02T00:00:00Z",
  "published": "2099-01-01T00:00:00Z",
  "aliases": ["CVE-2099-1001", "GHSA-aaaa-bbbb-cccc"],
  "summary": "Version comparison loops forever in golang.org/x/mod/semver",
  "details": "Comparing crafted versions never returns.",
  "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"}],
  "affected": [
    {
      "package": {"name": "golang.org/x/mod", "ecosystem": "Go"},
      "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "0.99.0"}]}],
      "ecosystem_specific": {
        "imports": [{"path": "golang.org/x/mod/semver", "symbols": ["Compare"]}]
      }
    }
  ],
  "references": [{"type": "FIX", "url": "https://go.dev/cl/1"}]
}
`

// otherVuln affects a module no test requires.
const otherVuln = `{
  "id": "GO-2099-0102",
  "modified": "2099-01-02T00:00:00Z",
  "published": "2099-01-01T00:00:00Z",
  "summary": "Something in example.com/other",
  "affected": [
    {
      "package": {"name": "example.com/other", "ecosystem": "Go"},
      "ranges": [{"type": "SEMVER", "events": [{"introduced": "1.0.0"}, {"fixed": "1.2.0"}]}]
    }
  ]
}
`

var (
	database  = vulntest.Database
	offlineGo = vulntest.OfflineGo
)

// module writes a module that requires golang.org/x/mod v0.42.0 and whose
// main.go is body.
func module(t *testing.T, body string) string {
	return vulntest.Module(t, map[string]string{"main.go": body})
}

const calls = `package main

import (
	"fmt"

	"golang.org/x/mod/semver"
)

func main() { fmt.Println(semver.Compare("v1.0.0", "v1.0.1")) }
`

const importsOnly = `package main

import (
	"fmt"

	"golang.org/x/mod/semver"
)

func main() { fmt.Println(semver.IsValid("v1.0.0")) }
`

func scan(t *testing.T, opts deps.Options) *deps.Result {
	t.Helper()
	res, err := deps.Scan(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestGoModFinding(t *testing.T) {
	offlineGo(t)
	db := database(t, modVuln, otherVuln)
	dir := module(t, calls)
	res := scan(t, deps.Options{Dir: dir, Root: dir, Offline: true, DBDir: db})
	if len(res.Findings) != 1 {
		t.Fatalf("findings: %+v", res.Findings)
	}
	f := res.Findings[0]
	if f.Tool != "osv-scanner" || f.RuleID != "GO-2099-0101" {
		t.Errorf("tool %q rule %q", f.Tool, f.RuleID)
	}
	// Located on the require line of go.mod.
	if f.Location.Path != "go.mod" || f.Location.StartLine != 5 {
		t.Errorf("location %+v", f.Location)
	}
	if f.SecuritySeverity != 7.5 || f.Severity != finding.Important {
		t.Errorf("severity %v %v", f.SecuritySeverity, f.Severity)
	}
	aliases, _ := f.Properties["aliases"].([]string)
	if !slices.Equal(aliases, []string{"CVE-2099-1001", "GHSA-aaaa-bbbb-cccc"}) {
		t.Errorf("aliases %v", f.Properties["aliases"])
	}
	if f.Properties["installed"] != "0.42.0" && f.Properties["installed"] != "v0.42.0" {
		t.Errorf("installed %v", f.Properties["installed"])
	}
	if f.Properties["fixed"] != "v0.99.0" || f.Properties["package"] != "golang.org/x/mod" || f.Properties["published"] != "2099-01-01" {
		t.Errorf("properties %v", f.Properties)
	}
	if _, ok := f.Properties["unreachable"]; ok {
		t.Errorf("a called vulnerability is marked unreachable")
	}
	if f.Fingerprint == "" {
		t.Errorf("no fingerprint")
	}
	if len(res.Rules) != 1 || res.Rules[0].ID != "GO-2099-0101" || !strings.Contains(res.Rules[0].HelpURI, "GO-2099-0101") {
		t.Errorf("rules %+v", res.Rules)
	}
	if res.Database.Kind != "local" || res.Database.Records != 2 || res.Database.SHA256 == "" {
		t.Errorf("database %+v", res.Database)
	}
	if !strings.Contains(res.Database.String(), "2 records") {
		t.Errorf("database %s", res.Database)
	}
}

func TestUnreachable(t *testing.T) {
	offlineGo(t)
	db := database(t, modVuln)
	for name, body := range map[string]string{
		"imported, not called": importsOnly,
		"not imported":         "package main\n\nfunc main() {}\n",
	} {
		t.Run(name, func(t *testing.T) {
			dir := module(t, body)
			res := scan(t, deps.Options{Dir: dir, Root: dir, Offline: true, DBDir: db})
			if len(res.Findings) != 1 {
				t.Fatalf("findings %+v (notes %v)", res.Findings, res.Notes)
			}
			if res.Findings[0].Properties["unreachable"] != true {
				t.Errorf("not marked unreachable: %v (notes %v)", res.Findings[0].Properties, res.Notes)
			}
			if !strings.Contains(res.Findings[0].Message, "not called") {
				t.Errorf("message %q", res.Findings[0].Message)
			}
		})
	}
	t.Run("call analysis off", func(t *testing.T) {
		dir := module(t, importsOnly)
		res := scan(t, deps.Options{Dir: dir, Root: dir, Offline: true, DBDir: db, NoCallAnalysis: true})
		if len(res.Findings) != 1 || res.Findings[0].Properties["unreachable"] != nil {
			t.Errorf("findings %+v", res.Findings)
		}
	})
}

func TestSBOM(t *testing.T) {
	offlineGo(t)
	db := database(t, modVuln)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/app\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sbom := filepath.Join(dir, "release.cdx.json")
	if err := os.WriteFile(sbom, []byte(cycloneDX), 0o644); err != nil {
		t.Fatal(err)
	}
	res := scan(t, deps.Options{Dir: dir, Root: dir, Offline: true, DBDir: db, Lockfiles: []string{sbom}})
	if len(res.Findings) != 1 || res.Findings[0].Location.Path != "release.cdx.json" || res.Findings[0].RuleID != "GO-2099-0101" {
		t.Fatalf("findings %+v", res.Findings)
	}
}

const cycloneDX = `{
  "bomFormat": "CycloneDX",
  "specVersion": "1.5",
  "version": 1,
  "components": [
    {"type": "library", "name": "golang.org/x/mod", "version": "v0.42.0", "purl": "pkg:golang/golang.org/x/mod@v0.42.0"}
  ]
}
`

func TestFailsClosed(t *testing.T) {
	offlineGo(t)
	dir := module(t, calls)
	t.Run("missing database", func(t *testing.T) {
		_, err := deps.Scan(context.Background(), deps.Options{Dir: dir, Offline: true, DBDir: t.TempDir()})
		if err == nil || !strings.Contains(err.Error(), "sdl vulndb update") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("no go.mod", func(t *testing.T) {
		_, err := deps.Scan(context.Background(), deps.Options{Dir: t.TempDir(), Offline: true, DBDir: database(t, modVuln)})
		if err == nil || !strings.Contains(err.Error(), "go.mod") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("missing lockfile", func(t *testing.T) {
		_, err := deps.Scan(context.Background(), deps.Options{Dir: dir, Offline: true, DBDir: database(t, modVuln), Lockfiles: []string{filepath.Join(dir, "nope.cdx.json")}})
		if err == nil || !strings.Contains(err.Error(), "nope.cdx.json") {
			t.Errorf("err = %v", err)
		}
	})
}

// TestLockfilesOnly scans a released SBOM alone: without Dir, no go.mod is
// needed (the response phase re-checks what was released).
func TestLockfilesOnly(t *testing.T) {
	offlineGo(t)
	db := database(t, modVuln)
	dir := t.TempDir()
	sbom := filepath.Join(dir, "release.cdx.json")
	if err := os.WriteFile(sbom, []byte(cycloneDX), 0o644); err != nil {
		t.Fatal(err)
	}
	res := scan(t, deps.Options{Root: dir, Offline: true, DBDir: db, Lockfiles: []string{sbom}})
	if len(res.Findings) != 1 || res.Findings[0].Location.Path != "release.cdx.json" || res.Findings[0].RuleID != "GO-2099-0101" {
		t.Fatalf("findings %+v", res.Findings)
	}
	if res.Findings[0].Location.StartLine != 0 {
		t.Errorf("an SBOM finding has a go.mod line: %+v", res.Findings[0].Location)
	}
	// Without Dir and without lockfiles there is nothing to scan but the
	// current directory's go.mod, which must exist.
	t.Chdir(t.TempDir())
	if _, err := deps.Scan(context.Background(), deps.Options{Offline: true, DBDir: db}); err == nil || !strings.Contains(err.Error(), "go.mod") {
		t.Errorf("err = %v", err)
	}
}

// stdlibVuln affects the standard library before Go 1.99.0.
const stdlibVuln = `{
  "id": "GO-2099-0201",
  "modified": "2099-01-02T00:00:00Z",
  "published": "2099-01-01T00:00:00Z",
  "summary": "Something in net/http",
  "affected": [{
    "package": {"name": "stdlib", "ecosystem": "Go"},
    "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.99.0"}]}]
  }]
}
`

// TestStdlib checks the standard library of the toolchain that builds the
// module, which osv-scanner leaves out of go.mod scans by default.
func TestStdlib(t *testing.T) {
	offlineGo(t)
	db := database(t, stdlibVuln)
	local := strings.TrimPrefix(runtime.Version(), "go")
	for _, tc := range []struct {
		name, gomod, goVersion, want string
	}{
		{"the local toolchain", "module example.com/app\n\ngo 1.26\n", "", local},
		{"a later toolchain line wins", "module example.com/app\n\ngo 1.26\n\ntoolchain go1.98.1\n", "", "1.98.1"},
		{"a later go line wins", "module example.com/app\n\ngo 1.98.2\n", "", "1.98.2"},
		{"given", "module example.com/app\n\ngo 1.26\n", "1.50.0", "1.50.0"},
		{"fixed release", "module example.com/app\n\ngo 1.26\n", "1.99.1", ""},
		{"left out", "module example.com/app\n\ngo 1.26\n", deps.StdlibNone, ""},
		{"go.mod alone", "module example.com/app\n\ngo 1.20.3\n", deps.StdlibGoMod, "1.20.3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(tc.gomod), 0o644); err != nil {
				t.Fatal(err)
			}
			res := scan(t, deps.Options{Dir: dir, Root: dir, Offline: true, DBDir: db, NoCallAnalysis: true, GoVersion: tc.goVersion})
			if tc.want == "" {
				if len(res.Findings) != 0 {
					t.Fatalf("findings %+v, want none", res.Findings)
				}
				return
			}
			if len(res.Findings) != 1 {
				t.Fatalf("findings %+v, want the stdlib one", res.Findings)
			}
			f := res.Findings[0]
			if f.RuleID != "GO-2099-0201" || f.Properties["package"] != "stdlib" || f.Properties["installed"] != tc.want ||
				f.Location.Path != "go.mod" || f.Location.StartLine != 3 {
				t.Errorf("finding %+v %v", f.Location, f.Properties)
			}
		})
	}
}

// TestStdlibReachability takes whether the standard library's vulnerable
// code is called from the module's own call analysis.
func TestStdlibReachability(t *testing.T) {
	offlineGo(t)
	record := strings.Replace(stdlibVuln, `"ranges"`, `"ecosystem_specific": {"imports": [{"path": "net/url", "symbols": ["Parse"]}]},
    "ranges"`, 1)
	db := database(t, record)
	for _, tc := range []struct {
		name, code  string
		unreachable bool
	}{
		{"called", "package main\n\nimport \"net/url\"\n\nfunc main() { _, _ = url.Parse(\"x\") }\n", false},
		{"not called", "package main\n\nimport \"net/url\"\n\nfunc main() { _ = url.QueryEscape(\"x\") }\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range map[string]string{"go.mod": "module example.com/app\n\ngo 1.26\n", "main.go": tc.code} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			res := scan(t, deps.Options{Dir: dir, Root: dir, Offline: true, DBDir: db})
			if len(res.Findings) != 1 || len(res.Notes) != 0 {
				t.Fatalf("findings %+v notes %q", res.Findings, res.Notes)
			}
			if _, got := res.Findings[0].Properties["unreachable"]; got != tc.unreachable {
				t.Errorf("unreachable = %v, want %v", got, tc.unreachable)
			}
		})
	}
}

// TestFixedOnTheInstalledBranch reports the fix of the installed
// version's release branch, not an older branch's.
func TestFixedOnTheInstalledBranch(t *testing.T) {
	offlineGo(t)
	record := strings.Replace(stdlibVuln, `"events": [{"introduced": "0"}, {"fixed": "1.99.0"}]`,
		`"events": [{"introduced": "0"}, {"fixed": "1.25.9"}, {"introduced": "1.26.0"}, {"fixed": "1.26.2"}]`, 1)
	db := database(t, record)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/app\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for goVersion, want := range map[string]string{"1.26.0": "1.26.2", "1.25.3": "1.25.9"} {
		res := scan(t, deps.Options{Dir: dir, Root: dir, Offline: true, DBDir: db, NoCallAnalysis: true, GoVersion: goVersion})
		if len(res.Findings) != 1 || res.Findings[0].Properties["fixed"] != want {
			t.Errorf("go%s: findings %+v, want fixed %s", goVersion, res.Findings, want)
		}
	}
}
