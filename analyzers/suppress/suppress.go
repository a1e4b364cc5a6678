package suppress

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// BadRule is the rule of malformed directives.
var BadRule = ruledoc.Rule(doc, "badignore", ruledoc.Meta{
	ID:       "SDL001",
	Severity: finding.Low,
	Tags:     []string{"suppression"},
})

// UnusedRule is the rule of directives that suppress nothing.
var UnusedRule = ruledoc.Rule(doc, "unusedignore", ruledoc.Meta{
	ID:       "SDL002",
	Severity: finding.Low,
	Tags:     []string{"suppression"},
})

// Directive prefixes.
const (
	LinePrefix = "//sdl:ignore"
	FilePrefix = "//sdl:file-ignore"
)

// Directive is one parsed //sdl:ignore or //sdl:file-ignore comment.
type Directive struct {
	// Pos is the position of the comment.
	Pos token.Pos
	// Rules are the canonical IDs of the rules it names that exist.
	Rules []string
	// Reason is the text after " -- ".
	Reason string
	// FileWide is true for //sdl:file-ignore.
	FileWide bool
	// Filename, StartLine and EndLine are the lines it covers.
	Filename           string
	StartLine, EndLine int
	// Problems are what is wrong with it (no reason, unknown rules).
	Problems []string

	used map[string]bool
}

// Covers reports whether the directive applies to rule at the position.
func (d *Directive) Covers(rule string, p token.Position) bool {
	if p.Filename != d.Filename || !slices.Contains(d.Rules, rule) || d.Reason == "" {
		return false
	}
	return d.FileWide || (d.StartLine <= p.Line && p.Line <= d.EndLine)
}

// Suppressed is a diagnostic a directive suppressed.
type Suppressed struct {
	Analyzer   *analysis.Analyzer
	Rule       string
	Diagnostic analysis.Diagnostic
	Directive  *Directive
}

// Index holds a package's directives and what they suppressed. It is the
// result of Set.Directives; the analyzers wrapped by the same Set consult
// and update it concurrently.
type Index struct {
	fset       *token.FileSet
	mu         sync.Mutex
	directives []*Directive
	suppressed []Suppressed
	ran        map[string]bool
	// outrankedBy maps a pattern rule to the rules that report its
	// findings in its place (Set.Outrank).
	outrankedBy map[string][]string
}

// Directives returns the package's directives in source order.
func (ix *Index) Directives() []*Directive { return ix.directives }

// Suppressed returns the diagnostics directives suppressed so far.
func (ix *Index) Suppressed() []Suppressed {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return slices.Clone(ix.suppressed)
}

// match finds the directive that suppresses rule at pos and records its use.
func (ix *Index) match(rule string, pos token.Pos) *Directive {
	p := ix.fset.Position(pos)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, d := range ix.directives {
		if d.Covers(rule, p) {
			d.used[rule] = true
			// The pattern rules this rule outranks found nothing of their
			// own here: their finding went into this one.
			for _, n := range d.Rules {
				if slices.Contains(ix.outrankedBy[n], rule) {
					d.used[n] = true
				}
			}
			return d
		}
	}
	for _, d := range ix.directives {
		for _, n := range d.Rules {
			if slices.Contains(ix.outrankedBy[n], rule) && d.Covers(n, p) {
				d.used[n] = true
				return d
			}
		}
	}
	return nil
}

func (ix *Index) markRan(rules []string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, r := range rules {
		ix.ran[r] = true
	}
}

// Set ties a group of wrapped analyzers to the directive index and the
// reporter of bad and unused directives. Build one per driver: wrap every
// analyzer, then call Reporter.
type Set struct {
	known      map[string]string   // spelling -> canonical rule ID
	alias      map[string]string   // superseded rule ID -> the rule that replaces it
	outrank    map[string][]string // pattern rule ID -> the rules that outrank it
	prefix     bool
	directives *analysis.Analyzer
	wrapped    []*analysis.Analyzer
}

