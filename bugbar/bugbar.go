// Package bugbar is the verification phase: it applies a project's bug
// bar to findings from any tool. It classifies each finding (critical,
// important, moderate, low) by the policy's ordered rules, applies
// exceptions (with their expiry), the baseline (so that only new findings
// count), and the SLA (so that known findings cannot stay forever), checks
// that the required tools produced output, and decides the gate:
// PASSED, PASSED WITH EXCEPTIONS or FAILED.
package bugbar

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/policy"
)

// Results of a gate, as a final security review names them.
const (
	Passed               = "PASSED"
	PassedWithExceptions = "PASSED WITH EXCEPTIONS" //sdl:ignore G101 -- a decision, not a password: G101 reads "Pass" in the name
	Failed               = "FAILED"
)

// Status is what the bug bar made of one finding.
type Status string

// Finding statuses.
const (
	// StatusNew counts toward the gate's limits.
	StatusNew Status = "new"
	// StatusBaselined is in the baseline of a new-only gate: it counts
	// toward the SLA only.
	StatusBaselined Status = "baselined"
	// StatusExcepted is covered by an exception in force.
	StatusExcepted Status = "excepted"
	// StatusSuppressed was suppressed in the tool's own output (an
	// //sdl:ignore or #nosec directive, or a suppression in the SARIF).
	StatusSuppressed Status = "suppressed"
)

// Item is one classified finding.
type Item struct {
	// Finding points into the input logs' findings, which the decision
	// takes over (and updates: Severity becomes the bug bar's level).
	Finding *finding.Finding
	// Own is the finding's level before classification.
	Own finding.Severity
	// ClassifiedBy is the index of the bugbar.classify rule that set the
	// level, or -1 for the default.
	ClassifiedBy int
	Status       Status
	// Exception is the exception in force (StatusExcepted), or the one
	// that expired most recently, if any.
	Exception *policy.Exception
	// FirstSeen is when the SLA clock started: the baseline's first-seen
	// date, or the day after the last exception covering it expired,
	// whichever is later; today for a finding never seen before.
	FirstSeen policy.Date
	// Due is FirstSeen plus the SLA of its level; zero when there is none.
	Due policy.Date
	// Overdue is true when the finding counts and today is past Due.
	Overdue bool
}

// Counts are the findings of one level, by status.
type Counts struct {
	New        int `json:"new"`
	Baselined  int `json:"baselined"`
	Excepted   int `json:"excepted"`
	Suppressed int `json:"suppressed"`
	// Counted are the findings held against the limit.
	Counted int `json:"counted"`
	// Limit is the gate's maximum, or -1 for none.
	Limit int `json:"limit"`
}

// ExceptionState says what an exception did in this run.
type ExceptionState string

// Exception states.
const (
	ExceptionInForce  ExceptionState = "in force"
	ExceptionExpiring ExceptionState = "expiring"
	ExceptionExpired  ExceptionState = "expired"
	ExceptionStale    ExceptionState = "stale"
	// ExceptionElsewhere is an exception for another gate's findings: no
	// run of this gate's input is of its tool or declares its rule (a
	// dependency exception seen by the design gate), so matching nothing
	// here says nothing about it.
	ExceptionElsewhere ExceptionState = "elsewhere"
)

// ExceptionStatus reports one exception of the policy.
type ExceptionStatus struct {
	Exception *policy.Exception
	State     ExceptionState
	// Matches counts the findings in its scope.
	Matches int
	// DaysLeft until it expires (negative once expired).
	DaysLeft int
	// Where is the exception's file:line:col: in sdl.yaml, or its Source
	// when it came from elsewhere (osv-scanner.toml).
	Where string
}

// RequirementStatus says whether a requirement has verifying evidence.
type RequirementStatus struct {
	Requirement *policy.Requirement
	Verified    bool
	// By lists what verified it ("rule SDL101", "test pkg:TestX").
	By []string
	// Missing lists what was named but not found.
	Missing []string
}

