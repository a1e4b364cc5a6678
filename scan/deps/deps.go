// Package deps is the dependency half of the implementation phase: it runs
// osv-scanner v2.5.0 as a library over a module's go.mod and go.sum (and
// any lockfile or SBOM named), against the OSV service or an offline copy
// of the Go vulnerability database, and turns every vulnerability into a
// finding: the OSV id as rule, its aliases, the package, installed and
// fixed versions, the CVSS score as security-severity, located on the
// go.mod line that requires the module. With Go call analysis, a
// vulnerability whose symbols the module never calls is kept and marked
// unreachable, for the bug bar to weigh.
package deps

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/osv-scanner/v2/pkg/models"
	"github.com/google/osv-scanner/v2/pkg/osvscanner"
	"github.com/ossf/osv-schema/bindings/go/osvschema"
	gocvss20 "github.com/pandatix/go-cvss/20"
	gocvss30 "github.com/pandatix/go-cvss/30"
	gocvss31 "github.com/pandatix/go-cvss/31"
	gocvss40 "github.com/pandatix/go-cvss/40"
	"golang.org/x/mod/modfile"
	"golang.org/x/mod/semver"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/scan/vulndb"
)

// Tool is the tool name of dependency findings.
const Tool = "osv-scanner"

// Version is the osv-scanner release linked in.
const Version = "2.5.0"

// Options configure a dependency scan.
type Options struct {
	// Dir is the module's directory (holding go.mod). When it is empty
	// and Lockfiles are given, only the Lockfiles are scanned (a released
	// SBOM, for the response phase).
	Dir string
	// Root is the repository root finding paths are relative to.
	Root string
	// Lockfiles are further lockfiles or SBOMs (CycloneDX, SPDX) to scan.
	Lockfiles []string
	// Offline scans against the local database in DBDir; otherwise the
	// OSV service is queried.
	Offline bool
	DBDir   string
	// MaxAge fails an offline scan whose database's data is older than
	// this (zero: any age); Now is the time it is measured from (zero:
	// the current time).
	MaxAge time.Duration
	Now    time.Time
	// NoCallAnalysis turns off Go call analysis (on by default), which
	// marks vulnerabilities whose symbols are never called unreachable.
	NoCallAnalysis bool
	// HTTPClient is used for the OSV service.
	HTTPClient *http.Client
	// GoVersion is the Go release whose standard library is checked
	// (for example "1.26.8"); empty: the toolchain that builds the
	// module here, the later of the local go command and go.mod's
	// toolchain or go line; StdlibNone: the standard library is not
	// checked; StdlibGoMod: go.mod's toolchain or go line alone.
	GoVersion string
}

// Database says which vulnerability data a scan used.
type Database struct {
	// Kind is "osv.dev" (the OSV service) or "local".
	Kind string `json:"kind"`
	// Path, Source, Records and Newest describe a local database.
	Path    string    `json:"path,omitempty"`
	Source  string    `json:"source,omitempty"`
	Records int       `json:"records,omitempty"`
	Newest  time.Time `json:"newest,omitzero"`
	// SourceTime is when the local database's source was published (the
	// commit time of the golang.org/x/vulndb version).
	SourceTime time.Time `json:"sourceTime,omitzero"`
	// SHA256 is the digest of the local database's archive.
	SHA256 string `json:"sha256,omitempty"`
	// Checked is when the scan ran.
	Checked time.Time `json:"checked"`
}

// String describes the database in one line.
func (d Database) String() string {
	if d.Kind != "local" {
		return fmt.Sprintf("OSV service (osv.dev), queried %s", d.Checked.Format(time.RFC3339))
	}
	src := vulndb.ModulePath + " " + d.Source
	if d.Source == "" {
		src = "records from a directory"
	}
	date := "of unknown date"
	switch {
	case !d.SourceTime.IsZero():
		date = "of " + d.SourceTime.Format("2006-01-02")
	case !d.Newest.IsZero():
		date = "newest record " + d.Newest.Format("2006-01-02")
	}
	return fmt.Sprintf("local database %s (%s, %s, %d records)", d.Path, src, date, d.Records)
}

