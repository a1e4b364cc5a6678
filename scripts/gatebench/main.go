// Command gatebench generates the inputs of the gate benchmark and times a
// bare encoding/json decode of a file, the yardstick the gate is compared
// with. scripts/bench-gate.sh drives it.
//
//	gatebench gen DIR      write DIR/results.sarif (1,000,000 results, 100
//	                       rules, 10,000 files) and DIR/sdl.yaml (1,000
//	                       exceptions, a new-only implementation gate)
//	gatebench decode FILE  decode FILE with encoding/json into an any
//	gatebench struct FILE  decode FILE with encoding/json into SARIF structs
//	gatebench halve FILE   keep every other entry of a baseline file
package main

//sdl:file-ignore G104,G304,G306,G404,SDL904 -- a benchmark generator: deterministic pseudo-random data written to the files its operator names

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
)

const (
	results = 1_000_000
	rules   = 100
	files   = 10_000
	excepts = 1_000
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gatebench gen DIR | decode FILE | struct FILE")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "gen":
		err = gen(os.Args[2])
	case "decode":
		err = decode(os.Args[2], new(any))
	case "struct":
		err = decode(os.Args[2], new(sarifLog))
	case "halve":
		err = halve(os.Args[2])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gatebench:", err)
		os.Exit(1)
	}
}

func path(i int) string { return fmt.Sprintf("internal/pkg%03d/file%02d.go", i/100, i%100) }

func gen(dir string) error {
	rng := rand.New(rand.NewPCG(1, 2))
	f, err := os.Create(filepath.Join(dir, "results.sarif"))
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	levels := []string{"error", "warning", "note"}
	fmt.Fprint(w, `{"version":"2.1.0","$schema":"https://json.schemastore.org/sarif-2.1.0.json","runs":[{"tool":{"driver":{"name":"benchtool","version":"1.0","rules":[`)
	for r := 0; r < rules; r++ {
		if r > 0 {
			w.WriteByte(',')
		}
		sev := fmt.Sprintf("%.1f", float64(r%10)+0.5)
		fmt.Fprintf(w, `{"id":"R%03d","name":"Rule%03d","shortDescription":{"text":"Rule %d"},"defaultConfiguration":{"level":%q},"properties":{"tags":["security","external/cwe/cwe-%d"],"security-severity":%q}}`,
			r, r, r, levels[r%3], 20+r, sev)
	}
	fmt.Fprint(w, `]}},"results":[`)
	for i := 0; i < results; i++ {
		if i > 0 {
			w.WriteByte(',')
		}
		r := rng.IntN(rules)
		p := rng.IntN(files)
		line := 1 + rng.IntN(500)
		fmt.Fprintf(w, `{"ruleId":"R%03d","ruleIndex":%d,"level":%q,"message":{"text":"Finding %d of rule %d in function handler%d"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":%q,"uriBaseId":"%%SRCROOT%%"},"region":{"startLine":%d,"startColumn":%d,"endLine":%d,"endColumn":%d}}}]}`,
			r, r, levels[r%3], i, r, rng.IntN(50), path(p), line, 1+rng.IntN(40), line, 41+rng.IntN(40))
	}
	fmt.Fprint(w, `]}]}`)
	if err := w.Flush(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}

	pf, err := os.Create(filepath.Join(dir, "sdl.yaml"))
	if err != nil {
		return err
	}
	pw := bufio.NewWriter(pf)
	fmt.Fprint(pw, "version: 1\ngates:\n  implementation:\n    max: {critical: 0, important: 0}\n    newOnly: true\n    baseline: baseline.json\nsla: {critical: 100000, important: 100000, moderate: 100000, low: 100000}\nexceptions:\n")
	for i := 0; i < excepts; i++ {
		fmt.Fprintf(pw, "  - id: EX-%04d\n", i)
		switch i % 4 {
		case 0: // a rule in one file
			fmt.Fprintf(pw, "    scope: {rule: R%03d, path: %q}\n", rng.IntN(rules), path(rng.IntN(files)))
		case 1: // a rule in a package
			fmt.Fprintf(pw, "    scope: {tool: benchtool, rule: R%03d, path: \"internal/pkg%03d/**\"}\n", rng.IntN(rules), rng.IntN(files/100))
		case 2: // a rule family in one file
			fmt.Fprintf(pw, "    scope: {rule: \"R0%d*\", path: %q}\n", rng.IntN(10), path(rng.IntN(files)))
		default: // a vulnerability id that matches nothing
			fmt.Fprintf(pw, "    scope: {osv: GHSA-%04d-xxxx-yyyy}\n", i)
		}
		fmt.Fprintf(pw, "    justification: accepted for the benchmark\n    approver: bench@example.com\n    expires: 2099-12-31\n")
	}
	if err := pw.Flush(); err != nil {
		return err
	}
	return pf.Close()
}

// halve keeps every other finding of a baseline file.
func halve(name string) error {
	var b struct {
		Version  int               `json:"version"`
		Findings []json.RawMessage `json:"findings"`
	}
	if err := decode(name, &b); err != nil {
		return err
	}
	kept := b.Findings[:0]
	for i, f := range b.Findings {
		if i%2 == 0 {
			kept = append(kept, f)
		}
	}
	b.Findings = kept
	data, err := json.Marshal(b)
	if err != nil {
		return err
	}
	return os.WriteFile(name, data, 0o644)
}

func decode(name string, v any) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return json.NewDecoder(bufio.NewReaderSize(f, 1<<20)).Decode(v)
}

// sarifLog is the part of SARIF a typed decode reads.
type sarifLog struct {
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID         string         `json:"id"`
					Properties map[string]any `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine, StartColumn, EndLine, EndColumn int
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}
