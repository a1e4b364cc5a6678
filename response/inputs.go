package response

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
	"golang.org/x/mod/modfile"
	"golang.org/x/mod/semver"
)

// maxInputSize bounds an SBOM, go.mod or go.sum read into memory.
const maxInputSize = 256 << 20

// workspace is the released inputs written into a temporary directory
// for the dependency scan, with what findings there point back to.
type workspace struct {
	dir string
	// modDir is dir when a go.mod was written there, else "".
	modDir    string
	lockfiles []string
	// display maps a file's name in dir to the path findings show.
	display map[string]string
	// lines maps a module to its line in the file findings show, for a
	// go.mod synthesized from a go.sum (whose lines the go.mod's are not).
	lines map[string]int
	// sbomTime is the SBOM's creation time, zero when it has none.
	sbomTime time.Time
	notes    []string
}

func newWorkspace() (*workspace, error) {
	dir, err := os.MkdirTemp("", "sdl-monitor-*")
	if err != nil {
		return nil, fmt.Errorf("monitor: %w", err)
	}
	return &workspace{dir: dir, display: map[string]string{}}, nil
}

func (w *workspace) remove() { _ = os.RemoveAll(w.dir) } // temporary copies: nothing to lose

func (w *workspace) write(name string, data []byte) error {
	if err := os.WriteFile(filepath.Join(w.dir, name), data, 0o600); err != nil {
		return fmt.Errorf("monitor: %w", err)
	}
	return nil
}

// readInput reads a file the user names, refusing one larger than
// maxInputSize unread.
func readInput(name string) ([]byte, error) {
	f, err := os.Open(name) //sdl:ignore G304 -- a release input the user names
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > maxInputSize {
		return nil, fmt.Errorf("%s: %d bytes, more than the %d allowed", name, st.Size(), maxInputSize)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxInputSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxInputSize {
		return nil, fmt.Errorf("%s: more than the %d bytes allowed", name, maxInputSize)
	}
	return data, nil
}

// addTag writes the go.mod (and go.sum) of the module at a tag.
func (w *workspace) addTag(ctx context.Context, root, moduleDir, commit, tag string) error {
	gomod := path.Join(moduleDir, "go.mod")
	mod, ok, err := fileAt(ctx, root, commit, gomod)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("tag %s has no %s", tag, gomod)
	}
	if err := w.write("go.mod", mod); err != nil {
		return err
	}
	w.display["go.mod"] = gomod
	sum, ok, err := fileAt(ctx, root, commit, path.Join(moduleDir, "go.sum"))
	if err != nil {
		return err
	}
	if ok {
		if err := w.write("go.sum", sum); err != nil {
			return err
		}
	}
	w.modDir = w.dir
	return nil
}

// addGoSum writes a go.mod describing a released go.sum. A go.mod beside
// the go.sum is used when the go.sum lists every version it requires (it
// is the go.sum's own go.mod); otherwise the go.mod is synthesized from
// the go.sum: each module at the highest version whose content (not only
// its go.mod) the go.sum holds, the version a build selects when the
// go.sum is tidy.
func (w *workspace) addGoSum(name, shown string) error {
	data, err := readInput(name)
	if err != nil {
		return err
	}
	sums, err := parseGoSum(shown, data)
	if err != nil {
		return err
	}
	beside := filepath.Join(filepath.Dir(name), "go.mod")
	if mod, err := readInput(beside); err == nil {
		missing := sums.missing(beside, mod)
		if missing == "" {
			if err := w.write("go.mod", mod); err != nil {
				return err
			}
			if err := w.write("go.sum", data); err != nil {
				return err
			}
			w.display["go.mod"] = path.Join(path.Dir(shown), "go.mod")
			w.modDir = w.dir
			w.notes = append(w.notes, fmt.Sprintf("scanned %s, the go.mod beside %s, which the go.sum covers", w.display["go.mod"], shown))
			return nil
		}
		w.notes = append(w.notes, fmt.Sprintf("the go.mod beside %s was not used: the go.sum does not list %s", shown, missing))
	}
	mod, lines, err := sums.synthesize()
	if err != nil {
		return fmt.Errorf("%s: %w", shown, err)
	}
	if err := w.write("go.mod", mod); err != nil {
		return err
	}
	w.display["go.mod"] = shown
	w.lines = lines
	w.modDir = w.dir
	w.notes = append(w.notes, fmt.Sprintf("%s: each module is taken at the highest version whose content the go.sum lists", shown))
	return nil
}

// goSum is what a go.sum lists: every module version, and per module the
// versions whose content (not only go.mod) it holds, with their lines.
type goSum struct {
	all     map[[2]string]bool
	content map[string]map[string]int
}

