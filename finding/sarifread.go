package finding

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"math"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// MaxResultBytes bounds one SARIF result (or any other value the reader
// decodes whole), so a hostile file cannot make it hold gigabytes at once.
const MaxResultBytes = 16 << 20

// InputError is a SARIF file the reader cannot accept: not JSON, not
// SARIF, or not version 2.1.0. It names the file and the byte offset or
// JSON pointer of the problem.
type InputError struct {
	File    string
	Offset  int64  // byte offset, when known
	Pointer string // JSON pointer, when known
	Msg     string
}

func (e *InputError) Error() string {
	switch {
	case e.Pointer != "":
		return fmt.Sprintf("%s: at %s: %s", e.File, e.Pointer, e.Msg)
	case e.Offset > 0:
		return fmt.Sprintf("%s: at byte offset %d: %s", e.File, e.Offset, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// SARIFRun describes one run of a SARIF file.
type SARIFRun struct {
	// Tool is the driver's name ("gosec", "CodeQL", "sdl").
	Tool    string
	Version string
	// Results counts the results of the run (before any are dropped as
	// passing).
	Results int
	// Rules are the rules of the driver and its extensions.
	Rules []Rule
	// Successful is false when an invocation says the run failed.
	Successful bool
	// Notifications are the run's tool execution notifications of level
	// error.
	Notifications []string
}

// SARIFLog is what ReadSARIF returns.
type SARIFLog struct {
	File   string
	Digest string // "sha256:..." of the bytes read
	Runs   []SARIFRun
	// Findings are every failing result of every run, in file order.
	Findings []Finding
}

// ReadOptions configure ReadSARIF.
type ReadOptions struct {
	// Root is the repository root (an absolute directory). Absolute and
	// file: URIs inside it are made relative to it; others are kept as
	// written, and marked. URIs are never used to open or write a file.
	Root string
}

// ReadSARIF reads a SARIF 2.1.0 log from any tool, streaming its results,
// and converts each failing result to a Finding: rule references by ID or
// index (in the driver or an extension), CWE from tags, properties or
// taxa, levels from the result, the rule, or the SARIF default, and
// suppressions as written. Fingerprints are left to AssignFingerprints
// unless the log carries sdlkit's own.
func ReadSARIF(name string, r io.Reader, opts ReadOptions) (*SARIFLog, error) {
	h := sha256.New()
	cr := &countingReader{r: bufio.NewReaderSize(io.TeeReader(r, h), 1<<20)}
	d := &sarifDecoder{name: name, cr: cr, dec: json.NewDecoder(cr), opts: opts, h: h}
	d.dec.UseNumber()
	log, err := d.read()
	if err != nil {
		return nil, err
	}
	return log, nil
}

type countingReader struct {
	r     io.Reader
	n     int64
	limit int64 // when > 0, reading past it is an error
}

var errValueTooLarge = errors.New("value too large")

func (c *countingReader) Read(p []byte) (int, error) {
	if c.limit > 0 && c.n >= c.limit {
		return 0, errValueTooLarge
	}
	if c.limit > 0 && int64(len(p)) > c.limit-c.n {
		p = p[:c.limit-c.n]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

type sarifDecoder struct {
	name string
	cr   *countingReader
	dec  *json.Decoder
	opts ReadOptions
	h    hash.Hash
}

func (d *sarifDecoder) errAt(ptr string, format string, args ...any) error {
	return &InputError{File: d.name, Pointer: ptr, Msg: fmt.Sprintf(format, args...)}
}

// jsonErr converts a decoding error to an InputError.
func (d *sarifDecoder) jsonErr(ptr string, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, errValueTooLarge):
		return d.errAt(ptr, "value larger than %d bytes", MaxResultBytes)
	case errors.As(err, &se):
		return &InputError{File: d.name, Offset: se.Offset, Msg: "not valid JSON: " + se.Error()}
	case errors.As(err, &te):
		p := ptr
		if te.Field != "" {
			p += "/" + strings.ReplaceAll(te.Field, ".", "/")
		}
		return d.errAt(p, "expected %s, got JSON %s", te.Type, te.Value)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return &InputError{File: d.name, Offset: d.dec.InputOffset(), Msg: "not valid JSON: unexpected end of file"}
	}
	return &InputError{File: d.name, Offset: d.dec.InputOffset(), Msg: "not valid JSON: " + err.Error()}
}

// decodeValue decodes the next value into v with the size bound.
func (d *sarifDecoder) decodeValue(ptr string, v any) error {
	d.cr.limit = d.cr.n + MaxResultBytes + int64(d.dec.Buffered().(interface{ Len() int }).Len())
	err := d.dec.Decode(v)
	d.cr.limit = 0
	if err != nil {
		return d.jsonErr(ptr, err)
	}
	return nil
}

func (d *sarifDecoder) token(ptr string) (json.Token, error) {
	t, err := d.dec.Token()
	if err != nil {
		return nil, d.jsonErr(ptr, err)
	}
	return t, nil
}

func (d *sarifDecoder) expectDelim(ptr string, want json.Delim, what string) error {
	t, err := d.token(ptr)
	if err != nil {
		return err
	}
	if t != want {
		return d.errAt(ptr, "expected %s, got %s", what, describeToken(t))
	}
	return nil
}

func describeToken(t json.Token) string {
	switch v := t.(type) {
	case json.Delim:
		switch v {
		case '{':
			return "an object"
		case '[':
			return "an array"
		}
		return string(v)
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%v", t)
}

func (d *sarifDecoder) read() (*SARIFLog, error) {
	t, err := d.dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &InputError{File: d.name, Msg: "not SARIF: the file is empty"}
		}
		return nil, d.jsonErr("", err)
	}
	if t != json.Delim('{') {
		return nil, d.errAt("/", "not SARIF: expected a JSON object, got %s", describeToken(t))
	}
	log := &SARIFLog{File: d.name}
	sawVersion, sawRuns := false, false
	for d.dec.More() {
		kt, err := d.token("")
		if err != nil {
			return nil, err
		}
		key := kt.(string)
		switch key {
		case "version":
			var v any
			if err := d.decodeValue("/version", &v); err != nil {
				return nil, err
			}
			s, _ := v.(string)
			if s != "2.1.0" {
				return nil, d.errAt("/version", "SARIF version %v is not supported; only 2.1.0 is", v)
			}
			sawVersion = true
		case "runs":
			if err := d.expectDelim("/runs", '[', "an array of runs"); err != nil {
				return nil, err
			}
			for i := 0; d.dec.More(); i++ {
				if err := d.readRun(log, fmt.Sprintf("/runs/%d", i)); err != nil {
					return nil, err
				}
			}
			if _, err := d.token("/runs"); err != nil {
				return nil, err
			}
			sawRuns = true
		default:
			if err := d.skip("/" + escapePointer(key)); err != nil {
				return nil, err
			}
		}
	}
	if _, err := d.token(""); err != nil {
		return nil, err
	}
	if _, err := d.dec.Token(); !errors.Is(err, io.EOF) {
		return nil, &InputError{File: d.name, Offset: d.dec.InputOffset(), Msg: "not valid JSON: data after the top-level object"}
	}
	if !sawVersion {
		return nil, d.errAt("/version", "not SARIF: no version")
	}
	if !sawRuns {
		return nil, d.errAt("/runs", "not SARIF: no runs")
	}
	log.Digest = "sha256:" + hex.EncodeToString(d.h.Sum(nil))
	return log, nil
}

// skip consumes one value without keeping it.
func (d *sarifDecoder) skip(ptr string) error {
	depth := 0
	for {
		t, err := d.token(ptr)
		if err != nil {
			return err
		}
		switch t {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}

func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// The parts of a run the reader needs.

type sarifMessage struct {
	Text      string   `json:"text"`
	Markdown  string   `json:"markdown"`
	ID        string   `json:"id"`
	Arguments []string `json:"arguments"`
}

type sarifMultiformat struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifComponentRef struct {
	Name  string `json:"name"`
	Index *int   `json:"index"`
	GUID  string `json:"guid"`
}

type sarifDescriptorRef struct {
	ID            string             `json:"id"`
	Index         *int               `json:"index"`
	GUID          string             `json:"guid"`
	ToolComponent *sarifComponentRef `json:"toolComponent"`
}

type sarifRule struct {
	ID                   string                      `json:"id"`
	Name                 string                      `json:"name"`
	ShortDescription     sarifMultiformat            `json:"shortDescription"`
	FullDescription      sarifMultiformat            `json:"fullDescription"`
	Help                 sarifMultiformat            `json:"help"`
	HelpURI              string                      `json:"helpUri"`
	MessageStrings       map[string]sarifMultiformat `json:"messageStrings"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
	Properties    map[string]any `json:"properties"`
	Relationships []struct {
		Target sarifDescriptorRef `json:"target"`
	} `json:"relationships"`
}

type sarifComponent struct {
	Name           string      `json:"name"`
	GUID           string      `json:"guid"`
	Version        string      `json:"version"`
	SemanticVer    string      `json:"semanticVersion"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
	Taxa           []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"taxa"`
}

type sarifTool struct {
	Driver     sarifComponent   `json:"driver"`
	Extensions []sarifComponent `json:"extensions"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
	Index     *int   `json:"index"`
}

type sarifResult struct {
	RuleID    string              `json:"ruleId"`
	RuleIndex *int                `json:"ruleIndex"`
	Rule      *sarifDescriptorRef `json:"rule"`
	Kind      string              `json:"kind"`
	Level     string              `json:"level"`
	Message   sarifMessage        `json:"message"`
	Locations []struct {
		PhysicalLocation *struct {
			ArtifactLocation *sarifArtifactLocation `json:"artifactLocation"`
			Region           *struct {
				StartLine   int `json:"startLine"`
				StartColumn int `json:"startColumn"`
				EndLine     int `json:"endLine"`
				EndColumn   int `json:"endColumn"`
				Snippet     *struct {
					Text string `json:"text"`
				} `json:"snippet"`
			} `json:"region"`
		} `json:"physicalLocation"`
	} `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Suppressions        []struct {
		Kind          string `json:"kind"`
		Status        string `json:"status"`
		Justification string `json:"justification"`
	} `json:"suppressions"`
	Taxa       []sarifDescriptorRef `json:"taxa"`
	Properties map[string]any       `json:"properties"`
}

// pending is a result read before its run's rules are known.
type pending struct {
	res  sarifResult
	ptr  string
	line int // snippet-free context is looked up later
}

func (d *sarifDecoder) readRun(log *SARIFLog, ptr string) error {
	if err := d.expectDelim(ptr, '{', "a run object"); err != nil {
		return err
	}
	var (
		tool      *sarifTool
		bases     map[string]sarifArtifactLocation
		artifacts []sarifArtifactLocation
		taxonomy  []sarifComponent
		results   []partial
		run       = SARIFRun{Successful: true}
	)
	for d.dec.More() {
		kt, err := d.token(ptr)
		if err != nil {
			return err
		}
		key := kt.(string)
		kptr := ptr + "/" + escapePointer(key)
		switch key {
		case "tool":
			tool = &sarifTool{}
			if err := d.decodeValue(kptr, tool); err != nil {
				return err
			}
		case "originalUriBaseIds":
			var raw map[string]struct {
				URI       string `json:"uri"`
				URIBaseID string `json:"uriBaseId"`
			}
			if err := d.decodeValue(kptr, &raw); err != nil {
				return err
			}
			bases = map[string]sarifArtifactLocation{}
			for k, v := range raw {
				bases[k] = sarifArtifactLocation{URI: v.URI, URIBaseID: v.URIBaseID}
			}
		case "artifacts":
			var raw []struct {
				Location sarifArtifactLocation `json:"location"`
			}
			if err := d.decodeValue(kptr, &raw); err != nil {
				return err
			}
			for _, a := range raw {
				artifacts = append(artifacts, a.Location)
			}
		case "taxonomies":
			if err := d.decodeValue(kptr, &taxonomy); err != nil {
				return err
			}
		case "invocations":
			var invs []struct {
				ExecutionSuccessful        *bool `json:"executionSuccessful"`
				ToolExecutionNotifications []struct {
					Level   string       `json:"level"`
					Message sarifMessage `json:"message"`
				} `json:"toolExecutionNotifications"`
			}
			if err := d.decodeValue(kptr, &invs); err != nil {
				return err
			}
			for _, inv := range invs {
				if inv.ExecutionSuccessful != nil && !*inv.ExecutionSuccessful {
					run.Successful = false
				}
				for _, n := range inv.ToolExecutionNotifications {
					if n.Level == "error" {
						run.Notifications = append(run.Notifications, n.Message.Text)
					}
				}
			}
		case "results":
			t, err := d.token(kptr)
			if err != nil {
				return err
			}
			if t == nil {
				continue // "results": null
			}
			if t != json.Delim('[') {
				return d.errAt(kptr, "expected an array of results, got %s", describeToken(t))
			}
			for i := 0; d.dec.More(); i++ {
				var res sarifResult
				if err := d.decodeValue(fmt.Sprintf("%s/%d", kptr, i), &res); err != nil {
					return err
				}
				run.Results++
				if p, ok := readResult(&res); ok {
					results = append(results, p)
				}
			}
			if _, err := d.token(kptr); err != nil {
				return err
			}
		default:
			if err := d.skip(kptr); err != nil {
				return err
			}
		}
	}
	if _, err := d.token(ptr); err != nil {
		return err
	}
	if tool == nil || tool.Driver.Name == "" {
		return d.errAt(ptr+"/tool/driver/name", "not SARIF: the run names no tool")
	}
	run.Tool = tool.Driver.Name
	run.Version = firstNonEmpty(tool.Driver.SemanticVer, tool.Driver.Version)

	rr := newRuleResolver(tool, taxonomy)
	run.Rules = rr.rules()
	loc := &locator{root: d.opts.Root, bases: bases, artifacts: artifacts}
	for i := range results {
		log.Findings = append(log.Findings, results[i].finish(&run, rr, loc))
		results[i] = partial{}
	}
	log.Runs = append(log.Runs, run)
	return nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// ruleResolver finds a result's rule in the driver or an extension.
type ruleResolver struct {
	tool       *sarifTool
	components []*sarifComponent // driver first, then extensions
	byID       []map[string]int
	cweTaxa    map[string]int // "index:id" of CWE taxonomy taxa
	taxonomy   []sarifComponent
	converted  map[[2]int]*Rule
}

func newRuleResolver(tool *sarifTool, taxonomy []sarifComponent) *ruleResolver {
	rr := &ruleResolver{tool: tool, taxonomy: taxonomy, converted: map[[2]int]*Rule{}}
	rr.components = append(rr.components, &tool.Driver)
	for i := range tool.Extensions {
		rr.components = append(rr.components, &tool.Extensions[i])
	}
	for _, c := range rr.components {
		m := make(map[string]int, len(c.Rules))
		for i, r := range c.Rules {
			if _, dup := m[r.ID]; !dup {
				m[r.ID] = i
			}
		}
		rr.byID = append(rr.byID, m)
	}
	return rr
}

// component returns the index of the component a reference names.
func (rr *ruleResolver) component(ref *sarifComponentRef) int {
	if ref == nil {
		return 0
	}
	if ref.Index != nil && *ref.Index >= 0 && *ref.Index+1 < len(rr.components) {
		return *ref.Index + 1 // toolComponent indexes are into extensions
	}
	for i, c := range rr.components {
		if (ref.Name != "" && c.Name == ref.Name) || (ref.GUID != "" && c.GUID == ref.GUID) {
			return i
		}
	}
	return 0
}

// find returns the component and rule index of a result's rule, or -1.
func (rr *ruleResolver) find(res *sarifResult) (comp, idx int, id string) {
	id = res.RuleID
	comp, idx = 0, -1
	if res.Rule != nil {
		comp = rr.component(res.Rule.ToolComponent)
		if res.Rule.ID != "" && id == "" {
			id = res.Rule.ID
		}
		if res.Rule.Index != nil {
			idx = *res.Rule.Index
		}
	}
	if idx < 0 && res.RuleIndex != nil {
		idx = *res.RuleIndex
	}
	rules := rr.components[comp].Rules
	if idx >= 0 && idx < len(rules) {
		if id == "" {
			id = rules[idx].ID
		}
		return comp, idx, id
	}
	if id != "" {
		// Hierarchical IDs ("a/b") fall back to their base rule.
		for c := range rr.components {
			if i, ok := rr.byID[c][id]; ok {
				return c, i, id
			}
		}
	}
	return comp, -1, id
}

func (rr *ruleResolver) rule(comp, idx int) *Rule {
	if idx < 0 {
		return nil
	}
	if r, ok := rr.converted[[2]int{comp, idx}]; ok {
		return r
	}
	c := rr.components[comp]
	sr := &c.Rules[idx]
	r := &Rule{
		ID:      sr.ID,
		Name:    sr.Name,
		Tool:    rr.tool.Driver.Name,
		Summary: firstNonEmpty(sr.ShortDescription.Text, sr.Name, sr.ID),
		Help:    firstNonEmpty(sr.Help.Markdown, sr.Help.Text, sr.FullDescription.Markdown, sr.FullDescription.Text),
		Text:    firstNonEmpty(sr.FullDescription.Text, sr.Help.Text),
		HelpURI: sr.HelpURI,
	}
	r.Tags = stringList(sr.Properties["tags"])
	r.CWE = cwesOf(r.Tags, sr.Properties)
	for _, rel := range sr.Relationships {
		if n := rr.cweOfTaxon(&rel.Target); n > 0 {
			r.CWE = appendUnique(r.CWE, n)
		}
	}
	if s, ok := parseScore(sr.Properties["security-severity"]); ok {
		r.Severity = severityOfScore(s)
	} else if sev, err := ParseSeverity(stringOf(sr.Properties["severity"])); err == nil && sev != SeverityNone {
		r.Severity = sev
	} else {
		r.Severity = severityOfLevel(firstNonEmpty(sr.DefaultConfiguration.Level, "warning"))
	}
	rr.converted[[2]int{comp, idx}] = r
	return r
}

// cweOfTaxon returns the CWE number a taxon reference names, if it is in
// a CWE taxonomy.
func (rr *ruleResolver) cweOfTaxon(ref *sarifDescriptorRef) int {
	tax := ""
	if ref.ToolComponent != nil {
		tax = ref.ToolComponent.Name
		if tax == "" && ref.ToolComponent.Index != nil && *ref.ToolComponent.Index >= 0 && *ref.ToolComponent.Index < len(rr.taxonomy) {
			tax = rr.taxonomy[*ref.ToolComponent.Index].Name
		}
	}
	id := ref.ID
	if id == "" && ref.Index != nil {
		for _, t := range rr.taxonomy {
			if strings.EqualFold(t.Name, tax) && *ref.Index >= 0 && *ref.Index < len(t.Taxa) {
				id = t.Taxa[*ref.Index].ID
			}
		}
	}
	if tax != "" && !strings.EqualFold(tax, "CWE") {
		return 0
	}
	return parseCWE(id)
}

func (rr *ruleResolver) rules() []Rule {
	var out []Rule
	for c, comp := range rr.components {
		for i := range comp.Rules {
			r := rr.rule(c, i)
			if c > 0 {
				r.Tool = comp.Name
			}
			out = append(out, *r)
		}
	}
	return out
}

var cweRE = regexp.MustCompile(`(?i)\bcwe[-_/: ]?(\d+)\b`)

// parseCWE reads "79", "CWE-79", "external/cwe/cwe-79" or "CWE-79: ...".
func parseCWE(s string) int {
	if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && n > 0 {
		return n
	}
	if m := cweRE.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

// cwesOf collects CWE ids from tags and a "cwe" property.
func cwesOf(tags []string, props map[string]any) []int {
	var out []int
	for _, t := range tags {
		if strings.Contains(strings.ToLower(t), "cwe") {
			if n := parseCWE(t); n > 0 {
				out = appendUnique(out, n)
			}
		}
	}
	for _, key := range []string{"cwe", "CWE", "cwe_ids"} {
		for _, s := range stringList(props[key]) {
			if n := parseCWE(s); n > 0 {
				out = appendUnique(out, n)
			}
		}
	}
	return out
}

func appendUnique(s []int, n int) []int {
	for _, v := range s {
		if v == n {
			return s
		}
	}
	return append(s, n)
}

func stringList(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			switch e := e.(type) {
			case string:
				out = append(out, e)
			case json.Number:
				out = append(out, e.String())
			}
		}
		return out
	}
	return nil
}

func stringOf(v any) string {
	s, _ := v.(string)
	return s
}

// parseScore reads a security-severity score (a string or a number).
func parseScore(v any) (float64, bool) {
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case json.Number:
		s = x.String()
	default:
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(f) || f < 0 || f > 10 {
		return 0, false
	}
	return f, true
}

// severityOfScore maps a 0-10 score the way GitHub code scanning does.
func severityOfScore(s float64) Severity {
	switch {
	case s >= 9:
		return Critical
	case s >= 7:
		return Important
	case s >= 4:
		return Moderate
	}
	return Low
}

// severityOfLevel maps a SARIF level to a bug-bar level.
func severityOfLevel(l string) Severity {
	switch l {
	case "error":
		return Important
	case "warning":
		return Moderate
	}
	return Low
}

// locator turns artifact locations into repository-relative paths.
type locator struct {
	root      string
	bases     map[string]sarifArtifactLocation
	artifacts []sarifArtifactLocation
}

// path resolves a location. outside is true when the result is an absolute
// path outside the repository, or a relative one that climbs out of it.
func (l *locator) path(a *sarifArtifactLocation) (p string, outside bool) {
	if a.URI == "" && a.Index != nil && *a.Index >= 0 && *a.Index < len(l.artifacts) {
		a = &l.artifacts[*a.Index]
	}
	uri := a.URI
	// Resolve uriBaseId chains (bounded, in case of cycles).
	base := a.URIBaseID
	for i := 0; base != "" && i < 8; i++ {
		b, ok := l.bases[base]
		if !ok || b.URI == "" {
			break
		}
		if !isAbsURI(uri) {
			uri = strings.TrimSuffix(b.URI, "/") + "/" + strings.TrimPrefix(uri, "/")
		}
		base = b.URIBaseID
	}
	if u, err := url.Parse(uri); err == nil && u.Scheme == "file" {
		uri = u.Path
	} else if err == nil && u.Scheme != "" && len(u.Scheme) > 1 {
		return uri, true // another scheme: not a file of this repository
	} else if dec, err := url.PathUnescape(uri); err == nil {
		uri = dec
	}
	if filepath.IsAbs(uri) || path.IsAbs(uri) {
		if l.root != "" {
			if rel, err := filepath.Rel(l.root, filepath.FromSlash(uri)); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return filepath.ToSlash(rel), false
			}
		}
		return uri, true
	}
	clean := path.Clean(strings.ReplaceAll(uri, `\`, "/"))
	if clean == ".." || strings.HasPrefix(clean, "../") {
		return clean, true
	}
	return clean, false
}

func isAbsURI(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && len(u.Scheme) > 1
}

// partial is a result converted as far as it can be before the run's
// tool, rules and base URIs are known (a run may list them after its
// results). It keeps only what the rest of the conversion needs.
type partial struct {
	f         Finding
	ruleID    string
	ruleIndex int
	compRef   *sarifComponentRef
	msgID     string
	msgArgs   []string
	artifact  *sarifArtifactLocation
	taxa      []sarifDescriptorRef
	ownLevel  bool // the result sets its level
	ownSev    bool // the result's properties set its severity
}

// readResult converts what a result says by itself. Passing results are
// dropped.
func readResult(res *sarifResult) (partial, bool) {
	switch res.Kind {
	case "pass", "notApplicable", "informational":
		return partial{}, false
	}
	p := partial{ruleID: res.RuleID, ruleIndex: -1, taxa: res.Taxa}
	if res.Rule != nil {
		if p.ruleID == "" {
			p.ruleID = res.Rule.ID
		}
		if res.Rule.Index != nil {
			p.ruleIndex = *res.Rule.Index
		}
		p.compRef = res.Rule.ToolComponent
	}
	if p.ruleIndex < 0 && res.RuleIndex != nil {
		p.ruleIndex = *res.RuleIndex
	}
	f := &p.f
	f.Level, p.ownLevel = res.Level, res.Level != ""
	f.Message = firstNonEmpty(res.Message.Text, res.Message.Markdown)
	p.msgID, p.msgArgs = res.Message.ID, res.Message.Arguments
	if len(res.Properties) > 0 {
		f.Properties = res.Properties
		f.Tags = stringList(res.Properties["tags"])
		f.CWE = cwesOf(f.Tags, res.Properties)
		if sev, err := ParseSeverity(stringOf(res.Properties["severity"])); err == nil && sev != SeverityNone {
			f.Severity, p.ownSev = sev, true
		} else if s, ok := parseScore(res.Properties["security-severity"]); ok {
			f.Severity, p.ownSev = severityOfScore(s), true
		}
	}
	if len(res.Locations) > 0 && res.Locations[0].PhysicalLocation != nil {
		pl := res.Locations[0].PhysicalLocation
		p.artifact = pl.ArtifactLocation
		if r := pl.Region; r != nil {
			f.Location.StartLine, f.Location.StartColumn = max(r.StartLine, 0), max(r.StartColumn, 0)
			f.Location.EndLine, f.Location.EndColumn = max(r.EndLine, 0), max(r.EndColumn, 0)
			if r.Snippet != nil {
				f.Context = NormalizeContext(firstLine(r.Snippet.Text))
			}
		}
	}
	if fp := res.PartialFingerprints[FingerprintKey]; fp != "" {
		f.Fingerprint = fp
	}
	for _, s := range res.Suppressions {
		if s.Status == "underReview" || s.Status == "rejected" {
			continue
		}
		kind := s.Kind
		if kind != SuppressionInSource {
			kind = SuppressionExternal
		}
		f.Suppressions = append(f.Suppressions, Suppression{Kind: kind, Justification: s.Justification})
	}
	return p, true
}

// finish completes a finding with what the run says: its tool, rule
// (by ID or index, in the driver or an extension), the rule's CWE, tags
// and levels, message strings, and the location's base URIs.
func (p *partial) finish(run *SARIFRun, rr *ruleResolver, loc *locator) Finding {
	f := p.f
	f.Tool = run.Tool
	if t := stringOf(f.Properties["tool"]); t != "" {
		f.Tool = t // sdlkit's own SARIF names the tool of each result
	}
	comp, idx, id := rr.find(&sarifResult{RuleID: p.ruleID, Rule: &sarifDescriptorRef{ID: p.ruleID, Index: intPtr(p.ruleIndex), ToolComponent: p.compRef}})
	f.RuleID = firstNonEmpty(id, "(unknown)")
	rule := rr.rule(comp, idx)
	if rule != nil {
		f.CWE = mergeInts(rule.CWE, f.CWE)
		f.Tags = mergeStrings(rule.Tags, f.Tags)
		if !p.ownLevel {
			f.Level = ruleLevel(rr, comp, idx)
		}
	}
	for i := range p.taxa {
		if n := rr.cweOfTaxon(&p.taxa[i]); n > 0 {
			f.CWE = mergeInts(f.CWE, []int{n})
		}
	}
	if f.Level == "" {
		f.Level = "warning"
	}
	if !p.ownSev {
		f.Severity = SeverityNone
		if rule != nil {
			props := rr.components[comp].Rules[idx].Properties
			if props["security-severity"] != nil || props["severity"] != nil {
				f.Severity = rule.Severity
			}
		}
		if f.Severity == SeverityNone {
			f.Severity = severityOfLevel(f.Level)
		}
	}
	if f.Message == "" || len(p.msgArgs) > 0 {
		f.Message = message(&sarifMessage{Text: f.Message, ID: p.msgID, Arguments: p.msgArgs}, rr, comp, idx)
	}
	if p.artifact != nil {
		path, outside := loc.path(p.artifact)
		f.Location.Path = path
		if outside {
			props := make(map[string]any, len(f.Properties)+1)
			for k, v := range f.Properties {
				props[k] = v
			}
			props["sdl.outsideRepository"] = true
			f.Properties = props
		}
	}
	return f
}

// mergeStrings returns a followed by the elements of b not in a.
func mergeStrings(a, b []string) []string {
	out := a
	for _, s := range b {
		if !slices.Contains(out, s) {
			if len(out) == len(a) {
				out = slices.Clone(a)
			}
			out = append(out, s)
		}
	}
	return out
}

func intPtr(n int) *int {
	if n < 0 {
		return nil
	}
	return &n
}

// mergeInts returns a followed by the elements of b not in a, sharing a
// when nothing is added.
func mergeInts(a, b []int) []int {
	out := a
	for _, n := range b {
		found := false
		for _, m := range out {
			if m == n {
				found = true
				break
			}
		}
		if !found {
			if len(out) == len(a) {
				out = append([]int(nil), a...)
			}
			out = append(out, n)
		}
	}
	return out
}

func ruleLevel(rr *ruleResolver, comp, idx int) string {
	return rr.components[comp].Rules[idx].DefaultConfiguration.Level
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimLeft(s, "\r\n"), "\n")
	return line
}

var placeholder = regexp.MustCompile(`\{(\d+)\}`)

// message renders a result message: text with {n} placeholders filled,
// or the rule's message string the message ID names.
func message(m *sarifMessage, rr *ruleResolver, comp, idx int) string {
	text := firstNonEmpty(m.Text, m.Markdown)
	if text == "" && m.ID != "" && idx >= 0 {
		ms := rr.components[comp].Rules[idx].MessageStrings[m.ID]
		text = firstNonEmpty(ms.Text, ms.Markdown)
	}
	if len(m.Arguments) > 0 && strings.Contains(text, "{") {
		text = placeholder.ReplaceAllStringFunc(text, func(s string) string {
			n, _ := strconv.Atoi(s[1 : len(s)-1])
			if n < len(m.Arguments) {
				return m.Arguments[n]
			}
			return s
		})
	}
	return text
}
