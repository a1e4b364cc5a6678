package vulndb

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/osv-scanner/v2/pkg/models"
	"github.com/google/osv-scanner/v2/pkg/osvscanner"
)

// textVuln affects golang.org/x/text before v0.3.3, like GO-2020-0015.
const textVuln = `{
  "schema_version": "1.3.1",
  "id": "GO-2099-0001",
  "modified": "2024-05-20T16:03:47Z",
  "published": "2021-04-14T20:04:52Z",
  "aliases": ["CVE-2099-0001", "GHSA-xxxx-yyyy-zzzz"],
  "summary": "Infinite loop when decoding some inputs in golang.org/x/text",
  "details": "An attacker could provide a single byte to a UTF16 decoder instantiated with UseBOM or ExpectBOM to trigger an infinite loop.",
  "affected": [
    {
      "package": {"name": "golang.org/x/text", "ecosystem": "Go"},
      "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "0.3.3"}]}],
      "ecosystem_specific": {
        "imports": [{"path": "golang.org/x/text/encoding/unicode", "symbols": ["bomOverride.Transform", "utf16Decoder.Transform"]}]
      }
    }
  ],
  "references": [{"type": "FIX", "url": "https://go.dev/cl/238238"}],
  "database_specific": {"url": "https://pkg.go.dev/vuln/GO-2099-0001", "review_status": "REVIEWED"}
}
`

// otherVuln affects a module the test go.mod does not require; it is the
// newest record.
const otherVuln = `{
  "id": "GO-2099-0002",
  "modified": "2025-01-02T03:04:05Z",
  "published": "2024-12-01T00:00:00Z",
  "summary": "Something in example.com/other",
  "details": "Details.",
  "affected": [
    {
      "package": {"name": "example.com/other", "ecosystem": "Go"},
      "ranges": [{"type": "SEMVER", "events": [{"introduced": "1.0.0"}, {"fixed": "1.2.0"}]}]
    }
  ],
  "references": [{"type": "WEB", "url": "https://example.com/advisory"}]
}
`

// unknownFieldVuln is textVuln with a field the OSV schema does not have:
// osv-scanner skips it silently.
var unknownFieldVuln = strings.Replace(
	strings.Replace(textVuln, `"GO-2099-0001"`, `"GO-2099-0003"`, 1),
	`"summary":`, `"severity_score": 9.8, "summary":`, 1)

const goMod = `module example.com/app

go 1.21

require golang.org/x/text v0.3.0
`

// setGoEnv keeps any go command a test runs off the network and out of any
// enclosing module's vendor directory.
func setGoEnv(t *testing.T) {
	t.Helper()
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOSUMDB", "off")
}

// writeFiles writes name→content files into dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// writeZip writes name→content entries as a zip archive at path.
func writeZip(t *testing.T, path string, files map[string]string) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeGoMod writes the test go.mod into a new directory and returns its
// path.
func writeGoMod(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"go.mod": goMod})
	return filepath.Join(dir, "go.mod")
}

// scanResult is what osv-scanner reported: package name → vulnerability ids,
// and its log output.
type scanResult struct {
	vulns map[string][]string
	log   string
}

// osvScan runs osv-scanner v2.5.0 as a library, offline, over the go.mod at
// gomod with the local database in dbDir. A scan that finds vulnerabilities
// returns osvscanner.ErrVulnerabilitiesFound, which is not an error here.
func osvScan(t *testing.T, gomod, dbDir string) (scanResult, error) {
	t.Helper()
	var logBuf bytes.Buffer
	osvscanner.SetLogger(slog.NewTextHandler(&logBuf, &slog.HandlerOptions{Level: slog.LevelInfo}))
	res, err := osvscanner.DoScan(osvscanner.ScannerActions{
		LockfilePaths:         []string{gomod},
		CompareOffline:        true,
		LocalDBPath:           dbDir,
		PluginNetworkDisabled: true,
		ExperimentalScannerActions: osvscanner.ExperimentalScannerActions{
			TransitiveScanning: osvscanner.TransitiveScanningActions{Disabled: true},
		},
	})
	if errors.Is(err, osvscanner.ErrVulnerabilitiesFound) {
		err = nil
	}
	return scanResult{vulns: vulnIDs(res), log: logBuf.String()}, err
}

