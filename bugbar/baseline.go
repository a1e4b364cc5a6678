package bugbar

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"

	"github.com/sdlkit/sdlkit/internal/atomicfile"
	"github.com/sdlkit/sdlkit/policy"
)

// DefaultBaseline is where the baseline lives unless a gate names another.
const DefaultBaseline = ".sdl/baseline.json"

// BaselineEntry records one known finding and when it was first seen.
type BaselineEntry struct {
	Fingerprint string      `json:"fingerprint"`
	Tool        string      `json:"tool"`
	Rule        string      `json:"rule"`
	Path        string      `json:"path,omitempty"`
	FirstSeen   policy.Date `json:"firstSeen"`
}

// Baseline is the set of findings a project has accepted as known, keyed
// by fingerprint, committed by the project so that only new findings break
// a build.
type Baseline struct {
	Entries map[string]BaselineEntry
}

// baselineFile is the file format.
type baselineFile struct {
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`
}

// LoadBaseline reads a baseline file. A missing file is an empty baseline.
func LoadBaseline(path string) (*Baseline, error) {
	//sdl:ignore G304 -- the baseline file named by the policy or the command line
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Baseline{Entries: map[string]BaselineEntry{}}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	var bf baselineFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&bf); err != nil {
		return nil, fmt.Errorf("%s: not a baseline: %w", path, err)
	}
	if bf.Version != 1 {
		return nil, fmt.Errorf("%s: baseline version %d is not supported", path, bf.Version)
	}
	b := &Baseline{Entries: make(map[string]BaselineEntry, len(bf.Findings))}
	for i, e := range bf.Findings {
		if e.Fingerprint == "" || e.FirstSeen.IsZero() {
			return nil, fmt.Errorf("%s: findings[%d] needs a fingerprint and a firstSeen date", path, i)
		}
		b.Entries[e.Fingerprint] = e
	}
	return b, nil
}

// Updated returns the baseline of the current findings: every finding that
// is not suppressed in code, keeping the first-seen date of those already
// known and dating the others today.
func (b *Baseline) Updated(items []Item, today policy.Date) *Baseline {
	nb := &Baseline{Entries: make(map[string]BaselineEntry, len(items))}
	for i := range items {
		it := &items[i]
		if it.Status == StatusSuppressed {
			continue
		}
		f := it.Finding
		e, ok := b.Entries[f.Fingerprint]
		if !ok {
			e = BaselineEntry{Fingerprint: f.Fingerprint, FirstSeen: today}
		}
		e.Tool, e.Rule, e.Path = f.Tool, f.RuleID, f.Location.Path
		nb.Entries[f.Fingerprint] = e
	}
	return nb
}

// Write saves the baseline atomically, one finding per line, sorted by
// path, rule and fingerprint, so that it diffs well under version control.
func (b *Baseline) Write(path string) error {
	entries := make([]BaselineEntry, 0, len(b.Entries))
	for _, e := range b.Entries {
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(x, y BaselineEntry) int {
		return cmp.Or(cmp.Compare(x.Path, y.Path), cmp.Compare(x.Rule, y.Rule), cmp.Compare(x.Fingerprint, y.Fingerprint))
	})
	if err := os.MkdirAll(dirOf(path), 0o755); err != nil {
		return fmt.Errorf("writing baseline: %w", err)
	}
	return atomicfile.Write(path, 0o644, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		fmt.Fprintf(bw, "{\n  \"version\": 1,\n  \"findings\": [")
		for i, e := range entries {
			line, err := json.Marshal(e)
			if err != nil {
				return err
			}
			if i > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString("\n    ")
			bw.Write(line)
		}
		if len(entries) > 0 {
			bw.WriteString("\n  ")
		}
		bw.WriteString("]\n}\n")
		return bw.Flush()
	})
}

func dirOf(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if os.IsPathSeparator(path[i]) {
			return path[:i]
		}
	}
	return "."
}

// Keys returns the fingerprints, sorted (for tests and reports).
func (b *Baseline) Keys() []string {
	out := make([]string, 0, len(b.Entries))
	for k := range b.Entries {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
