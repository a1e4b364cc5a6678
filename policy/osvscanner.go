package policy

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/sdlkit/sdlkit/internal/yamlschema"
)

// OSVScannerConfigFile is the name of osv-scanner's configuration file,
// which sdl looks for at the module root.
const OSVScannerConfigFile = "osv-scanner.toml"

// OSVScannerTool is the tool name of osv-scanner's findings; the ignores
// of an osv-scanner.toml apply to its findings only.
const OSVScannerTool = "osv-scanner"

// OSVScannerApprover is the approver recorded for exceptions taken from an
// osv-scanner.toml, whose format names none.
const OSVScannerApprover = OSVScannerConfigFile

// NeverExpires is the expiry given to an osv-scanner.toml ignore that has
// no ignoreUntil or effectiveUntil: osv-scanner applies such an ignore
// forever, and so does sdl, with a warning on every run.
const NeverExpires = "9999-12-31"

// OSVScannerConfig is what sdl takes from an osv-scanner.toml: its
// vulnerability ignores, as exceptions to append to the policy's.
//
// osv-scanner itself is run without the file (so that the scan reports
// everything); the gate applies the ignores instead, with their expiry,
// and reports them like the exceptions of sdl.yaml.
type OSVScannerConfig struct {
	// File is the path the configuration was read from, as given.
	File string
	// Digest is "sha256:" and the hex SHA-256 of the file's bytes.
	Digest string
	// Exceptions are the ignores, in file order: first the IgnoredVulns
	// entries, then the PackageOverrides that ignore vulnerabilities.
	// Each has Source set to the entry's position.
	Exceptions []Exception
	// Warnings are problems that do not stop the ignores from applying
	// (or, where they say so, stop one entry from applying): an ignore
	// without expiry or reason, unknown keys, settings sdl does not apply.
	Warnings []string
}

// OSVScannerConfigError is an osv-scanner.toml that cannot be read: bad
// TOML or a value of the wrong type. Line and Column are 0 when the
// position is unknown.
type OSVScannerConfigError struct {
	File         string
	Line, Column int
	Message      string
	// Err is the underlying error, such as a toml.ParseError.
	Err error
}

// Error returns "file:line:col: message", or "file: message" without a
// position.
func (e *OSVScannerConfigError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Message)
}

// Unwrap returns the underlying error.
func (e *OSVScannerConfigError) Unwrap() error { return e.Err }

// osvScannerConfig is osv-scanner v2.5.0's config.Config, as it decodes
// osv-scanner.toml (internal/config/config.go of that module).
type osvScannerConfig struct {
	IgnoredVulns      []osvIgnoreEntry     `toml:"IgnoredVulns"`
	PackageOverrides  []osvPackageOverride `toml:"PackageOverrides"`
	GoVersionOverride string               `toml:"GoVersionOverride"`
	ScanGoModVersion  bool                 `toml:"ScanGoModVersion"`
}

type osvIgnoreEntry struct {
	ID          string    `toml:"id"`
	IgnoreUntil time.Time `toml:"ignoreUntil"`
	Reason      string    `toml:"reason"`
}

type osvPackageOverride struct {
	Name          string `toml:"name"`
	Version       string `toml:"version"`
	Ecosystem     string `toml:"ecosystem"`
	Group         string `toml:"group"`
	NameIsRegex   bool   `toml:"nameIsRegex"`
	Ignore        bool   `toml:"ignore"`
	Vulnerability struct {
		Ignore bool `toml:"ignore"`
	} `toml:"vulnerability"`
	License struct {
		Override []string `toml:"override"`
		Ignore   bool     `toml:"ignore"`
	} `toml:"license"`
	EffectiveUntil time.Time `toml:"effectiveUntil"`
	Reason         string    `toml:"reason"`
}

// LoadOSVScannerConfig reads the osv-scanner.toml at path. A missing file
// is an error wrapping fs.ErrNotExist.
func LoadOSVScannerConfig(path string) (*OSVScannerConfig, error) {
	data, err := yamlschema.ReadFile(path, MaxBytes)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return ParseOSVScannerConfig(path, data)
}

