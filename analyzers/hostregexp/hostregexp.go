package hostregexp

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/sdlkit/sdlkit/analyzers/internal/analysisutil"
	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Rule documents the check.
var Rule = ruledoc.Rule(doc, "hostregexp", ruledoc.Meta{
	ID:       "SDL701",
	CWE:      []int{20},
	Severity: finding.Moderate,
	Tags:     []string{"input-validation"},
})

// Analyzer reports hostname and URL regexps that match more than intended.
var Analyzer = &analysis.Analyzer{
	Name: Rule.Name,
	Doc:  ruledoc.AnalyzerDoc(Rule),
	URL:  Rule.HelpURI,
	Run:  run,
}

const regexpPath = "regexp"

// marker replaces the dot under test, so that the parsed pattern shows
// where that dot went.
const marker = '\uE000'

func run(pass *analysis.Pass) (any, error) {
	if !analysisutil.Imports(pass.Pkg, regexpPath) {
		return nil, nil
	}
	info := pass.TypesInfo

	// Where each expression is stored, and which objects (variables,
	// fields, collections) hold regexps whose Match methods are called.
	storedIn := map[ast.Expr]types.Object{}
	validated := map[types.Object]bool{}
	chained := map[*ast.CallExpr]bool{} // regexp.MustCompile(p).MatchString(s)
	type rangeOver struct{ value, coll types.Object }
	var ranges []rangeOver
	var calls []*ast.CallExpr
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				switch {
				case len(n.Lhs) == len(n.Rhs):
					for i, lhs := range n.Lhs {
						storedIn[ast.Unparen(n.Rhs[i])] = refObject(info, lhs)
					}
				case len(n.Rhs) == 1: // re, err := regexp.Compile(p)
					storedIn[ast.Unparen(n.Rhs[0])] = refObject(info, n.Lhs[0])
				}
			case *ast.ValueSpec:
				switch {
				case len(n.Values) == len(n.Names):
					for i, v := range n.Values {
						storedIn[ast.Unparen(v)] = info.Defs[n.Names[i]]
					}
				case len(n.Values) == 1:
					storedIn[ast.Unparen(n.Values[0])] = info.Defs[n.Names[0]]
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok && v.IsField() {
						storedIn[ast.Unparen(n.Value)] = v
					}
				}
			case *ast.RangeStmt:
				if n.Value != nil {
					if v, c := refObject(info, n.Value), refObject(info, n.X); v != nil && c != nil {
						ranges = append(ranges, rangeOver{v, c})
					}
				}
			case *ast.SelectorExpr:
				if !isMatchMethod(info, n) {
					return true
				}
				if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
					chained[call] = true
				} else if obj := refObject(info, n.X); obj != nil {
					validated[obj] = true
				}
			case *ast.CallExpr:
				if fn := analysisutil.Callee(info, n); analysisutil.IsFunc(fn, regexpPath,
					"Compile", "MustCompile", "CompilePOSIX", "MustCompilePOSIX", "MatchString", "Match") && len(n.Args) > 0 {
					calls = append(calls, n)
				}
			}
			return true
		})
	}
	for _, r := range ranges {
		if validated[r.value] {
			validated[r.coll] = true
		}
	}
	// Elements of a slice or map literal are stored in its collection.
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			var outer ast.Expr = lit
			coll := storedIn[outer]
			if coll == nil {
				return true
			}
			t := info.TypeOf(lit)
			if t == nil {
				return true
			}
			switch t.Underlying().(type) {
			case *types.Slice, *types.Array, *types.Map:
			default:
				return true
			}
			for _, elt := range lit.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					elt = kv.Value
				}
				if _, ok := storedIn[ast.Unparen(elt)]; !ok {
					storedIn[ast.Unparen(elt)] = coll
				}
			}
			return true
		})
	}

	for _, call := range calls {
		fn := analysisutil.Callee(info, call)
		pattern, ok := analysisutil.StringConst(info, call.Args[0])
		if !ok {
			continue
		}
		flags := syntax.Perl
		if strings.HasSuffix(fn.Name(), "POSIX") {
			flags = syntax.POSIX
		}
		validation := fn.Name() == "MatchString" || fn.Name() == "Match" || chained[call]
		if obj := storedIn[call]; obj != nil && validated[obj] {
			validation = true
		}
		check(pass, call.Args[0], pattern, flags, validation)
	}
	return nil, nil
}

