// Package yamlschema reads YAML documents strictly: it parses with
// go.yaml.in/yaml/v3 (which keeps the line and column of every node and
// rejects duplicate keys), validates the document against a JSON Schema with
// santhosh-tekuri/jsonschema, and reports every violation at the
// file:line:column of the offending key or value before decoding into Go
// types. The same schema is what `sdl policy schema` prints for editors.
package yamlschema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// MaxBytes bounds the size of a document, so a huge file cannot exhaust
// memory.
const MaxBytes = 64 << 20

// maxDepth bounds nesting, so deeply nested input cannot exhaust the stack.
const maxDepth = 200

// Error is one problem at one place of a document.
type Error struct {
	File         string
	Line, Column int
	Message      string
}

func (e Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Message)
}

// Errors is the list of problems found in a document, in document order.
type Errors []Error

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Schema is a compiled JSON Schema.
type Schema struct {
	schema *jsonschema.Schema
	raw    []byte
}

// Compile compiles a JSON Schema document (draft 2020-12 unless it says
// otherwise). Formats such as "date" are asserted.
func Compile(name string, schemaJSON []byte) (*Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(name, doc); err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	s, err := c.Compile(name)
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	return &Schema{schema: s, raw: schemaJSON}, nil
}

// JSON returns the schema document as compiled.
func (s *Schema) JSON() []byte { return s.raw }

// Document is a parsed YAML document with the position of every value.
type Document struct {
	File  string
	Root  *yaml.Node
	Value any
	pos   map[string]*yaml.Node // JSON pointer -> value node
	keys  map[string]*yaml.Node // JSON pointer -> key node
}

// Position returns the line and column of the value at a JSON pointer, or
// of its nearest ancestor that exists.
func (d *Document) Position(ptr string) (int, int) {
	for {
		if n, ok := d.pos[ptr]; ok {
			return n.Line, n.Column
		}
		i := strings.LastIndexByte(ptr, '/')
		if i < 0 {
			return 0, 0
		}
		ptr = ptr[:i]
	}
}

// KeyPosition returns the position of the key naming the member at ptr,
// or of the value when there is no key (array elements, the root).
func (d *Document) KeyPosition(ptr string) (int, int) {
	if n, ok := d.keys[ptr]; ok {
		return n.Line, n.Column
	}
	return d.Position(ptr)
}

// Node returns the YAML node of the value at ptr.
func (d *Document) Node(ptr string) *yaml.Node { return d.pos[ptr] }

// ReadFile reads a document of at most MaxBytes, without reading more of
// a larger file than that.
func ReadFile(path string) ([]byte, error) {
	//sdl:ignore G304 -- reading the file the user names is the point
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if len(data) > MaxBytes {
		return nil, Errors{{File: path, Message: fmt.Sprintf("file is larger than the %d bytes allowed", MaxBytes)}}
	}
	return data, nil
}

// Parse reads one YAML document. An empty document is an error.
func Parse(file string, data []byte) (*Document, error) {
	if len(data) > MaxBytes {
		return nil, Errors{{File: file, Message: fmt.Sprintf("file is %d bytes, more than the %d allowed", len(data), MaxBytes)}}
	}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Errors{{File: file, Message: "file is empty"}}
		}
		return nil, yamlError(file, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, Errors{{File: file, Line: extra.Line, Column: extra.Column, Message: "only one YAML document is allowed"}}
	}
	d := &Document{File: file, Root: &root, pos: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}}
	v, err := d.convert(&root, "", 0)
	if err != nil {
		return nil, err
	}
	d.Value = v
	return d, nil
}

// yamlError turns a yaml.v3 error ("yaml: line 3: ...") into an Error.
func yamlError(file string, err error) error {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, after, ok := strings.Cut(rest, ": "); ok {
			if l, err := strconv.Atoi(n); err == nil {
				line, msg = l, after
			}
		}
	}
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = strings.Join(te.Errors, "; ")
	}
	col := 0
	if line > 0 {
		col = 1
	}
	return Errors{{File: file, Line: line, Column: col, Message: msg}}
}

