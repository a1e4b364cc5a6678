package finding

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// SrcRoot is the uriBaseId every location is relative to: the root of the
// scanned repository.
const SrcRoot = "%SRCROOT%"

// Tool names a SARIF tool component.
type Tool struct {
	Name           string
	Version        string
	InformationURI string
}

// Run is one SARIF run: a driver, the tool components whose rules it ran,
// the rules, and the findings.
type Run struct {
	// Driver is the tool that ran (sdl). Rules whose Tool is Driver.Name
	// belong to it; the rules of every other tool go to an extension of
	// that name.
	Driver     Tool
	Extensions []Tool
	Rules      []Rule
	Findings   []Finding
	// Notifications are tool execution problems (a package that did not
	// type-check, a scanner that failed) recorded in the invocation.
	Notifications []string
	// Successful is false when the run did not complete.
	Successful bool
	// Properties are recorded on the run (for example, which database a
	// dependency scan used).
	Properties map[string]any
}

// WriteSARIF writes runs as an indented SARIF 2.1.0 log. Rules are ordered
// by ID within their component and findings by Compare, so equal inputs give
// byte-identical output.
func WriteSARIF(w io.Writer, runs ...Run) error {
	report := sarif.NewReport()
	for i := range runs {
		r, err := toSARIFRun(&runs[i])
		if err != nil {
			return err
		}
		report.AddRun(r)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(report); err != nil {
		return fmt.Errorf("encoding SARIF: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

type ruleRef struct {
	component int // -1 for the driver
	index     int
}

func toSARIFRun(in *Run) (*sarif.Run, error) {
	run := sarif.NewRun()
	run.Tool = sarif.NewTool()
	run.Tool.Driver = toolComponent(in.Driver)
	run.Tool.Extensions = []*sarif.ToolComponent{}
	components := map[string]int{in.Driver.Name: -1}
	for i, ext := range in.Extensions {
		run.Tool.Extensions = append(run.Tool.Extensions, toolComponent(ext))
		components[ext.Name] = i
	}
	kind := "utf16CodeUnits"
	run.ColumnKind = &kind

	rules := slices.Clone(in.Rules)
	slices.SortFunc(rules, func(a, b Rule) int { return cmp.Compare(a.ID, b.ID) })
	refs := make(map[string]ruleRef, len(rules))
	for _, r := range rules {
		c, ok := components[r.Tool]
		if !ok {
			return nil, fmt.Errorf("rule %s belongs to tool %q, which is not a component of the run", r.ID, r.Tool)
		}
		comp := run.Tool.Driver
		if c >= 0 {
			comp = run.Tool.Extensions[c]
		}
		refs[r.Tool+"\x00"+r.ID] = ruleRef{c, len(comp.Rules)}
		comp.Rules = append(comp.Rules, reportingDescriptor(r))
	}

	findings := slices.Clone(in.Findings)
	Sort(findings)
	for i := range findings {
		res, err := result(&findings[i], refs, components)
		if err != nil {
			return nil, err
		}
		run.Results = append(run.Results, res)
	}

	inv := sarif.NewInvocation()
	ok := in.Successful
	inv.ExecutionSuccessful = &ok
	for _, n := range in.Notifications {
		note := sarif.NewNotification()
		note.Message = sarif.NewTextMessage(n)
		note.Level = "error"
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, note)
	}
	run.Invocations = []*sarif.Invocation{inv}

	if len(in.Properties) > 0 {
		bag := sarif.NewPropertyBag()
		for k, v := range in.Properties {
			bag.Add(k, v)
		}
		run.Properties = bag
	}
	return run, nil
}

func toolComponent(t Tool) *sarif.ToolComponent {
	c := sarif.NewToolComponent()
	name := t.Name
	c.Name = &name
	if t.Version != "" {
		v := t.Version
		c.Version = &v
		c.SemanticVersion = &v
	}
	if t.InformationURI != "" {
		u := t.InformationURI
		c.InformationURI = &u
	}
	c.Rules = []*sarif.ReportingDescriptor{}
	return c
}

func reportingDescriptor(r Rule) *sarif.ReportingDescriptor {
	d := sarif.NewRule(r.ID)
	if r.Name != "" {
		name := r.Name
		d.Name = &name
	}
	d.ShortDescription = sarif.NewMultiformatMessageString().WithText(r.Summary)
	d.FullDescription = sarif.NewMultiformatMessageString().WithText(firstParagraph(r))
	if r.Help != "" {
		// The Markdown is the documentation; the text form, which SARIF
		// requires, points to it rather than repeating it.
		text := r.Summary
		if r.HelpURI != "" {
			text += ". Documentation: " + r.HelpURI
		}
		d.Help = sarif.NewMultiformatMessageString().WithText(text).WithMarkdown(r.Help)
	}
	if r.HelpURI != "" {
		u := r.HelpURI
		d.HelpURI = &u
	}
	conf := sarif.NewReportingConfiguration()
	conf.Enabled = true
	conf.Level = r.Severity.SARIFLevel()
	d.DefaultConfiguration = conf

	bag := sarif.NewPropertyBag()
	bag.Tags = append(bag.Tags, "security")
	for _, c := range r.CWE {
		bag.Tags = append(bag.Tags, CWETag(c))
	}
	bag.Tags = append(bag.Tags, r.Tags...)
	bag.Add("security-severity", r.Severity.SecuritySeverity())
	bag.Add("severity", r.Severity.String())
	if len(r.CWE) > 0 {
		cwes := make([]string, len(r.CWE))
		for i, c := range r.CWE {
			cwes[i] = CWEString(c)
		}
		bag.Add("cwe", cwes)
	}
	d.Properties = bag
	return d
}

func result(f *Finding, refs map[string]ruleRef, components map[string]int) (*sarif.Result, error) {
	res := sarif.NewRuleResult(f.RuleID)
	res.Level = f.Severity.SARIFLevel()
	res.Kind = "fail"
	res.Message = sarif.NewTextMessage(f.Message)
	if ref, ok := refs[f.Tool+"\x00"+f.RuleID]; ok {
		res.RuleIndex = ref.index
		rd := sarif.NewReportingDescriptorReference().WithID(f.RuleID).WithIndex(ref.index)
		if ref.component >= 0 {
			rd.WithToolComponent(sarif.NewToolComponentReference().WithName(f.Tool).WithIndex(ref.component))
		}
		res.Rule = rd
	} else if _, ok := components[f.Tool]; !ok {
		return nil, fmt.Errorf("finding of rule %s from tool %q, which is not a component of the run", f.RuleID, f.Tool)
	}
	if f.Location.Path != "" {
		res.Locations = []*sarif.Location{location(f.Location, "")}
	}
	if f.Fingerprint != "" {
		res.PartialFingerprints = map[string]string{FingerprintKey: f.Fingerprint}
	}
	for _, s := range f.Suppressions {
		sup := sarif.NewSuppression().WithKind(s.Kind)
		if s.Justification != "" {
			sup.WithJustification(s.Justification)
		}
		status := "accepted"
		sup.Status = &status
		if s.Location != nil {
			sup.Location = location(*s.Location, "")
		}
		res.Suppressions = append(res.Suppressions, sup)
	}
	for _, fix := range f.Fixes {
		res.Fixes = append(res.Fixes, sarifFix(fix))
	}
	bag := sarif.NewPropertyBag()
	for k, v := range f.Properties {
		if k != "tags" {
			bag.Add(k, v)
		}
	}
	// The model's own fields win over properties read from an input.
	bag.Add("severity", f.Severity.String())
	bag.Add("tool", f.Tool)
	if len(f.CWE) > 0 {
		cwes := make([]string, len(f.CWE))
		for i, c := range f.CWE {
			cwes[i] = CWEString(c)
			bag.Tags = append(bag.Tags, CWETag(c))
		}
		bag.Add("cwe", cwes)
	}
	res.Properties = bag
	return res, nil
}

func location(l Location, message string) *sarif.Location {
	art := sarif.NewArtifactLocation().WithURI(l.Path).WithURIBaseID(SrcRoot)
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(art)
	if l.StartLine > 0 {
		reg := sarif.NewRegion().WithStartLine(l.StartLine)
		if l.StartColumn > 0 {
			reg.WithStartColumn(l.StartColumn)
		}
		if l.EndLine > 0 {
			reg.WithEndLine(l.EndLine)
		}
		if l.EndColumn > 0 {
			reg.WithEndColumn(l.EndColumn)
		}
		phys.WithRegion(reg)
	}
	loc := sarif.NewLocationWithPhysicalLocation(phys)
	if message != "" {
		loc.WithMessage(sarif.NewTextMessage(message))
	}
	return loc
}

func sarifFix(f Fix) *sarif.Fix {
	fix := sarif.NewFix()
	fix.Description = sarif.NewTextMessage(f.Description)
	byPath := map[string]*sarif.ArtifactChange{}
	var order []string
	for _, e := range f.Edits {
		ch, ok := byPath[e.Path]
		if !ok {
			ch = sarif.NewArtifactChange().WithArtifactLocation(
				sarif.NewArtifactLocation().WithURI(e.Path).WithURIBaseID(SrcRoot))
			byPath[e.Path] = ch
			order = append(order, e.Path)
		}
		reg := sarif.NewRegion().WithByteOffset(e.Offset).WithByteLength(e.Length)
		rep := sarif.NewReplacement().WithDeletedRegion(reg)
		if e.Text != "" {
			rep.WithInsertedContent(sarif.NewArtifactContent().WithText(e.Text))
		}
		ch.Replacements = append(ch.Replacements, rep)
	}
	for _, p := range order {
		fix.ArtifactChanges = append(fix.ArtifactChanges, byPath[p])
	}
	return fix
}

// firstParagraph returns the first paragraph of a rule's text after its
// summary: what the rule reports.
func firstParagraph(r Rule) string {
	body := strings.TrimSpace(strings.TrimPrefix(r.Text, r.Summary))
	if body == "" {
		return r.Summary
	}
	p, _, _ := strings.Cut(body, "\n\n")
	return strings.Join(strings.Fields(p), " ")
}