// isMatchMethod reports whether sel selects a validating method of
// *regexp.Regexp.
func isMatchMethod(info *types.Info, sel *ast.SelectorExpr) bool {
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	return ok && analysisutil.IsMethod(fn, regexpPath, "Regexp", "MatchString", "Match", "MatchReader")
}

// refObject returns the object an expression refers to: a variable, the
// field of a selection, or the collection an index expression reads.
func refObject(info *types.Info, e ast.Expr) types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.ObjectOf(x)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			return sel.Obj()
		}
		return info.ObjectOf(x.Sel)
	case *ast.StarExpr:
		return refObject(info, x.X)
	case *ast.IndexExpr:
		return refObject(info, x.X)
	}
	return nil
}

// check reports the problems of one constant pattern.
func check(pass *analysis.Pass, arg ast.Expr, pattern string, flags syntax.Flags, validation bool) {
	re, err := syntax.Parse(pattern, flags)
	if err != nil {
		return
	}
	checkDots(pass, arg, pattern, flags)
	if validation {
		checkAnchors(pass, arg, re)
	}
}

// ---------------------------------------------------------------------
// Tokens: a flattened view of a concatenation.

type kind int

const (
	tChar  kind = iota // a literal character other than '.'
	tDot               // a literal (escaped) '.'
	tAny               // an unescaped '.'
	tMark              // the dot under test
	tStart             // ^ or \A
	tEnd               // $ or \z
	tNode              // any other node
)

type tok struct {
	kind  kind
	r     rune           // tChar
	node  *syntax.Regexp // tNode
	label bool           // a label character, or a node matching only those
	empty bool           // tNode that can match the empty string
}

func (t tok) sep() bool { return t.kind == tDot || t.kind == tAny || t.kind == tMark }

func flatten(re *syntax.Regexp, out []tok) []tok {
	switch re.Op {
	case syntax.OpConcat:
		for _, s := range re.Sub {
			out = flatten(s, out)
		}
	case syntax.OpCapture:
		if s := re.Sub[0]; s.Op == syntax.OpConcat || s.Op == syntax.OpLiteral {
			return flatten(s, out)
		}
		out = append(out, nodeTok(re))
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			switch {
			case r == '.':
				out = append(out, tok{kind: tDot})
			case r == marker:
				out = append(out, tok{kind: tMark})
			default:
				if re.Flags&syntax.FoldCase != 0 {
					r = toLower(r)
				}
				out = append(out, tok{kind: tChar, r: r, label: isLabelRune(r)})
			}
		}
	case syntax.OpBeginText, syntax.OpBeginLine:
		out = append(out, tok{kind: tStart})
	case syntax.OpEndText, syntax.OpEndLine:
		out = append(out, tok{kind: tEnd})
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		out = append(out, tok{kind: tAny})
	case syntax.OpEmptyMatch:
	default:
		out = append(out, nodeTok(re))
	}
	return out
}

func nodeTok(re *syntax.Regexp) tok {
	return tok{kind: tNode, node: re, label: labelOnly(re), empty: canBeEmpty(re)}
}

func toLower(r rune) rune {
	if 'A' <= r && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}

func isLabelRune(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_'
}

// labelOnly reports whether re matches only (non-empty or empty) strings of
// label characters: www, (www|api), [a-z0-9-]+.
func labelOnly(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if !isLabelRune(r) {
				return false
			}
		}
		return len(re.Rune) > 0
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for _, span := range [][2]rune{{'a', 'z'}, {'A', 'Z'}, {'0', '9'}, {'-', '-'}, {'_', '_'}} {
				if re.Rune[i] >= span[0] && re.Rune[i+1] <= span[1] {
					goto next
				}
			}
			return false
		next:
		}
		return len(re.Rune) > 0
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat, syntax.OpCapture:
		return labelOnly(re.Sub[0])
	case syntax.OpConcat, syntax.OpAlternate:
		for _, s := range re.Sub {
			if !labelOnly(s) {
				return false
			}
		}
		return len(re.Sub) > 0
	}
	return false
}

// canBeEmpty reports whether re can match the empty string anywhere: the
// text anchors ^ and $ count as non-empty, since they fix the position.
func canBeEmpty(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpStar, syntax.OpQuest,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpRepeat:
		return re.Min == 0 || canBeEmpty(re.Sub[0])
	case syntax.OpCapture, syntax.OpPlus:
		return canBeEmpty(re.Sub[0])
	case syntax.OpConcat:
		for _, s := range re.Sub {
			if !canBeEmpty(s) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if canBeEmpty(s) {
				return true
			}
		}
	}
	return false
}

