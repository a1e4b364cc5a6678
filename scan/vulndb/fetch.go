package vulndb

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// EnvDir is the environment variable that, when set, names the default
// database directory (see DefaultDir).
const EnvDir = "SDL_VULNDB"

// DefaultDir returns the directory where `sdl vulndb update` puts the
// database when none is given: $SDL_VULNDB when it is set and not empty,
// else the sdlkit/vulndb directory under os.UserCacheDir.
func DefaultDir() (string, error) {
	if dir := os.Getenv(EnvDir); dir != "" {
		return dir, nil
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("vulndb: default directory (set %s to choose one): %w", EnvDir, err)
	}
	return filepath.Join(cache, "sdlkit", "vulndb"), nil
}

// modDownload is the part of `go mod download -json` output that Fetch uses.
type modDownload struct {
	Path    string
	Version string
	Error   string
	Dir     string
}

// Fetch downloads the golang.org/x/vulndb module at version ("" means
// "latest") through the Go module proxy, with `go mod download -json`, and
// returns the directory of the module in the module cache (its records are
// in data/osv, ready for Build) and the module version.
//
// The go command runs in a new empty temporary directory, so it never reads
// or changes a user's go.mod, with the caller's environment (so GOPROXY,
// GOMODCACHE, GONOSUMDB and the like apply) except that GOFLAGS is set to
// -mod=mod, GOWORK to off and GO111MODULE to on. The download is checked
// against the checksum database as usual. This is the only step of the
// package that uses the network.
func Fetch(ctx context.Context, version string) (srcDir, modVersion string, err error) {
	if version == "" {
		version = "latest"
	}
	if strings.ContainsAny(version, " \t\r\n@") || strings.HasPrefix(version, "-") {
		return "", "", fmt.Errorf("vulndb: fetch: invalid version %q", version)
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		return "", "", fmt.Errorf("vulndb: fetch: find the go command: %w", err)
	}
	tmp, err := os.MkdirTemp("", "sdlkit-vulndb-fetch-")
	if err != nil {
		return "", "", fmt.Errorf("vulndb: fetch: %w", err)
	}
	defer os.RemoveAll(tmp)

	query := ModulePath + "@" + version
	//sdl:ignore G204 -- the go command from PATH, downloading golang.org/x/vulndb at a version checked above; no shell
	cmd := exec.CommandContext(ctx, goBin, "mod", "download", "-json", query)
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GO111MODULE=on")
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	runErr := cmd.Run()

	// On failure the go command still prints a JSON object whose Error
	// field says what went wrong.
	var out modDownload
	decErr := json.Unmarshal(stdout.Bytes(), &out)
	switch {
	case decErr == nil && out.Error != "":
		return "", "", fmt.Errorf("vulndb: fetch %s: %s", query, out.Error)
	case runErr != nil:
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = strings.TrimSpace(stdout.String())
		}
		return "", "", fmt.Errorf("vulndb: fetch %s: go mod download: %w: %s", query, runErr, msg)
	case decErr != nil:
		return "", "", fmt.Errorf("vulndb: fetch %s: decode go mod download output: %w", query, decErr)
	case out.Dir == "" || out.Version == "":
		return "", "", fmt.Errorf("vulndb: fetch %s: go mod download reported no directory or version", query)
	}
	if fi, err := os.Stat(filepath.Join(out.Dir, "data", "osv")); err != nil || !fi.IsDir() {
		if err == nil {
			err = errors.New("not a directory")
		}
		return "", "", fmt.Errorf("vulndb: fetch %s: module at %s has no data/osv records: %w", query, out.Dir, err)
	}
	return out.Dir, out.Version, nil
}
