package templates

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sdlkit/sdlkit/internal/atomicfile"
	"github.com/sdlkit/sdlkit/policy"
)

// DefaultThreatModel is the starter threat model Files uses by default.
const DefaultThreatModel = "webapi"

// Files returns what `sdl init` writes, by path relative to the
// repository root: the policy (sdl.yaml), a starter threat model (by
// name, see ThreatModels), the response plan (SECURITY.md) and the two
// workflows.
func Files(threatModel string) (map[string][]byte, error) {
	models := ThreatModels()
	tm, ok := models[threatModel]
	if !ok {
		names := make([]string, 0, len(models))
		for n := range models {
			names = append(names, n)
		}
		slices.Sort(names)
		return nil, fmt.Errorf("unknown threat model template %q (want one of %s)", threatModel, strings.Join(names, ", "))
	}
	return map[string][]byte{
		policy.DefaultFile:                  policy.DefaultsYAML(),
		"threatmodel.yaml":                  tm,
		"SECURITY.md":                       SecurityPolicy(),
		".github/workflows/sdl.yml":         CIWorkflow(),
		".github/workflows/sdl-monitor.yml": MonitorWorkflow(),
	}, nil
}

// ErrExists is returned by Write when files exist and force is false.
var ErrExists = errors.New("files exist")

// Write writes the files under root, each atomically (a temporary file
// renamed into place), and returns the paths written, sorted. Unless force
// is set it writes nothing when any of them exists, and returns an error
// wrapping ErrExists that names them: nothing a user wrote is overwritten
// without saying so.
func Write(root string, files map[string][]byte, force bool) ([]string, error) {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	if !force {
		var exist []string
		for _, p := range paths {
			if _, err := os.Lstat(filepath.Join(root, p)); err == nil {
				exist = append(exist, p)
			} else if !errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("init: %w", err)
			}
		}
		if len(exist) > 0 {
			return nil, fmt.Errorf("init: %w: %s (use --force to overwrite them)", ErrExists, strings.Join(exist, ", "))
		}
	}
	for _, p := range paths {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o750); err != nil {
			return nil, fmt.Errorf("init: %w", err)
		}
		if err := atomicfile.WriteBytes(full, 0o644, files[p]); err != nil {
			return nil, fmt.Errorf("init: write %s: %w", p, err)
		}
	}
	return paths, nil
}