// hostRun is a maximal run of labels and separators.
type hostRun struct {
	start, end int // toks[start:end]
}

// runs returns the runs of tokens that look like host names: label
// characters (or label-only nodes) separated by dots, beginning and ending
// with a label, with at least one separator.
func runs(toks []tok) []hostRun {
	var out []hostRun
	for i := 0; i < len(toks); {
		if !toks[i].label {
			i++
			continue
		}
		j := i
		for j < len(toks) && (toks[j].label || toks[j].sep()) {
			j++
		}
		end := j
		for end > i && toks[end-1].sep() {
			end--
		}
		for k := i; k < end; k++ {
			if toks[k].sep() {
				out = append(out, hostRun{i, end})
				break
			}
		}
		i = j
	}
	return out
}

// lastLabel returns the final label of a run when it is made of literal
// characters.
func lastLabel(toks []tok, r hostRun) (string, bool) {
	var b strings.Builder
	k := r.end - 1
	for k >= r.start && !toks[k].sep() {
		k--
	}
	for _, t := range toks[k+1 : r.end] {
		if t.kind != tChar {
			return "", false
		}
		b.WriteRune(t.r)
	}
	return strings.ToLower(b.String()), true
}

// afterScheme reports whether the run follows "://".
func afterScheme(toks []tok, r hostRun) bool {
	i := r.start
	return i >= 3 && toks[i-3].kind == tChar && toks[i-3].r == ':' &&
		toks[i-2].kind == tChar && toks[i-2].r == '/' && toks[i-1].kind == tChar && toks[i-1].r == '/'
}

func endsWithTLD(toks []tok, r hostRun) bool {
	l, ok := lastLabel(toks, r)
	return ok && tlds[l]
}

// render shows a run as the host it is meant to match, with dots
// unescaped; bad, if not negative, is the separator shown as "X".
func render(toks []tok, r hostRun, bad int) string {
	var b strings.Builder
	for k := r.start; k < r.end; k++ {
		t := toks[k]
		switch {
		case k == bad:
			b.WriteByte('X')
		case t.sep():
			b.WriteByte('.')
		case t.kind == tChar:
			b.WriteRune(t.r)
		default:
			b.WriteString(t.node.String())
		}
	}
	return b.String()
}

// tlds are the final labels that make a dotted sequence a host name.
// Top-level domains that are also common file extensions or words (md, py,
// sh, rs, pl, so, ps, cc, ar, name, local, test, example, is, no, to, at,
// be) are left out: file.name or .env.local are not host names.
var tlds = map[string]bool{}

func init() {
	for _, t := range strings.Fields(`com net org edu gov mil arpa info biz pro
		io dev app ai co me tv ly gg fm xyz site online tech cloud store shop
		us uk eu de fr nl ch es it pt se dk fi ie cz sk hu ro bg gr tr ru ua
		kz cn jp kr tw hk sg th vn ph in pk au nz ca mx br cl pe uy za ng ke eg il ae sa qa ir`) {
		tlds[t] = true
	}
}

// ---------------------------------------------------------------------
// Unescaped dots.

// checkDots reports the unescaped dots of pattern that separate the labels
// of a host name.
func checkDots(pass *analysis.Pass, arg ast.Expr, pattern string, flags syntax.Flags) {
	var bad []int
	var host, example string
	for _, off := range unescapedDots(pattern) {
		marked := pattern[:off] + string(marker) + pattern[off+1:]
		re, err := syntax.Parse(marked, flags)
		if err != nil {
			continue
		}
		if h, ex, ok := markBetweenLabels(re); ok {
			bad = append(bad, off)
			if host == "" {
				host, example = h, ex
			}
		}
	}
	if len(bad) == 0 {
		return
	}
	what := "an unescaped \".\""
	if len(bad) > 1 {
		what = "unescaped \".\"s"
	}
	msg := fmt.Sprintf("regexp host pattern %s has %s between labels: \".\" matches any character, so %s also matches; escape the dots as \\.", strconv.Quote(host), what, strconv.Quote(example))
	d := analysis.Diagnostic{Pos: arg.Pos(), End: arg.End(), Message: msg}
	var edits []analysis.TextEdit
	for _, off := range bad {
		pos, escape, ok := sourcePos(pass, arg, off)
		if !ok {
			edits = nil
			break
		}
		edits = append(edits, analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(escape)})
	}
	if len(edits) > 0 {
		d.SuggestedFixes = []analysis.SuggestedFix{{Message: `Escape the dots as \.`, TextEdits: edits}}
	}
	pass.Report(d)
}