// convert turns a node into the JSON data model, recording positions.
func (d *Document) convert(n *yaml.Node, ptr string, depth int) (any, error) {
	if depth > maxDepth {
		return nil, Errors{{File: d.File, Line: n.Line, Column: n.Column, Message: fmt.Sprintf("nesting deeper than %d levels", maxDepth)}}
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return d.convert(n.Content[0], ptr, depth+1)
	case yaml.AliasNode:
		return nil, Errors{{File: d.File, Line: n.Line, Column: n.Column, Message: "YAML aliases (*name) are not allowed"}}
	}
	if n.Anchor != "" {
		return nil, Errors{{File: d.File, Line: n.Line, Column: n.Column, Message: "YAML anchors (&name) are not allowed"}}
	}
	d.pos[ptr] = n
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode || (k.Tag != "!!str" && k.Tag != "!!int" && k.Tag != "!!bool" && k.Tag != "!!float" && k.Tag != "!!null" && k.Tag != "!!timestamp") {
				return nil, Errors{{File: d.File, Line: k.Line, Column: k.Column, Message: "mapping keys must be plain strings"}}
			}
			if k.Value == "<<" {
				return nil, Errors{{File: d.File, Line: k.Line, Column: k.Column, Message: "YAML merge keys (<<) are not allowed"}}
			}
			if _, dup := m[k.Value]; dup {
				return nil, Errors{{File: d.File, Line: k.Line, Column: k.Column, Message: fmt.Sprintf("duplicate key %q", k.Value)}}
			}
			child := ptr + "/" + escape(k.Value)
			d.keys[child] = k
			cv, err := d.convert(v, child, depth+1)
			if err != nil {
				return nil, err
			}
			m[k.Value] = cv
		}
		return m, nil
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for i, c := range n.Content {
			cv, err := d.convert(c, ptr+"/"+strconv.Itoa(i), depth+1)
			if err != nil {
				return nil, err
			}
			s = append(s, cv)
		}
		return s, nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil, nil
		case "!!bool":
			var b bool
			if err := n.Decode(&b); err != nil {
				return nil, Errors{{File: d.File, Line: n.Line, Column: n.Column, Message: err.Error()}}
			}
			return b, nil
		case "!!int", "!!float":
			var f float64
			if err := n.Decode(&f); err != nil {
				return nil, Errors{{File: d.File, Line: n.Line, Column: n.Column, Message: err.Error()}}
			}
			return json.Number(strconv.FormatFloat(f, 'f', -1, 64)), nil
		default: // !!str, !!timestamp, !!binary and custom tags are strings
			return n.Value, nil
		}
	}
	return nil, Errors{{File: d.File, Line: n.Line, Column: n.Column, Message: "unsupported YAML node"}}
}

func escape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// Validate checks the document against the schema, returning Errors with
// positions.
func (s *Schema) Validate(d *Document) error {
	err := s.schema.Validate(d.Value)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return Errors{{File: d.File, Message: err.Error()}}
	}
	var out Errors
	p := message.NewPrinter(language.English)
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		ptr := ""
		for _, t := range e.InstanceLocation {
			ptr += "/" + escape(t)
		}
		switch k := e.ErrorKind.(type) {
		case *kind.AdditionalProperties:
			for _, prop := range k.Properties {
				line, col := d.KeyPosition(ptr + "/" + escape(prop))
				out = append(out, Error{File: d.File, Line: line, Column: col, Message: fmt.Sprintf("unknown key %q%s", prop, where(ptr))})
			}
			return
		case *kind.Required:
			line, col := d.Position(ptr)
			out = append(out, Error{File: d.File, Line: line, Column: col, Message: fmt.Sprintf("missing required key %s%s", quoteAll(k.Missing), where(ptr))})
			return
		}
		line, col := d.Position(ptr)
		out = append(out, Error{File: d.File, Line: line, Column: col, Message: fmt.Sprintf("%s%s", e.ErrorKind.LocalizedString(p), where(ptr))})
	}
	walk(ve)
	slices.SortStableFunc(out, func(a, b Error) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	})
	return slices.Compact(out)
}

func where(ptr string) string {
	if ptr == "" {
		return ""
	}
	return " (at " + ptr + ")"
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// Load parses data, validates it against the schema and decodes it into v
// (with yaml.v3's rules, so v's fields carry yaml tags).
func (s *Schema) Load(file string, data []byte, v any) (*Document, error) {
	d, err := Parse(file, data)
	if err != nil {
		return nil, err
	}
	if err := s.Validate(d); err != nil {
		return nil, err
	}
	if d.Root.Kind == 0 {
		return d, nil
	}
	if err := d.Root.Decode(v); err != nil {
		return nil, yamlError(file, err)
	}
	return d, nil
}
