package srcline

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLine(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("TOP SECRET\n"), 0o644)
	os.MkdirAll(filepath.Join(root, "a"), 0o755)
	os.WriteFile(filepath.Join(root, "a", "x.go"), []byte("package a\n\n\tfoo(  1,\t2 )\n"), 0o644)
	os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(root, "link.txt"))
	r, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got := r.Line("a/x.go", 3); got != "foo( 1, 2 )" {
		t.Errorf("line = %q", got)
	}
	for _, p := range []string{"../" + filepath.Base(outside) + "/secret.txt", filepath.Join(outside, "secret.txt"), "link.txt"} {
		if got := r.Line(p, 1); got != "" {
			t.Errorf("Line(%q) read %q from outside the repository", p, got)
		}
	}
	if got := r.Line("a/x.go", 99); got != "" {
		t.Errorf("line past the end = %q", got)
	}
}