// markBetweenLabels reports whether the marker stands, as a separator,
// between two labels of a host name (or before the first label of one at
// the start of the pattern), and returns that host and an example of what
// else it matches.
func markBetweenLabels(re *syntax.Regexp) (host, example string, found bool) {
	var walk func(re *syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		if found {
			return
		}
		switch re.Op {
		case syntax.OpConcat, syntax.OpLiteral, syntax.OpCapture:
			toks := flatten(re, nil)
			for k, t := range toks {
				if t.kind != tMark {
					continue
				}
				if k+1 >= len(toks) || !toks[k+1].label {
					continue
				}
				leading := k == 0 || toks[k-1].kind == tStart
				if !leading && !toks[k-1].label {
					continue
				}
				for _, r := range runs(toks) {
					start := r.start
					if leading {
						start = k + 1
					}
					if k+1 < start || k >= r.end {
						continue
					}
					if !endsWithTLD(toks, r) && !afterScheme(toks, r) {
						continue
					}
					found = true
					if leading {
						host = "." + render(toks, r, -1)
						example = "X" + render(toks, r, -1)
					} else {
						host = render(toks, r, -1)
						example = render(toks, r, k)
					}
					return
				}
			}
		}
		for _, s := range re.Sub {
			walk(s)
		}
	}
	walk(re)
	return host, example, found
}

// unescapedDots returns the byte offsets of the "." characters of a
// pattern that are neither escaped nor inside a character class.
func unescapedDots(p string) []int {
	var out []int
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			if i+1 >= len(p) {
				return out
			}
			switch p[i+1] {
			case 'Q': // \Q...\E quotes literally
				end := strings.Index(p[i+2:], `\E`)
				if end < 0 {
					return out
				}
				i += 2 + end + 1
			case 'x', 'p', 'P':
				if i+2 < len(p) && p[i+2] == '{' {
					if end := strings.IndexByte(p[i+2:], '}'); end >= 0 {
						i += 2 + end
						continue
					}
				}
				i++
			default:
				i++
			}
		case '[':
			i = classEnd(p, i)
		case '.':
			out = append(out, i)
		}
	}
	return out
}

// classEnd returns the offset of the ']' closing the class opened at i.
func classEnd(p string, i int) int {
	j := i + 1
	if j < len(p) && p[j] == '^' {
		j++
	}
	if j < len(p) && p[j] == ']' {
		j++ // a leading ] is literal
	}
	for ; j < len(p); j++ {
		switch p[j] {
		case '\\':
			j++
		case '[':
			if j+1 < len(p) && p[j+1] == ':' {
				if end := strings.Index(p[j:], ":]"); end >= 0 {
					j += end + 1
				}
			}
		case ']':
			return j
		}
	}
	return len(p)
}

