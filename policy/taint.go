package policy

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/internal/yamlschema"
)

// TaintRule is a custom taint rule of sdl.yaml's taint section: the
// team's own sources of untrusted data, the calls that must not receive
// it (sinks) and the calls that make it safe (sanitizers). sdl scan runs
// it on gosec's taint engine next to the built-in taint rules.
type TaintRule struct {
	// ID is the rule's ID, PREFIX-NAME (X-SQL1, ACME-DBQUERY).
	ID string `yaml:"id"`
	// CWE are the weaknesses the rule detects.
	CWE []int `yaml:"cwe"`
	// Level is the default bug-bar level of the rule's findings.
	Level finding.Severity `yaml:"level"`
	// Message starts every finding's message.
	Message string `yaml:"message"`
	// Help is an optional longer explanation, in Markdown.
	Help string `yaml:"help"`
	// UseBuiltinSources adds sdlkit's built-in sources to Sources; nil
	// means true.
	UseBuiltinSources *bool `yaml:"useBuiltinSources"`
	// Sources are where untrusted data enters.
	Sources []TaintSource `yaml:"sources"`
	// Sinks are the calls that must not receive untrusted data.
	Sinks []TaintSink `yaml:"sinks"`
	// Sanitizers are the calls whose results are safe.
	Sanitizers []TaintFunc `yaml:"sanitizers"`

	// Index is the rule's position in the taint list, for messages
	// (Policy.Where("/taint/"+Index)).
	Index int `yaml:"-"`
}

// BuiltinSources reports whether the built-in sources apply to the rule
// (useBuiltinSources, true by default).
func (r *TaintRule) BuiltinSources() bool {
	return r.UseBuiltinSources == nil || *r.UseBuiltinSources
}

// TaintFunc names a package-level function (Package and Function) or a
// method (Package, Receiver, Method and Pointer).
type TaintFunc struct {
	// Package is the import path of the declaring package.
	Package string `yaml:"package"`
	// Function is a package-level function's name.
	Function string `yaml:"function"`
	// Receiver is a method's receiver type name, without * or package.
	Receiver string `yaml:"receiver"`
	// Method is the method's name.
	Method string `yaml:"method"`
	// Pointer says the method is declared on *Receiver.
	Pointer bool `yaml:"pointer"`
}

// String formats the function as Go writes it: pkg.F, (*pkg.T).M or
// (pkg.T).M.
func (f TaintFunc) String() string {
	if f.Receiver == "" {
		return f.Package + "." + f.Function
	}
	star := ""
	if f.Pointer {
		star = "*"
	}
	return "(" + star + f.Package + "." + f.Receiver + ")." + f.Method
}

// TaintSource is a source: a type (Package, Type, Pointer), whose values
// are untrusted when a function receives them from outside the analyzed
// code, or a function or method whose results are untrusted.
type TaintSource struct {
	TaintFunc `yaml:",inline"`
	// Type is a source type's name.
	Type string `yaml:"type"`
}

// String formats the source: pkg.T, *pkg.T, or the function.
func (s TaintSource) String() string {
	if s.Type == "" {
		return s.TaintFunc.String()
	}
	if s.Pointer {
		return "*" + s.Package + "." + s.Type
	}
	return s.Package + "." + s.Type
}

// TaintSink is a function or method that must not receive untrusted data
// in the arguments at Args.
type TaintSink struct {
	TaintFunc `yaml:",inline"`
	// Args are the argument positions checked, from 0; empty checks every
	// argument. For a method with a concrete receiver, position 0 is the
	// receiver; for a method of an interface type, position 0 is the
	// first parameter.
	Args []int `yaml:"args"`
}

// reservedTaintPrefixes are ID prefixes a custom rule may not use: ours,
// gosec's and the vulnerability databases'.
var reservedTaintPrefixes = []string{"SDL", "G", "GO", "GHSA", "CVE", "OSV", "TM"}

// checkTaint reports what the schema cannot: duplicate and reserved IDs,
// and sources, sinks and sanitizers that name neither or both of a
// function and a method.
func (p *Policy) checkTaint() error {
	var errs yamlschema.Errors
	add := func(ptr, msg string) { errs = append(errs, p.errorAt(ptr, msg)) }
	first := map[string]int{}
	for i := range p.Taint {
		r := &p.Taint[i]
		r.Index = i
		at := "/taint/" + strconv.Itoa(i)
		key := strings.ToUpper(r.ID)
		if j, dup := first[key]; dup {
			add(at+"/id", fmt.Sprintf("duplicate taint rule id %q (first at %s)", r.ID, p.Where("/taint/"+strconv.Itoa(j)+"/id")))
		} else {
			first[key] = i
		}
		prefix, _, _ := strings.Cut(key, "-")
		for _, res := range reservedTaintPrefixes {
			if prefix == res {
				add(at+"/id", fmt.Sprintf("taint rule id %q uses the reserved prefix %s-; choose a team prefix such as X- or ACME-", r.ID, res))
			}
		}
		if !r.BuiltinSources() && len(r.Sources) == 0 {
			add(at+"/useBuiltinSources", "a taint rule with useBuiltinSources: false needs sources")
		}
		for j, s := range r.Sources {
			ptr := at + "/sources/" + strconv.Itoa(j)
			n := 0
			for _, set := range []bool{s.Type != "", s.Function != "", s.Method != ""} {
				if set {
					n++
				}
			}
			if n != 1 {
				add(ptr, "a source names exactly one of type, function, or receiver and method")
			} else if s.Pointer && s.Type == "" {
				add(ptr+"/pointer", "pointer applies to a source type, not to a function or method source")
			}
		}
		for j, s := range r.Sinks {
			checkFunc(add, at+"/sinks/"+strconv.Itoa(j), "sink", s.TaintFunc)
		}
		for j, s := range r.Sanitizers {
			checkFunc(add, at+"/sanitizers/"+strconv.Itoa(j), "sanitizer", s)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

func checkFunc(add func(ptr, msg string), ptr, what string, f TaintFunc) {
	if (f.Function == "") == (f.Method == "") {
		add(ptr, "a "+what+" names exactly one of function, or receiver and method")
	}
}

// TaintRuleID reports whether id is the ID of one of the policy's custom
// taint rules, case-insensitively.
func (p *Policy) TaintRuleID(id string) bool {
	for _, r := range p.Taint {
		if strings.EqualFold(r.ID, id) {
			return true
		}
	}
	return false
}