// parseGoSum reads go.sum lines "MODULE VERSION[/go.mod] HASH".
func parseGoSum(name string, data []byte) (*goSum, error) {
	s := &goSum{all: map[[2]string]bool{}, content: map[string]map[string]int{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: want MODULE VERSION HASH, have %q", name, n, line)
		}
		mod, version := f[0], f[1]
		v, goModOnly := strings.CutSuffix(version, "/go.mod")
		if !semver.IsValid(v) {
			return nil, fmt.Errorf("%s:%d: %q is not a module version", name, n, version)
		}
		s.all[[2]string{mod, v}] = true
		if goModOnly {
			continue
		}
		if s.content[mod] == nil {
			s.content[mod] = map[string]int{}
		}
		s.content[mod][v] = n
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return s, nil
}

// missing returns a module version that a go.mod requires and the go.sum
// does not list, or "" when it lists them all.
func (s *goSum) missing(name string, gomod []byte) string {
	f, err := modfile.ParseLax(name, gomod, nil)
	if err != nil {
		return "the modules of an unreadable go.mod (" + err.Error() + ")"
	}
	for _, r := range f.Require {
		if !s.all[[2]string{r.Mod.Path, r.Mod.Version}] {
			return r.Mod.Path + " " + r.Mod.Version
		}
	}
	return ""
}

// synthesize writes a go.mod requiring each module at the highest version
// whose content the go.sum lists, and returns the go.sum line of each.
func (s *goSum) synthesize() ([]byte, map[string]int, error) {
	if len(s.content) == 0 {
		return nil, nil, errors.New("the go.sum lists no module content: there is nothing to check")
	}
	mods := make([]string, 0, len(s.content))
	for m := range s.content {
		mods = append(mods, m)
	}
	slices.Sort(mods)
	f := &modfile.File{}
	if err := f.AddModuleStmt("sdl.monitor/release"); err != nil {
		return nil, nil, err
	}
	lines := map[string]int{}
	for _, m := range mods {
		best := ""
		for v := range s.content[m] {
			if best == "" || semver.Compare(v, best) > 0 || semver.Compare(v, best) == 0 && v > best {
				best = v
			}
		}
		f.AddNewRequire(m, best, false)
		lines[m] = s.content[m][best]
	}
	f.Cleanup()
	out, err := f.Format()
	if err != nil {
		return nil, nil, fmt.Errorf("writing a go.mod from the go.sum: %w", err)
	}
	return out, lines, nil
}

// addSBOM copies a CycloneDX or SPDX SBOM under the file name osv-scanner
// recognises its format by, and reads when it was made.
func (w *workspace) addSBOM(name, shown string) error {
	data, err := readInput(name)
	if err != nil {
		return err
	}
	ext, created, err := sniffSBOM(data)
	if err != nil {
		return fmt.Errorf("%s: %w", shown, err)
	}
	file := "release" + ext
	if err := w.write(file, data); err != nil {
		return err
	}
	w.lockfiles = append(w.lockfiles, filepath.Join(w.dir, file))
	w.display[file] = shown
	w.sbomTime = created
	return nil
}

// sniffSBOM tells an SBOM's format by its content, returning the file
// name suffix osv-scanner v2.5.0 reads that format by, and the creation
// time the SBOM records (CycloneDX metadata.timestamp, SPDX
// creationInfo.created), zero when it records none.
func sniffSBOM(data []byte) (ext string, created time.Time, err error) {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	switch {
	case bytes.HasPrefix(trimmed, []byte("{")):
		var doc struct {
			BOMFormat string `json:"bomFormat"`
			Metadata  struct {
				Timestamp string `json:"timestamp"`
			} `json:"metadata"`
			SPDXVersion  string `json:"spdxVersion"`
			CreationInfo struct {
				Created string `json:"created"`
			} `json:"creationInfo"`
		}
		if err := json.Unmarshal(trimmed, &doc); err != nil {
			return "", time.Time{}, fmt.Errorf("not a JSON SBOM: %w", err)
		}
		switch {
		case strings.EqualFold(doc.BOMFormat, "CycloneDX"):
			return ".cdx.json", parseTime(doc.Metadata.Timestamp), nil
		case doc.SPDXVersion != "":
			return ".spdx.json", parseTime(doc.CreationInfo.Created), nil
		}
	case bytes.HasPrefix(trimmed, []byte("<")):
		switch {
		case bytes.Contains(trimmed, []byte("cyclonedx.org/schema/bom")):
			var doc struct {
				Metadata struct {
					Timestamp string `xml:"timestamp"`
				} `xml:"metadata"`
			}
			if err := xml.Unmarshal(trimmed, &doc); err != nil {
				return "", time.Time{}, fmt.Errorf("not a CycloneDX XML SBOM: %w", err)
			}
			return ".cdx.xml", parseTime(doc.Metadata.Timestamp), nil
		case bytes.Contains(trimmed, []byte("spdx.org/rdf")):
			return ".spdx.rdf", time.Time{}, nil
		}
	case bytes.HasPrefix(trimmed, []byte("SPDXVersion:")) || bytes.Contains(trimmed, []byte("\nSPDXVersion:")):
		for _, line := range strings.Split(string(trimmed), "\n") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(line), "Created:"); ok {
				return ".spdx", parseTime(strings.TrimSpace(v)), nil
			}
		}
		return ".spdx", time.Time{}, nil
	case bytes.Contains(trimmed, []byte("spdxVersion:")):
		var doc struct {
			SPDXVersion  string `yaml:"spdxVersion"`
			CreationInfo struct {
				Created string `yaml:"created"`
			} `yaml:"creationInfo"`
		}
		if err := yaml.Unmarshal(trimmed, &doc); err == nil && doc.SPDXVersion != "" {
			return ".spdx.yml", parseTime(doc.CreationInfo.Created), nil
		}
	}
	return "", time.Time{}, errors.New("not a CycloneDX (JSON or XML) or SPDX (JSON, YAML, RDF or tag-value) SBOM")
}

// parseTime reads an RFC 3339 time or a YYYY-MM-DD date; zero otherwise.
func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}
