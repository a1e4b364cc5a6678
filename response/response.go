// Package response is the response phase: it re-checks what was released
// against the current vulnerability database. The release is described by
// what was recorded when it was made (a Git tag, whose go.mod and go.sum
// are read from the repository's objects; an SBOM; a go.sum), scanned by
// the dependency scanner (scan/deps, osv-scanner) without running any of
// its code. Each vulnerability found gets the bug-bar level and the
// exceptions of the policy, and a fix deadline: the day it was published
// plus the SLA of its level. Vulnerabilities disclosed since the release
// are told apart from those already known when it was made, which the
// release gate should have caught or excepted.
package response

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/sdlkit/sdlkit/bugbar"
	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/internal/gitrepo"
	"github.com/sdlkit/sdlkit/policy"
	"github.com/sdlkit/sdlkit/scan/deps"
)

// ErrNoReleaseDate is returned when the release date is neither given
// nor recorded by the inputs (a tag's commit, an SBOM's timestamp).
var ErrNoReleaseDate = errors.New("the release date is unknown: give it (--released YYYY-MM-DD)")

// Options say what was released and how to check it.
type Options struct {
	// Dir is the released module's directory in the work tree; its Git
	// repository is where Tag is read. Empty: the current directory.
	Dir string
	// Tag is a Git tag of the release; its go.mod and go.sum are read
	// from the repository. When Tag, SBOM and GoSum are all empty, the
	// latest tag (see LatestTag) is the release.
	Tag string
	// SBOM is a CycloneDX or SPDX SBOM recorded at release.
	SBOM string
	// GoSum is a go.sum recorded at release. It cannot be combined with
	// Tag, which has its own.
	GoSum string
	// Released is the release date; zero: the tag's commit date, else the
	// SBOM's timestamp.
	Released policy.Date
	// Today is the date deadlines are judged on.
	Today policy.Date
	// Policy gives the bug bar, the exceptions and the SLAs.
	Policy *policy.Policy

	// Mode is deps.ModeAuto, deps.ModeOnline or deps.ModeOffline: which
	// database the scan uses.
	Mode string
	// Probe checks that the OSV service can be reached, in ModeAuto and
	// ModeOnline (default: deps.Probe of deps.ServiceURL).
	Probe func(context.Context) error
	// DBDir is the local database; MaxAge the oldest it may be (zero:
	// any age).
	DBDir  string
	MaxAge time.Duration
	// HTTPClient is used for the OSV service.
	HTTPClient *http.Client
}

// Release is what was checked.
type Release struct {
	// Tag and Commit name the release in Git, when it was read from a tag.
	Tag    string `json:"tag,omitempty"`
	Commit string `json:"commit,omitempty"`
	// Inputs are the files scanned, as findings name them.
	Inputs []string `json:"inputs"`
	// Date is the release date and DateSource where it came from.
	Date       policy.Date `json:"date"`
	DateSource string      `json:"dateSource"`
}

// Name describes the release in a few words.
func (r Release) Name() string {
	if r.Tag != "" {
		return r.Tag
	}
	return strings.Join(r.Inputs, ", ")
}

// Vulnerability is one vulnerability affecting the release.
type Vulnerability struct {
	// Finding is osv-scanner's finding (rule = OSV id; properties aliases,
	// package, installed, fixed, published); its Severity is the bug
	// bar's level.
	Finding finding.Finding
	// Own is the level before the bug bar classified it.
	Own finding.Severity
	// Published is when the vulnerability was disclosed; when the
	// database does not say (PublishedKnown false), the release date.
	Published      policy.Date
	PublishedKnown bool
	// SinceRelease is true when it was disclosed after the release date
	// (or its disclosure date is unknown), false when it was known at
	// release.
	SinceRelease bool
	// Deadline is Published (or the day after an expired exception ended,
	// when later) plus the SLA of its level; zero when the level has no
	// SLA.
	Deadline policy.Date
	// Overdue is true when it is not excepted and Deadline is before today.
	Overdue bool
	// Exception is the exception in force covering it; Expired the one
	// that covered it last, when none is in force.
	Exception *policy.Exception
	Expired   *policy.Exception
}