func vulnIDs(res models.VulnerabilityResults) map[string][]string {
	out := map[string][]string{}
	for _, src := range res.Results {
		for _, p := range src.Packages {
			for _, v := range p.Vulnerabilities {
				out[p.Package.Name] = append(out[p.Package.Name], v.GetId())
			}
		}
	}
	return out
}

func TestZipPath(t *testing.T) {
	got := ZipPath("/db")
	want := filepath.Join("/db", "osv-scalibr", "Go", "all.zip")
	if got != want {
		t.Errorf("ZipPath = %q, want %q", got, want)
	}
}

func TestBuildAndScan(t *testing.T) {
	src := t.TempDir()
	recDir := filepath.Join(src, "data", "osv")
	writeFiles(t, recDir, map[string]string{
		"GO-2099-0001.json": textVuln,
		"GO-2099-0002.json": otherVuln,
		"GO-2099-0003.json": unknownFieldVuln,
		"GO-2099-0004.json": `{"id": "GO-2099-0004", "modified": "2024-01-01T00:00:00Z", "summary": "no affected"}`,
		"GO-2099-0005.json": `{"id": `,
		"GO-2099-0006.json": strings.Replace(otherVuln, `"GO-2099-0002"`, `""`, 1),
		"GO-2099-0007.json": strings.Replace(strings.Replace(otherVuln, `"GO-2099-0002"`, `"GO-2099-0007"`, 1), `"ecosystem": "Go"`, `"ecosystem": "Golang"`, 1),
		"GO-2099-0008.json": strings.Replace(otherVuln, `"modified": "2025-01-02T03:04:05Z",`, ``, 1),
		"GO-2099-0009.json": strings.Replace(otherVuln, `"type": "WEB"`, `"type": "BLOG"`, 1),
		"dup.json":          textVuln,
		"README.md":         "not a record",
	})
	if err := os.Mkdir(filepath.Join(recDir, "sub.json"), 0o755); err != nil {
		t.Fatal(err)
	}
	dbDir := filepath.Join(t.TempDir(), "db")

	info, err := Build(context.Background(), src, dbDir)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	if info.Records != 2 {
		t.Errorf("Records = %d, want 2", info.Records)
	}
	wantNewest := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	if !info.Newest.Equal(wantNewest) {
		t.Errorf("Newest = %v, want %v", info.Newest, wantNewest)
	}
	if info.Path != ZipPath(dbDir) || info.Dir != dbDir {
		t.Errorf("Path, Dir = %q, %q", info.Path, info.Dir)
	}
	wantReasons := map[string]string{
		"GO-2099-0003.json": "unknown field",
		"GO-2099-0004.json": "no affected package",
		"GO-2099-0005.json": "does not decode",
		"GO-2099-0006.json": "no id",
		"GO-2099-0007.json": `ecosystem "Golang"`,
		"GO-2099-0008.json": "no modified time",
		"GO-2099-0009.json": "does not decode",
		"dup.json":          "repeats id GO-2099-0001",
	}
	if len(info.Rejected) != len(wantReasons) {
		t.Errorf("Rejected = %+v, want %d entries", info.Rejected, len(wantReasons))
	}
	for _, r := range info.Rejected {
		want, ok := wantReasons[filepath.Base(r.File)]
		if !ok || !strings.Contains(r.Reason, want) {
			t.Errorf("rejected %s: %q, want reason containing %q", r.File, r.Reason, want)
		}
		if filepath.Dir(r.File) != recDir {
			t.Errorf("rejected file %q not in %q", r.File, recDir)
		}
	}

	// The archive is where osv-scanner reads it, with the valid records
	// byte for byte.
	zr, err := zip.OpenReader(filepath.Join(dbDir, "osv-scalibr", "Go", "all.zip"))
	if err != nil {
		t.Fatalf("open archive: %v", err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		got, err := readZipEntry(f)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(recDir, f.Name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from its source", f.Name)
		}
	}
	if want := []string{"GO-2099-0001.json", "GO-2099-0002.json"}; !slices.Equal(names, want) {
		t.Errorf("archive entries = %q, want %q", names, want)
	}

	// Metadata.
	mdata, err := os.ReadFile(filepath.Join(dbDir, "sdlkit-vulndb.json"))
	if err != nil {
		t.Fatal(err)
	}
	var meta metadata
	if err := json.Unmarshal(mdata, &meta); err != nil {
		t.Fatal(err)
	}
	if meta.Records != 2 || meta.Rejected != len(wantReasons) || meta.ZipSHA256 != info.SHA256 ||
		!meta.NewestModified.Equal(wantNewest) || meta.SourceModule != ModulePath || meta.Built.IsZero() {
		t.Errorf("metadata = %s", mdata)
	}

	// No temporary files are left behind.
	for _, dir := range []string{dbDir, filepath.Dir(info.Path)} {
		ents, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			if strings.Contains(e.Name(), ".tmp-") {
				t.Errorf("temporary file left: %s", filepath.Join(dir, e.Name()))
			}
		}
	}

	// Check agrees.
	ci, err := Check(dbDir)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	if ci.Records != 2 || !ci.Newest.Equal(wantNewest) || ci.SHA256 != info.SHA256 ||
		!ci.Built.Equal(info.Built) || ci.Source != "" || ci.Path != info.Path {
		t.Errorf("Check = %+v, Build = %+v", ci, info)
	}

	// osv-scanner v2.5.0 finds the vulnerability through the database.
	res, err := osvScan(t, writeGoMod(t), dbDir)
	if err != nil {
		t.Fatalf("DoScan: %v\n%s", err, res.log)
	}
	if got := res.vulns["golang.org/x/text"]; !slices.Equal(got, []string{"GO-2099-0001"}) {
		t.Errorf("osv-scanner found %v, want golang.org/x/text: [GO-2099-0001]\nlog:\n%s", res.vulns, res.log)
	}
}

