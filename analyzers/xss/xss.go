package xss

import (
	_ "embed"

	"github.com/securego/gosec/v2/taint"

	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/analyzers/taintkit"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// BluemondayPath is the import path of the bluemonday HTML sanitizer.
const BluemondayPath = "github.com/microcosm-cc/bluemonday"

// Rule is the cross-site scripting taint rule.
var Rule = taintkit.Rule{
	Rule: ruledoc.Rule(doc, "xss", ruledoc.Meta{
		ID:       "SDL906",
		CWE:      []int{79},
		Severity: finding.Important,
		Tags:     []string{"xss", "injection", "taint"},
	}),
	Message:    "XSS: untrusted input is written as HTML by",
	Config:     Config(),
	Supersedes: []string{"G705"},
}

// responseWriter is the type a writer argument must implement for the fmt
// and io functions to be sinks.
const responseWriter = "net/http.ResponseWriter"

// Config returns the rule's sources, sinks and sanitizers.
func Config() taint.Config {
	var sinks []taint.Sink
	add := func(more []taint.Sink) { sinks = append(sinks, more...) }

	// Interface methods: argument 0 is the first parameter.
	add(taintkit.Methods("net/http", "ResponseWriter", false, 0, "Write"))
	add(taintkit.Methods(taintkit.GinPath, "ResponseWriter", false, 0, "Write", "WriteString"))
	// The fmt print family and io.WriteString write to an HTTP response
	// only when their writer is one.
	printArgs := make([]int, 0, 16)
	for i := 1; i <= 16; i++ {
		printArgs = append(printArgs, i)
	}
	for _, f := range []string{"Fprint", "Fprintf", "Fprintln"} {
		sinks = append(sinks, taint.Sink{Package: "fmt", Method: f, CheckArgs: printArgs,
			ArgTypeGuards: map[int]string{0: responseWriter}})
	}
	sinks = append(sinks, taint.Sink{Package: "io", Method: "WriteString", CheckArgs: []int{1},
		ArgTypeGuards: map[int]string{0: responseWriter}})

	add(taintkit.Methods(taintkit.GinPath, "Context", true, 3, "Data"))
	// echo v4's Context is an interface: its arguments exclude the receiver.
	add(taintkit.Methods(taintkit.EchoV4Path, "Context", false, 1, "HTML", "HTMLBlob"))
	add(taintkit.Methods(taintkit.EchoV4Path, "Context", false, 2, "Blob"))
	add(taintkit.Methods(taintkit.EchoV5Path, "Context", true, 2, "HTML", "HTMLBlob"))
	add(taintkit.Methods(taintkit.EchoV5Path, "Context", true, 3, "Blob"))

	sanitizers := taintkit.NumericSanitizers()
	for _, s := range []struct{ pkg, fn string }{
		{"html", "EscapeString"},
		{"html/template", "HTMLEscapeString"},
		{"html/template", "JSEscapeString"},
		{"html/template", "URLQueryEscaper"},
		{"html/template", "HTMLEscaper"},
		{"html/template", "JSEscaper"},
		{"net/url", "QueryEscape"},
		{"net/url", "PathEscape"},
		{"encoding/json", "Marshal"},
		{"encoding/json", "MarshalIndent"},
	} {
		sanitizers = append(sanitizers, taint.Sanitizer{Package: s.pkg, Method: s.fn})
	}
	sanitizers = append(sanitizers,
		taint.Sanitizer{Package: BluemondayPath, Receiver: "Policy", Method: "Sanitize", Pointer: true},
		taint.Sanitizer{Package: BluemondayPath, Receiver: "Policy", Method: "SanitizeBytes", Pointer: true},
	)
	return taint.Config{
		Sources:    taintkit.Sources(),
		Sinks:      taintkit.MergeSinks(sinks),
		Sanitizers: sanitizers,
	}
}
