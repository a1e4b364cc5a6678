// Command sdl turns a Security Development Lifecycle into gates a pipeline
// enforces: one subcommand per phase, each usable alone in a CI step.
//
// Exit codes: 0 passed, 1 a gate or verification failed (for scan: there
// are unsuppressed findings), 2 the input or invocation is wrong.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/sdlkit/sdlkit/internal/version"
)

// Exit codes.
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
)

// exitError ends the command with a code; a nil err prints nothing.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageError marks an error as the user's input or invocation (exit 2).
func usageError(err error) error { return &exitError{code: exitUsage, err: err} }

// failed ends with exit 1 without a message: the output already says why.
func failed() error { return &exitError{code: exitFailed} }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	stopProfiles := addProfiling(root)
	root.SetArgs(args)
	err := root.Execute()
	if perr := stopProfiles(); perr != nil {
		fmt.Fprintf(stderr, "sdl: %v\n", perr)
	}
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(stderr, "sdl: %v\n", ee.err)
		}
		return ee.code
	}
	// Cobra's own errors are about flags and arguments.
	fmt.Fprintf(stderr, "sdl: %v\n", err)
	return exitUsage
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "sdl",
		Short:         "Security Development Lifecycle gates for Go services",
		Long:          "sdl checks each phase of a Security Development Lifecycle and leaves evidence:\nrules that explain themselves, a policy file, secure-coding scans, and gates.",
		Version:       version.String(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError(err) })
	root.AddCommand(newScanCmd(), newGateCmd(), newThreatModelCmd(), newRulesCmd(), newExplainCmd(), newPolicyCmd(), newVulndbCmd(), newCheckCmd())
	root.AddCommand(newMonitorCmd(), newInitCmd())
	return root
}