// Result is what a dependency scan found.
type Result struct {
	Findings []finding.Finding
	Rules    []finding.Rule
	Database Database
	// Packages counts the packages scanned.
	Packages int
	// Notes say what the scan could not do (call analysis that did not
	// run), for the output to show.
	Notes []string
}

// scanMu serialises scans: osv-scanner logs through a process-wide logger,
// which Scan points at the scan in progress.
var scanMu sync.Mutex

// Scan scans the module's dependencies. A local database is checked first
// and the scan fails when it is not usable: osv-scanner itself returns no
// error and no results when its database is missing. Errors osv-scanner
// only logs (a database it could not read, a lockfile it could not parse)
// fail the scan too; a call analysis that could not run is a note, and the
// findings it would have marked unreachable stay reachable.
func Scan(ctx context.Context, opts Options) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := &Result{Database: Database{Kind: "osv.dev", Checked: time.Now().UTC().Truncate(time.Second)}}
	if opts.Offline {
		info, err := vulndb.Check(opts.DBDir)
		if err != nil {
			return nil, fmt.Errorf("offline vulnerability database: %w (run sdl vulndb update)", err)
		}
		now := opts.Now
		if now.IsZero() {
			now = time.Now()
		}
		if err := info.CheckAge(opts.MaxAge, now); err != nil {
			return nil, err
		}
		res.Database = Database{Kind: "local", Path: info.Path, Source: info.Source, SourceTime: info.SourceTime,
			Records: info.Records, Newest: info.Newest, SHA256: info.SHA256, Checked: res.Database.Checked}
	}
	var lockfiles []string
	gomod := ""
	if opts.Dir != "" || len(opts.Lockfiles) == 0 {
		abs, err := filepath.Abs(filepath.Join(opts.Dir, "go.mod"))
		if err != nil {
			return nil, fmt.Errorf("dependency scan: %w", err)
		}
		gomod = abs
		if _, err := os.Stat(gomod); err != nil {
			return nil, fmt.Errorf("dependency scan: %w", err)
		}
		lockfiles = append(lockfiles, gomod)
	}
	for _, l := range opts.Lockfiles {
		if _, err := os.Stat(strings.TrimPrefix(l, lockfileType(l))); err != nil {
			return nil, fmt.Errorf("dependency scan: %w", err)
		}
		lockfiles = append(lockfiles, l)
	}
	// osv-scanner would apply an osv-scanner.toml of the repository itself
	// and drop what it ignores; sdl applies those ignores at the gate, as
	// exceptions with their expiry, so the scan must see everything.
	// The configuration sdl gives it instead says only which standard
	// library to check.
	goVersion := opts.GoVersion
	if (goVersion == "" || goVersion == StdlibGoMod) && gomod != "" {
		goVersion = goToolchain(ctx, gomod, goVersion == "")
	} else if goVersion == StdlibGoMod {
		goVersion = ""
	}
	empty, err := os.CreateTemp("", "sdl-osv-scanner-*.toml")
	if err != nil {
		return nil, fmt.Errorf("dependency scan: %w", err)
	}
	defer os.Remove(empty.Name())
	stdlibMod, cleanup, err := stdlibModule(goVersion)
	if err != nil {
		return nil, fmt.Errorf("dependency scan: %w", err)
	}
	defer cleanup()
	if stdlibMod != "" {
		lockfiles = append(lockfiles, stdlibMod)
	}
	if _, err := empty.WriteString(stdlibConfig(stdlibMod)); err != nil {
		_ = empty.Close()
		return nil, fmt.Errorf("dependency scan: %w", err)
	}
	if err := empty.Close(); err != nil {
		return nil, fmt.Errorf("dependency scan: %w", err)
	}

	actions := osvscanner.ScannerActions{
		LockfilePaths:      lockfiles,
		ConfigOverridePath: empty.Name(),
		CallAnalysisStates: map[string]bool{"go": !opts.NoCallAnalysis},
		CompareOffline:     opts.Offline,
		LocalDBPath:        opts.DBDir,
		// Offline means offline: no plugin may reach the network (and
		// osv-scanner disables its local matcher unless told so).
		PluginNetworkDisabled: opts.Offline,
		ShowAllVulns:          true,
		// Every package comes back, vulnerable or not, so the scan can
		// say how many it checked.
		ShowAllPackages: true,
	}
	// Go modules list every dependency in go.mod; transitive resolution
	// (for Maven and PyPI) would query deps.dev.
	actions.TransitiveScanning.Disabled = true
	actions.HTTPClient = opts.HTTPClient
	actions.RequestUserAgent = "sdlkit"

	scanMu.Lock()
	logs := &logRecorder{}
	osvscanner.SetLogger(logs)
	vr, err := osvscanner.DoScan(actions)
	osvscanner.SetLogger(discard{})
	scanMu.Unlock()
	if err != nil && !errors.Is(err, osvscanner.ErrVulnerabilitiesFound) {
		if errors.Is(err, osvscanner.ErrNoPackagesFound) {
			return nil, fmt.Errorf("osv-scanner found no packages in %s", strings.Join(lockfiles, ", "))
		}
		return nil, fmt.Errorf("osv-scanner: %w%s", err, logs.errorSuffix())
	}
	if errs := logs.errors(); len(errs) > 0 {
		var fatal, notes []string
		for _, e := range errs {
			if stdlibMod != "" && strings.Contains(e, filepath.Dir(stdlibMod)) && strings.Contains(e, "govulncheck") {
				continue // the stand-in module has no code to analyse
			}
			if strings.Contains(e, "code analysis") || strings.Contains(e, "govulncheck") {
				notes = append(notes, "call analysis did not run: "+e)
				continue
			}
			fatal = append(fatal, e)
		}
		if len(fatal) > 0 {
			return nil, fmt.Errorf("osv-scanner reported errors, so its results cannot be trusted:\n  %s", strings.Join(fatal, "\n  "))
		}
		res.Notes = append(res.Notes, notes...)
	}
	requires := map[string]int{}
	if gomod != "" {
		requires = requireLines(gomod)
	}
	rules := map[string]finding.Rule{}
	// The standard library is matched at the toolchain's version, from
	// the stand-in module; whether its vulnerable code is called comes
	// from the module's own scan.
	stdlibCalled := map[string]bool{}
	for _, src := range vr.Results {
		if src.Source.Path != gomod {
			continue
		}
		for _, pkg := range src.Packages {
			if pkg.Package.Name != "stdlib" {
				continue
			}
			for _, group := range pkg.Groups {
				for _, id := range group.IDs {
					if a, ok := group.ExperimentalAnalysis[id]; ok {
						stdlibCalled[id] = a.Called
					}
				}
			}
		}
	}
	for _, src := range vr.Results {
		path := relPath(opts.Root, src.Source.Path)
		fromStdlibMod := stdlibMod != "" && src.Source.Path == stdlibMod
		if fromStdlibMod {
			path = relPath(opts.Root, gomod)
		}
		for _, pkg := range src.Packages {
			isStdlib := pkg.Package.Name == "stdlib"
			if stdlibMod != "" && isStdlib && !fromStdlibMod {
				continue // matched at the go line's version, not the toolchain's
			}
			if fromStdlibMod && !isStdlib {
				continue
			}
			for _, group := range pkg.Groups {
				if fromStdlibMod {
					group.ExperimentalAnalysis = map[string]models.AnalysisInfo{}
					for _, id := range group.IDs {
						if called, ok := stdlibCalled[id]; ok {
							group.ExperimentalAnalysis[id] = models.AnalysisInfo{Called: called}
						}
					}
				}
				f, r := convert(pkg, group, path, requires)
				if f.RuleID == "" {
					continue
				}
				res.Findings = append(res.Findings, f)
				if _, ok := rules[r.ID]; !ok {
					rules[r.ID] = r
				}
			}
		}
	}
	for _, src := range vr.Results {
		if stdlibMod == "" || src.Source.Path != stdlibMod {
			res.Packages += len(src.Packages)
		}
	}
	for _, r := range rules {
		res.Rules = append(res.Rules, r)
	}
	slices.SortFunc(res.Rules, func(a, b finding.Rule) int { return strings.Compare(a.ID, b.ID) })
	finding.Sort(res.Findings)
	finding.AssignFingerprints(res.Findings)
	return res, nil
}

