// Package gitrepo reads what sdlkit needs from a Git repository. The root
// and the commit HEAD names come from the files under .git, without running
// git: running git in a repository being scanned could run its configured
// commands (core.fsmonitor, for example). Only history (when code last
// changed) needs git itself, which is run with that monitor disabled.
package gitrepo

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Root returns the nearest directory at or above dir holding .git, or ""
// when there is none.
func Root(dir string) (string, error) {
	d, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", nil
		}
		d = parent
	}
}

// gitDir returns the git directory of a work tree (following a .git file
// for worktrees and submodules) and the common directory holding refs.
func gitDir(root string) (dir, common string, err error) {
	dot := filepath.Join(root, ".git")
	st, err := os.Stat(dot)
	if err != nil {
		return "", "", err
	}
	dir = dot
	if !st.IsDir() {
		data, err := os.ReadFile(dot) //sdl:ignore G304 -- the repository's own .git file
		if err != nil {
			return "", "", err
		}
		p, ok := strings.CutPrefix(strings.TrimSpace(string(data)), "gitdir: ")
		if !ok {
			return "", "", fmt.Errorf("%s: not a gitdir file", dot)
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(root, p)
		}
		dir = p
	}
	common = dir
	if data, err := os.ReadFile(filepath.Join(dir, "commondir")); err == nil { //sdl:ignore G304 -- inside the git directory
		c := strings.TrimSpace(string(data))
		if !filepath.IsAbs(c) {
			c = filepath.Join(dir, c)
		}
		common = c
	}
	return dir, common, nil
}

// Head returns the commit HEAD points at in the repository at root.
func Head(root string) (string, error) {
	dir, common, err := gitDir(root)
	if err != nil {
		return "", fmt.Errorf("reading HEAD: %w", err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "HEAD")) //sdl:ignore G304 -- inside the git directory
	if err != nil {
		return "", fmt.Errorf("reading HEAD: %w", err)
	}
	head := strings.TrimSpace(string(data))
	for i := 0; i < 5; i++ {
		ref, ok := strings.CutPrefix(head, "ref: ")
		if !ok {
			if !isHash(head) {
				return "", fmt.Errorf("HEAD holds %q, not a commit", head)
			}
			return head, nil
		}
		if head, err = resolveRef(dir, common, ref); err != nil {
			return "", err
		}
	}
	return "", errors.New("reading HEAD: too many symbolic references")
}

func resolveRef(dir, common, ref string) (string, error) {
	if strings.Contains(ref, "..") {
		return "", fmt.Errorf("bad ref %q", ref)
	}
	for _, d := range []string{dir, common} {
		if data, err := os.ReadFile(filepath.Join(d, filepath.FromSlash(ref))); err == nil { //sdl:ignore G304 -- a ref inside the git directory
			return strings.TrimSpace(string(data)), nil
		}
	}
	f, err := os.Open(filepath.Join(common, "packed-refs")) //sdl:ignore G304 -- inside the git directory
	if err != nil {
		return "", fmt.Errorf("reading %s: ref not found", ref)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		hash, name, ok := strings.Cut(sc.Text(), " ")
		if ok && name == ref && isHash(hash) {
			return hash, nil
		}
	}
	return "", fmt.Errorf("reading %s: ref not found", ref)
}

func isHash(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// LastChange returns when the last commit that changed Go files under the
// given package patterns ("./internal/api/..." or "./cmd/tool") was made,
// or the zero time when none did. It runs git log with the repository's
// file-system monitor disabled (the one configured command log could run);
// log neither checks out nor runs hooks.
func LastChange(root string, patterns []string) (time.Time, error) {
	args := []string{"-C", root, "-c", "core.fsmonitor=false", "log", "-1", "--format=%ct", "--"}
	for _, p := range patterns {
		p = strings.TrimPrefix(filepath.ToSlash(p), "./")
		if rest, ok := strings.CutSuffix(p, "/..."); ok {
			args = append(args, ":(glob)"+path.Join(rest, "**", "*.go"))
		} else if p == "..." {
			args = append(args, ":(glob)**/*.go")
		} else {
			args = append(args, ":(glob)"+path.Join(p, "*.go"))
		}
	}
	cmd := exec.Command("git", args...) //sdl:ignore G204 -- git log over paths from the threat model, no shell
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0")
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) && len(ee.Stderr) > 0 {
			return time.Time{}, fmt.Errorf("git log: %s", strings.TrimSpace(string(ee.Stderr)))
		}
		return time.Time{}, fmt.Errorf("git log: %w", err)
	}
	s := strings.TrimSpace(string(out))
	if s == "" {
		return time.Time{}, nil
	}
	secs, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("git log: unexpected output %q", s)
	}
	return time.Unix(secs, 0).UTC(), nil
}
