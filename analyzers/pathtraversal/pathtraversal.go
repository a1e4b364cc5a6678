package pathtraversal

import (
	_ "embed"

	"github.com/securego/gosec/v2/taint"

	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/analyzers/taintkit"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Rule is the path traversal taint rule.
var Rule = taintkit.Rule{
	Rule: ruledoc.Rule(doc, "pathtraversal", ruledoc.Meta{
		ID:       "SDL904",
		CWE:      []int{22},
		Severity: finding.Important,
		Tags:     []string{"path", "file", "taint"},
	}),
	Message:    "path traversal: untrusted input names the file of",
	Config:     Config(),
	Supersedes: []string{"G703"},
	Outranks:   []string{"G304"},
}

// Config returns the rule's sources, sinks and sanitizers.
func Config() taint.Config {
	var sinks []taint.Sink
	add := func(more []taint.Sink) { sinks = append(sinks, more...) }

	// The file name is the first argument.
	add(taintkit.Funcs("os", 0, "Open", "OpenFile", "Create", "ReadFile", "WriteFile",
		"Remove", "RemoveAll", "Mkdir", "MkdirAll", "MkdirTemp", "CreateTemp",
		"Stat", "Lstat", "Chmod", "Chown", "Lchown", "Chtimes", "Truncate",
		"Readlink", "ReadDir", "DirFS"))
	// Both names are paths.
	add(taintkit.Funcs("os", 0, "Rename", "Link", "Symlink"))
	add(taintkit.Funcs("os", 1, "Rename", "Link", "Symlink"))
	add(taintkit.Funcs("io/ioutil", 0, "ReadFile", "WriteFile", "ReadDir"))
	add(taintkit.Funcs("path/filepath", 0, "Walk", "WalkDir"))

	// File serving.
	add(taintkit.Funcs("net/http", 2, "ServeFile"))
	add(taintkit.Funcs("net/http", 3, "ServeFileFS"))
	add(taintkit.Methods(taintkit.GinPath, "Context", true, 1, "File", "FileAttachment"))
	add(taintkit.Methods(taintkit.GinPath, "Context", true, 2, "SaveUploadedFile"))
	// echo v4's Context is an interface: its arguments exclude the receiver.
	add(taintkit.Methods(taintkit.EchoV4Path, "Context", false, 0, "File", "Attachment", "Inline"))
	add(taintkit.Methods(taintkit.EchoV5Path, "Context", true, 1, "File", "Attachment", "Inline"))
	add(taintkit.Methods(taintkit.FiberV2Path, "Ctx", true, 1, "SendFile", "Download"))
	add(taintkit.Methods(taintkit.FiberV2Path, "Ctx", true, 2, "SaveFile"))
	// fiber v3's Ctx is an interface.
	add(taintkit.Methods(taintkit.FiberV3Path, "Ctx", false, 0, "SendFile", "Download"))
	add(taintkit.Methods(taintkit.FiberV3Path, "Ctx", false, 1, "SaveFile"))

	return taint.Config{
		Sources: taintkit.Sources(),
		Sinks:   taintkit.MergeSinks(sinks),
		Sanitizers: append(taintkit.NumericSanitizers(),
			taint.Sanitizer{Package: "path/filepath", Method: "Base"},
			taint.Sanitizer{Package: "path/filepath", Method: "Rel"},
			taint.Sanitizer{Package: "path/filepath", Method: "Localize"},
			taint.Sanitizer{Package: "path", Method: "Base"},
		),
	}
}
