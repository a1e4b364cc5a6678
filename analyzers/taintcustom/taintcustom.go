// Package taintcustom turns the custom taint rules of sdl.yaml's taint
// section into taint rules of sdlkit (taintkit.Rule), which the suite runs
// on gosec's taint engine in the same pass as the built-in ones. docs/taint.md
// documents the format.
package taintcustom

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/securego/gosec/v2/taint"

	"github.com/sdlkit/sdlkit/analyzers/taintkit"
	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/policy"
)

// Tag marks the rules that come from a policy rather than from sdlkit.
const Tag = "custom"

// DocsURL documents the taint section.
const DocsURL = "https://github.com/sdlkit/sdlkit/blob/main/docs/taint.md"

// Rules returns the policy's custom taint rules, in the order the policy
// lists them. The policy must have been loaded with policy.Load or
// policy.Parse, which validate the section.
func Rules(p *policy.Policy) []taintkit.Rule {
	out := make([]taintkit.Rule, 0, len(p.Taint))
	for _, r := range p.Taint {
		out = append(out, Rule(r, where(p, r.Index)))
	}
	return out
}

// where returns "sdl.yaml:LINE:COL" of a rule: the policy file's name
// without its directory, so the rule's documentation is the same on every
// machine.
func where(p *policy.Policy, i int) string {
	w := p.Where(fmt.Sprintf("/taint/%d", i))
	if p.File != "" {
		if dir := filepath.Dir(p.File); dir != "." {
			w = strings.TrimPrefix(w, dir+string(filepath.Separator))
		}
	}
	return w
}

// Rule converts one custom rule; where says where it is defined, for its
// documentation.
//
// Sources: the built-in ones (taintkit.Sources) unless useBuiltinSources
// is false, then the rule's own. A type source becomes a type source of
// the engine; a function source and a method source become function
// sources (the engine matches those by package and name, so a method
// source matches every method of that name in the package). Sinks and
// sanitizers map one to one; args become the sink's checked argument
// positions (a sink listed twice checks the union of its positions).
// The numeric sanitizers (strconv parsing, the frameworks'
// typed getters) always apply: a number carries no text an attacker
// controls.
func Rule(r policy.TaintRule, where string) taintkit.Rule {
	var cfg taint.Config
	if r.BuiltinSources() {
		cfg.Sources = taintkit.Sources()
	}
	for _, s := range r.Sources {
		switch {
		case s.Type != "":
			cfg.Sources = append(cfg.Sources, taint.Source{Package: s.Package, Name: s.Type, Pointer: s.Pointer})
		case s.Function != "":
			cfg.Sources = append(cfg.Sources, taint.Source{Package: s.Package, Name: s.Function, IsFunc: true})
		default:
			cfg.Sources = append(cfg.Sources, taint.Source{Package: s.Package, Name: s.Method, IsFunc: true})
		}
	}
	for _, s := range r.Sinks {
		sink := taint.Sink{Package: s.Package, Receiver: s.Receiver, Method: s.Method, Pointer: s.Pointer, CheckArgs: slices.Clone(s.Args)}
		if s.Function != "" {
			sink.Method = s.Function
		}
		cfg.Sinks = append(cfg.Sinks, sink)
	}
	// The engine keeps one sink per function: the same sink listed twice
	// checks the union of the positions.
	cfg.Sinks = taintkit.MergeSinks(cfg.Sinks)
	cfg.Sanitizers = taintkit.NumericSanitizers()
	for _, s := range r.Sanitizers {
		san := taint.Sanitizer{Package: s.Package, Receiver: s.Receiver, Method: s.Method, Pointer: s.Pointer}
		if s.Function != "" {
			san.Method = s.Function
		}
		cfg.Sanitizers = append(cfg.Sanitizers, san)
	}

	text, md := help(r, where)
	return taintkit.Rule{
		Rule: finding.Rule{
			ID:       r.ID,
			Tool:     "sdl",
			Summary:  r.Message,
			Text:     text,
			Help:     md,
			HelpURI:  DocsURL,
			CWE:      slices.Clone(r.CWE),
			Severity: r.Level,
			Tags:     []string{"taint", Tag},
		},
		Message: r.Message,
		Config:  cfg,
	}
}

// help writes the rule's documentation as plain text and as Markdown.
func help(r policy.TaintRule, where string) (text, md string) {
	var t, m strings.Builder
	intro := fmt.Sprintf("A custom taint rule, defined in the taint section of %s. It reports untrusted data reaching a sink.", where)
	fmt.Fprintf(&t, "%s\n\n%s\n", r.Message, intro)
	fmt.Fprintf(&m, "%s\n", intro)
	if r.Help != "" {
		fmt.Fprintf(&t, "\n%s\n", strings.TrimSpace(r.Help))
		fmt.Fprintf(&m, "\n%s\n", strings.TrimSpace(r.Help))
	}
	list := func(title, prose string, items []string) {
		if prose == "" && len(items) == 0 {
			return
		}
		fmt.Fprintf(&t, "\n%s:\n", title)
		fmt.Fprintf(&m, "\n#### %s\n\n", title)
		if prose != "" {
			fmt.Fprintf(&t, "  - %s\n", prose)
			fmt.Fprintf(&m, "- %s\n", prose)
		}
		for _, it := range items {
			fmt.Fprintf(&t, "  - %s\n", it)
			fmt.Fprintf(&m, "- `%s`\n", it)
		}
	}
	builtin := ""
	if r.BuiltinSources() {
		builtin = "sdlkit's built-in sources (net/http requests, gin, echo, fiber and chi contexts, gorilla/mux Vars, os.Args, the environment, flag values, network connections)"
	}
	var sources []string
	for _, s := range r.Sources {
		sources = append(sources, s.String())
	}
	var sinks []string
	for _, s := range r.Sinks {
		args := " (every argument)"
		if len(s.Args) > 0 {
			args = " (argument " + strings.Trim(strings.ReplaceAll(fmt.Sprint(s.Args), " ", ", "), "[]") + ")"
		}
		sinks = append(sinks, s.String()+args)
	}
	var sans []string
	for _, s := range r.Sanitizers {
		sans = append(sans, s.String())
	}
	list("Sources", builtin, sources)
	list("Sinks", "", sinks)
	list("Sanitizers", "", sans)
	fmt.Fprintf(&t, "\nSuppress a finding with //sdl:ignore %s -- reason, or accept it with an exception in sdl.yaml.\n", r.ID)
	fmt.Fprintf(&m, "\nSuppress a finding with `//sdl:ignore %s -- reason`, or accept it with an exception in sdl.yaml.\n", r.ID)
	return t.String(), m.String()
}