// NewSet returns a Set that knows the given rules (directives naming any
// other rule are reported). With prefixMessages, wrapped analyzers prefix
// each message with its rule ID, for drivers such as go vet that print only
// the message.
func NewSet(known []finding.Rule, prefixMessages bool) *Set {
	s := &Set{known: map[string]string{}, alias: map[string]string{}, outrank: map[string][]string{}, prefix: prefixMessages}
	for _, r := range known {
		s.known[strings.ToUpper(r.ID)] = r.ID
		if r.Name != "" {
			s.known[strings.ToLower(r.Name)] = r.ID
		}
	}
	s.directives = &analysis.Analyzer{
		Name:             "sdldirectives",
		Doc:              "parse //sdl:ignore directives for the analyzers that honour them",
		Run:              s.parse,
		RunDespiteErrors: true,
		ResultType:       reflect.TypeFor[*Index](),
	}
	return s
}

// Supersede records that rule replaces old (as sdlkit's SDL904 replaces
// gosec's G703): a directive naming old then suppresses rule, so the
// suppressions written for the replaced rule keep working. Call it before
// any package is analysed.
func (s *Set) Supersede(old, rule string) {
	s.alias[old] = rule
}

// Outrank records that rule reports, on the calls it finds, the flaw that
// the pattern rule reports from the call's shape (as SDL904 outranks
// gosec's G304): where rule reports, pattern's finding is dropped, so a
// directive naming pattern also suppresses rule, and a directive naming
// both is not reported unused for pattern when rule's finding was the one
// it suppressed. Call it before any package is analysed.
func (s *Set) Outrank(pattern, rule string) {
	if !slices.Contains(s.outrank[pattern], rule) {
		s.outrank[pattern] = append(s.outrank[pattern], rule)
	}
}

// Directives is the analyzer whose result is the package's *Index.
func (s *Set) Directives() *analysis.Analyzer { return s.directives }

// Wrap returns a copy of a whose diagnostics are checked against the
// package's directives: suppressed ones are recorded in the Index instead of
// being reported. rules are the rule IDs the analyzer can report; ruleOf
// names the rule of one diagnostic.
func (s *Set) Wrap(a *analysis.Analyzer, rules []string, ruleOf func(analysis.Diagnostic) string) *analysis.Analyzer {
	w := *a
	w.Requires = append(slices.Clone(a.Requires), s.directives)
	w.Run = func(pass *analysis.Pass) (any, error) {
		ix := pass.ResultOf[s.directives].(*Index)
		ix.markRan(rules)
		report := pass.Report
		inner := *pass
		inner.Report = func(d analysis.Diagnostic) {
			rule := ruleOf(d)
			if dir := ix.match(rule, d.Pos); dir != nil {
				ix.mu.Lock()
				ix.suppressed = append(ix.suppressed, Suppressed{Analyzer: &w, Rule: rule, Diagnostic: d, Directive: dir})
				ix.mu.Unlock()
				return
			}
			if d.Category == "" {
				d.Category = rule
			}
			if s.prefix {
				d.Message = rule + ": " + d.Message
			}
			report(d)
		}
		return a.Run(&inner)
	}
	s.wrapped = append(s.wrapped, &w)
	return &w
}

// Reporter returns the analyzer that reports bad and unused directives,
// after every analyzer wrapped so far has run. Each of the two rules is
// reported only if report accepts its ID (nil accepts both).
func (s *Set) Reporter(report func(rule string) bool) *analysis.Analyzer {
	if report == nil {
		report = func(string) bool { return true }
	}
	return &analysis.Analyzer{
		Name:             "sdlignore",
		Doc:              BadRule.Summary + "; " + UnusedRule.Summary + " (" + BadRule.ID + ", " + UnusedRule.ID + ")",
		URL:              ruledoc.DocsURL,
		Requires:         append([]*analysis.Analyzer{s.directives}, s.wrapped...),
		RunDespiteErrors: true,
		Run: func(pass *analysis.Pass) (any, error) {
			ix := pass.ResultOf[s.directives].(*Index)
			for _, d := range ix.directives {
				for _, p := range d.Problems {
					if report(BadRule.ID) {
						pass.Report(s.diag(d, BadRule.ID, p))
					}
				}
				if d.Reason == "" {
					continue
				}
				for _, r := range d.Rules {
					if ix.ran[r] && !d.used[r] && report(UnusedRule.ID) {
						pass.Report(s.diag(d, UnusedRule.ID, fmt.Sprintf("directive suppresses nothing: %s reported no finding here; remove it from the directive", r)))
					}
				}
			}
			return nil, nil
		},
	}
}

