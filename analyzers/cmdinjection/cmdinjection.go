package cmdinjection

import (
	_ "embed"

	"github.com/securego/gosec/v2/taint"

	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/analyzers/taintkit"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Rule is the command injection taint rule.
var Rule = taintkit.Rule{
	Rule: ruledoc.Rule(doc, "cmdinjection", ruledoc.Meta{
		ID:       "SDL909",
		CWE:      []int{78},
		Severity: finding.Critical,
		Tags:     []string{"injection", "command", "taint"},
	}),
	Message:    "command injection: untrusted input is the program or an argument of",
	Config:     Config(),
	Supersedes: []string{"G702"},
	Outranks:   []string{"G204"},
}

// Config returns the rule's sources, sinks and sanitizers.
func Config() taint.Config {
	var sinks []taint.Sink
	add := func(more []taint.Sink) { sinks = append(sinks, more...) }

	// exec.Command(name, arg...): every argument (the variadic arguments
	// are one slice in the call).
	add(taintkit.Funcs("os/exec", -1, "Command"))
	// exec.CommandContext(ctx, name, arg...): not the context.
	add(taintkit.Funcs("os/exec", 1, "CommandContext"))
	add(taintkit.Funcs("os/exec", 2, "CommandContext"))
	// The program and the argument list; not the environment or attributes.
	for _, f := range []struct{ pkg, name string }{
		{"os", "StartProcess"},
		{"syscall", "Exec"}, {"syscall", "ForkExec"}, {"syscall", "StartProcess"},
		{"golang.org/x/sys/unix", "Exec"},
	} {
		add(taintkit.Funcs(f.pkg, 0, f.name))
		add(taintkit.Funcs(f.pkg, 1, f.name))
	}

	sanitizers := append(taintkit.NumericSanitizers(),
		taint.Sanitizer{Package: "github.com/alessio/shellescape", Method: "Quote"},
		taint.Sanitizer{Package: "github.com/alessio/shellescape", Method: "QuoteCommand"},
		taint.Sanitizer{Package: "github.com/kballard/go-shellquote", Method: "Join"},
	)
	return taint.Config{
		Sources:    taintkit.Sources(),
		Sinks:      taintkit.MergeSinks(sinks),
		Sanitizers: sanitizers,
	}
}