// ParseOSVScannerConfig decodes osv-scanner.toml data; file names it in
// errors, warnings and the exceptions' Source.
//
// Each IgnoredVulns entry becomes an exception scoped to tool osv-scanner
// and the OSV id (which also matches the findings that have it as an
// alias); each PackageOverrides entry with ignore or vulnerability.ignore
// becomes one scoped to tool osv-scanner and the package (name, version
// and ecosystem as given). The approver is OSVScannerApprover and the
// justification the entry's reason.
//
// Expiry: osv-scanner ignores until the instant ignoreUntil (or
// effectiveUntil), while an sdl exception is in force through its expiry
// date. The exception therefore expires the day before the date written
// in ignoreUntil, whatever its time of day or offset (a date as written,
// so that the decision does not depend on the machine's time zone). An
// entry without one never expires (NeverExpires), with a warning.
func ParseOSVScannerConfig(file string, data []byte) (*OSVScannerConfig, error) {
	var raw osvScannerConfig
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&raw)
	if err != nil {
		return nil, tomlError(file, err)
	}
	sum := sha256.Sum256(data)
	c := &OSVScannerConfig{File: file, Digest: "sha256:" + hex.EncodeToString(sum[:])}
	warn := func(format string, args ...any) { c.Warnings = append(c.Warnings, fmt.Sprintf(format, args...)) }

	if keys := md.Undecoded(); len(keys) > 0 {
		names := make([]string, len(keys))
		for i, k := range keys {
			names[i] = k.String()
		}
		slices.Sort(names)
		names = slices.Compact(names)
		warn("%s: unknown keys %s: sdl ignores them, and osv-scanner rejects the whole file", file, strings.Join(names, ", "))
	}
	if raw.GoVersionOverride != "" {
		warn("%s: GoVersionOverride is not applied: sdl applies only the ignores of osv-scanner.toml", file)
	}
	if raw.ScanGoModVersion {
		warn("%s: ScanGoModVersion is not applied: sdl applies only the ignores of osv-scanner.toml", file)
	}

	ignoreAt := entryPositions(file, data, "IgnoredVulns", len(raw.IgnoredVulns))
	seen := map[string]string{}
	for i, e := range raw.IgnoredVulns {
		where := ignoreAt[i]
		id := strings.TrimSpace(e.ID)
		if id == "" {
			warn("%s: ignore without an id: it does not apply", where)
			continue
		}
		key := strings.ToUpper(id)
		if first, ok := seen[key]; ok {
			warn("%s: %s is ignored a second time (first at %s); osv-scanner uses only the first", where, id, first)
		} else {
			seen[key] = where
		}
		x := Exception{
			ID:            id,
			Scope:         ExceptionScope{Tool: OSVScannerTool, OSV: id},
			Justification: strings.TrimSpace(e.Reason),
			Approver:      OSVScannerApprover,
			Source:        where,
		}
		x.Expires = expiry(e.IgnoreUntil, func(msg string) { warn("%s: ignore of %s %s", where, id, msg) }, "ignoreUntil")
		if x.Justification == "" {
			warn("%s: ignore of %s has no reason", where, id)
		}
		c.Exceptions = append(c.Exceptions, x)
	}

	overrideAt := entryPositions(file, data, "PackageOverrides", len(raw.PackageOverrides))
	for i, o := range raw.PackageOverrides {
		if !o.Ignore && !o.Vulnerability.Ignore {
			continue // a license override: sdl has no license findings
		}
		where := overrideAt[i]
		id := packageOverrideID(o)
		if o.NameIsRegex {
			if _, err := regexp.Compile("^(?:" + o.Name + ")$"); err != nil {
				return nil, &OSVScannerConfigError{File: where, Message: fmt.Sprintf("package override name %q is not a valid regular expression: %v", o.Name, err), Err: err}
			}
		}
		if o.Group != "" {
			warn("%s: override of %s names the dependency group %q, which sdl's findings do not record: it does not apply", where, id, o.Group)
			continue
		}
		if o.Name == "" {
			warn("%s: override without a name ignores the vulnerabilities of every package%s", where, ecosystemSuffix(o.Ecosystem))
		}
		x := Exception{
			ID: id,
			Scope: ExceptionScope{Tool: OSVScannerTool, Package: &PackageScope{
				Name: o.Name, NameIsRegex: o.NameIsRegex, Version: o.Version, Ecosystem: o.Ecosystem,
			}},
			Justification: strings.TrimSpace(o.Reason),
			Approver:      OSVScannerApprover,
			Source:        where,
		}
		x.Expires = expiry(o.EffectiveUntil, func(msg string) { warn("%s: override of %s %s", where, id, msg) }, "effectiveUntil")
		if x.Justification == "" {
			warn("%s: override of %s has no reason", where, id)
		}
		c.Exceptions = append(c.Exceptions, x)
	}
	return c, nil
}

