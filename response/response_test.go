package response_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sdlkit/sdlkit/internal/vulntest"
	"github.com/sdlkit/sdlkit/policy"
	"github.com/sdlkit/sdlkit/response"
	"github.com/sdlkit/sdlkit/scan/deps"
)

// newVuln is published after the releases of these tests (2026-01-10):
// golang.org/x/mod before 0.43.0, CVSS 7.5, so important (30 days).
const newVuln = `{
  "id": "GO-2026-0001",
  "modified": "2026-03-02T00:00:00Z",
  "published": "2026-03-01T00:00:00Z",
  "aliases": ["CVE-2026-1001", "GHSA-aaaa-bbbb-cccc"],
  "summary": "Version comparison loops forever in golang.org/x/mod/semver",
  "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"}],
  "affected": [{
    "package": {"name": "golang.org/x/mod", "ecosystem": "Go"},
    "ranges": [{"type": "SEMVER", "events": [{"introduced": "0.40.0"}, {"fixed": "0.43.0"}]}]
  }]
}
`

// oldVuln was published before the releases.
const oldVuln = `{
  "id": "GO-2025-0002",
  "modified": "2025-12-02T00:00:00Z",
  "published": "2025-12-01T00:00:00Z",
  "summary": "Another flaw in golang.org/x/mod",
  "affected": [{
    "package": {"name": "golang.org/x/mod", "ecosystem": "Go"},
    "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "0.43.0"}]}]
  }]
}
`

// undatedVuln has the placeholder publication date of the
// golang.org/x/vulndb module.
const undatedVuln = `{
  "id": "GO-2026-0003",
  "modified": "2026-02-01T00:00:00Z",
  "published": "0001-01-01T00:00:00Z",
  "summary": "An undated flaw in golang.org/x/mod",
  "affected": [{
    "package": {"name": "golang.org/x/mod", "ecosystem": "Go"},
    "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "0.43.0"}]}]
  }]
}
`

