package policy

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goodOSVScannerConfig = `# osv-scanner.toml
GoVersionOverride = "1.26.0"

[[IgnoredVulns]]
id = "GO-2024-1234"
ignoreUntil = 2026-03-01
reason = "not reachable: we never parse untrusted archives"

  [[ IgnoredVulns ]] # indented, with spaces
  id = "CVE-2025-0001"
  ignoreUntil = 2026-03-01T12:30:00+05:00
  reason = "fixed upstream, release pending"

[[IgnoredVulns]]
id = "GHSA-xxxx-yyyy-zzzz"
reason = """
[[IgnoredVulns]]
a header inside a string is not one"""

[[IgnoredVulns]]
id = "GO-2025-0002"
ignoreUntil = 2026-04-01T00:00:00

[[PackageOverrides]]
name = "golang.org/x/net"
version = "0.30.0"
ecosystem = "Go"
vulnerability.ignore = true
effectiveUntil = 2026-06-30
reason = "only the client is used"

[[PackageOverrides]]
name = "github.com/some/lib"
license.override = ["MIT"]

[[PackageOverrides]]
name = "example.com/.*"
nameIsRegex = true
ignore = true
effectiveUntil = 2026-01-15
reason = "our own modules"
`

func TestParseOSVScannerConfig(t *testing.T) {
	c, err := ParseOSVScannerConfig("osv-scanner.toml", []byte(goodOSVScannerConfig))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(c.Digest, "sha256:") || len(c.Digest) != len("sha256:")+64 {
		t.Errorf("digest %q", c.Digest)
	}
	type want struct {
		id, osv, pkg, version, eco, expires, source, reason string
		regex                                               bool
	}
	wants := []want{
		{id: "GO-2024-1234", osv: "GO-2024-1234", expires: "2026-02-28", source: "osv-scanner.toml:4:1", reason: "not reachable: we never parse untrusted archives"},
		{id: "CVE-2025-0001", osv: "CVE-2025-0001", expires: "2026-02-28", source: "osv-scanner.toml:9:3", reason: "fixed upstream, release pending"},
		{id: "GHSA-xxxx-yyyy-zzzz", osv: "GHSA-xxxx-yyyy-zzzz", expires: NeverExpires, source: "osv-scanner.toml:14:1", reason: "[[IgnoredVulns]]\na header inside a string is not one"},
		{id: "GO-2025-0002", osv: "GO-2025-0002", expires: "2026-03-31", source: "osv-scanner.toml:20:1"},
		{id: "package golang.org/x/net@0.30.0 (Go)", pkg: "golang.org/x/net", version: "0.30.0", eco: "Go", expires: "2026-06-29", source: "osv-scanner.toml:24:1", reason: "only the client is used"},
		{id: "package example.com/.*", pkg: "example.com/.*", regex: true, expires: "2026-01-14", source: "osv-scanner.toml:36:1", reason: "our own modules"},
	}
	if len(c.Exceptions) != len(wants) {
		t.Fatalf("%d exceptions, want %d: %+v", len(c.Exceptions), len(wants), c.Exceptions)
	}
	for i, w := range wants {
		x := c.Exceptions[i]
		if x.ID != w.id || x.Scope.Tool != OSVScannerTool || x.Scope.OSV != w.osv || x.Expires.String() != w.expires ||
			x.Source != w.source || x.Justification != w.reason || x.Approver != OSVScannerApprover {
			t.Errorf("exception %d = %+v, want %+v", i, x, w)
		}
		p := x.Scope.Package
		if (p == nil) != (w.pkg == "") {
			t.Errorf("exception %d: package scope %+v, want %q", i, p, w.pkg)
		} else if p != nil && (p.Name != w.pkg || p.Version != w.version || p.Ecosystem != w.eco || p.NameIsRegex != w.regex) {
			t.Errorf("exception %d: package scope %+v, want %+v", i, *p, w)
		}
	}
	warnings := strings.Join(c.Warnings, "\n")
	for _, w := range []string{
		"osv-scanner.toml: GoVersionOverride is not applied",
		"osv-scanner.toml:14:1: ignore of GHSA-xxxx-yyyy-zzzz has no ignoreUntil: it never expires",
		"osv-scanner.toml:20:1: ignore of GO-2025-0002 has no reason",
	} {
		if !strings.Contains(warnings, w) {
			t.Errorf("warnings lack %q:\n%s", w, warnings)
		}
	}
	if len(c.Warnings) != 3 {
		t.Errorf("%d warnings, want 3:\n%s", len(c.Warnings), warnings)
	}
}

