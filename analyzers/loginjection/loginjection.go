package loginjection

import (
	_ "embed"

	"github.com/securego/gosec/v2/taint"

	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/analyzers/taintkit"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Rule is the log injection taint rule.
var Rule = taintkit.Rule{
	Rule: ruledoc.Rule(doc, "loginjection", ruledoc.Meta{
		ID:       "SDL902",
		CWE:      []int{117},
		Severity: finding.Moderate,
		Tags:     []string{"injection", "logging", "taint"},
	}),
	Message:    "log injection: untrusted input reaches the message of",
	Config:     Config(),
	Supersedes: []string{"G706"},
}

// Config returns the rule's sources, sinks and sanitizers.
func Config() taint.Config {
	sanitizers := append(taintkit.NumericSanitizers(),
		taint.Sanitizer{Package: "strings", Method: "ReplaceAll"},
		taint.Sanitizer{Package: "strings", Receiver: "Replacer", Method: "Replace", Pointer: true},
		taint.Sanitizer{Package: "strconv", Method: "Quote"},
		taint.Sanitizer{Package: "strconv", Method: "QuoteToASCII"},
		taint.Sanitizer{Package: "net/url", Method: "QueryEscape"},
		taint.Sanitizer{Package: "net/url", Method: "PathEscape"},
		taint.Sanitizer{Package: "encoding/json", Method: "Marshal"},
		taint.Sanitizer{Package: "encoding/json", Method: "MarshalIndent"},
	)
	return taint.Config{
		Sources:    taintkit.Sources(),
		Sinks:      taintkit.MergeSinks(sinks()),
		Sanitizers: sanitizers,
	}
}

// levels expands level names with the suffixes given ("" for the plain
// form).
func levels(names []string, suffixes ...string) []string {
	var out []string
	for _, n := range names {
		for _, s := range suffixes {
			out = append(out, n+s)
		}
	}
	return out
}

func sinks() []taint.Sink {
	var s []taint.Sink
	add := func(more []taint.Sink) { s = append(s, more...) }

	// log.
	stdNames := levels([]string{"Print", "Fatal", "Panic"}, "", "f", "ln")
	add(taintkit.Funcs("log", -1, stdNames...))
	add(taintkit.Methods("log", "Logger", true, 1, levels([]string{"Print", "Fatal", "Panic"}, "", "ln")...))
	add(taintkit.Methods("log", "Logger", true, 1, "Printf", "Fatalf", "Panicf"))
	add(taintkit.Methods("log", "Logger", true, 2, "Printf", "Fatalf", "Panicf"))

	// log/slog: the message only; attributes are quoted by the handlers.
	slogLevels := []string{"Debug", "Info", "Warn", "Error"}
	add(taintkit.Funcs("log/slog", 0, slogLevels...))
	add(taintkit.Funcs("log/slog", 1, levels(slogLevels, "Context")...))
	add(taintkit.Funcs("log/slog", 2, "Log", "LogAttrs"))
	add(taintkit.Methods("log/slog", "Logger", true, 1, slogLevels...))
	add(taintkit.Methods("log/slog", "Logger", true, 2, levels(slogLevels, "Context")...))
	add(taintkit.Methods("log/slog", "Logger", true, 3, "Log", "LogAttrs"))

	// logrus: every argument of the message, not WithField values.
	const logrus = "github.com/sirupsen/logrus"
	logrusLevels := []string{"Trace", "Debug", "Info", "Print", "Warn", "Warning", "Error", "Fatal", "Panic"}
	add(taintkit.Funcs(logrus, -1, levels(logrusLevels, "", "f", "ln")...))
	for _, recv := range []string{"Logger", "Entry"} {
		add(taintkit.Methods(logrus, recv, true, 1, levels(logrusLevels, "", "f", "ln")...))
		add(taintkit.Methods(logrus, recv, true, 2, levels(logrusLevels, "f")...))
	}

	// zap.
	const zap = "go.uber.org/zap"
	zapLevels := []string{"Debug", "Info", "Warn", "Error", "DPanic", "Panic", "Fatal"}
	add(taintkit.Methods(zap, "Logger", true, 1, zapLevels...))
	add(taintkit.Methods(zap, "SugaredLogger", true, 1, levels(zapLevels, "", "f", "w", "ln")...))
	add(taintkit.Methods(zap, "SugaredLogger", true, 2, levels(zapLevels, "f")...))

	// zerolog.
	const zerolog = "github.com/rs/zerolog"
	add(taintkit.Methods(zerolog, "Event", true, 1, "Msg", "Msgf"))
	add(taintkit.Methods(zerolog, "Event", true, 2, "Msgf"))
	add(taintkit.Methods(zerolog, "Logger", true, 1, "Print", "Printf"))
	add(taintkit.Methods(zerolog, "Logger", true, 2, "Printf"))
	add(taintkit.Funcs(zerolog+"/log", -1, "Print", "Printf"))

	// glog and klog.
	glogNames := levels([]string{"Info", "Warning", "Error", "Fatal", "Exit"}, "", "f", "ln", "Depth")
	for _, pkg := range []string{"github.com/golang/glog", "k8s.io/klog", "k8s.io/klog/v2"} {
		add(taintkit.Funcs(pkg, -1, glogNames...))
		add(taintkit.Methods(pkg, "Verbose", false, 1, "Info", "Infof", "Infoln", "InfoDepth", "InfoS"))
		add(taintkit.Methods(pkg, "Verbose", false, 2, "Infof"))
	}
	for _, pkg := range []string{"k8s.io/klog", "k8s.io/klog/v2"} {
		add(taintkit.Funcs(pkg, 0, "InfoS"))
		add(taintkit.Funcs(pkg, 1, "ErrorS"))
	}
	return s
}