// Excepted reports whether an exception in force covers it.
func (v *Vulnerability) Excepted() bool { return v.Exception != nil }

// Aliases returns its CVE and GHSA ids.
func (v *Vulnerability) Aliases() []string {
	a, _ := v.Finding.Properties["aliases"].([]string)
	return a
}

// Property returns one of the finding's string properties ("package",
// "installed", "fixed"), or "".
func (v *Vulnerability) Property(name string) string {
	s, _ := v.Finding.Properties[name].(string)
	return s
}

// Report is the outcome of a check.
type Report struct {
	Release  Release
	Today    policy.Date
	Database deps.Database
	// Vulnerabilities are sorted: disclosed since release first, then by
	// deadline (none last), OSV id, package and location.
	Vulnerabilities []Vulnerability
	// Rules describe the vulnerabilities, one per OSV id.
	Rules []finding.Rule
	// Notes say how the inputs were read and the database chosen.
	Notes []string
}

// SinceRelease returns the vulnerabilities disclosed since the release.
func (r *Report) SinceRelease() []*Vulnerability {
	return r.filter(func(v *Vulnerability) bool { return v.SinceRelease })
}

// KnownAtRelease returns the vulnerabilities already published when the
// release was made.
func (r *Report) KnownAtRelease() []*Vulnerability {
	return r.filter(func(v *Vulnerability) bool { return !v.SinceRelease })
}

// Overdue returns the vulnerabilities past their deadline and not
// excepted: the check fails when there is any.
func (r *Report) Overdue() []*Vulnerability {
	return r.filter(func(v *Vulnerability) bool { return v.Overdue })
}

// Result is the outcome as the gates name theirs: bugbar.Failed when a
// vulnerability is overdue, bugbar.PassedWithExceptions when an exception
// covers one, else bugbar.Passed.
func (r *Report) Result() string {
	switch {
	case len(r.Overdue()) > 0:
		return bugbar.Failed
	case len(r.filter((*Vulnerability).Excepted)) > 0:
		return bugbar.PassedWithExceptions
	}
	return bugbar.Passed
}

func (r *Report) filter(keep func(*Vulnerability) bool) []*Vulnerability {
	var out []*Vulnerability
	for i := range r.Vulnerabilities {
		if keep(&r.Vulnerabilities[i]) {
			out = append(out, &r.Vulnerabilities[i])
		}
	}
	return out
}

