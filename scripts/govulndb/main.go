// Command govulndb writes the OSV records of an sdlkit vulnerability
// database (osv-scalibr/Go/all.zip) as a database govulncheck reads with
// -db file:///DIR (the layout of vuln.go.dev: index/db.json,
// index/modules.json, index/vulns.json and ID/<id>.json), so that the
// dependency benchmark can run govulncheck on the same data offline.
//
// Usage: go run ./scripts/govulndb SDL_DB_DIR OUT_DIR
package main

//sdl:file-ignore G301,G306,SDL904 -- a benchmark helper reading and writing the directories its operator names

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"
)

type affected struct {
	Package struct {
		Name string `json:"name"`
	} `json:"package"`
	Ranges []struct {
		Events []map[string]string `json:"events"`
	} `json:"ranges"`
}

type record struct {
	ID       string     `json:"id"`
	Modified time.Time  `json:"modified"`
	Aliases  []string   `json:"aliases"`
	Affected []affected `json:"affected"`
}

type modVuln struct {
	ID       string    `json:"id"`
	Modified time.Time `json:"modified"`
	Fixed    string    `json:"fixed,omitempty"`
}

type module struct {
	Path  string    `json:"path"`
	Vulns []modVuln `json:"vulns"`
}

type vulnEntry struct {
	ID       string    `json:"id"`
	Modified time.Time `json:"modified"`
	Aliases  []string  `json:"aliases,omitempty"`
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: govulndb SDL_DB_DIR OUT_DIR")
		os.Exit(2)
	}
	if err := convert(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "govulndb:", err)
		os.Exit(1)
	}
}

func convert(dbDir, out string) error {
	zr, err := zip.OpenReader(filepath.Join(dbDir, "osv-scalibr", "Go", "all.zip"))
	if err != nil {
		return err
	}
	defer zr.Close()
	if err := os.MkdirAll(filepath.Join(out, "index"), 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(out, "ID"), 0o755); err != nil {
		return err
	}
	// govulncheck wants real times; the module's records carry the zero
	// time as a placeholder.
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	mods := map[string]*module{}
	var vulns []vulnEntry
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(rc)
		_ = rc.Close()
		if err != nil {
			return err
		}
		var raw map[string]any
		if err := json.Unmarshal(data, &raw); err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		var r record
		if err := json.Unmarshal(data, &r); err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		if r.Modified.Year() < 2000 {
			r.Modified = stamp
			raw["modified"] = stamp.Format(time.RFC3339)
			if p, _ := raw["published"].(string); p == "" || p[:4] == "0001" {
				raw["published"] = stamp.Format(time.RFC3339)
			}
			if data, err = json.Marshal(raw); err != nil {
				return err
			}
		}
		if err := os.WriteFile(filepath.Join(out, "ID", r.ID+".json"), data, 0o644); err != nil {
			return err
		}
		vulns = append(vulns, vulnEntry{ID: r.ID, Modified: r.Modified, Aliases: r.Aliases})
		for _, a := range r.Affected {
			m := mods[a.Package.Name]
			if m == nil {
				m = &module{Path: a.Package.Name}
				mods[a.Package.Name] = m
			}
			fixed := ""
			for _, rg := range a.Ranges {
				for _, e := range rg.Events {
					if v := e["fixed"]; v != "" {
						fixed = v
					}
				}
			}
			m.Vulns = append(m.Vulns, modVuln{ID: r.ID, Modified: r.Modified, Fixed: fixed})
		}
	}
	sort.Slice(vulns, func(i, j int) bool { return vulns[i].ID < vulns[j].ID })
	var list []*module
	for _, m := range mods {
		list = append(list, m)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Path < list[j].Path })
	for name, v := range map[string]any{
		"db.json":      map[string]time.Time{"modified": stamp},
		"modules.json": list,
		"vulns.json":   vulns,
	} {
		data, err := json.Marshal(v)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, "index", name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
