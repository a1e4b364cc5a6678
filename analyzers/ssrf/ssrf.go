package ssrf

import (
	_ "embed"

	"github.com/securego/gosec/v2/taint"

	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/analyzers/taintkit"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// RestyPath is the import path of resty v2.
const RestyPath = "github.com/go-resty/resty/v2"

// Rule is the server-side request forgery taint rule.
var Rule = taintkit.Rule{
	Rule: ruledoc.Rule(doc, "ssrf", ruledoc.Meta{
		ID:       "SDL905",
		CWE:      []int{918},
		Severity: finding.Important,
		Tags:     []string{"ssrf", "network", "taint"},
	}),
	Message:    "SSRF: untrusted input is the address of",
	Config:     Config(),
	Supersedes: []string{"G704"},
	Outranks:   []string{"G107"},
}

// Config returns the rule's sources, sinks and sanitizers.
func Config() taint.Config {
	var sinks []taint.Sink
	add := func(more []taint.Sink) { sinks = append(sinks, more...) }

	add(taintkit.Funcs("net/http", 0, "Get", "Head", "Post", "PostForm"))
	add(taintkit.Funcs("net/http", 1, "NewRequest"))
	add(taintkit.Funcs("net/http", 2, "NewRequestWithContext"))
	add(taintkit.Methods("net/http", "Client", true, 1, "Get", "Head", "Post", "PostForm"))
	add(taintkit.Funcs("net/http/httputil", 0, "NewSingleHostReverseProxy"))

	add(taintkit.Funcs("net", 1, "Dial", "DialTimeout"))
	add(taintkit.Funcs("net", 0, "LookupHost"))
	add(taintkit.Methods("net", "Dialer", true, 2, "Dial"))
	add(taintkit.Methods("net", "Dialer", true, 3, "DialContext"))
	add(taintkit.Funcs("crypto/tls", 1, "Dial"))
	add(taintkit.Funcs("crypto/tls", 2, "DialWithDialer"))

	add(taintkit.Methods(RestyPath, "Request", true, 1, "Get", "Head", "Post", "Put", "Patch", "Delete", "Options"))
	add(taintkit.Methods(RestyPath, "Request", true, 2, "Execute"))
	add(taintkit.Methods(RestyPath, "Client", true, 1, "SetBaseURL", "SetHostURL"))

	return taint.Config{
		Sources: taintkit.Sources(),
		Sinks:   taintkit.MergeSinks(sinks),
		Sanitizers: append(taintkit.NumericSanitizers(),
			taint.Sanitizer{Package: "net/url", Method: "PathEscape"},
			taint.Sanitizer{Package: "net/url", Method: "QueryEscape"},
		),
	}
}