// Input is what a gate decides on.
type Input struct {
	Phase  string
	Policy *policy.Policy
	// Logs are the SARIF files read, in the order given.
	Logs []*finding.SARIFLog
	// Baseline may be nil (no baseline).
	Baseline *Baseline
	Today    policy.Date
	// Context, when set, returns the source line a finding points at, for
	// fingerprints of tools that do not give one; it must never read
	// outside the repository.
	Context func(path string, line int) string
	// PassedTests are "package:TestName" of tests a go test -json report
	// shows passing, for requirements verified by tests; nil when no
	// report was given.
	PassedTests map[string]bool
	// MitigatedThreats are the IDs of threats the threat model shows
	// mitigated, for requirements verified by threats; nil when no model
	// was given.
	MitigatedThreats map[string]bool
	// Warnings about the inputs (such as an osv-scanner.toml ignore
	// without expiry) come first among the decision's warnings.
	Warnings []string
}

// Decision is the outcome of a gate.
type Decision struct {
	Phase  string
	Result string
	// Reasons say why the gate failed, one per cause.
	Reasons []string
	// Warnings do not fail the gate (exceptions expiring soon or stale,
	// requirements without evidence when not required).
	Warnings []string
	Counts   map[finding.Severity]*Counts
	Items    []Item
	// Overdue are indexes into Items.
	Overdue      []int
	Exceptions   []ExceptionStatus
	Requirements []RequirementStatus
	Gate         *policy.Gate
	// Tools are the tools whose output was read, sorted.
	Tools []string
}

// Levels lists the bug-bar levels, most severe first.
var Levels = []finding.Severity{finding.Critical, finding.Important, finding.Moderate, finding.Low}

// Evaluate applies the policy's bug bar and the phase's gate.
func Evaluate(in Input) (*Decision, error) {
	gate, err := in.Policy.Gate(in.Phase)
	if err != nil {
		return nil, err
	}
	e, err := newEngine(in, gate)
	if err != nil {
		return nil, err
	}
	return e.run(), nil
}

type engine struct {
	in          Input
	gate        *policy.Gate
	classifiers []classifier
	candidates  map[[2]string][]int // (tool, rule) -> classifier indexes
	exceptions  *exceptionIndex
	defaultKeep bool
	defaultLvl  finding.Severity
}

func newEngine(in Input, gate *policy.Gate) (*engine, error) {
	cs, err := compileClassifiers(in.Policy.Bugbar.Classify)
	if err != nil {
		return nil, err
	}
	e := &engine{in: in, gate: gate, classifiers: cs, candidates: map[[2]string][]int{}}
	switch d := in.Policy.Bugbar.Default; d {
	case "", policy.Keep:
		e.defaultKeep = true
	default:
		if e.defaultLvl, err = finding.ParseSeverity(d); err != nil {
			return nil, fmt.Errorf("bugbar.default: %w", err)
		}
	}
	if e.exceptions, err = newExceptionIndex(in.Policy.Exceptions); err != nil {
		return nil, err
	}
	return e, nil
}

// classify returns a finding's level and the rule that set it.
func (e *engine) classify(f *finding.Finding) (finding.Severity, int) {
	key := [2]string{f.Tool, f.RuleID}
	cand, ok := e.candidates[key]
	if !ok {
		for i := range e.classifiers {
			if e.classifiers[i].matchesRule(f.Tool, f.RuleID) {
				cand = append(cand, i)
			}
		}
		e.candidates[key] = cand
	}
	own := f.Severity
	for _, i := range cand {
		c := &e.classifiers[i]
		if c.matchesFinding(f, own) {
			if c.keep {
				return own, c.index
			}
			return c.level, c.index
		}
	}
	if e.defaultKeep {
		return own, -1
	}
	return e.defaultLvl, -1
}

