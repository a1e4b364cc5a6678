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

func TestLastChange(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	write := func(p, s string) {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), []byte(s), 0o644)
	}
	commit := func(when string) {
		cmd := exec.Command("git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-a", "-m", "c")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+when, "GIT_COMMITTER_DATE="+when, "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("commit: %v\n%s", err, out)
		}
	}
	write("internal/api/h.go", "package api\n")
	write("internal/api/sub/s.go", "package sub\n")
	write("docs/x.md", "x\n")
	git(t, dir, "add", ".")
	commit("2026-01-01T00:00:00Z")
	write("internal/api/sub/s.go", "package sub // changed\n")
	commit("2026-02-01T00:00:00Z")
	write("docs/x.md", "changed\n")
	commit("2026-03-01T00:00:00Z")

	for _, tc := range []struct {
		patterns []string
		want     string
	}{
		{[]string{"./internal/api/..."}, "2026-02-01"},
		{[]string{"./internal/api"}, "2026-01-01"},
		{[]string{"./cmd/..."}, ""},
	} {
		got, err := LastChange(dir, tc.patterns)
		if err != nil {
			t.Fatal(err)
		}
		s := ""
		if !got.IsZero() {
			s = got.Format("2006-01-02")
		}
		if s != tc.want {
			t.Errorf("LastChange(%v) = %q, want %q", tc.patterns, s, tc.want)
		}
	}
}