// TestBuildDirect builds from a directory of records given directly, twice:
// the archive is reproducible and replaced atomically.
func TestBuildDirect(t *testing.T) {
	src := t.TempDir()
	writeFiles(t, src, map[string]string{"a.json": textVuln, "b.json": otherVuln})
	dbDir := t.TempDir()
	first, err := Build(context.Background(), src, dbDir)
	if err != nil {
		t.Fatal(err)
	}
	if first.Records != 2 || len(first.Rejected) != 0 {
		t.Fatalf("Build = %+v", first)
	}
	second, err := Build(context.Background(), src, dbDir)
	if err != nil {
		t.Fatal(err)
	}
	if first.SHA256 != second.SHA256 {
		t.Errorf("rebuild changed the digest: %s, %s", first.SHA256, second.SHA256)
	}
	if _, err := Check(dbDir); err != nil {
		t.Errorf("Check: %v", err)
	}

	// A source named like a module cache directory gives the version.
	const pv = "v0.0.0-20240102030405-abcdefabcdef"
	modDir := filepath.Join(t.TempDir(), "vulndb@"+pv)
	writeFiles(t, filepath.Join(modDir, "data", "osv"), map[string]string{"a.json": textVuln})
	if _, err := Build(context.Background(), modDir, dbDir); err != nil {
		t.Fatal(err)
	}
	info, err := Check(dbDir)
	if err != nil {
		t.Fatal(err)
	}
	if info.Source != pv || !info.SourceTime.Equal(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)) || info.Records != 1 {
		t.Errorf("Check after Build from %s = %+v", modDir, info)
	}
}

func TestBuildErrors(t *testing.T) {
	ctx := context.Background()
	empty := t.TempDir()
	invalid := t.TempDir()
	writeFiles(t, invalid, map[string]string{"x.json": "{}", "y.json": "[]"})
	file := filepath.Join(t.TempDir(), "f.json")
	writeFiles(t, filepath.Dir(file), map[string]string{"f.json": textVuln})

	for _, tc := range []struct {
		name, src, db, want string
	}{
		{"no source dir", "", t.TempDir(), "empty source directory"},
		{"no db dir", invalid, "", "empty database directory"},
		{"missing source", filepath.Join(empty, "nope"), t.TempDir(), "no such file"},
		{"source is a file", file, t.TempDir(), "not a directory"},
		{"no records", empty, t.TempDir(), "no *.json records"},
		{"no valid record", invalid, t.TempDir(), "none of the 2 records"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Build(ctx, tc.src, tc.db)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Build error = %v, want one containing %q", err, tc.want)
			}
			if tc.db != "" {
				if _, err := os.Stat(ZipPath(tc.db)); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("failed Build left an archive (stat: %v)", err)
				}
			}
		})
	}

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	src := t.TempDir()
	writeFiles(t, src, map[string]string{"a.json": textVuln})
	if _, err := Build(cctx, src, t.TempDir()); !errors.Is(err, context.Canceled) {
		t.Errorf("Build with a canceled context: %v", err)
	}
}

