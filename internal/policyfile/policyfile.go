// Package policyfile finds a project's sdl.yaml. It has no dependencies, so
// that small binaries (the go vet front end) can find the policy without
// linking the policy loader.
package policyfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Name is the policy file's name at a module's root.
const Name = "sdl.yaml"

// Find returns the policy file for a directory: sdl.yaml in dir or in the
// nearest parent, stopping at the directory that holds go.mod. It returns
// "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, Name)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("looking for %s: %w", Name, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}
