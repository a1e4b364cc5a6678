package main

import (
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/spf13/cobra"

	"github.com/sdlkit/sdlkit/internal/atomicfile"
)

// writeOutput renders to stdout, or atomically to the file named by -o.
func writeOutput(cmd *cobra.Command, path string, render func(io.Writer) error) error {
	if path == "" || path == "-" {
		return render(cmd.OutOrStdout())
	}
	return atomicfile.Write(path, 0o644, render)
}

// checkFormat rejects a --format value the command does not support.
func checkFormat(format string, allowed ...string) error {
	if !slices.Contains(allowed, format) {
		return usageError(fmt.Errorf("unknown format %q (want one of %v)", format, allowed))
	}
	return nil
}

// workingDir is the directory commands run in.
func workingDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	return wd
}
