// Package yamlschema reads YAML documents strictly: it parses with
// go.yaml.in/yaml/v3 (which keeps the line and column of every node and
// rejects duplicate keys), validates the document against a JSON Schema with
// santhosh-tekuri/jsonschema, and reports every violation at the
// file:line:column of the offending key or value before decoding into Go
// types. The same schema is what `sdl policy schema` prints for editors.
//
// Large documents stay cheap: positions are looked up in the YAML tree
// only when an error needs one, the elements of top-level lists are
// validated one at a time (never the whole document converted at once),
// and validation runs beside decoding.
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
	"sync"

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
	// shell validates the root with the top-level lists' elements left
	// unchecked; items validates the elements of each such list.
	shell *jsonschema.Schema
	items map[string]*jsonschema.Schema
	raw   []byte
}

// Compile compiles a JSON Schema document (draft 2020-12 unless it says
// otherwise). Formats such as "date" are asserted.
func Compile(name string, schemaJSON []byte) (*Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	// The shell: the same schema with the items of top-level lists
	// accepted as they are; their schemas are compiled separately.
	var lists []string
	shellDoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	if root, ok := shellDoc.(map[string]any); ok {
		props, _ := root["properties"].(map[string]any)
		for k, v := range props {
			p, ok := v.(map[string]any)
			if !ok || p["type"] != "array" || p["items"] == nil || p["uniqueItems"] == true {
				continue
			}
			p["items"] = true
			lists = append(lists, k)
		}
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(name, doc); err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	if err := c.AddResource("shell/"+name, shellDoc); err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	s := &Schema{raw: schemaJSON, items: map[string]*jsonschema.Schema{}}
	if s.shell, err = c.Compile("shell/" + name); err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	for _, k := range lists {
		if s.items[k], err = c.Compile(name + "#/properties/" + escape(k) + "/items"); err != nil {
			return nil, fmt.Errorf("schema %s: %w", name, err)
		}
	}
	return s, nil
}

// JSON returns the schema document as compiled.
func (s *Schema) JSON() []byte { return s.raw }

// Document is a parsed YAML document.
type Document struct {
	File string
	Root *yaml.Node // the document's content (nil for an empty document)
}

// find returns the node at a JSON pointer, the key node naming it (nil
// for array elements and the root), and whether it exists.
func (d *Document) find(ptr string) (val, key *yaml.Node, ok bool) {
	n := d.Root
	if n == nil {
		return nil, nil, false
	}
	if ptr == "" {
		return n, nil, true
	}
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch n.Kind {
		case yaml.MappingNode:
			found := false
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == tok {
					key, n, found = n.Content[i], n.Content[i+1], true
					break
				}
			}
			if !found {
				return nil, nil, false
			}
		case yaml.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n.Content) {
				return nil, nil, false
			}
			key, n = nil, n.Content[i]
		default:
			return nil, nil, false
		}
	}
	return n, key, true
}

// Position returns the line and column of the value at a JSON pointer, or
// of its nearest ancestor that exists.
func (d *Document) Position(ptr string) (int, int) {
	for {
		if n, _, ok := d.find(ptr); ok {
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
	if _, key, ok := d.find(ptr); ok && key != nil {
		return key.Line, key.Column
	}
	return d.Position(ptr)
}

// ReadFile reads a document of at most limit bytes (at most MaxBytes),
// without reading more of a larger file than that.
func ReadFile(path string, limit int64) ([]byte, error) {
	if limit <= 0 || limit > MaxBytes {
		limit = MaxBytes
	}
	//sdl:ignore G304 -- reading the file the user names is the point
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, Errors{{File: path, Message: fmt.Sprintf("file is larger than the %d MB allowed", limit>>20)}}
	}
	return data, nil
}

// Parse reads one YAML document and checks what JSON cannot express:
// anchors, aliases and merge keys are refused (no alias bombs), keys must
// be plain strings and unique, nesting is bounded. An empty document is an
// error.
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
	d := &Document{File: file}
	if len(root.Content) > 0 {
		d.Root = root.Content[0]
	}
	if err := d.check(d.Root, 0); err != nil {
		return nil, err
	}
	return d, nil
}

