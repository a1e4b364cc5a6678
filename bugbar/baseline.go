package bugbar

import (
	"bufio"
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
	// FirstSeen maps each fingerprint to the date it was first seen.
	FirstSeen map[string]policy.Date
	// meta holds the tool, rule and path of each entry, for writing; a
	// loaded baseline keeps only the dates.
	meta map[string]BaselineEntry
}

// Len is the number of findings in the baseline.
func (b *Baseline) Len() int { return len(b.FirstSeen) }

// LoadBaseline reads a baseline file, streaming its entries and keeping
// only fingerprints and dates. A missing file is an empty baseline.
func LoadBaseline(path string) (*Baseline, error) {
	b := &Baseline{FirstSeen: map[string]policy.Date{}}
	//sdl:ignore G304 -- the baseline file named by the policy or the command line
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return b, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	defer f.Close()
	bad := func(err error) error { return fmt.Errorf("%s: not a baseline: %w", path, err) }
	dec := json.NewDecoder(bufio.NewReaderSize(f, 1<<20))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, bad(fmt.Errorf("expected an object"))
	}
	version := 0
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, bad(err)
		}
		switch t {
		case "version":
			if err := dec.Decode(&version); err != nil {
				return nil, bad(err)
			}
		case "findings":
			if t, err := dec.Token(); err != nil || t != json.Delim('[') {
				return nil, bad(fmt.Errorf("findings: expected an array"))
			}
			for i := 0; dec.More(); i++ {
				var e BaselineEntry
				if err := dec.Decode(&e); err != nil {
					return nil, bad(fmt.Errorf("findings[%d]: %w", i, err))
				}
				if e.Fingerprint == "" || e.FirstSeen.IsZero() {
					return nil, fmt.Errorf("%s: findings[%d] needs a fingerprint and a firstSeen date", path, i)
				}
				b.FirstSeen[e.Fingerprint] = e.FirstSeen
			}
			if _, err := dec.Token(); err != nil {
				return nil, bad(err)
			}
		default:
			return nil, bad(fmt.Errorf("unknown key %v", t))
		}
	}
	if _, err := dec.Token(); err != nil {
		return nil, bad(err)
	}
	if version != 1 {
		return nil, fmt.Errorf("%s: baseline version %d is not supported", path, version)
	}
	return b, nil
}

// Updated returns the baseline of the current findings: every finding that
// is not suppressed in code, keeping the first-seen date of those already
// known and dating the others today.
func (b *Baseline) Updated(items []Item, today policy.Date) *Baseline {
	nb := &Baseline{FirstSeen: make(map[string]policy.Date, len(items)), meta: make(map[string]BaselineEntry, len(items))}
	for i := range items {
		it := &items[i]
		if it.Status == StatusSuppressed {
			continue
		}
		f := it.Finding
		first, ok := b.FirstSeen[f.Fingerprint]
		if !ok {
			first = today
		}
		nb.FirstSeen[f.Fingerprint] = first
		nb.meta[f.Fingerprint] = BaselineEntry{Fingerprint: f.Fingerprint, Tool: f.Tool, Rule: f.RuleID, Path: f.Location.Path, FirstSeen: first}
	}
	return nb
}

// Write saves the baseline atomically, one finding per line, sorted by
// path, rule and fingerprint, so that it diffs well under version control.
func (b *Baseline) Write(path string) error {
	entries := make([]BaselineEntry, 0, len(b.FirstSeen))
	for fp, first := range b.FirstSeen {
		e, ok := b.meta[fp]
		if !ok {
			e = BaselineEntry{Fingerprint: fp}
		}
		e.FirstSeen = first
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(x, y BaselineEntry) int {
		return cmp.Or(cmp.Compare(x.Path, y.Path), cmp.Compare(x.Rule, y.Rule), cmp.Compare(x.Fingerprint, y.Fingerprint))
	})
	if err := os.MkdirAll(dirOf(path), 0o750); err != nil {
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
				fmt.Fprint(bw, ",")
			}
			fmt.Fprintf(bw, "\n    %s", line)
		}
		if len(entries) > 0 {
			fmt.Fprint(bw, "\n  ")
		}
		fmt.Fprint(bw, "]\n}\n")
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
	out := make([]string, 0, len(b.FirstSeen))
	for k := range b.FirstSeen {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
