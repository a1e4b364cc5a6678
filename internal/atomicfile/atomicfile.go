// Package atomicfile writes files so that readers see the old content or
// the new, never a partial write: the data goes to a temporary file in the
// same directory, is synced, and is renamed over the target.
package atomicfile

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write writes the output of fill to path atomically with the given mode
// (0o644 for reports, 0o600 for anything secret).
func Write(path string, mode os.FileMode, fill func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			// Best effort: the write already failed with a better error.
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err := finish(tmp, mode, fill); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// finish sets the temporary file's mode, fills it, syncs and closes it.
func finish(tmp *os.File, mode os.FileMode, fill func(io.Writer) error) error {
	if err := tmp.Chmod(mode); err != nil {
		return err
	}
	if err := fill(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	return tmp.Close()
}

// WriteBytes writes data to path atomically.
func WriteBytes(path string, mode os.FileMode, data []byte) error {
	return Write(path, mode, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteIn writes data to name, a path inside root, atomically with the
// given mode, creating its directories (mode 0o750). Every step goes
// through root, so a symbolic link or ".." in the repository cannot send
// the write outside it.
func WriteIn(root *os.Root, name string, mode os.FileMode, data []byte) (err error) {
	where := filepath.Join(root.Name(), name)
	if err := root.MkdirAll(filepath.Dir(name), 0o750); err != nil {
		return fmt.Errorf("writing %s: %w", where, err)
	}
	var suffix [8]byte
	if _, err := rand.Read(suffix[:]); err != nil {
		return fmt.Errorf("writing %s: %w", where, err)
	}
	tmpName := filepath.Join(filepath.Dir(name), "."+filepath.Base(name)+".tmp-"+hex.EncodeToString(suffix[:]))
	tmp, err := root.OpenFile(tmpName, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return fmt.Errorf("writing %s: %w", where, err)
	}
	defer func() {
		if err != nil {
			// Best effort: the write already failed with a better error.
			_ = tmp.Close()
			_ = root.Remove(tmpName)
		}
	}()
	if err := finish(tmp, mode, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}); err != nil {
		return fmt.Errorf("writing %s: %w", where, err)
	}
	if err := root.Rename(tmpName, name); err != nil {
		return fmt.Errorf("writing %s: %w", where, err)
	}
	return nil
}