// lockfileType returns the "type:" prefix of a lockfile argument such as
// "cyclonedx:bom.json", or "".
func lockfileType(l string) string {
	if i := strings.Index(l, ":"); i > 1 && !strings.ContainsAny(l[:i], `/\.`) {
		return l[:i+1]
	}
	return ""
}

// logRecorder keeps what osv-scanner logs at error level.
type logRecorder struct {
	mu   sync.Mutex
	errs []string
}

func (l *logRecorder) Enabled(_ context.Context, level slog.Level) bool {
	return level >= slog.LevelWarn
}

func (l *logRecorder) Handle(_ context.Context, r slog.Record) error {
	if r.Level < slog.LevelError {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.errs = append(l.errs, strings.TrimSpace(r.Message))
	return nil
}

func (l *logRecorder) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l *logRecorder) WithGroup(string) slog.Handler      { return l }

func (l *logRecorder) errors() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.errs)
}

func (l *logRecorder) errorSuffix() string {
	if errs := l.errors(); len(errs) > 0 {
		return " (" + strings.Join(errs, "; ") + ")"
	}
	return ""
}

// discard is the logger left in place between scans.
type discard struct{}

func (discard) Enabled(context.Context, slog.Level) bool  { return false }
func (discard) Handle(context.Context, slog.Record) error { return nil }
func (d discard) WithAttrs([]slog.Attr) slog.Handler      { return d }
func (d discard) WithGroup(string) slog.Handler           { return d }

