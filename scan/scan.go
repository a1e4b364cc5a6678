// Package scan is the implementation phase: it lists the packages of a
// module once, then parses, type-checks and analyzes each with our
// analyzers and gosec's rules in one pass (a worker per CPU, one package's
// syntax in memory per worker), and turns every diagnostic into a finding.
package scan

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/sdlkit/sdlkit/analyzers/gosec"
	"github.com/sdlkit/sdlkit/analyzers/suite"
	"github.com/sdlkit/sdlkit/analyzers/suppress"
	"github.com/sdlkit/sdlkit/finding"
)

// Tool is the name of our own analyzers' findings and of the SARIF driver.
const Tool = "sdl"

// Options configure a scan.
type Options struct {
	// Dir is the directory go list runs in (inside the module).
	Dir string
	// Patterns are package patterns, as for go build ("./...").
	Patterns []string
	// Tests also scans test files and packages.
	Tests bool
	// AllowErrors scans the packages that type-check and reports the
	// others as notifications instead of failing.
	AllowErrors bool
	// BuildFlags are passed to go list (for example -tags=integration).
	BuildFlags []string
	// Env, when not nil, is the environment of go list.
	Env []string
	// Rules selects and configures the rules.
	Rules suite.Options
	// Workers is the number of packages analyzed at once (default: the
	// number of CPUs).
	Workers int
}

// Result is what a scan found.
type Result struct {
	// Root is the directory finding paths are relative to: the
	// repository root (the nearest parent with .git), or the module root.
	Root string
	// Rules are the rules that ran.
	Rules []finding.Rule
	// Findings are sorted and fingerprinted.
	Findings []finding.Finding
	// Packages is the number of packages analyzed.
	Packages int
	// Skipped lists, with AllowErrors, the packages that did not
	// type-check, each with its first errors.
	Skipped []string
}

// Unsuppressed counts the findings that no directive suppressed.
func (r *Result) Unsuppressed() int {
	n := 0
	for i := range r.Findings {
		if !r.Findings[i].Suppressed() {
			n++
		}
	}
	return n
}

// InputError is a problem with what the user asked for: a pattern matching
// nothing, a package that does not compile, an unknown rule.
type InputError struct {
	Msg string
}

func (e *InputError) Error() string { return e.Msg }

