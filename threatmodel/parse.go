package threatmodel

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"sync"

	"github.com/sdlkit/sdlkit/internal/yamlschema"
)

//go:embed schema.json
var schemaJSON []byte

var compiled = sync.OnceValues(func() (*yamlschema.Schema, error) {
	return yamlschema.Compile("threatmodel.schema.json", schemaJSON)
})

// Schema returns the JSON Schema of threatmodel.yaml.
func Schema() []byte { return schemaJSON }

// MaxBytes is the largest threat model read: a model of 5,000 elements,
// 20,000 flows and 50,000 threats takes about 14 MB. Parsing YAML takes
// some 30 times a file's size in memory, so the bound is what keeps memory
// bounded.
const MaxBytes = 32 << 20

// Load reads and validates the threat model at path.
func Load(path string) (*Model, error) {
	data, err := yamlschema.ReadFile(path, MaxBytes)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse validates a threat model against its schema (errors name
// file:line:column) and decodes it. It does not run the design gates.
func Parse(file string, data []byte) (*Model, error) {
	schema, err := compiled()
	if err != nil {
		return nil, err
	}
	m := &Model{}
	doc, err := schema.Load(file, data, m)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	m.File, m.Digest = file, "sha256:"+hex.EncodeToString(sum[:])
	m.where = doc.Position
	for i := range m.Elements {
		m.Elements[i].Index = i
	}
	for i := range m.Flows {
		m.Flows[i].Index = i
	}
	for i := range m.Threats {
		m.Threats[i].Index = i
	}
	return m, nil
}