func (e *engine) run() *Decision {
	in := e.in
	d := &Decision{Phase: in.Phase, Gate: e.gate, Counts: map[finding.Severity]*Counts{}, Warnings: slices.Clone(in.Warnings)}
	for _, l := range Levels {
		d.Counts[l] = &Counts{Limit: e.gate.Max.For(l)}
	}

	// Gather, order and fingerprint the findings.
	n := 0
	for _, l := range in.Logs {
		n += len(l.Findings)
	}
	items := make([]Item, 0, n)
	for _, l := range in.Logs {
		for i := range l.Findings {
			items = append(items, Item{Finding: l.Findings[i]})
		}
	}
	sortItems(items)
	fs := make([]*finding.Finding, len(items))
	for i := range items {
		f := items[i].Finding
		if f.Fingerprint == "" && f.Context == "" && in.Context != nil && f.Location.Path != "" && f.Location.StartLine > 0 && f.Properties["sdl.outsideRepository"] == nil {
			f.Context = in.Context(f.Location.Path, f.Location.StartLine)
		}
		fs[i] = f
	}
	finding.FingerprintAll(fs)

	today := in.Today
	warnDays := 0
	if w := in.Policy.Bugbar.ExpiryWarningDays; w != nil {
		warnDays = *w
	}
	for i := range items {
		it := &items[i]
		f := it.Finding
		it.Own = f.Severity
		f.Severity, it.ClassifiedBy = e.classify(f)
		c := d.Counts[f.Severity]
		if c == nil { // SeverityNone: classify as low rather than drop
			f.Severity = finding.Low
			c = d.Counts[finding.Low]
		}
		if f.Suppressed() {
			it.Status = StatusSuppressed
			c.Suppressed++
			continue
		}
		inForce, expired := e.exceptions.match(f, today)
		it.FirstSeen = today
		if in.Baseline != nil {
			if first, ok := in.Baseline.FirstSeen[f.Fingerprint]; ok && first.Before(today.Time) {
				it.FirstSeen = first
			}
		}
		if inForce != nil {
			it.Status, it.Exception = StatusExcepted, inForce
			c.Excepted++
			continue
		}
		if expired != nil {
			it.Exception = expired
			if restart := expired.Expires.AddDays(1); restart.After(it.FirstSeen.Time) {
				it.FirstSeen = restart
			}
		}
		if days := in.Policy.SLA.Days(f.Severity); days > 0 {
			it.Due = it.FirstSeen.AddDays(days)
			if today.After(it.Due.Time) {
				it.Overdue = true
				d.Overdue = append(d.Overdue, i)
			}
		}
		baselined := false
		if e.gate.NewOnly && in.Baseline != nil {
			_, baselined = in.Baseline.FirstSeen[f.Fingerprint]
		}
		if baselined {
			it.Status = StatusBaselined
			c.Baselined++
		} else {
			it.Status = StatusNew
			c.New++
			c.Counted++
		}
		if !e.gate.NewOnly && baselined {
			c.Counted++
		}
	}
	d.Items = items

	// Exceptions.
	for i := range in.Policy.Exceptions {
		x := &in.Policy.Exceptions[i]
		st := ExceptionStatus{Exception: x, Matches: e.exceptions.matches[i], DaysLeft: daysBetween(today, x.Expires), Where: x.Source}
		if st.Where == "" {
			st.Where = in.Policy.Where(fmt.Sprintf("/exceptions/%d", i))
		}
		switch {
		case x.Expires.Before(today.Time):
			st.State = ExceptionExpired
			if st.Matches > 0 {
				d.Warnings = append(d.Warnings, fmt.Sprintf("exception %s (%s) expired on %s: its %d findings count again", x.ID, st.Where, x.Expires, st.Matches))
			}
		case st.Matches == 0 && !e.exceptions.reachable(i, in.Logs):
			st.State = ExceptionElsewhere
		case st.Matches == 0:
			st.State = ExceptionStale
			d.Warnings = append(d.Warnings, fmt.Sprintf("exception %s (%s) matches no finding: remove it", x.ID, st.Where))
		case st.DaysLeft <= warnDays:
			st.State = ExceptionExpiring
			d.Warnings = append(d.Warnings, fmt.Sprintf("exception %s (%s) expires on %s, in %d days", x.ID, st.Where, x.Expires, st.DaysLeft))
		default:
			st.State = ExceptionInForce
		}
		d.Exceptions = append(d.Exceptions, st)
	}

	// The decision.
	for _, l := range Levels {
		c := d.Counts[l]
		if c.Limit >= 0 && c.Counted > c.Limit {
			d.Reasons = append(d.Reasons, fmt.Sprintf("%d %s findings, more than the %d allowed", c.Counted, l, c.Limit))
		}
	}
	if len(d.Overdue) > 0 {
		d.Reasons = append(d.Reasons, fmt.Sprintf("%d findings are past their fix deadline (SLA)", len(d.Overdue)))
	}
	e.checkInputs(d)
	e.checkRequirements(d)

	excepted := 0
	for _, c := range d.Counts {
		excepted += c.Excepted
	}
	switch {
	case len(d.Reasons) > 0:
		d.Result = Failed
	case excepted > 0:
		d.Result = PassedWithExceptions
	default:
		d.Result = Passed
	}
	return d
}