func TestOSVScannerConfigWarnings(t *testing.T) {
	src := `[[IgnoredVulns]]
id = "GO-2024-1234"
ignoreUntil = 2026-03-01
reasn = "typo"
colour = "blue"

[[IgnoredVulns]]
reason = "no id"

[[IgnoredVulns]]
id = "go-2024-1234"
ignoreUntil = 2026-05-01
reason = "again"

[[PackageOverrides]]
group = "dev"
ignore = true
reason = "dev tools"

[[PackageOverrides]]
vulnerability.ignore = true
ignoreUntil = 2026-01-01

SomethingElse = 1
`
	c, err := ParseOSVScannerConfig("cfg/osv-scanner.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	warnings := strings.Join(c.Warnings, "\n")
	for _, w := range []string{
		// Unknown keys, sorted; colour and SomethingElse are under the
		// tables whose header precedes them.
		"cfg/osv-scanner.toml: unknown keys IgnoredVulns.colour, IgnoredVulns.reasn, PackageOverrides.SomethingElse, PackageOverrides.ignoreUntil: sdl ignores them",
		"cfg/osv-scanner.toml:7:1: ignore without an id: it does not apply",
		"cfg/osv-scanner.toml:10:1: go-2024-1234 is ignored a second time (first at cfg/osv-scanner.toml:1:1)",
		"cfg/osv-scanner.toml:15:1: override of package * names the dependency group \"dev\"",
		"cfg/osv-scanner.toml:20:1: override without a name ignores the vulnerabilities of every package",
		"cfg/osv-scanner.toml:20:1: override of package * has no effectiveUntil: it never expires",
		"cfg/osv-scanner.toml:20:1: override of package * has no reason",
		"cfg/osv-scanner.toml:1:1: ignore of GO-2024-1234 has no reason",
	} {
		if !strings.Contains(warnings, w) {
			t.Errorf("warnings lack %q:\n%s", w, warnings)
		}
	}
	// The entry without an id and the override by group do not apply.
	var ids []string
	for _, x := range c.Exceptions {
		ids = append(ids, x.ID)
	}
	if got := strings.Join(ids, ","); got != "GO-2024-1234,go-2024-1234,package *" {
		t.Errorf("exceptions %s", got)
	}
}

func TestOSVScannerConfigInlineArray(t *testing.T) {
	// Without [[IgnoredVulns]] headers the entries are named by index.
	src := `IgnoredVulns = [
  { id = "GO-2024-1", ignoreUntil = 2026-01-01, reason = "a" },
  { id = "GO-2024-2", ignoreUntil = 2026-01-01, reason = "b" },
]
`
	c, err := ParseOSVScannerConfig("osv-scanner.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Exceptions) != 2 || c.Exceptions[1].Source != "osv-scanner.toml (IgnoredVulns entry 2)" || len(c.Warnings) != 0 {
		t.Errorf("exceptions %+v, warnings %v", c.Exceptions, c.Warnings)
	}
}

func TestOSVScannerConfigErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"[[IgnoredVulns]]\nid = \"GO-1\nreason = \"x\"\n", "osv-scanner.toml:2:11: strings cannot contain newlines"},
		{"[[IgnoredVulns]]\nid = \"GO-1\"\nignoreUntil = 2026-13-01\n", "osv-scanner.toml:3:15: invalid datetime"},
		{"[[IgnoredVulns]]\nid = \"GO-1\"\nignoreUntil = \"2026-03-01\"\n", "osv-scanner.toml:3:16: parsing time"},
		{"[[IgnoredVulns]]\nid = \"GO-1\"\nid = \"GO-2\"\n", "osv-scanner.toml:3:13: Key 'IgnoredVulns.id' has already been defined"},
		{"IgnoredVulns = 3\n", "osv-scanner.toml:1:1: (last key \"IgnoredVulns\"): incompatible types"},
		{"[[PackageOverrides]]\nname = \"(\"\nnameIsRegex = true\nignore = true\n", "osv-scanner.toml:1:1: package override name \"(\" is not a valid regular expression"},
	} {
		_, err := ParseOSVScannerConfig("osv-scanner.toml", []byte(tc.src))
		var ce *OSVScannerConfigError
		if err == nil || !errors.As(err, &ce) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want it to contain %q", tc.src, err, tc.want)
		}
	}
}

func TestOSVScannerConfigTimeOnly(t *testing.T) {
	c, err := ParseOSVScannerConfig("osv-scanner.toml", []byte("[[IgnoredVulns]]\nid = \"GO-1\"\nignoreUntil = 10:00:00\nreason = \"r\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Exceptions[0].Expires.Year() > 1 || len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0], "without a date (10:00:00): it has expired") {
		t.Errorf("expires %s, warnings %v", c.Exceptions[0].Expires, c.Warnings)
	}
}

func TestLoadAndFindOSVScannerConfig(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := FindOSVScannerConfig(sub); err != nil || got != "" {
		t.Errorf("Find without a file = %q, %v", got, err)
	}
	path := filepath.Join(root, OSVScannerConfigFile)
	if err := os.WriteFile(path, []byte("[[IgnoredVulns]]\nid = \"GO-1\"\nignoreUntil = 2026-01-01\nreason = \"r\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := FindOSVScannerConfig(sub)
	if err != nil || got != path {
		t.Fatalf("Find = %q, %v; want %q", got, err, path)
	}
	c, err := LoadOSVScannerConfig(got)
	if err != nil || c.File != path || len(c.Exceptions) != 1 || c.Exceptions[0].Source != path+":1:1" {
		t.Errorf("Load = %+v, %v", c, err)
	}
	if _, err := LoadOSVScannerConfig(filepath.Join(root, "missing.toml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	// The search stops at the module root.
	inner := filepath.Join(sub, "go.mod")
	if err := os.WriteFile(inner, []byte("module m/a/b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := FindOSVScannerConfig(sub); err != nil || got != "" {
		t.Errorf("Find past the module root = %q, %v", got, err)
	}
}

func TestAddExceptions(t *testing.T) {
	p, err := Parse("sdl.yaml", []byte(`version: 1
exceptions:
  - id: EX-1
    scope: {tool: gosec}
    justification: a tool we trust
    approver: alice@example.com
    expires: 2099-01-01
`))
	if err != nil {
		t.Fatal(err)
	}
	p.AddExceptions(Exception{ID: "GO-1"}, Exception{ID: "GO-2"})
	for i, x := range p.Exceptions {
		if x.Index != i {
			t.Errorf("exception %s has index %d, want %d", x.ID, x.Index, i)
		}
	}
}
