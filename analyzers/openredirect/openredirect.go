package openredirect

import (
	_ "embed"

	"github.com/securego/gosec/v2/taint"

	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/analyzers/taintkit"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Rule is the open redirect taint rule.
var Rule = taintkit.Rule{
	Rule: ruledoc.Rule(doc, "openredirect", ruledoc.Meta{
		ID:       "SDL903",
		CWE:      []int{601},
		Severity: finding.Important,
		Tags:     []string{"redirect", "taint"},
	}),
	Message:    "open redirect: untrusted input is the target of",
	Config:     Config(),
	Supersedes: []string{"G710"},
}

// Config returns the rule's sources, sinks and sanitizers.
func Config() taint.Config {
	var sinks []taint.Sink
	add := func(more []taint.Sink) { sinks = append(sinks, more...) }
	add(taintkit.Funcs("net/http", 2, "Redirect"))
	add(taintkit.Funcs("net/http", 0, "RedirectHandler"))
	add(taintkit.Methods(taintkit.GinPath, "Context", true, 2, "Redirect"))
	// echo v4's Context is an interface: its arguments exclude the receiver.
	add(taintkit.Methods(taintkit.EchoV4Path, "Context", false, 1, "Redirect"))
	add(taintkit.Methods(taintkit.EchoV5Path, "Context", true, 2, "Redirect"))
	add(taintkit.Methods(taintkit.FiberV2Path, "Ctx", true, 1, "Redirect"))
	add(taintkit.Methods(taintkit.FiberV3Path, "Redirect", true, 1, "To"))
	return taint.Config{
		Sources: taintkit.Sources(),
		Sinks:   taintkit.MergeSinks(sinks),
		Sanitizers: append(taintkit.NumericSanitizers(),
			taint.Sanitizer{Package: "net/url", Method: "PathEscape"},
			taint.Sanitizer{Package: "net/url", Method: "QueryEscape"},
		),
	}
}
