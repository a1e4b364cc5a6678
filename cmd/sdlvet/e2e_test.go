package main_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sdlkit/sdlkit/internal/sampletest"
)

// buildTool builds sdlvet and, beside it, sdlvet-worker into a temporary
// directory.
func buildTool(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command("go", "build", "-o", dir, ".", "../sdlvet-worker")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building sdlvet: %v\n%s", err, out)
	}
	return filepath.Join(dir, "sdlvet")
}

type key struct {
	file string
	line string
	rule string
}

// TestVetMatchesScan runs go vet -vettool=sdlvet over the sample service and
// checks it reports exactly the unsuppressed findings of sdl scan's golden
// SARIF.
func TestVetMatchesScan(t *testing.T) {
	bin := buildTool(t)
	dir := sampletest.Dir(t)
	cmd := exec.Command("go", "vet", "-vettool="+bin, "./...")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("go vet passed, want findings:\n%s", out)
	}
	diag := regexp.MustCompile(`^(?:\./)?([^:\s]+\.go):(\d+):\d+: ([A-Z]+\d+): `)
	var got []key
	for _, line := range strings.Split(string(out), "\n") {
		if m := diag.FindStringSubmatch(line); m != nil {
			got = append(got, key{"testdata/sample/" + m[1], m[2], m[3]})
		}
	}
	want := goldenFindings(t)
	slices.SortFunc(got, compareKeys)
	got = slices.Compact(got)
	if !slices.Equal(got, want) {
		t.Errorf("go vet reported\n%v\nsdl scan reported\n%v\nvet output:\n%s", got, want, out)
	}
}

// TestVetFixDiff checks that go vet -fix -diff shows our suggested fixes.
func TestVetFixDiff(t *testing.T) {
	bin := buildTool(t)
	dir := sampletest.Dir(t)
	before, err := os.ReadFile(filepath.Join(dir, "transit", "transit.go"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "vet", "-vettool="+bin, "-fix", "-diff", "./transit/", "./dos/")
	cmd.Dir = dir
	out, _ := cmd.CombinedOutput()
	for _, want := range []string{
		"+		TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12, Certificates: certs},",
		"+	return &http.Client{Timeout: 30 * time.Second}",
		"+	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the diff lacks %q:\n%s", want, out)
		}
	}
	// -diff must not touch the files.
	after, err := os.ReadFile(filepath.Join(dir, "transit", "transit.go"))
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Error("go vet -fix -diff changed transit.go")
	}
}

// goldenFindings reads the unsuppressed results of the scan golden file.
func goldenFindings(t *testing.T) []key {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "sdl", "testdata", "sample.sarif.golden"))
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Suppressions []any `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	var out []key
	for _, r := range log.Runs[0].Results {
		if len(r.Suppressions) > 0 {
			continue
		}
		loc := r.Locations[0].PhysicalLocation
		out = append(out, key{loc.ArtifactLocation.URI, strconv.Itoa(loc.Region.StartLine), r.RuleID})
	}
	slices.SortFunc(out, compareKeys)
	return slices.Compact(out)
}

func compareKeys(a, b key) int {
	return strings.Compare(a.file+"\x00"+a.line+"\x00"+a.rule, b.file+"\x00"+b.line+"\x00"+b.rule)
}

// TestMissingWorker checks that sdlvet fails closed, naming what to
// install, when it cannot find sdlvet-worker.
func TestMissingWorker(t *testing.T) {
	bin := buildTool(t)
	os.Remove(filepath.Join(filepath.Dir(bin), "sdlvet-worker"))
	t.Setenv("PATH", filepath.Dir(bin))
	t.Setenv("SDLVET_WORKER", "")
	out, err := exec.Command(bin, "-flags").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "sdlvet-worker not found") {
		t.Errorf("err = %v, output %q", err, out)
	}
}