// Check scans the release against the vulnerability database and judges
// every vulnerability found. It fails, rather than report nothing, when
// an input cannot be read, the release date is unknown, or the database
// is missing, unusable or too old.
func Check(ctx context.Context, opts Options) (*Report, error) {
	if opts.Policy == nil {
		return nil, errors.New("monitor: no policy")
	}
	if opts.Tag != "" && opts.GoSum != "" {
		return nil, errors.New("monitor: a tag and a go.sum both describe the release's modules: give one")
	}
	if opts.Today.IsZero() {
		opts.Today = policy.Today(time.Now())
	}
	dir, err := filepath.Abs(cmp.Or(opts.Dir, "."))
	if err != nil {
		return nil, fmt.Errorf("monitor: %w", err)
	}
	root, err := gitrepo.Root(dir)
	if err != nil {
		return nil, fmt.Errorf("monitor: %w", err)
	}
	ws, err := newWorkspace()
	if err != nil {
		return nil, err
	}
	defer ws.remove()

	rep := &Report{Today: opts.Today}
	rel := &rep.Release
	if opts.Tag == "" && opts.SBOM == "" && opts.GoSum == "" {
		if root == "" {
			return nil, fmt.Errorf("monitor: %s is not in a Git repository: name the release with --tag, --sbom or --gosum", dir)
		}
		if opts.Tag, err = LatestTag(ctx, root, moduleDir(root, dir)); err != nil {
			return nil, fmt.Errorf("monitor: %w", err)
		}
		rep.Notes = append(rep.Notes, fmt.Sprintf("the release is the latest tag, %s", opts.Tag))
	}
	var tagTime time.Time
	if opts.Tag != "" {
		if root == "" {
			return nil, fmt.Errorf("monitor: %s is not in a Git repository, so tag %s cannot be read", dir, opts.Tag)
		}
		if rel.Commit, tagTime, err = tagCommit(ctx, root, opts.Tag); err != nil {
			return nil, fmt.Errorf("monitor: %w", err)
		}
		rel.Tag = opts.Tag
		if err := ws.addTag(ctx, root, moduleDir(root, dir), rel.Commit, opts.Tag); err != nil {
			return nil, fmt.Errorf("monitor: %w", err)
		}
	}
	shown := func(p string) string { return displayPath(cmp.Or(root, dir), p) }
	if opts.GoSum != "" {
		if err := ws.addGoSum(opts.GoSum, shown(opts.GoSum)); err != nil {
			return nil, fmt.Errorf("monitor: %w", err)
		}
	}
	if opts.SBOM != "" {
		if err := ws.addSBOM(opts.SBOM, shown(opts.SBOM)); err != nil {
			return nil, fmt.Errorf("monitor: %w", err)
		}
	}
	rep.Notes = append(rep.Notes, ws.notes...)
	for _, p := range ws.display {
		rel.Inputs = append(rel.Inputs, p)
	}
	slices.Sort(rel.Inputs)

	switch {
	case !opts.Released.IsZero():
		rel.Date, rel.DateSource = opts.Released, "given"
	case !tagTime.IsZero():
		rel.Date, rel.DateSource = policy.Today(tagTime), "the commit date of tag "+opts.Tag
	case !ws.sbomTime.IsZero():
		rel.Date, rel.DateSource = policy.Today(ws.sbomTime), "the timestamp of the SBOM"
	default:
		return nil, fmt.Errorf("monitor: %w", ErrNoReleaseDate)
	}

	probe := opts.Probe
	if probe == nil {
		probe = func(ctx context.Context) error {
			return deps.Probe(ctx, opts.HTTPClient, deps.ServiceURL, 10*time.Second)
		}
	}
	offline, note, err := deps.Choose(ctx, opts.Mode, probe)
	if err != nil {
		return nil, fmt.Errorf("monitor: %w", err)
	}
	if note != "" {
		rep.Notes = append(rep.Notes, note)
	}
	// No call analysis: the released source is not checked out, and it
	// would run the go command over the release's go.mod.
	res, err := deps.Scan(ctx, deps.Options{
		Dir: ws.modDir, Root: ws.dir, Lockfiles: ws.lockfiles,
		Offline: offline, DBDir: opts.DBDir, MaxAge: opts.MaxAge,
		NoCallAnalysis: true, HTTPClient: opts.HTTPClient,
		// The release was built with at least go.mod's toolchain; the
		// local one says nothing about it.
		GoVersion: deps.StdlibGoMod,
	})
	if err != nil {
		return nil, fmt.Errorf("monitor: %w", err)
	}
	rep.Database, rep.Rules = res.Database, res.Rules
	rep.Notes = append(rep.Notes, res.Notes...)

	findings := relocate(res.Findings, ws)
	items, err := classify(opts.Policy, opts.Today, findings, res.Rules)
	if err != nil {
		return nil, fmt.Errorf("monitor: %w", err)
	}
	unknown := 0
	for _, it := range items {
		v := judge(it, opts.Policy, rel.Date, opts.Today)
		if !v.PublishedKnown {
			unknown++
		}
		rep.Vulnerabilities = append(rep.Vulnerabilities, v)
	}
	if unknown > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d vulnerabilities have no publication date in the database: they are counted as disclosed on the release date, %s", unknown, rel.Date))
	}
	sortVulnerabilities(rep.Vulnerabilities)
	return rep, nil
}

// moduleDir is dir relative to the repository root, with slashes ("" at
// the root).
func moduleDir(root, dir string) string {
	rel, err := filepath.Rel(root, dir)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return ""
	}
	return filepath.ToSlash(rel)
}