// Run scans the packages.
func Run(ctx context.Context, opts Options) (*Result, error) {
	if len(opts.Patterns) == 0 {
		opts.Patterns = []string{"."}
	}
	if opts.Dir == "" {
		opts.Dir = "."
	}
	su, err := suite.NewSuite(opts.Rules)
	if err != nil {
		return nil, &InputError{Msg: err.Error()}
	}
	listed, err := list(&opts)
	if err != nil {
		return nil, err
	}
	root, err := RepoRoot(opts.Dir)
	if err != nil {
		return nil, err
	}

	res := &Result{Root: root, Rules: su.Rules}
	fset := token.NewFileSet()
	im := newImporter(fset)
	roots := append([]*analysis.Analyzer{su.Directives}, su.Analyzers...)

	var (
		mu       sync.Mutex
		failures []string
	)
	g, ctx := errgroup.WithContext(ctx)
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	g.SetLimit(workers)
	for _, lp := range listed {
		if len(lp.CompiledGoFiles) == 0 && len(lp.Errors) == 0 {
			continue // for example, a directory of non-Go files
		}
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			pkg, contents := typeCheck(fset, im, lp)
			if pkg.IllTyped {
				mu.Lock()
				failures = append(failures, describeErrors(pkg))
				mu.Unlock()
				return nil
			}
			graph, err := checker.Analyze(roots, []*packages.Package{pkg}, &checker.Options{Sequential: true})
			if err != nil {
				return fmt.Errorf("analyzing %s: %w", pkg.PkgPath, err)
			}
			fs, err := collect(su, graph, fset, root, contents)
			if err != nil {
				return fmt.Errorf("analyzing %s: %w", pkg.PkgPath, err)
			}
			mu.Lock()
			res.Findings = append(res.Findings, fs...)
			res.Packages++
			mu.Unlock()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	slices.Sort(failures)
	if len(failures) > 0 {
		if !opts.AllowErrors {
			return nil, &InputError{Msg: "these packages do not compile (fix them, or scan the rest with --allow-errors):\n" + strings.Join(failures, "\n")}
		}
		res.Skipped = failures
	}
	finding.Sort(res.Findings)
	res.Findings = slices.CompactFunc(res.Findings, func(a, b finding.Finding) bool {
		return finding.Compare(&a, &b) == 0
	})
	finding.AssignFingerprints(res.Findings)
	return res, nil
}

// describeErrors names a package and its first errors.
func describeErrors(p *packages.Package) string {
	const max = 3
	var b strings.Builder
	fmt.Fprintf(&b, "%s:", p.PkgPath)
	for i, e := range p.Errors {
		if i == max {
			fmt.Fprintf(&b, "\n\t(and %d more)", len(p.Errors)-max)
			break
		}
		if e.Pos != "" && e.Pos != "-" {
			fmt.Fprintf(&b, "\n\t%s: %s", e.Pos, e.Msg)
		} else {
			fmt.Fprintf(&b, "\n\t%s", e.Msg)
		}
	}
	return b.String()
}

// collect turns one package's analysis into findings.
func collect(su *suite.Suite, graph *checker.Graph, fset *token.FileSet, root string, contents map[string][]byte) ([]finding.Finding, error) {
	rules := map[string]finding.Rule{}
	for _, r := range su.Rules {
		rules[r.ID] = r
	}
	var gosecIssues map[issueKey]*gosec.Issue
	var index *suppress.Index
	for _, act := range graph.Roots {
		if act.Err != nil {
			return nil, fmt.Errorf("%s: %w", act.Analyzer.Name, act.Err)
		}
		switch act.Analyzer {
		case su.Directives:
			index = act.Result.(*suppress.Index)
		case su.Gosec:
			gosecIssues = map[issueKey]*gosec.Issue{}
			for i, is := range act.Result.(*gosec.Result).Issues {
				gosecIssues[issueKey{is.RuleID, is.Pos}] = &act.Result.(*gosec.Result).Issues[i]
			}
		}
	}
	conv := converter{fset: fset, root: root, contents: contents, rules: rules}

	var out []finding.Finding
	add := func(a *analysis.Analyzer, d analysis.Diagnostic, sup *finding.Suppression) {
		rule := su.RuleOf(a, d)
		f, ok := conv.finding(rule, d)
		if !ok {
			return
		}
		// The gosec analyzer also runs our taint rules: their findings are
		// ours, with our rule's CWE and level.
		if a == su.Gosec && rules[rule].Tool == gosec.Tool {
			f.Tool = gosec.Tool
			if is := gosecIssues[issueKey{rule, d.Pos}]; is != nil {
				f.CWE = is.CWE
				f.Properties = map[string]any{"gosec.severity": is.Severity, "gosec.confidence": is.Confidence}
			}
		}
		if sup != nil {
			f.Suppressions = append(f.Suppressions, *sup)
		}
		out = append(out, f)
	}
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			add(act.Analyzer, d, nil)
		}
	}
	if index != nil {
		for _, s := range index.Suppressed() {
			loc := conv.location(s.Directive.Pos, token.NoPos)
			add(s.Analyzer, s.Diagnostic, &finding.Suppression{
				Kind:          finding.SuppressionInSource,
				Justification: s.Directive.Reason,
				Location:      &loc,
			})
		}
	}
	// Issues gosec's own #nosec suppressed never became diagnostics.
	for _, is := range gosecIssues {
		if len(is.Suppressions) == 0 {
			continue
		}
		f, ok := conv.finding(is.RuleID, analysis.Diagnostic{Pos: is.Pos, Message: is.Message})
		if !ok {
			continue
		}
		if rules[is.RuleID].Tool == gosec.Tool {
			f.Tool = gosec.Tool
			f.CWE = is.CWE
			f.Properties = map[string]any{"gosec.severity": is.Severity, "gosec.confidence": is.Confidence}
		}
		f.Suppressions = is.Suppressions
		out = append(out, f)
	}
	return out, nil
}

type issueKey struct {
	rule string
	pos  token.Pos
}

// converter maps positions to repository-relative locations.
type converter struct {
	fset     *token.FileSet
	root     string
	contents map[string][]byte
	rules    map[string]finding.Rule
}

