package evidence

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWriteRead(t *testing.T) {
	root := t.TempDir()
	r := &Record{Phase: "verification", Decision: "PASSED", Commit: "abc", Tool: "sdl devel",
		Time:   time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC),
		Counts: map[string]Count{"critical": {Limit: 0}},
		Policy: Digest{Path: "sdl.yaml", Digest: "sha256:00"},
		Inputs: []Input{{Digest: Digest{Path: "gosec.sarif", Digest: "sha256:11"}, Tools: []string{"gosec"}}}}
	path, err := Write(root, r)
	if err != nil {
		t.Fatal(err)
	}
	if path != filepath.Join(root, ".sdl", "evidence", "verification.json") {
		t.Errorf("path = %s", path)
	}
	back, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if back.Commit != "abc" || back.Version != Version || back.Inputs[0].Tools[0] != "gosec" || !back.Time.Equal(r.Time) {
		t.Errorf("round trip: %+v", back)
	}
	os.WriteFile(path, []byte(`{"version":1,"phase":"x","surprise":true}`), 0o644)
	if _, err := Read(path); err == nil || !strings.Contains(err.Error(), "not an evidence record") {
		t.Errorf("unknown field accepted: %v", err)
	}
}

func TestDigest(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f")
	os.WriteFile(p, []byte("abc"), 0o644)
	d, err := FileDigest(p)
	if err != nil || d != "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("digest = %s, %v", d, err)
	}
}

// TestWriteStaysInRoot: a .sdl that is a symbolic link out of the
// repository is refused, and nothing is written where it points.
func TestWriteStaysInRoot(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	if err := os.Symlink(outside, filepath.Join(root, ".sdl")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if _, err := Write(root, &Record{Phase: "design", Decision: "PASSED"}); err == nil {
		t.Fatal("the evidence record was written through a link out of the repository")
	}
	entries, err := os.ReadDir(outside)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) > 0 {
		t.Errorf("written outside the repository: %v", entries)
	}
}