// TestMissingDatabase shows the fail-open that Check guards against: with no
// database, osv-scanner reports no vulnerabilities and no error (only a log
// line), while Check fails.
func TestMissingDatabase(t *testing.T) {
	dbDir := t.TempDir()
	_, err := Check(dbDir)
	if err == nil {
		t.Fatal("Check succeeded on an empty directory")
	}
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), ZipPath(dbDir)) {
		t.Errorf("Check error = %v, want a not-exist error naming %s", err, ZipPath(dbDir))
	}

	res, err := osvScan(t, writeGoMod(t), dbDir)
	if err != nil {
		t.Fatalf("DoScan returned an error; osv-scanner no longer fails open, so the guard may be relaxed: %v", err)
	}
	if len(res.vulns) != 0 {
		t.Errorf("DoScan found %v with no database", res.vulns)
	}
	t.Logf("DoScan with no database: no error, no vulnerabilities; log:\n%s", res.log)
}

// TestUnknownFieldSkipped shows osv-scanner skipping, silently, a record
// with a field the OSV schema lacks, which Build rejects and Check refuses.
func TestUnknownFieldSkipped(t *testing.T) {
	dbDir := t.TempDir()
	writeZip(t, ZipPath(dbDir), map[string]string{"GO-2099-0003.json": unknownFieldVuln})
	res, err := osvScan(t, writeGoMod(t), dbDir)
	if err != nil {
		t.Fatalf("DoScan: %v", err)
	}
	if len(res.vulns) != 0 {
		t.Errorf("DoScan found %v; osv-scanner no longer skips records with unknown fields", res.vulns)
	}

	// The same record without the unknown field is found.
	writeZip(t, ZipPath(dbDir), map[string]string{"GO-2099-0001.json": textVuln})
	res, err = osvScan(t, writeGoMod(t), dbDir)
	if err != nil {
		t.Fatalf("DoScan: %v", err)
	}
	if len(res.vulns["golang.org/x/text"]) != 1 {
		t.Errorf("DoScan found %v, want the record", res.vulns)
	}

	writeZip(t, ZipPath(dbDir), map[string]string{"GO-2099-0003.json": unknownFieldVuln})
	if _, err := Check(dbDir); err == nil || !strings.Contains(err.Error(), "unknown field") {
		t.Errorf("Check error = %v, want one about the unknown field", err)
	}
}

// TestUnknownEcosystemPanics shows why Build and Check insist that every
// affected package is in the Go ecosystem: osv-scalibr, matching a package
// by name, panics on an ecosystem it does not know (osvecosystem.MustParse),
// and the panic escapes DoScan.
func TestUnknownEcosystemPanics(t *testing.T) {
	dbDir := t.TempDir()
	rec := strings.Replace(textVuln, `"ecosystem": "Go"`, `"ecosystem": "Golang"`, 1)
	writeZip(t, ZipPath(dbDir), map[string]string{"GO-2099-0001.json": rec})
	if _, err := Check(dbDir); err == nil || !strings.Contains(err.Error(), `ecosystem "Golang"`) {
		t.Errorf("Check error = %v, want one about the ecosystem", err)
	}
	panicked := func() (p any) {
		defer func() { p = recover() }()
		_, _ = osvScan(t, writeGoMod(t), dbDir)
		return nil
	}()
	if panicked == nil {
		t.Errorf("DoScan no longer panics on an unknown ecosystem; the check may be relaxed")
	}
}

