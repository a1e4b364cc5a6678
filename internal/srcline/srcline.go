// Package srcline reads single source lines of a repository for
// fingerprints, safely: files are opened through an os.Root, so a path
// from a SARIF file can never reach outside the repository (no "..", no
// absolute paths, no symbolic links out), and each file is read once.
package srcline

import (
	"bytes"
	"io"
	"os"
	"sync"

	"github.com/sdlkit/sdlkit/finding"
)

// maxFile is the largest file read; longer files give no context.
const maxFile = 8 << 20

// Reader returns normalised source lines.
type Reader struct {
	root  *os.Root
	mu    sync.Mutex
	files map[string][][]byte // path -> lines (nil: unreadable)
}

// Open returns a Reader for the repository at dir.
func Open(dir string) (*Reader, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &Reader{root: r, files: map[string][][]byte{}}, nil
}

// Close releases the root.
func (r *Reader) Close() error { return r.root.Close() }

// Line returns the normalised text of a 1-based line of a
// repository-relative path, or "" when it cannot be read.
func (r *Reader) Line(path string, line int) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	lines, ok := r.files[path]
	if !ok {
		lines = r.read(path)
		r.files[path] = lines
	}
	if line < 1 || line > len(lines) {
		return ""
	}
	return finding.NormalizeContext(string(lines[line-1]))
}

func (r *Reader) read(path string) [][]byte {
	f, err := r.root.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err != nil || len(data) > maxFile {
		return nil
	}
	return bytes.Split(data, []byte("\n"))
}
