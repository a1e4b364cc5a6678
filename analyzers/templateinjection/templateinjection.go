package templateinjection

import (
	_ "embed"

	"github.com/securego/gosec/v2/taint"

	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/analyzers/taintkit"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Rule is the server-side template injection taint rule.
var Rule = taintkit.Rule{
	Rule: ruledoc.Rule(doc, "templateinjection", ruledoc.Meta{
		ID:       "SDL910",
		CWE:      []int{1336, 94},
		Severity: finding.Critical,
		Tags:     []string{"injection", "template", "taint"},
	}),
	Message:    "template injection: untrusted input is the template text or unescaped data of",
	Config:     Config(),
	Supersedes: []string{"G708"},
}

// Config returns the rule's sources, sinks and sanitizers.
func Config() taint.Config {
	var sinks []taint.Sink
	add := func(more []taint.Sink) { sinks = append(sinks, more...) }

	// The text of a template.
	add(taintkit.Methods("text/template", "Template", true, 1, "Parse"))
	add(taintkit.Methods("html/template", "Template", true, 1, "Parse"))
	// text/template's data rendered into a response, unescaped.
	toResponse := map[int]string{1: "net/http.ResponseWriter"}
	for _, s := range taintkit.Methods("text/template", "Template", true, 2, "Execute") {
		s.ArgTypeGuards = toResponse
		sinks = append(sinks, s)
	}
	for _, s := range taintkit.Methods("text/template", "Template", true, 3, "ExecuteTemplate") {
		s.ArgTypeGuards = toResponse
		sinks = append(sinks, s)
	}

	sanitizers := append(taintkit.NumericSanitizers(),
		taint.Sanitizer{Package: "html", Method: "EscapeString"},
		taint.Sanitizer{Package: "html/template", Method: "HTMLEscapeString"},
		taint.Sanitizer{Package: "html/template", Method: "JSEscapeString"},
		taint.Sanitizer{Package: "text/template", Method: "HTMLEscapeString"},
		taint.Sanitizer{Package: "text/template", Method: "JSEscapeString"},
		taint.Sanitizer{Package: "net/url", Method: "QueryEscape"},
		taint.Sanitizer{Package: "net/url", Method: "PathEscape"},
	)
	return taint.Config{
		Sources:    taintkit.Sources(),
		Sinks:      taintkit.MergeSinks(sinks),
		Sanitizers: sanitizers,
	}
}