// relPath makes a scanned file's path relative to the repository root.
func relPath(root, p string) string {
	if root == "" {
		return filepath.ToSlash(p)
	}
	if rel, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(p)
}

// requireLines maps module paths to the go.mod line requiring them.
func requireLines(gomod string) map[string]int {
	lines := map[string]int{}
	//sdl:ignore G304 -- the scanned module's go.mod
	data, err := os.ReadFile(gomod)
	if err != nil {
		return lines
	}
	f, err := modfile.ParseLax(gomod, data, nil)
	if err != nil {
		return lines
	}
	for _, r := range f.Require {
		if r.Syntax != nil {
			lines[r.Mod.Path] = r.Syntax.Start.Line
		}
	}
	if f.Go != nil && f.Go.Syntax != nil {
		lines["stdlib"] = f.Go.Syntax.Start.Line
	}
	if f.Toolchain != nil && f.Toolchain.Syntax != nil {
		lines["toolchain"] = f.Toolchain.Syntax.Start.Line
	}
	return lines
}

// convert turns one vulnerability group of a package into a finding and
// its rule.
func convert(pkg models.PackageVulns, group models.GroupInfo, path string, requires map[string]int) (finding.Finding, finding.Rule) {
	id := representative(group.IDs)
	var v *osvschema.Vulnerability
	for _, c := range pkg.Vulnerabilities {
		if c.GetId() == id {
			v = c
		}
	}
	if v == nil && len(pkg.Vulnerabilities) > 0 {
		for _, c := range pkg.Vulnerabilities {
			if slices.Contains(group.IDs, c.GetId()) {
				v = c
				break
			}
		}
	}
	if v == nil {
		return finding.Finding{}, finding.Rule{}
	}
	aliases := slices.DeleteFunc(slices.Clone(group.Aliases), func(a string) bool { return a == id })
	slices.Sort(aliases)
	aliases = slices.Compact(aliases)
	score, vector := cvss(v)
	fixed := fixedVersion(v, pkg.Package.Name, pkg.Package.Version)
	unreachable := false
	for _, gid := range group.IDs {
		if a, ok := group.ExperimentalAnalysis[gid]; ok && !a.Called {
			unreachable = true
		}
	}
	sev := severityOf(score)
	installed := goVersion(pkg.Package.Ecosystem, pkg.Package.Name, pkg.Package.Version)
	fixed = goVersion(pkg.Package.Ecosystem, pkg.Package.Name, fixed)
	msg := fmt.Sprintf("%s %s is affected by %s", pkg.Package.Name, installed, id)
	if len(aliases) > 0 {
		msg += " (" + strings.Join(aliases, ", ") + ")"
	}
	if s := strings.TrimSpace(v.GetSummary()); s != "" {
		msg += ": " + s
	}
	if fixed != "" {
		msg += "; fixed in " + fixed
	} else {
		msg += "; no fixed version yet"
	}
	if unreachable {
		msg += "; the vulnerable code is not called from this module"
	}
	f := finding.Finding{
		Tool:             Tool,
		RuleID:           id,
		Message:          msg,
		Severity:         sev,
		SecuritySeverity: score,
		Level:            sev.SARIFLevel(),
		Location:         finding.Location{Path: path},
		Context:          pkg.Package.Name + "@" + installed,
		Properties: map[string]any{
			"aliases":   aliases,
			"package":   pkg.Package.Name,
			"ecosystem": pkg.Package.Ecosystem,
			"installed": installed,
		},
	}
	if fixed != "" {
		f.Properties["fixed"] = fixed
	}
	if vector != "" {
		f.Properties["cvss"] = score
		f.Properties["cvssVector"] = vector
	}
	if unreachable {
		f.Properties["unreachable"] = true
	}
	// Records of the Go database without a known date carry the zero
	// time as a placeholder.
	if p := v.GetPublished(); p != nil && p.AsTime().Year() > 1 {
		f.Properties["published"] = p.AsTime().UTC().Format("2006-01-02")
	}
	if line, ok := requires[pkg.Package.Name]; ok && strings.HasSuffix(path, "go.mod") {
		f.Location.StartLine, f.Location.EndLine = line, line
	}
	if pkg.Package.Name == "stdlib" || pkg.Package.Name == "toolchain" {
		if line, ok := requires[pkg.Package.Name]; ok && strings.HasSuffix(path, "go.mod") {
			f.Location.StartLine, f.Location.EndLine = line, line
		}
	}
	rule := finding.Rule{
		ID:       id,
		Tool:     Tool,
		Summary:  firstNonEmpty(v.GetSummary(), id),
		Help:     help(v, aliases),
		Text:     strings.TrimSpace(v.GetDetails()),
		HelpURI:  "https://osv.dev/vulnerability/" + id,
		Severity: sev,
		Tags:     []string{"vulnerability", "dependency"},
	}
	return f, rule
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// representative picks the group's ID to report: a GO- id when there is
// one (the Go database's), else the first.
func representative(ids []string) string {
	for _, id := range ids {
		if strings.HasPrefix(id, "GO-") {
			return id
		}
	}
	if len(ids) > 0 {
		return ids[0]
	}
	return ""
}

// cvss returns the highest CVSS base score of a vulnerability and its
// vector, 0 when it has none.
func cvss(v *osvschema.Vulnerability) (float64, string) {
	best, vector := 0.0, ""
	consider := func(sevs []*osvschema.Severity) {
		for _, s := range sevs {
			score := 0.0
			switch s.GetType() {
			case osvschema.Severity_CVSS_V2:
				if c, err := gocvss20.ParseVector(s.GetScore()); err == nil {
					score = c.BaseScore()
				}
			case osvschema.Severity_CVSS_V3:
				if strings.HasPrefix(s.GetScore(), "CVSS:3.0") {
					if c, err := gocvss30.ParseVector(s.GetScore()); err == nil {
						score = c.BaseScore()
					}
				} else if c, err := gocvss31.ParseVector(s.GetScore()); err == nil {
					score = c.BaseScore()
				}
			case osvschema.Severity_CVSS_V4:
				if c, err := gocvss40.ParseVector(s.GetScore()); err == nil {
					score = c.Score()
				}
			}
			if score > best {
				best, vector = score, s.GetScore()
			}
		}
	}
	consider(v.GetSeverity())
	for _, a := range v.GetAffected() {
		consider(a.GetSeverity())
	}
	return best, vector
}

// severityOf maps a CVSS score to a bug-bar level; without a score, a
// vulnerability is important (the Go database rarely scores).
func severityOf(score float64) finding.Severity {
	switch {
	case score == 0:
		return finding.Important
	case score >= 9:
		return finding.Critical
	case score >= 7:
		return finding.Important
	case score >= 4:
		return finding.Moderate
	}
	return finding.Low
}

// fixedVersion returns the lowest fixed version of the package's affected
// ranges.
func fixedVersion(v *osvschema.Vulnerability, pkg, installed string) string {
	var fixed []string
	for _, a := range v.GetAffected() {
		if a.GetPackage().GetName() != pkg {
			continue
		}
		for _, r := range a.GetRanges() {
			for _, e := range r.GetEvents() {
				if f := e.GetFixed(); f != "" {
					fixed = append(fixed, f)
				}
			}
		}
	}
	sort.Slice(fixed, func(i, j int) bool { return versionLess(fixed[i], fixed[j]) })
	// The fix for the installed version is the first fixed version after
	// it: records list one per release branch (stdlib 1.25.9 and 1.26.2),
	// and an older branch's fix is no upgrade.
	for _, f := range fixed {
		if installed == "" || versionLess(installed, f) {
			return f
		}
	}
	return ""
}

// versionLess compares versions: as semantic versions (Go's pseudo-versions
// included) when both are, else dotted parts numerically where it can.
func versionLess(a, b string) bool {
	if va, vb := "v"+strings.TrimPrefix(a, "v"), "v"+strings.TrimPrefix(b, "v"); semver.IsValid(va) && semver.IsValid(vb) {
		return semver.Compare(va, vb) < 0
	}
	pa, pb := strings.Split(strings.TrimPrefix(a, "v"), "."), strings.Split(strings.TrimPrefix(b, "v"), ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		na, ea := strconv.Atoi(pa[i])
		nb, eb := strconv.Atoi(pb[i])
		if ea == nil && eb == nil && na != nb {
			return na < nb
		}
		if pa[i] != pb[i] {
			return pa[i] < pb[i]
		}
	}
	return len(pa) < len(pb)
}

// help renders a vulnerability's rule help in Markdown.
func help(v *osvschema.Vulnerability, aliases []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**", firstNonEmpty(v.GetSummary(), v.GetId()))
	if len(aliases) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(aliases, ", "))
	}
	b.WriteString("\n\n")
	if d := strings.TrimSpace(v.GetDetails()); d != "" {
		b.WriteString(d + "\n\n")
	}
	for _, r := range v.GetReferences() {
		if u := r.GetUrl(); strings.HasPrefix(u, "https://") {
			fmt.Fprintf(&b, "- %s\n", u)
		}
	}
	return strings.TrimSpace(b.String()) + "\n"
}

// goVersion writes a Go module's version as go.mod and go get do, with
// its "v" prefix (OSV records and osv-scanner drop it); the versions of
// the standard library and the toolchain, and other ecosystems', are left
// as they are.
func goVersion(ecosystem, pkg, v string) string {
	if ecosystem != "Go" || v == "" || pkg == "stdlib" || pkg == "toolchain" || strings.HasPrefix(v, "v") {
		return v
	}
	return "v" + v
}