func TestCheckFailures(t *testing.T) {
	good := t.TempDir()
	writeFiles(t, good, map[string]string{"a.json": textVuln})

	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dbDir string)
		want  string
	}{
		{"not a zip", func(t *testing.T, dbDir string) {
			writeFiles(t, filepath.Dir(ZipPath(dbDir)), map[string]string{"all.zip": "PK not really"})
		}, "not a zip archive"},
		{"not a file", func(t *testing.T, dbDir string) {
			if err := os.MkdirAll(ZipPath(dbDir), 0o755); err != nil {
				t.Fatal(err)
			}
		}, "not a regular file"},
		{"no records", func(t *testing.T, dbDir string) {
			writeZip(t, ZipPath(dbDir), map[string]string{"README": "x"})
		}, "holds no records"},
		{"undecodable record", func(t *testing.T, dbDir string) {
			writeZip(t, ZipPath(dbDir), map[string]string{"a.json": textVuln, "b.json": "{not json"})
		}, "1 of 2 records are unusable: b.json"},
		{"duplicate id", func(t *testing.T, dbDir string) {
			writeZip(t, ZipPath(dbDir), map[string]string{"a.json": textVuln, "b.json": textVuln})
		}, "repeats id GO-2099-0001"},
		{"stale metadata", func(t *testing.T, dbDir string) {
			if _, err := Build(context.Background(), good, dbDir); err != nil {
				t.Fatal(err)
			}
			writeZip(t, ZipPath(dbDir), map[string]string{"b.json": otherVuln})
		}, "describes another archive"},
		{"bad record under metadata from another validator", func(t *testing.T, dbDir string) {
			// Metadata that matches the archive but was not written by
			// this validator is no reason to skip decoding.
			writeZip(t, ZipPath(dbDir), map[string]string{"a.json": textVuln, "b.json": "{not json"})
			data, err := os.ReadFile(ZipPath(dbDir))
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(data)
			meta := fmt.Sprintf(`{"format":1,"records":2,"zip_sha256":%q,"validator":"an older sdl"}`, hex.EncodeToString(sum[:]))
			writeFiles(t, dbDir, map[string]string{MetadataFile: meta})
		}, "1 of 2 records are unusable: b.json"},
		{"corrupt metadata", func(t *testing.T, dbDir string) {
			if _, err := Build(context.Background(), good, dbDir); err != nil {
				t.Fatal(err)
			}
			writeFiles(t, dbDir, map[string]string{MetadataFile: "{"})
		}, "database metadata"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dbDir := t.TempDir()
			tc.setup(t, dbDir)
			_, err := Check(dbDir)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Check error = %v, want one containing %q", err, tc.want)
			}
			if !strings.Contains(err.Error(), dbDir) {
				t.Errorf("Check error %q does not name the database path", err)
			}
		})
	}

	// A database without our metadata (as osv-scanner could have written
	// it) passes, with its archive's time as the build time.
	dbDir := t.TempDir()
	writeZip(t, ZipPath(dbDir), map[string]string{"a.json": textVuln})
	info, err := Check(dbDir)
	if err != nil {
		t.Fatalf("Check without metadata: %v", err)
	}
	if info.Records != 1 || info.Source != "" || info.Built.IsZero() {
		t.Errorf("Check without metadata = %+v", info)
	}
}

func TestModuleVersion(t *testing.T) {
	const pv = "v0.0.0-20261105234957-e22db6528018"
	pvTime := time.Date(2026, 11, 5, 23, 49, 57, 0, time.UTC)
	for _, tc := range []struct {
		dir, version string
		time         time.Time
	}{
		{"/m/golang.org/x/vulndb@" + pv, pv, pvTime},
		{"/m/golang.org/x/vulndb@" + pv + "/data/osv", pv, pvTime},
		{"/m/golang.org/x/vulndb@" + pv + "/", pv, pvTime},
		{"/m/golang.org/x/vulndb@v1.2.3", "v1.2.3", time.Time{}},
		{"/m/golang.org/x/other@v1.0.0", "", time.Time{}},
		{"/m/golang.org/x/vulndb@latest", "", time.Time{}},
		{"/m/vulndb@", "", time.Time{}},
		{"/tmp/records", "", time.Time{}},
	} {
		v, vt := moduleVersion(tc.dir)
		if v != tc.version || !vt.Equal(tc.time) {
			t.Errorf("moduleVersion(%q) = %q, %v; want %q, %v", tc.dir, v, vt, tc.version, tc.time)
		}
	}
}

