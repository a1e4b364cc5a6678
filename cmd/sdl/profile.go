package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// addProfiling adds hidden --cpuprofile and --memprofile flags, for
// reporting and investigating performance problems. The returned function
// finishes the profiles; it must run however the command ends.
func addProfiling(root *cobra.Command) (stop func() error) {
	var cpu, mem string
	var cpuFile *os.File
	f := root.PersistentFlags()
	f.StringVar(&cpu, "cpuprofile", "", "write a CPU profile to this file")
	f.StringVar(&mem, "memprofile", "", "write a heap profile to this file at exit")
	_ = f.MarkHidden("cpuprofile")
	_ = f.MarkHidden("memprofile")
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if cpu == "" {
			return nil
		}
		var err error
		//sdl:ignore G304 -- the profile file the user names
		if cpuFile, err = os.Create(cpu); err != nil {
			return usageError(err)
		}
		return pprof.StartCPUProfile(cpuFile)
	}
	return func() error {
		if cpuFile != nil {
			pprof.StopCPUProfile()
			if err := cpuFile.Close(); err != nil {
				return err
			}
		}
		if mem != "" {
			//sdl:ignore G304 -- the profile file the user names
			fm, err := os.Create(mem)
			if err != nil {
				return fmt.Errorf("memory profile: %w", err)
			}
			runtime.GC()
			if err := pprof.WriteHeapProfile(fm); err != nil {
				return err
			}
			return fm.Close()
		}
		return nil
	}
}
