//go:build unix

package vetfront

import (
	"os"
	"syscall"
)

// execWorker replaces this process with the worker, so go vet sees the
// worker's output and exit status directly.
func execWorker(worker string, args []string) error {
	return syscall.Exec(worker, append([]string{worker}, args...), os.Environ()) //sdl:ignore G204,G702 -- sdlkit's own worker, given go vet's arguments
}
