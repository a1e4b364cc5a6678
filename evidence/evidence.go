// Package evidence holds the record every gate run leaves: the phase, the
// decision, the counts, the commit, the digests of the policy and every
// input, the tool's version and the time. The release certification is
// built only from these records, never from re-running scans, and refuses
// records of another commit or policy.
package evidence

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/sdlkit/sdlkit/internal/atomicfile"
)

// Dir is where records are kept, relative to the repository root.
const Dir = ".sdl/evidence"

// Version is the record format's version.
const Version = 1

// Digest names a file by path and content.
type Digest struct {
	Path   string `json:"path"`
	Digest string `json:"digest"` // "sha256:..."
}

// Input is a file a gate read.
type Input struct {
	Digest
	// Tools are the tools whose runs the file holds.
	Tools []string `json:"tools,omitempty"`
	// Databases are the vulnerability databases the file's dependency
	// scans used, as their runs recorded them, by tool.
	Databases map[string]any `json:"databases,omitempty"`
}

// Count is the findings of one level.
type Count struct {
	New        int `json:"new"`
	Baselined  int `json:"baselined"`
	Excepted   int `json:"excepted"`
	Suppressed int `json:"suppressed"`
	Counted    int `json:"counted"`
	// Limit is the gate's maximum, -1 for none.
	Limit int `json:"limit"`
}

// Exception is an exception as the gate applied it.
type Exception struct {
	ID       string `json:"id"`
	State    string `json:"state"`
	Matches  int    `json:"matches"`
	Expires  string `json:"expires"`
	Approver string `json:"approver"`
	// Source is where an exception from outside the policy was written
	// ("osv-scanner.toml:3:1").
	Source string `json:"source,omitempty"`
}

// Record is one gate run's evidence.
type Record struct {
	Version  int    `json:"version"`
	Phase    string `json:"phase"`
	Decision string `json:"decision"`
	// Reasons say why the gate failed.
	Reasons  []string         `json:"reasons,omitempty"`
	Warnings []string         `json:"warnings,omitempty"`
	Counts   map[string]Count `json:"counts"`
	Overdue  int              `json:"overdue"`
	// Exceptions in the policy and what they did.
	Exceptions []Exception `json:"exceptions,omitempty"`
	// Commit is the commit the evidence is about.
	Commit string  `json:"commit"`
	Policy Digest  `json:"policy"`
	Inputs []Input `json:"inputs"`
	// Tool is "sdl <version>".
	Tool string    `json:"tool"`
	Time time.Time `json:"time"`
	// Details holds phase-specific facts, such as the vulnerability
	// database a dependency scan used.
	Details map[string]any `json:"details,omitempty"`
}

// FileName returns the record's file name within Dir: one per phase, the
// latest run's.
func FileName(phase string) string { return phase + ".json" }

// Write saves a record atomically under root/Dir, never outside root, and
// returns its path.
func Write(root string, r *Record) (string, error) {
	if r.Version == 0 {
		r.Version = Version
	}
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return "", fmt.Errorf("writing evidence: %w", err)
	}
	data = append(data, '\n')
	// Through the root: a .sdl that is a symbolic link out of the
	// repository is refused, not followed.
	rt, err := os.OpenRoot(root)
	if err != nil {
		return "", fmt.Errorf("writing evidence: %w", err)
	}
	defer rt.Close()
	name := filepath.Join(Dir, FileName(r.Phase))
	if err := atomicfile.WriteIn(rt, name, 0o644, data); err != nil {
		return "", fmt.Errorf("writing evidence: %w", err)
	}
	return filepath.Join(root, name), nil
}

// Read loads a record.
func Read(path string) (*Record, error) {
	//sdl:ignore G304 -- an evidence record the caller names
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading evidence: %w", err)
	}
	return Decode(path, bytes.NewReader(data))
}

// Decode parses a record strictly.
func Decode(name string, rd io.Reader) (*Record, error) {
	dec := json.NewDecoder(rd)
	dec.DisallowUnknownFields()
	var r Record
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("%s: not an evidence record: %w", name, err)
	}
	if r.Version != Version {
		return nil, fmt.Errorf("%s: evidence version %d is not supported", name, r.Version)
	}
	return &r, nil
}

// FileDigest returns the sha256 digest of a file's content.
func FileDigest(path string) (string, error) {
	//sdl:ignore G304 -- hashing a file the caller names
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	return ReaderDigest(f)
}

// ReaderDigest returns the sha256 digest of everything r yields.
func ReaderDigest(r io.Reader) (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", err
	}
	return "sha256:" + fmt.Sprintf("%x", h.Sum(nil)), nil
}