// expiry turns an ignoreUntil (or effectiveUntil) into the last date the
// exception is in force, warning through warn when there is none or it has
// no date.
func expiry(t time.Time, warn func(string), key string) Date {
	if t.IsZero() {
		warn(fmt.Sprintf("has no %s: it never expires; give it one", key))
		d, _ := ParseDate(NeverExpires)
		return d
	}
	y, m, d := t.Date() // as written: t keeps the offset it was written with
	if y == 0 {
		warn(fmt.Sprintf("has a %s without a date (%s): it has expired", key, t.Format("15:04:05")))
	}
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}.AddDays(-1)
}

// packageOverrideID names a package override in messages and reports:
// "package NAME@VERSION (ECOSYSTEM)".
func packageOverrideID(o osvPackageOverride) string {
	id := "package " + o.Name
	if o.Name == "" {
		id = "package *"
	}
	if o.Version != "" {
		id += "@" + o.Version
	}
	return id + ecosystemSuffix(o.Ecosystem)
}

func ecosystemSuffix(eco string) string {
	if eco == "" {
		return ""
	}
	return " (" + eco + ")"
}

// tomlError positions a decoding error at file:line:col when the TOML
// decoder knows where it is.
func tomlError(file string, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return &OSVScannerConfigError{File: file, Line: pe.Position.Line, Column: max(pe.Position.Col, 1), Message: pe.Message, Err: err}
	}
	// Type errors are plain errors that name the line in their text.
	msg := strings.TrimPrefix(err.Error(), "toml: ")
	if m := typeErrorLine.FindStringSubmatch(msg); m != nil {
		if line, perr := strconv.Atoi(m[1]); perr == nil {
			return &OSVScannerConfigError{File: file, Line: line, Column: 1, Message: m[2], Err: err}
		}
	}
	return &OSVScannerConfigError{File: file, Message: msg, Err: err}
}

// typeErrorLine reads "line N (last key ...): message" of the TOML
// decoder's type errors.
var typeErrorLine = regexp.MustCompile(`^line (\d+) (\(last key [^)]*\): .*)$`)

// tableHeader matches the header of an array table such as
// [[IgnoredVulns]], with its optional quotes, spaces and comment.
var tableHeader = regexp.MustCompile(`^(\s*)\[\[\s*("?)([A-Za-z0-9_-]+)("?)\s*\]\]\s*(#.*)?$`)

// entryPositions returns "file:line:col" of each of the n entries of the
// array table name. The TOML decoder does not give positions of array
// entries, so they are found from the [[name]] headers; when those do not
// account for every entry (the inline form `name = [...]`, or a header
// inside a multi-line string), entries are named by index instead.
func entryPositions(file string, data []byte, name string, n int) []string {
	var at []string
	inString := "" // the delimiter of the multi-line string being read
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if inString == "" {
			if m := tableHeader.FindStringSubmatch(line); m != nil && m[2] == m[4] && m[3] == name {
				at = append(at, fmt.Sprintf("%s:%d:%d", file, i+1, len(m[1])+1))
			}
		}
		for _, delim := range []string{`"""`, `'''`} {
			if inString != "" && inString != delim {
				continue
			}
			if strings.Count(line, delim)%2 == 1 {
				if inString == "" {
					inString = delim
				} else {
					inString = ""
				}
			}
		}
	}
	if len(at) == n {
		return at
	}
	at = make([]string, n)
	for i := range at {
		at[i] = fmt.Sprintf("%s (%s entry %d)", file, name, i+1)
	}
	return at
}

// FindOSVScannerConfig returns the osv-scanner.toml for a directory: in
// dir or in the nearest parent, stopping at the module root (the directory
// holding go.mod) or the repository root (holding .git). It returns ""
// when there is none.
func FindOSVScannerConfig(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("looking for %s: %w", OSVScannerConfigFile, err)
	}
	for {
		p := filepath.Join(dir, OSVScannerConfigFile)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("looking for %s: %w", OSVScannerConfigFile, err)
		}
		for _, root := range []string{"go.mod", ".git"} {
			if _, err := os.Stat(filepath.Join(dir, root)); err == nil {
				return "", nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// AddExceptions appends exceptions from outside sdl.yaml (those of an
// osv-scanner.toml) after the policy's own, numbering them on, so that an
// exception of sdl.yaml is reported first when both cover a finding.
func (p *Policy) AddExceptions(xs ...Exception) {
	for _, x := range xs {
		x.Index = len(p.Exceptions)
		p.Exceptions = append(p.Exceptions, x)
	}
}