// check walks the tree for what JSON cannot express.
func (d *Document) check(n *yaml.Node, depth int) error {
	if n == nil {
		return nil
	}
	at := func(n *yaml.Node, msg string) error {
		return Errors{{File: d.File, Line: n.Line, Column: n.Column, Message: msg}}
	}
	if depth > maxDepth {
		return at(n, fmt.Sprintf("nesting deeper than %d levels", maxDepth))
	}
	switch {
	case n.Kind == yaml.AliasNode:
		return at(n, "YAML aliases (*name) are not allowed")
	case n.Anchor != "":
		return at(n, "YAML anchors (&name) are not allowed")
	}
	switch n.Kind {
	case yaml.MappingNode:
		seen := make(map[string]bool, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode || k.Anchor != "" || (k.Tag != "!!str" && k.Tag != "!!int" && k.Tag != "!!bool" && k.Tag != "!!float" && k.Tag != "!!null" && k.Tag != "!!timestamp") {
				return at(k, "mapping keys must be plain strings")
			}
			if k.Value == "<<" {
				return at(k, "YAML merge keys (<<) are not allowed")
			}
			if seen[k.Value] {
				return at(k, fmt.Sprintf("duplicate key %q", k.Value))
			}
			seen[k.Value] = true
			if err := d.check(n.Content[i+1], depth+1); err != nil {
				return err
			}
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if err := d.check(c, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
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

// value converts a node into the JSON data model. Structure was checked
// by Parse.
func value(n *yaml.Node) any {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = value(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		s := make([]any, len(n.Content))
		for i, c := range n.Content {
			s[i] = value(c)
		}
		return s
	case yaml.ScalarNode:
		// Scalars are converted here, not with Node.Decode: the tree is
		// decoded into Go values concurrently and must only be read.
		switch n.ShortTag() {
		case "!!null":
			return nil
		case "!!bool":
			return strings.EqualFold(n.Value, "true")
		case "!!int":
			if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
				return json.Number(strconv.FormatInt(i, 10))
			}
			if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
				return json.Number(strconv.FormatFloat(f, 'f', -1, 64))
			}
		case "!!float":
			v := strings.ToLower(n.Value)
			if strings.HasSuffix(v, ".inf") || v == ".nan" {
				return n.Value // not a JSON number: the schema rejects it
			}
			if f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err == nil {
				return json.Number(strconv.FormatFloat(f, 'f', -1, 64))
			}
		}
		return n.Value // !!str, !!timestamp, !!binary and custom tags are strings
	}
	return nil
}

// shellValue converts the root, with the lists validated item by item
// replaced by lists of the same length (their elements stand-ins).
func (s *Schema) shellValue(n *yaml.Node) any {
	if n == nil || n.Kind != yaml.MappingNode || len(s.items) == 0 {
		return value(n)
	}
	m := make(map[string]any, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, n.Content[i+1]
		if _, streamed := s.items[k]; streamed && v.Kind == yaml.SequenceNode {
			m[k] = make([]any, len(v.Content))
			continue
		}
		m[k] = value(v)
	}
	return m
}

func escape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// Validate checks the document against the schema, returning Errors with
// positions.
func (s *Schema) Validate(d *Document) error {
	var out Errors
	p := message.NewPrinter(language.English)
	collect := func(prefix string, err error) {
		if err == nil {
			return
		}
		var ve *jsonschema.ValidationError
		if !errors.As(err, &ve) {
			out = append(out, Error{File: d.File, Message: err.Error()})
			return
		}
		s.errors(d, p, prefix, ve, &out)
	}
	collect("", s.shell.Validate(s.shellValue(d.Root)))
	if d.Root != nil && d.Root.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(d.Root.Content); i += 2 {
			k, list := d.Root.Content[i].Value, d.Root.Content[i+1]
			item, ok := s.items[k]
			if !ok || list.Kind != yaml.SequenceNode {
				continue
			}
			for j, n := range list.Content {
				collect("/"+escape(k)+"/"+strconv.Itoa(j), item.Validate(value(n)))
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	slices.SortStableFunc(out, func(a, b Error) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	})
	return slices.Compact(out)
}

// errors turns a validation error tree into positioned Errors.
func (s *Schema) errors(d *Document, p *message.Printer, prefix string, e *jsonschema.ValidationError, out *Errors) {
	if len(e.Causes) > 0 {
		for _, c := range e.Causes {
			s.errors(d, p, prefix, c, out)
		}
		return
	}
	ptr := prefix
	for _, t := range e.InstanceLocation {
		ptr += "/" + escape(t)
	}
	switch k := e.ErrorKind.(type) {
	case *kind.AdditionalProperties:
		for _, prop := range k.Properties {
			line, col := d.KeyPosition(ptr + "/" + escape(prop))
			*out = append(*out, Error{File: d.File, Line: line, Column: col, Message: fmt.Sprintf("unknown key %q%s", prop, where(ptr))})
		}
		return
	case *kind.Required:
		line, col := d.Position(ptr)
		*out = append(*out, Error{File: d.File, Line: line, Column: col, Message: fmt.Sprintf("missing required key %s%s", quoteAll(k.Missing), where(ptr))})
		return
	}
	line, col := d.Position(ptr)
	*out = append(*out, Error{File: d.File, Line: line, Column: col, Message: fmt.Sprintf("%s%s", e.ErrorKind.LocalizedString(p), where(ptr))})
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
// (with yaml.v3's rules, so v's fields carry yaml tags). Validation and
// decoding run side by side; v is only meaningful when Load succeeds.
func (s *Schema) Load(file string, data []byte, v any) (*Document, error) {
	d, err := Parse(file, data)
	if err != nil {
		return nil, err
	}
	if d.Root == nil {
		if err := s.Validate(d); err != nil {
			return nil, err
		}
		return d, nil
	}
	var (
		wg     sync.WaitGroup
		decErr error
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		decErr = d.Root.Decode(v) // reads the tree only
	}()
	valErr := s.Validate(d)
	wg.Wait()
	if valErr != nil {
		return nil, valErr
	}
	if decErr != nil {
		return nil, yamlError(file, decErr)
	}
	return d, nil
}
