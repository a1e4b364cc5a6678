package bugbar

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// ParseTestReport reads the output of `go test -json` and returns the
// tests that passed, as "package:TestName" (subtests count toward their
// top-level test only through it).
func ParseTestReport(name string, r io.Reader) (map[string]bool, error) {
	passed := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || text[0] != '{' {
			continue // go test prints build output as plain text
		}
		var ev struct {
			Action  string
			Package string
			Test    string
		}
		if err := json.Unmarshal([]byte(text), &ev); err != nil {
			return nil, fmt.Errorf("%s:%d: not go test -json output: %w", name, line, err)
		}
		if ev.Test == "" || strings.Contains(ev.Test, "/") {
			continue
		}
		key := ev.Package + ":" + ev.Test
		switch ev.Action {
		case "pass":
			passed[key] = true
		case "fail":
			delete(passed, key)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return passed, nil
}