// displayPath is how findings name a file the user gave: relative to base
// (the repository root, or the module's directory outside a repository)
// when inside it, else as given.
func displayPath(base, p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		if rel, err := filepath.Rel(base, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(p)
}

// relocate points findings at the released files they came from instead
// of the workspace's copies, and fingerprints them there, so that a
// finding keeps its fingerprint from one run to the next.
func relocate(fs []finding.Finding, ws *workspace) []finding.Finding {
	out := slices.Clone(fs)
	for i := range out {
		f := &out[i]
		if p, ok := ws.display[f.Location.Path]; ok {
			f.Location.Path = p
		}
		if ws.lines != nil && f.Location.Path == ws.display["go.mod"] {
			pkg, _ := f.Properties["package"].(string)
			line := ws.lines[pkg]
			f.Location.StartLine, f.Location.EndLine = line, line
		}
		f.Fingerprint = ""
	}
	finding.Sort(out)
	finding.AssignFingerprints(out)
	return out
}

// classify applies the policy's bug bar and exceptions, as the gates do.
func classify(pol *policy.Policy, today policy.Date, fs []finding.Finding, rules []finding.Rule) ([]bugbar.Item, error) {
	ptrs := make([]*finding.Finding, len(fs))
	for i := range fs {
		ptrs[i] = &fs[i]
	}
	log := &finding.SARIFLog{
		File:     deps.Tool,
		Runs:     []finding.SARIFRun{{Tool: deps.Tool, Version: deps.Version, Results: len(fs), Rules: rules, Successful: true}},
		Findings: ptrs,
	}
	// The release gate's bug bar: its decision is not used, only how it
	// levels and excepts each finding.
	d, err := bugbar.Evaluate(bugbar.Input{Phase: "release", Policy: pol, Logs: []*finding.SARIFLog{log}, Today: today})
	if err != nil {
		return nil, fmt.Errorf("bug bar: %w", err)
	}
	return d.Items, nil
}

// judge dates a classified finding and sets its deadline.
func judge(it bugbar.Item, pol *policy.Policy, released, today policy.Date) Vulnerability {
	v := Vulnerability{Finding: *it.Finding, Own: it.Own, Published: released}
	if s, _ := v.Finding.Properties["published"].(string); s != "" {
		// The golang.org/x/vulndb module's records carry the year-1
		// placeholder until the Go team publishes them.
		if t := parseTime(s); t.Year() > 1 {
			v.Published, v.PublishedKnown = policy.Today(t), true
		}
	}
	v.SinceRelease = !v.PublishedKnown || v.Published.After(released.Time)
	if it.Status == bugbar.StatusExcepted {
		v.Exception = it.Exception
	} else if it.Exception != nil {
		v.Expired = it.Exception
	}
	start := v.Published
	if v.Expired != nil {
		// As at the gates: an exception that lapsed restarts the clock.
		if restart := v.Expired.Expires.AddDays(1); restart.After(start.Time) {
			start = restart
		}
	}
	if days := pol.SLA.Days(v.Finding.Severity); days > 0 {
		v.Deadline = start.AddDays(days)
		v.Overdue = !v.Excepted() && today.After(v.Deadline.Time)
	}
	return v
}

// sortVulnerabilities orders disclosed-since-release first, then by
// deadline (none last), OSV id, package, installed version and location.
func sortVulnerabilities(vs []Vulnerability) {
	slices.SortStableFunc(vs, func(a, b Vulnerability) int {
		if a.SinceRelease != b.SinceRelease {
			if a.SinceRelease {
				return -1
			}
			return 1
		}
		if a.Deadline.IsZero() != b.Deadline.IsZero() {
			if a.Deadline.IsZero() {
				return 1
			}
			return -1
		}
		if c := a.Deadline.Compare(b.Deadline.Time); c != 0 {
			return c
		}
		return cmp.Or(
			strings.Compare(a.Finding.RuleID, b.Finding.RuleID),
			strings.Compare(a.Property("package"), b.Property("package")),
			strings.Compare(a.Property("installed"), b.Property("installed")),
			finding.Compare(&a.Finding, &b.Finding),
		)
	})
}