var database = vulntest.Database

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func date(t *testing.T, s string) policy.Date {
	t.Helper()
	d, err := policy.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func pol(t *testing.T, yaml string) *policy.Policy {
	t.Helper()
	if yaml == "" {
		return policy.Default()
	}
	p, err := policy.Parse("sdl.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func check(t *testing.T, opts response.Options) *response.Report {
	t.Helper()
	if opts.Mode == "" {
		opts.Mode = deps.ModeOffline
	}
	if opts.Policy == nil {
		opts.Policy = policy.Default()
	}
	r, err := response.Check(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

const sbom = `{
  "bomFormat": "CycloneDX",
  "specVersion": "1.5",
  "version": 1,
  "metadata": {"timestamp": "2026-01-10T12:00:00Z"},
  "components": [
    {"type": "library", "name": "golang.org/x/mod", "version": "v0.42.0", "purl": "pkg:golang/golang.org/x/mod@v0.42.0"}
  ]
}
`

func TestSBOMDeadlines(t *testing.T) {
	db := database(t, newVuln, oldVuln)
	dir := t.TempDir()
	// Not a file name osv-scanner recognises: the content tells.
	write(t, dir, map[string]string{"sbom.json": sbom})
	opts := response.Options{Dir: dir, SBOM: filepath.Join(dir, "sbom.json"), DBDir: db, Today: date(t, "2026-03-15")}

	r := check(t, opts)
	if r.Release.Date.String() != "2026-01-10" || !strings.Contains(r.Release.DateSource, "SBOM") {
		t.Errorf("release %+v", r.Release)
	}
	if r.Database.Kind != "local" || r.Database.Records != 2 {
		t.Errorf("database %+v", r.Database)
	}
	since, known := r.SinceRelease(), r.KnownAtRelease()
	if len(since) != 1 || len(known) != 1 {
		t.Fatalf("since %d, known %d: %+v", len(since), len(known), r.Vulnerabilities)
	}
	v := since[0]
	if v.Finding.RuleID != "GO-2026-0001" || v.Published.String() != "2026-03-01" || !v.PublishedKnown {
		t.Errorf("since release: %+v", v)
	}
	if v.Deadline.String() != "2026-03-31" || v.Overdue || v.Finding.Location.Path != "sbom.json" {
		t.Errorf("deadline %s overdue %v path %q", v.Deadline, v.Overdue, v.Finding.Location.Path)
	}
	// Known at release, important by default: 2025-12-01 + 30 days.
	if k := known[0]; k.Finding.RuleID != "GO-2025-0002" || k.Deadline.String() != "2025-12-31" || !k.Overdue {
		t.Errorf("known at release: %+v", k)
	}

	// Overdue once today is past the deadline.
	opts.Today = date(t, "2026-04-01")
	r = check(t, opts)
	if len(r.Overdue()) != 2 {
		t.Errorf("overdue: %d", len(r.Overdue()))
	}

	// The fingerprint does not depend on the temporary copy.
	again := check(t, opts)
	if r.Vulnerabilities[0].Finding.Fingerprint != again.Vulnerabilities[0].Finding.Fingerprint {
		t.Errorf("fingerprints differ between runs")
	}
}

func TestSBOMReleaseDateGiven(t *testing.T) {
	db := database(t, newVuln, oldVuln)
	dir := t.TempDir()
	write(t, dir, map[string]string{"release.cdx.json": strings.Replace(sbom, `"metadata": {"timestamp": "2026-01-10T12:00:00Z"},`, "", 1)})
	opts := response.Options{Dir: dir, SBOM: filepath.Join(dir, "release.cdx.json"), DBDir: db, Mode: deps.ModeOffline, Policy: policy.Default()}
	if _, err := response.Check(context.Background(), opts); !errors.Is(err, response.ErrNoReleaseDate) {
		t.Fatalf("no release date: err = %v", err)
	}
	// Released after both: both were known at release.
	opts.Released = date(t, "2026-03-05")
	r := check(t, opts)
	if len(r.KnownAtRelease()) != 2 || r.Release.DateSource != "given" {
		t.Errorf("%+v", r.Vulnerabilities)
	}
}

func TestUnknownPublished(t *testing.T) {
	db := database(t, undatedVuln)
	dir := t.TempDir()
	write(t, dir, map[string]string{"bom.json": sbom})
	r := check(t, response.Options{Dir: dir, SBOM: filepath.Join(dir, "bom.json"), DBDir: db, Today: date(t, "2026-02-01")})
	if len(r.Vulnerabilities) != 1 {
		t.Fatalf("%+v", r.Vulnerabilities)
	}
	v := r.Vulnerabilities[0]
	if v.PublishedKnown || v.Published.String() != "2026-01-10" || !v.SinceRelease || v.Deadline.String() != "2026-02-09" {
		t.Errorf("%+v", v)
	}
	if !strings.Contains(strings.Join(r.Notes, "\n"), "no publication date") {
		t.Errorf("notes %q", r.Notes)
	}
}

func TestExceptions(t *testing.T) {
	db := database(t, newVuln, oldVuln)
	dir := t.TempDir()
	write(t, dir, map[string]string{"bom.json": sbom})
	p := pol(t, `version: 1
exceptions:
  - id: EX-1
    scope: {osv: GHSA-aaaa-bbbb-cccc}
    justification: semver.Compare only sees our own versions
    approver: alice@example.com
    expires: 2099-01-01
  - id: EX-2
    scope: {osv: GO-2025-0002}
    justification: accepted until the next release
    approver: bob@example.com
    expires: 2026-02-01
`)
	r := check(t, response.Options{Dir: dir, SBOM: filepath.Join(dir, "bom.json"), DBDir: db, Policy: p, Today: date(t, "2026-06-01")})
	var byID = map[string]*response.Vulnerability{}
	for i := range r.Vulnerabilities {
		byID[r.Vulnerabilities[i].Finding.RuleID] = &r.Vulnerabilities[i]
	}
	// Excepted by an alias: not overdue though its deadline has passed.
	if v := byID["GO-2026-0001"]; v == nil || !v.Excepted() || v.Exception.ID != "EX-1" || v.Overdue {
		t.Errorf("GO-2026-0001: %+v", v)
	}
	// An expired exception by id: the clock restarts the day after it
	// ended (2026-02-02 + 30 days), and the vulnerability counts again.
	if v := byID["GO-2025-0002"]; v == nil || v.Excepted() || v.Expired == nil || v.Deadline.String() != "2026-03-04" || !v.Overdue {
		t.Errorf("GO-2025-0002: %+v", v)
	}
	if len(r.Overdue()) != 1 {
		t.Errorf("overdue %d", len(r.Overdue()))
	}
}

func TestGoSum(t *testing.T) {
	db := database(t, newVuln)
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"release/go.sum": "golang.org/x/mod v0.10.0 h1:aaaa=\n" +
			"golang.org/x/mod v0.10.0/go.mod h1:bbbb=\n" +
			"golang.org/x/mod v0.42.0 h1:cccc=\n" +
			"golang.org/x/mod v0.42.0/go.mod h1:dddd=\n" +
			"golang.org/x/mod v0.50.0/go.mod h1:eeee=\n" +
			"example.com/other v1.0.0 h1:ffff=\n",
	})
	r := check(t, response.Options{Dir: dir, GoSum: filepath.Join(dir, "release", "go.sum"), DBDir: db,
		Released: date(t, "2026-01-10"), Today: date(t, "2026-03-15")})
	if len(r.Vulnerabilities) != 1 {
		t.Fatalf("%+v", r.Vulnerabilities)
	}
	v := r.Vulnerabilities[0]
	// The highest version with content, on its go.sum line.
	if strings.TrimPrefix(v.Property("installed"), "v") != "0.42.0" || v.Finding.Location.Path != "release/go.sum" || v.Finding.Location.StartLine != 3 {
		t.Errorf("%+v at %+v", v.Finding.Properties, v.Finding.Location)
	}

	// A go.mod beside the go.sum, which the go.sum covers, is used as is.
	write(t, dir, map[string]string{"release/go.mod": "module example.com/app\n\nrequire golang.org/x/mod v0.42.0\n"})
	r = check(t, response.Options{Dir: dir, GoSum: filepath.Join(dir, "release", "go.sum"), DBDir: db, Released: date(t, "2026-01-10")})
	if len(r.Vulnerabilities) != 1 || r.Vulnerabilities[0].Finding.Location.Path != "release/go.mod" || r.Vulnerabilities[0].Finding.Location.StartLine != 3 {
		t.Errorf("%+v", r.Vulnerabilities)
	}

	t.Run("bad go.sum", func(t *testing.T) {
		write(t, dir, map[string]string{"bad.sum": "golang.org/x/mod v0.42.0\n"})
		_, err := response.Check(context.Background(), response.Options{Dir: dir, GoSum: filepath.Join(dir, "bad.sum"), DBDir: db,
			Released: date(t, "2026-01-10"), Mode: deps.ModeOffline, Policy: policy.Default()})
		if err == nil || !strings.Contains(err.Error(), "bad.sum:1") {
			t.Errorf("err = %v", err)
		}
	})
}

// gitRepo makes a repository whose tag v1.0.0, committed on 2026-01-10,
// requires the vulnerable golang.org/x/mod, and whose later commit (and
// tag v0.9.0, lower) require the fixed one.
func gitRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	run := func(when string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_COMMITTER_DATE="+when, "GIT_AUTHOR_DATE="+when, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("2026-01-01T00:00:00Z", "init", "-q")
	write(t, dir, map[string]string{"go.mod": "module example.com/app\n\ngo 1.26\n\nrequire golang.org/x/mod v0.42.0\n"})
	run("2026-01-10T10:00:00Z", "add", "go.mod")
	run("2026-01-10T10:00:00Z", "commit", "-q", "-m", "release")
	run("2026-01-10T10:00:00Z", "tag", "-a", "-m", "v1.0.0", "v1.0.0")
	write(t, dir, map[string]string{"go.mod": "module example.com/app\n\ngo 1.26\n\nrequire golang.org/x/mod v0.43.0\n"})
	run("2026-02-01T10:00:00Z", "commit", "-q", "-am", "upgrade")
	run("2026-02-01T10:00:00Z", "tag", "v0.9.0")
	run("2026-02-01T10:00:00Z", "tag", "not-a-version")
	run("2026-02-01T10:00:00Z", "tag", "tools/v3.0.0")
	run("2026-02-01T10:00:00Z", "tag", "v1.1.0-rc.1")
	return dir
}

// TestTag reads the release from a tag: the latest by default, its go.mod
// as committed (not the work tree's), its commit date as the release date.
func TestTag(t *testing.T) {
	db := database(t, newVuln)
	dir := gitRepo(t)
	tag, err := response.LatestTag(context.Background(), dir, "")
	if err != nil || tag != "v1.1.0-rc.1" {
		t.Fatalf("latest tag %q, %v", tag, err)
	}
	// A nested module's tags are named after its directory.
	if tag, err := response.LatestTag(context.Background(), dir, "tools"); err != nil || tag != "tools/v3.0.0" {
		t.Errorf("latest tag of tools: %q, %v", tag, err)
	}
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("tag", "-d", "v1.1.0-rc.1")
	if tag, err = response.LatestTag(context.Background(), dir, ""); err != nil || tag != "v1.0.0" {
		t.Fatalf("latest tag %q, %v", tag, err)
	}
	r := check(t, response.Options{Dir: dir, DBDir: db, Today: date(t, "2026-03-15")})
	if r.Release.Tag != "v1.0.0" || r.Release.Date.String() != "2026-01-10" || len(r.Release.Commit) != 40 {
		t.Errorf("release %+v", r.Release)
	}
	if len(r.Vulnerabilities) != 1 {
		t.Fatalf("%+v", r.Vulnerabilities)
	}
	v := r.Vulnerabilities[0]
	if v.Finding.Location.Path != "go.mod" || v.Finding.Location.StartLine != 5 || !v.SinceRelease || v.Overdue {
		t.Errorf("%+v at %+v", v, v.Finding.Location)
	}
	// The later tag requires the fixed version.
	r = check(t, response.Options{Dir: dir, Tag: "v0.9.0", DBDir: db})
	if len(r.Vulnerabilities) != 0 {
		t.Errorf("v0.9.0: %+v", r.Vulnerabilities)
	}
	for _, bad := range []string{"v9.9.9", "--output=x", "a:b"} {
		_, err := response.Check(context.Background(), response.Options{Dir: dir, Tag: bad, DBDir: db, Mode: deps.ModeOffline, Policy: policy.Default()})
		if err == nil || !strings.Contains(err.Error(), "tag") {
			t.Errorf("tag %q: err = %v", bad, err)
		}
	}
}

func TestFailsClosed(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"bom.json": sbom, "notes.txt": "hello\n"})
	base := response.Options{Dir: dir, SBOM: filepath.Join(dir, "bom.json"), Mode: deps.ModeOffline, Policy: policy.Default()}
	t.Run("missing database", func(t *testing.T) {
		o := base
		o.DBDir = t.TempDir()
		_, err := response.Check(context.Background(), o)
		if err == nil || !strings.Contains(err.Error(), "sdl vulndb update") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("not an SBOM", func(t *testing.T) {
		o := base
		o.DBDir, o.SBOM = database(t, newVuln), filepath.Join(dir, "notes.txt")
		_, err := response.Check(context.Background(), o)
		if err == nil || !strings.Contains(err.Error(), "not a CycloneDX") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("missing SBOM", func(t *testing.T) {
		o := base
		o.DBDir, o.SBOM = database(t, newVuln), filepath.Join(dir, "nope.json")
		if _, err := response.Check(context.Background(), o); err == nil {
			t.Errorf("no error")
		}
	})
	t.Run("no tags", func(t *testing.T) {
		o := base
		o.SBOM, o.DBDir = "", database(t, newVuln)
		_, err := response.Check(context.Background(), o)
		if err == nil || !strings.Contains(err.Error(), "--tag") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("online unreachable", func(t *testing.T) {
		o := base
		o.Mode, o.Released = deps.ModeOnline, date(t, "2026-01-10")
		o.Probe = func(context.Context) error { return errors.New("no network") }
		_, err := response.Check(context.Background(), o)
		if err == nil || !strings.Contains(err.Error(), "no network") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("auto falls back to the local database", func(t *testing.T) {
		o := base
		o.Mode, o.DBDir = deps.ModeAuto, database(t, newVuln)
		o.Probe = func(context.Context) error { return errors.New("no network") }
		r := check(t, o)
		if r.Database.Kind != "local" || !strings.Contains(strings.Join(r.Notes, "\n"), "local vulnerability database instead") {
			t.Errorf("database %+v notes %q", r.Database, r.Notes)
		}
	})
}