// sourcePos maps a byte offset of the pattern value to the position of that
// character in the source of arg, a string literal or a concatenation of
// them, and returns the text that escapes a "." there.
func sourcePos(pass *analysis.Pass, arg ast.Expr, off int) (token.Pos, string, bool) {
	switch x := ast.Unparen(arg).(type) {
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return token.NoPos, "", false
		}
		left, ok := analysisutil.StringConst(pass.TypesInfo, x.X)
		if !ok {
			return token.NoPos, "", false
		}
		if off < len(left) {
			return sourcePos(pass, x.X, off)
		}
		return sourcePos(pass, x.Y, off-len(left))
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return token.NoPos, "", false
		}
		lit := x.Value
		if lit[0] == '`' {
			if strings.ContainsRune(lit, '\r') {
				return token.NoPos, "", false
			}
			return x.Pos() + 1 + token.Pos(off), `\`, true
		}
		// Walk the interpreted literal, decoding one character at a time.
		s := lit[1 : len(lit)-1]
		value := 0
		for src := 0; src < len(s); {
			if value == off {
				return x.Pos() + 1 + token.Pos(src), `\\`, true
			}
			r, multibyte, tail, err := strconv.UnquoteChar(s[src:], '"')
			if err != nil {
				return token.NoPos, "", false
			}
			if r < utf8.RuneSelf || multibyte {
				value += utf8.RuneLen(r)
			} else {
				value++ // a \x or octal byte escape
			}
			src = len(s) - len(tail)
		}
	}
	return token.NoPos, "", false
}

// ---------------------------------------------------------------------
// Anchors.

// checkAnchors reports a validating host pattern that can match inside a
// longer string.
func checkAnchors(pass *analysis.Pass, arg ast.Expr, re *syntax.Regexp) {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	alts := []*syntax.Regexp{re}
	if re.Op == syntax.OpAlternate {
		alts = re.Sub
	}
	for _, alt := range alts {
		toks := flatten(alt, nil)
		var host hostRun
		found := false
		for _, r := range runs(toks) {
			if endsWithTLD(toks, r) {
				host, found = r, true
				break
			}
		}
		if !found {
			continue
		}
		name := render(toks, host, -1)
		// Without ^, a match can start inside the host: that lets other
		// hosts through when the pattern starts with its registrable
		// label (evil-example.com) or with a scheme (a URL in the query).
		start := !startAnchored(toks) && (hasScheme(toks[:host.start]) || registrableFirst(toks, host))
		end := !endAnchored(toks)
		var msg string
		switch {
		case start && end:
			msg = fmt.Sprintf("regexp validating host %s is not anchored: it also matches inside a longer string such as %s; wrap the pattern in ^...$", strconv.Quote(name), strconv.Quote("evil-"+name+".attacker.net"))
		case start:
			msg = fmt.Sprintf("regexp validating host %s is not anchored at the start: %s (or a URL with it in the path or query) also matches; begin the pattern with ^", strconv.Quote(name), strconv.Quote("evil-"+name))
		case end:
			msg = fmt.Sprintf("regexp validating host %s is not anchored at the end: %s also matches; end the pattern with $", strconv.Quote(name), strconv.Quote(name+".attacker.net"))
		default:
			continue
		}
		pass.Report(analysis.Diagnostic{Pos: arg.Pos(), End: arg.End(), Message: msg})
		return
	}
}

func hasScheme(toks []tok) bool {
	for _, t := range toks {
		if t.kind == tNode && strings.Contains(t.node.String(), "://") {
			return true // (https?://)?
		}
	}
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].kind == tChar && toks[i].r == ':' && toks[i+1].kind == tChar && toks[i+1].r == '/' && toks[i+2].kind == tChar && toks[i+2].r == '/' {
			return true
		}
	}
	return false
}

// secondLevel are the labels under which country codes register names
// (example.co.uk).
var secondLevel = map[string]bool{"co": true, "com": true, "net": true, "org": true, "gov": true, "edu": true, "ac": true, "or": true, "ne": true, "go": true}

// registrableFirst reports whether the first label of a host run is the
// one registered under the top-level domain (example in example.com or
// example.co.uk), so that a match starting inside it accepts other
// registrable names.
func registrableFirst(toks []tok, r hostRun) bool {
	var labels []string // literal labels; "" for one with other nodes
	var b strings.Builder
	literal := true
	for k := r.start; k <= r.end; k++ {
		if k == r.end || toks[k].sep() {
			if literal {
				labels = append(labels, strings.ToLower(b.String()))
			} else {
				labels = append(labels, "")
			}
			b.Reset()
			literal = true
			continue
		}
		if toks[k].kind == tChar {
			b.WriteRune(toks[k].r)
		} else {
			literal = false
		}
	}
	n := len(labels)
	if n < 2 {
		return false
	}
	reg := n - 2
	if len(labels[n-1]) == 2 && secondLevel[labels[n-2]] && n >= 3 {
		reg = n - 3
	}
	return reg == 0
}

// startAnchored reports whether a match must begin at the start of the
// input or at a label boundary: the pattern starts with ^, or (after
// optional parts) with something other than a literal label character.
func startAnchored(toks []tok) bool {
	for _, t := range toks {
		switch {
		case t.kind == tStart:
			return true
		case t.kind == tNode && t.empty:
			continue
		case t.kind == tChar && t.label:
			return false
		case t.kind == tAny:
			return false
		default:
			return true // \., .+, [a-z]+, a path: a suffix check
		}
	}
	return true
}

// endAnchored reports whether a match must end at the end of the input or
// after something other than the host's top-level domain.
func endAnchored(toks []tok) bool {
	k := len(toks) - 1
	for k >= 0 && toks[k].kind == tNode && toks[k].empty {
		k--
	}
	if k < 0 || toks[k].kind == tEnd {
		return true
	}
	for _, r := range runs(toks) {
		if r.end == k+1 && endsWithTLD(toks, r) {
			return false
		}
	}
	return true
}
