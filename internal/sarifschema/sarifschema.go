// Package sarifschema validates SARIF logs against the official SARIF
// 2.1.0 JSON Schema, for tests. The schema is the copy shipped in the gosec
// module (report/sarif/testdata/sarif-schema-2.1.0.json), found through the
// module cache, so no test touches the network.
package sarifschema

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// gosecModule is the module whose copy of the schema is used.
const gosecModule = "github.com/securego/gosec/v2"

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	// Run go list in this package's directory, inside our module, whatever
	// the test's working directory is.
	_, self, _, _ := runtime.Caller(0)
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", gosecModule)
	cmd.Dir = filepath.Dir(self)
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("locating %s: %w", gosecModule, err)
	}
	path := filepath.Join(strings.TrimSpace(string(out)), "report", "sarif", "testdata", "sarif-schema-2.1.0.json")
	//sdl:ignore G304 -- the schema file inside the gosec module directory go list reported
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		return nil, err
	}
	return c.Compile("sarif-schema-2.1.0.json")
})

// Validate checks a SARIF log against the SARIF 2.1.0 schema.
func Validate(log []byte) error {
	s, err := compiled()
	if err != nil {
		return err
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(log))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	return s.Validate(v)
}