// finding converts a diagnostic of rule; ok is false for positions outside
// the repository (generated cgo files in the build cache).
func (c *converter) finding(rule string, d analysis.Diagnostic) (finding.Finding, bool) {
	loc := c.location(d.Pos, d.End)
	if loc.Path == "" {
		return finding.Finding{}, false
	}
	r := c.rules[rule]
	f := finding.Finding{
		Tool:     Tool,
		RuleID:   rule,
		Message:  d.Message,
		Severity: r.Severity,
		CWE:      slices.Clone(r.CWE),
		Location: loc,
		Context:  c.context(d.Pos),
	}
	for _, sf := range d.SuggestedFixes {
		fix := finding.Fix{Description: sf.Message}
		for _, e := range sf.TextEdits {
			start := c.location(e.Pos, e.End)
			if start.Path == "" {
				continue
			}
			tf := c.fset.File(e.Pos)
			end := e.End
			if !end.IsValid() {
				end = e.Pos
			}
			fix.Edits = append(fix.Edits, finding.Edit{
				Path:        start.Path,
				Offset:      tf.Offset(e.Pos),
				Length:      tf.Offset(end) - tf.Offset(e.Pos),
				StartLine:   start.StartLine,
				StartColumn: start.StartColumn,
				EndLine:     start.EndLine,
				EndColumn:   start.EndColumn,
				Text:        string(e.NewText),
			})
		}
		if len(fix.Edits) > 0 {
			f.Fixes = append(f.Fixes, fix)
		}
	}
	return f, true
}

// location converts a range to a repository-relative location with
// columns in UTF-16 code units (SARIF's default column kind).
func (c *converter) location(pos, end token.Pos) finding.Location {
	if !pos.IsValid() {
		return finding.Location{}
	}
	p := c.fset.Position(pos)
	rel, ok := relPath(c.root, p.Filename)
	if !ok {
		return finding.Location{}
	}
	loc := finding.Location{Path: rel, StartLine: p.Line, StartColumn: c.column(p)}
	if end.IsValid() && end >= pos {
		e := c.fset.Position(end)
		loc.EndLine, loc.EndColumn = e.Line, c.column(e)
	} else {
		loc.EndLine, loc.EndColumn = loc.StartLine, loc.StartColumn
	}
	return loc
}

// column converts a byte column to UTF-16 code units.
func (c *converter) column(p token.Position) int {
	src := c.contents[p.Filename]
	if src == nil || p.Offset > len(src) {
		return p.Column
	}
	lineStart := p.Offset - (p.Column - 1)
	if lineStart < 0 {
		return p.Column
	}
	n := 1
	for _, r := range string(src[lineStart:p.Offset]) {
		n += len(utf16.Encode([]rune{r}))
	}
	return n
}

// context returns the normalised text of the line holding pos, which the
// fingerprint is computed from.
func (c *converter) context(pos token.Pos) string {
	p := c.fset.Position(pos)
	src := c.contents[p.Filename]
	if src == nil || p.Offset > len(src) {
		return ""
	}
	start := p.Offset - (p.Column - 1)
	end := p.Offset
	for end < len(src) && src[end] != '\n' {
		end++
	}
	if start < 0 || !utf8.Valid(src[start:end]) {
		return ""
	}
	return finding.NormalizeContext(string(src[start:end]))
}

// relPath returns file relative to root with forward slashes, and false
// when file is outside root.
func relPath(root, file string) (string, bool) {
	rel, err := filepath.Rel(root, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// RepoRoot returns the repository root above dir: the nearest directory
// holding .git, or else the nearest holding go.mod, or else dir.
func RepoRoot(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		abs = r
	}
	mod := ""
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d, nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		if mod == "" {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				mod = d
			}
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if mod != "" {
		return mod, nil
	}
	return abs, nil
}

// SARIF returns the result as a SARIF run: sdl as the driver with our
// rules, gosec as an extension with its rules.
func (r *Result) SARIF(version string) finding.Run {
	run := finding.Run{
		Driver:     finding.Tool{Name: Tool, Version: version, InformationURI: "https://github.com/sdlkit/sdlkit"},
		Extensions: []finding.Tool{{Name: gosec.Tool, Version: gosec.Version, InformationURI: gosec.InformationURI}},
		Rules:      r.Rules,
		Findings:   r.Findings,
		Successful: len(r.Skipped) == 0,
	}
	for _, s := range r.Skipped {
		run.Notifications = append(run.Notifications, "package not scanned: "+s)
	}
	return run
}