func TestDefaultDir(t *testing.T) {
	t.Setenv(EnvDir, "/somewhere/db")
	if got, err := DefaultDir(); err != nil || got != "/somewhere/db" {
		t.Errorf("DefaultDir with %s set = %q, %v", EnvDir, got, err)
	}
	t.Setenv(EnvDir, "")
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Skipf("no user cache directory: %v", err)
	}
	if got, err := DefaultDir(); err != nil || got != filepath.Join(cache, "sdlkit", "vulndb") {
		t.Errorf("DefaultDir = %q, %v", got, err)
	}
}

// cachedVulndb returns the newest golang.org/x/vulndb module in the module
// cache and its version, or skips the test when there is none.
func cachedVulndb(t *testing.T) (dir, version string) {
	t.Helper()
	setGoEnv(t)
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Skipf("go env GOMODCACHE: %v", err)
	}
	modcache := strings.TrimSpace(string(out))
	dirs, _ := filepath.Glob(filepath.Join(modcache, "golang.org", "x", "vulndb@*"))
	for _, d := range slices.Backward(dirs) { // pseudo-versions sort by time
		if _, err := os.Stat(filepath.Join(d, "data", "osv")); err != nil {
			continue
		}
		if _, err := os.Stat(filepath.Join(modcache, "cache", "download", "golang.org", "x", "vulndb", "@v", filepath.Base(d)[len("vulndb@"):]+".zip")); err != nil {
			continue
		}
		v, _ := moduleVersion(d)
		return d, v
	}
	t.Skip("golang.org/x/vulndb is not in the module cache (go mod download golang.org/x/vulndb@latest)")
	return "", ""
}

// TestRealDatabase builds and checks the database from the real Go
// vulnerability database when it is in the module cache, and runs
// osv-scanner over it.
func TestRealDatabase(t *testing.T) {
	src, version := cachedVulndb(t)
	dbDir := t.TempDir()

	start := time.Now()
	info, err := Build(context.Background(), src, dbDir)
	buildTime := time.Since(start)
	if err != nil {
		t.Fatalf("Build(%s): %v", src, err)
	}
	for _, r := range info.Rejected {
		t.Errorf("rejected %s (%s): %s", r.File, r.ID, r.Reason)
	}
	if info.Records < 1000 || info.Source != version || info.SourceTime.IsZero() {
		t.Errorf("Build = %d records from %q (%v), want thousands from %q", info.Records, info.Source, info.SourceTime, version)
	}
	fi, err := os.Stat(info.Path)
	if err != nil {
		t.Fatal(err)
	}

	start = time.Now()
	ci, err := Check(dbDir)
	checkTime := time.Since(start)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	if ci.Records != info.Records || ci.Source != version || !ci.Newest.Equal(info.Newest) ||
		!ci.SourceTime.Equal(info.SourceTime) || ci.SHA256 != info.SHA256 {
		t.Errorf("Check = %+v, Build = %+v", ci, info)
	}
	t.Logf("%s@%s (%s): %d records, newest modified %s, archive %d bytes; Build %v, Check %v",
		ModulePath, version, info.SourceTime.Format(time.RFC3339), info.Records,
		info.Newest.Format(time.RFC3339), fi.Size(), buildTime, checkTime)
	if checkTime > 5*time.Second {
		t.Errorf("Check took %v", checkTime)
	}

	// golang.org/x/text v0.3.0 has known vulnerabilities (GO-2020-0015,
	// fixed in v0.3.3).
	res, err := osvScan(t, writeGoMod(t), dbDir)
	if err != nil {
		t.Fatalf("DoScan: %v\n%s", err, res.log)
	}
	if !slices.Contains(res.vulns["golang.org/x/text"], "GO-2020-0015") {
		t.Errorf("osv-scanner found %v, want GO-2020-0015 for golang.org/x/text", res.vulns)
	}
}

// TestFetchFromCache runs Fetch with the module proxy turned off, on the
// version already in the module cache.
func TestFetchFromCache(t *testing.T) {
	src, version := cachedVulndb(t)
	dir, got, err := Fetch(context.Background(), version)
	if err != nil {
		t.Fatalf("Fetch(%s): %v", version, err)
	}
	if got != version || filepath.Clean(dir) != filepath.Clean(src) {
		t.Errorf("Fetch = %q, %q; want %q, %q", dir, got, src, version)
	}
}