func (s *Set) diag(d *Directive, rule, msg string) analysis.Diagnostic {
	if s.prefix {
		msg = rule + ": " + msg
	}
	return analysis.Diagnostic{Pos: d.Pos, Category: rule, Message: msg}
}

// parse is the Run of the directives analyzer.
func (s *Set) parse(pass *analysis.Pass) (any, error) {
	ix := &Index{fset: pass.Fset, ran: map[string]bool{}, outrankedBy: s.outrank}
	for _, f := range pass.Files {
		var lines *lineIndex
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				d := s.parseComment(c)
				if d == nil {
					continue
				}
				tf := pass.Fset.File(c.Pos())
				d.Filename = tf.Name()
				if !d.FileWide {
					if lines == nil {
						lines = indexLines(pass.Fset, f)
					}
					d.StartLine, d.EndLine = lines.cover(tf.Line(c.Pos()), c.End())
				}
				ix.directives = append(ix.directives, d)
			}
		}
	}
	return ix, nil
}

// parseComment parses one comment, returning nil when it is not a directive.
func (s *Set) parseComment(c *ast.Comment) *Directive {
	text := c.Text
	var rest string
	d := &Directive{Pos: c.Pos(), used: map[string]bool{}}
	switch {
	case strings.HasPrefix(text, FilePrefix):
		rest = text[len(FilePrefix):]
		d.FileWide = true
	case strings.HasPrefix(text, LinePrefix):
		rest = text[len(LinePrefix):]
	default:
		return nil
	}
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return nil // //sdl:ignored or similar: not ours
	}
	names, reason, found := strings.Cut(rest, " -- ")
	if !found {
		names, reason, _ = strings.Cut(rest, "--")
	}
	d.Reason = strings.TrimSpace(reason)
	if d.Reason == "" {
		d.Problems = append(d.Problems, "directive needs a reason: write //sdl:ignore RULE -- why this finding is safe")
	}
	var unknown []string
	for _, n := range strings.FieldsFunc(names, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		id, ok := s.known[strings.ToUpper(n)]
		if !ok {
			id, ok = s.known[strings.ToLower(n)]
		}
		if !ok {
			unknown = append(unknown, n)
			continue
		}
		if to, ok := s.alias[id]; ok {
			id = to
		}
		if !slices.Contains(d.Rules, id) {
			d.Rules = append(d.Rules, id)
		}
	}
	if len(unknown) > 0 {
		d.Problems = append(d.Problems, fmt.Sprintf("directive names unknown rule %s; `sdl rules` lists the rules", strings.Join(unknown, ", ")))
	}
	if len(d.Rules) == 0 && len(unknown) == 0 {
		d.Problems = append(d.Problems, "directive names no rule: write //sdl:ignore RULE -- reason")
	}
	return d
}

// lineIndex knows, per line of a file, whether code ends on it and the
// extent of the outermost node starting on it.
type lineIndex struct {
	fset     *token.FileSet
	codeEnds map[int]token.Pos // line -> earliest end of a node on that line
	starts   []span            // outermost node per start line, in order
}

type span struct {
	pos           token.Pos
	line, endLine int
}

func indexLines(fset *token.FileSet, f *ast.File) *lineIndex {
	li := &lineIndex{fset: fset, codeEnds: map[int]token.Pos{}}
	seen := map[int]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case nil, *ast.File, *ast.CommentGroup, *ast.Comment:
			return true
		}
		start := fset.Position(n.Pos()).Line
		end := fset.Position(n.End()).Line
		if p, ok := li.codeEnds[end]; !ok || n.End() < p {
			li.codeEnds[end] = n.End()
		}
		if !seen[start] {
			seen[start] = true
			li.starts = append(li.starts, span{n.Pos(), start, end})
		}
		return true
	})
	slices.SortFunc(li.starts, func(a, b span) int { return int(a.pos - b.pos) })
	return li
}

// cover returns the lines covered by a directive comment on line ending at
// end: a trailing directive covers its line and the node starting there; a
// directive on its own line covers the next node.
func (li *lineIndex) cover(line int, end token.Pos) (int, int) {
	if p, ok := li.codeEnds[line]; ok && p <= end {
		last := line
		for _, s := range li.starts {
			if s.line == line {
				last = max(last, s.endLine)
			}
		}
		return line, last
	}
	for _, s := range li.starts {
		if s.pos > end {
			return s.line, s.endLine
		}
	}
	return line, line
}
