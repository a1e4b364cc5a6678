//go:build !unix

package vetfront

import (
	"errors"
	"os"
	"os/exec"
)

// execWorker runs the worker and exits with its status.
func execWorker(worker string, args []string) error {
	cmd := exec.Command(worker, args...) //sdl:ignore G204,G702 -- sdlkit's own worker, given go vet's arguments
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		os.Exit(ee.ExitCode())
	}
	if err != nil {
		return err
	}
	os.Exit(0)
	return nil
}