func TestFetchErrors(t *testing.T) {
	setGoEnv(t)
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	for _, v := range []string{"-x", "v1.0.0 v2", "a@b"} {
		if _, _, err := Fetch(context.Background(), v); err == nil || !strings.Contains(err.Error(), "invalid version") {
			t.Errorf("Fetch(%q) error = %v", v, err)
		}
	}
	// Not in the cache, and GOPROXY=off forbids downloading it.
	_, _, err := Fetch(context.Background(), "v0.0.0-19990101000000-000000000000")
	if err == nil || !strings.Contains(err.Error(), ModulePath) {
		t.Errorf("Fetch of a version not in the cache with GOPROXY=off: %v", err)
	}
}

func TestBuildFillsPublished(t *testing.T) {
	placeholder := func(id string) string {
		r := strings.Replace(textVuln, `"GO-2099-0001"`, `"`+id+`"`, 1)
		return strings.Replace(r, `"published": "2021-04-14T20:04:52Z"`, `"published": "0001-01-01T00:00:00Z"`, 1)
	}
	mod := t.TempDir()
	writeFiles(t, filepath.Join(mod, "data", "osv"), map[string]string{
		"GO-2099-0011.json": placeholder("GO-2099-0011"),
		"GO-2099-0012.json": placeholder("GO-2099-0012"),
		"GO-2099-0013.json": placeholder("GO-2099-0013"),
		"GO-2099-0001.json": textVuln,
	})
	writeFiles(t, filepath.Join(mod, "data", "reports"), map[string]string{
		"GO-2099-0011.yaml": "id: GO-2099-0011\nsummary: x\nsource:\n    id: GHSA-1\n    created: 2026-11-05T15:53:12.759114-05:00\nreview_status: REVIEWED\n",
		"GO-2099-0012.yaml": "id: GO-2099-0012\npublished: 2021-04-14T20:04:52Z\ncve_metadata:\n    created: 1999-01-01T00:00:00Z\n",
		// GO-2099-0013 has no report; GO-2099-0001 already has a date.
		"GO-2099-0001.yaml": "id: GO-2099-0001\npublished: 2030-01-01T00:00:00Z\n",
	})
	db := t.TempDir()
	if _, err := Build(context.Background(), mod, db); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(ZipPath(db))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	want := map[string]string{
		"GO-2099-0011.json": "2026-11-05T20:53:12Z",
		"GO-2099-0012.json": "2021-04-14T20:04:52Z",
		"GO-2099-0013.json": "0001-01-01T00:00:00Z",
		"GO-2099-0001.json": "2021-04-14T20:04:52Z",
	}
	for _, f := range zr.File {
		b, err := readZipEntry(f)
		if err != nil {
			t.Fatal(err)
		}
		var rec struct{ Published string }
		if err := json.Unmarshal(b, &rec); err != nil {
			t.Fatal(err)
		}
		if rec.Published != want[f.Name] {
			t.Errorf("%s: published %s, want %s", f.Name, rec.Published, want[f.Name])
		}
	}
	if _, err := Check(db); err != nil {
		t.Errorf("Check: %v", err)
	}
}

func TestCheckAge(t *testing.T) {
	now := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	for _, tc := range []struct {
		name string
		info Info
		ok   bool
	}{
		{"fresh source", Info{SourceTime: now.Add(-3 * day), Newest: now.Add(-100 * day)}, true},
		{"stale source", Info{SourceTime: now.Add(-30 * day), Newest: now}, false},
		{"newest record when no source", Info{Newest: now.Add(-20 * day)}, false},
		{"built when no dates", Info{Built: now.Add(-day)}, true},
		{"nothing known", Info{}, false},
	} {
		err := tc.info.CheckAge(14*day, now)
		if (err == nil) != tc.ok {
			t.Errorf("%s: CheckAge = %v, want ok %v", tc.name, err, tc.ok)
		}
	}
	if err := (&Info{}).CheckAge(0, now); err != nil {
		t.Errorf("maxAge 0 must accept any age: %v", err)
	}
}
