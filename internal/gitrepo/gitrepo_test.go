package gitrepo

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

func TestHead(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	os.WriteFile(filepath.Join(dir, "a"), []byte("a"), 0o644)
	git(t, dir, "add", "a")
	git(t, dir, "commit", "-q", "-m", "one")
	want := git(t, dir, "rev-parse", "HEAD")

	sub := filepath.Join(dir, "x", "y")
	os.MkdirAll(sub, 0o755)
	root, err := Root(sub)
	if err != nil || root != dir {
		t.Fatalf("Root = %q, %v", root, err)
	}
	if got, err := Head(dir); err != nil || got != want {
		t.Errorf("Head = %q, %v; want %q", got, err, want)
	}
	// Packed refs.
	git(t, dir, "pack-refs", "--all")
	if got, err := Head(dir); err != nil || got != want {
		t.Errorf("Head after pack-refs = %q, %v", got, err)
	}
	// Detached HEAD.
	git(t, dir, "checkout", "-q", "--detach")
	if got, err := Head(dir); err != nil || got != want {
		t.Errorf("detached Head = %q, %v", got, err)
	}
	// A worktree (.git is a file).
	wt := filepath.Join(t.TempDir(), "wt")
	git(t, dir, "worktree", "add", "-q", wt, "main")
	if got, err := Head(wt); err != nil || got != want {
		t.Errorf("worktree Head = %q, %v", got, err)
	}
}
