package yamlschema

import (
	"errors"
	"strings"
	"testing"
)

const testSchema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "additionalProperties": false,
  "required": ["version"],
  "properties": {
    "version": {"const": 1},
    "name": {"type": "string"},
    "until": {"type": "string", "format": "date"},
    "items": {"type": "array", "items": {"type": "object", "additionalProperties": false,
      "properties": {"id": {"type": "string"}, "n": {"type": "integer"}}}}
  }
}`

type doc struct {
	Version int    `yaml:"version"`
	Name    string `yaml:"name"`
	Until   string `yaml:"until"`
	Items   []struct {
		ID string `yaml:"id"`
		N  int    `yaml:"n"`
	} `yaml:"items"`
}

func load(t *testing.T, src string) (*doc, error) {
	t.Helper()
	s, err := Compile("test.json", []byte(testSchema))
	if err != nil {
		t.Fatal(err)
	}
	var d doc
	_, err = s.Load("in.yaml", []byte(src), &d)
	return &d, err
}

func TestLoadValid(t *testing.T) {
	d, err := load(t, "version: 1\nname: x\nuntil: 2026-12-31\nitems:\n  - id: a\n    n: 3\n")
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "x" || d.Until != "2026-12-31" || len(d.Items) != 1 || d.Items[0].N != 3 {
		t.Errorf("decoded %+v", d)
	}
}

func TestErrorsHavePositions(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"unknown key", "version: 1\nnmae: x\n", `in.yaml:2:1: unknown key "nmae"`},
		{"nested unknown key", "version: 1\nitems:\n  - id: a\n    idd: b\n", `in.yaml:4:5: unknown key "idd" (at /items/0)`},
		{"wrong type", "version: 1\nitems:\n  - n: many\n", "in.yaml:3:8: got string, want integer (at /items/0/n)"},
		{"bad date", "version: 1\nuntil: 2026-13-45\n", "in.yaml:2:8: '2026-13-45' is not valid date"},
		{"missing required", "name: x\n", `in.yaml:1:1: missing required key "version"`},
		{"duplicate key", "version: 1\nname: a\nname: b\n", "in.yaml:3:1: "},
		{"alias", "version: 1\nname: &n x\n", "YAML anchors"},
		{"syntax", "version: 1\nname: [x\n", "in.yaml:"},
		{"empty", "", "in.yaml: file is empty"},
		{"two documents", "version: 1\n---\nversion: 1\n", "only one YAML document"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := load(t, tc.src)
			if err == nil {
				t.Fatal("no error")
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("error %T is not Errors: %v", err, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %q, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestDeepNestingIsAnError(t *testing.T) {
	src := "version: 1\nname: " + strings.Repeat("[", 300) + strings.Repeat("]", 300) + "\n"
	_, err := load(t, src)
	if err == nil || !strings.Contains(err.Error(), "nesting deeper") {
		t.Errorf("error = %v, want a nesting error", err)
	}
}