// checkInputs fails the gate closed: inputs without runs, runs that did
// not complete, and required tools without output.
func (e *engine) checkInputs(d *Decision) {
	seen := map[string]bool{}
	for _, l := range e.in.Logs {
		if len(l.Runs) == 0 {
			d.Reasons = append(d.Reasons, fmt.Sprintf("%s has no runs: the tool produced no output", l.File))
		}
		for _, r := range l.Runs {
			seen[strings.ToLower(r.Tool)] = true
			if !r.Successful {
				msg := fmt.Sprintf("%s: the %s run did not complete", l.File, r.Tool)
				if len(r.Notifications) > 0 {
					msg += " (" + r.Notifications[0] + ")"
				}
				d.Reasons = append(d.Reasons, msg)
			}
			if !slices.Contains(d.Tools, r.Tool) {
				d.Tools = append(d.Tools, r.Tool)
			}
		}
	}
	slices.Sort(d.Tools)
	for _, t := range e.gate.RequireTools {
		if !seen[strings.ToLower(t)] {
			d.Reasons = append(d.Reasons, fmt.Sprintf("no output from %s, which the %s gate requires", t, d.Phase))
		}
	}
}

// checkRequirements reports which requirements have verifying evidence.
func (e *engine) checkRequirements(d *Decision) {
	ran := map[string]bool{}
	for _, l := range e.in.Logs {
		for _, r := range l.Runs {
			for _, rule := range r.Rules {
				ran[strings.ToLower(rule.ID)] = true
			}
		}
	}
	var unverified []string
	for i := range e.in.Policy.Requirements {
		req := &e.in.Policy.Requirements[i]
		st := RequirementStatus{Requirement: req}
		for _, g := range req.VerifiedBy.Rules {
			glob := compileRuleGlob(g)
			found := false
			for id := range ran {
				if glob.match(id) {
					found = true
					break
				}
			}
			if found {
				st.By = append(st.By, "rule "+g)
			} else {
				st.Missing = append(st.Missing, "rule "+g)
			}
		}
		for _, t := range req.VerifiedBy.Tests {
			if e.in.PassedTests[t] {
				st.By = append(st.By, "test "+t)
			} else {
				st.Missing = append(st.Missing, "test "+t)
			}
		}
		for _, t := range req.VerifiedBy.Threats {
			if e.in.MitigatedThreats[t] {
				st.By = append(st.By, "threat "+t)
			} else {
				st.Missing = append(st.Missing, "threat "+t)
			}
		}
		st.Verified = len(st.By) > 0
		if !st.Verified {
			unverified = append(unverified, req.ID)
		}
		d.Requirements = append(d.Requirements, st)
	}
	if len(unverified) > 0 {
		msg := fmt.Sprintf("requirements without verifying evidence: %s", strings.Join(unverified, ", "))
		if e.gate.RequireRequirements {
			d.Reasons = append(d.Reasons, msg)
		} else {
			d.Warnings = append(d.Warnings, msg)
		}
	}
}

func daysBetween(from, to policy.Date) int {
	return int(to.Sub(from.Time).Hours() / 24)
}

// sortItems orders items as finding.Compare orders their findings. A
// million findings are sorted by keys (the rank of the path among the
// distinct paths, then line and column) with finding.Compare only for
// ties, and each item is moved once.
func sortItems(items []Item) {
	paths := map[string]int32{}
	for i := range items {
		paths[items[i].Finding.Location.Path] = 0
	}
	names := make([]string, 0, len(paths))
	for p := range paths {
		names = append(names, p)
	}
	slices.Sort(names)
	for i, p := range names {
		paths[p] = int32(i)
	}
	type key struct {
		path, line, col, idx int32
	}
	keys := make([]key, len(items))
	for i := range items {
		l := &items[i].Finding.Location
		//sdl:ignore G115 -- lines, columns and indexes of a SARIF file fit in 31 bits
		keys[i] = key{paths[l.Path], int32(l.StartLine), int32(l.StartColumn), int32(i)}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.path != b.path {
			return cmp.Compare(a.path, b.path)
		}
		if a.line != b.line {
			return cmp.Compare(a.line, b.line)
		}
		if a.col != b.col {
			return cmp.Compare(a.col, b.col)
		}
		return cmp.Or(finding.Compare(items[a.idx].Finding, items[b.idx].Finding), cmp.Compare(a.idx, b.idx))
	})
	sorted := make([]Item, len(items))
	for i, k := range keys {
		sorted[i] = items[k.idx]
	}
	copy(items, sorted)
}
