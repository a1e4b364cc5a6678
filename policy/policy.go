// Package policy loads sdl.yaml, the one policy file of a project: its
// security requirements, bug bar, phase gates and scan settings. Loading is
// strict: an unknown key, a wrong type or a bad value is an error naming
// file:line:column, checked against the JSON Schema that `sdl policy
// schema` prints.
package policy

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"sync"

	"github.com/sdlkit/sdlkit/internal/policyfile"
	"github.com/sdlkit/sdlkit/internal/yamlschema"
)

// MaxBytes is the largest policy file read: thousands of exceptions fit in
// a fraction of it.
const MaxBytes = 16 << 20

// DefaultFile is the name of the policy file at a module's root.
const DefaultFile = policyfile.Name

//go:embed schema.json
var schemaJSON []byte

var compiled = sync.OnceValues(func() (*yamlschema.Schema, error) {
	return yamlschema.Compile("sdl.schema.json", schemaJSON)
})

// Schema returns the JSON Schema of sdl.yaml.
func Schema() []byte { return schemaJSON }

// Policy is a loaded sdl.yaml.
type Policy struct {
	Version      int           `yaml:"version"`
	Requirements []Requirement `yaml:"requirements"`
	Bugbar       Bugbar        `yaml:"bugbar"`
	Gates        Gates         `yaml:"gates"`
	Exceptions   []Exception   `yaml:"exceptions"`
	SLA          SLA           `yaml:"sla"`
	Design       Design        `yaml:"design"`
	Scan         Scan          `yaml:"scan"`
	Vulndb       Vulndb        `yaml:"vulndb"`
	// Taint are the custom taint rules (docs/taint.md).
	Taint []TaintRule `yaml:"taint"`

	// File is the path the policy was read from ("" for the default
	// policy) and Digest the SHA-256 of its bytes.
	File   string `yaml:"-"`
	Digest string `yaml:"-"`

	doc *yamlschema.Document
}

// Scan holds the implementation phase's settings.
type Scan struct {
	// Include, when not empty, runs only these rules.
	Include []string `yaml:"include"`
	// Exclude never runs these rules.
	Exclude []string `yaml:"exclude"`
	// Tests scans _test.go files too.
	Tests bool `yaml:"tests"`
	// Options are per-rule settings keyed by rule ID.
	Options map[string]map[string]any `yaml:"options"`
}

// Vulnerability database modes.
const (
	// VulndbAuto queries the OSV service and falls back to the local
	// database when the service cannot be reached, saying so.
	VulndbAuto = "auto"
	// VulndbOnline queries the OSV service only.
	VulndbOnline = "online"
	// VulndbOffline uses the local database only.
	VulndbOffline = "offline"
)

// Vulndb says which vulnerability database the dependency scan uses.
type Vulndb struct {
	// Mode is VulndbAuto (the default), VulndbOnline or VulndbOffline.
	Mode string `yaml:"mode"`
	// Dir is the local database's directory, relative to the policy
	// file; empty: $SDL_VULNDB or the user cache directory.
	Dir string `yaml:"dir"`
	// MaxAgeDays fails a scan whose local database is older than this
	// many days (default 30).
	MaxAgeDays int `yaml:"maxAgeDays"`
}

// DefaultVulndbMaxAgeDays is how old a local database may be by default.
const DefaultVulndbMaxAgeDays = 30

// VulndbDir returns the configured database directory resolved against
// the policy file's directory, or "" when none is configured.
func (p *Policy) VulndbDir() string {
	if p.Vulndb.Dir == "" {
		return ""
	}
	if filepath.IsAbs(p.Vulndb.Dir) || p.File == "" {
		return p.Vulndb.Dir
	}
	return filepath.Join(filepath.Dir(p.File), p.Vulndb.Dir)
}

//go:embed defaults.yaml
var defaultsYAML []byte

// DefaultsYAML returns the shipped policy as YAML, as `sdl init` writes it.
func DefaultsYAML() []byte { return defaultsYAML }

var defaults = sync.OnceValues(func() (*Policy, error) {
	schema, err := compiled()
	if err != nil {
		return nil, err
	}
	p := &Policy{}
	if _, err := schema.Load("defaults.yaml", defaultsYAML, p); err != nil {
		return nil, fmt.Errorf("the shipped policy is invalid: %w", err)
	}
	return p, nil
})

// Default returns the policy used when a project has no sdl.yaml: the
// shipped bug bar, gates and SLAs.
func Default() *Policy {
	d, err := defaults()
	if err != nil {
		panic(err) // embedded and tested
	}
	p := &Policy{Version: 1}
	p.fill(d)
	sum := sha256.Sum256(defaultsYAML)
	p.Digest = "sha256:" + hex.EncodeToString(sum[:])
	return p
}

// fill takes from d every section p leaves out.
func (p *Policy) fill(d *Policy) {
	if p.Bugbar.Default == "" && p.Bugbar.Classify == nil {
		p.Bugbar.Classify = d.Bugbar.Classify
	}
	if p.Bugbar.Default == "" {
		p.Bugbar.Default = d.Bugbar.Default
	}
	if p.Bugbar.ExpiryWarningDays == nil {
		p.Bugbar.ExpiryWarningDays = d.Bugbar.ExpiryWarningDays
	}
	for _, g := range []struct{ dst, src **Gate }{
		{&p.Gates.Design, &d.Gates.Design},
		{&p.Gates.Implementation, &d.Gates.Implementation},
		{&p.Gates.Verification, &d.Gates.Verification},
		{&p.Gates.Release, &d.Gates.Release},
	} {
		if *g.dst == nil {
			*g.dst = *g.src
		}
	}
	for _, l := range []struct {
		dst *int
		src int
	}{
		{&p.SLA.Critical, d.SLA.Critical},
		{&p.SLA.Important, d.SLA.Important},
		{&p.SLA.Moderate, d.SLA.Moderate},
		{&p.SLA.Low, d.SLA.Low},
	} {
		if *l.dst == 0 {
			*l.dst = l.src
		}
	}
	for i := range p.Exceptions {
		p.Exceptions[i].Index = i
	}
	if p.Vulndb.Mode == "" {
		p.Vulndb.Mode = VulndbAuto
	}
	if p.Vulndb.MaxAgeDays == 0 {
		p.Vulndb.MaxAgeDays = DefaultVulndbMaxAgeDays
	}
	if p.Design.ThreatModel == "" {
		p.Design.ThreatModel = "threatmodel.yaml"
	}
	if p.Design.FreshnessDays == nil {
		days := 30
		p.Design.FreshnessDays = &days
	}
}

// Gate returns the gate of a phase ("design", "implementation",
// "verification" or "release").
func (p *Policy) Gate(phase string) (*Gate, error) {
	switch phase {
	case "design":
		return p.Gates.Design, nil
	case "implementation":
		return p.Gates.Implementation, nil
	case "verification":
		return p.Gates.Verification, nil
	case "release":
		return p.Gates.Release, nil
	}
	return nil, fmt.Errorf("unknown phase %q (want design, implementation, verification or release)", phase)
}

// Where returns "file:line:col" of the value at a JSON pointer such as
// "/exceptions/2", or the file name alone when it is unknown.
func (p *Policy) Where(ptr string) string {
	file := p.File
	if file == "" {
		file = DefaultFile + " (defaults)"
	}
	if p.doc != nil {
		if line, col := p.doc.Position(ptr); line > 0 {
			return fmt.Sprintf("%s:%d:%d", file, line, col)
		}
	}
	return file
}

// Load reads and validates the policy at path.
func Load(path string) (*Policy, error) {
	data, err := yamlschema.ReadFile(path, MaxBytes)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse validates and decodes policy data; file names it in errors.
func Parse(file string, data []byte) (*Policy, error) {
	schema, err := compiled()
	if err != nil {
		return nil, err
	}
	p := &Policy{}
	doc, err := schema.Load(file, data, p)
	if err != nil {
		return nil, err
	}
	d, err := defaults()
	if err != nil {
		return nil, err
	}
	p.fill(d)
	sum := sha256.Sum256(data)
	p.File, p.Digest, p.doc = file, "sha256:"+hex.EncodeToString(sum[:]), doc
	if err := p.checkTaint(); err != nil {
		return nil, err
	}
	if err := p.checkBaselines(); err != nil {
		return nil, err
	}
	return p, nil
}

// checkBaselines requires every gate's baseline to be a path inside the
// repository: sdl gate --update-baseline writes it, and a policy from the
// repository must not make sdl write elsewhere. A file outside is given
// with --baseline.
func (p *Policy) checkBaselines() error {
	var errs yamlschema.Errors
	for _, phase := range Phases {
		g, _ := p.Gate(phase)
		if g == nil || g.Baseline == "" || filepath.IsLocal(filepath.FromSlash(g.Baseline)) {
			continue
		}
		errs = append(errs, p.errorAt("/gates/"+phase+"/baseline", fmt.Sprintf("baseline %q leaves the repository: give a relative path inside it (sdl gate --update-baseline writes it), or --baseline for a file elsewhere", g.Baseline)))
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// Find returns the policy file for a directory: sdl.yaml in dir or in the
// nearest parent, stopping at the directory that holds go.mod. It returns
// "" when there is none.
func Find(dir string) (string, error) { return policyfile.Find(dir) }

// ErrorAt returns an error positioned at the value the JSON pointer ptr
// names (for example "/scan/exclude/2"), for problems found after loading,
// such as a rule ID that does not exist.
func (p *Policy) ErrorAt(ptr, msg string) error {
	return yamlschema.Errors{p.errorAt(ptr, msg)}
}

// errorAt is one error positioned at the value ptr names.
func (p *Policy) errorAt(ptr, msg string) yamlschema.Error {
	e := yamlschema.Error{File: p.File, Message: msg}
	if p.doc != nil {
		e.Line, e.Column = p.doc.Position(ptr)
	}
	if e.File == "" {
		e.File = DefaultFile
	}
	return e
}

// CheckRules reports, with positions, every rule named in the scan
// settings that known (the built-in rules) does not accept, and every
// custom taint rule whose ID known accepts. The scan settings may name
// custom taint rules in include and exclude, not in options.
func (p *Policy) CheckRules(known func(string) bool) error {
	var errs yamlschema.Errors
	for i, r := range p.Taint {
		if known(r.ID) {
			errs = append(errs, p.errorAt("/taint/"+strconv.Itoa(i)+"/id", fmt.Sprintf("taint rule id %q is a built-in rule's; choose a team prefix such as X- or ACME-", r.ID)))
		}
	}
	isKnown := func(id string) bool { return known(id) || p.TaintRuleID(id) }
	add := func(ptr, id string) {
		if !isKnown(id) {
			errs = append(errs, p.errorAt(ptr, fmt.Sprintf("unknown rule %q; `sdl rules` lists the rules", id)))
		}
	}
	for i, id := range p.Scan.Include {
		add("/scan/include/"+strconv.Itoa(i), id)
	}
	for i, id := range p.Scan.Exclude {
		add("/scan/exclude/"+strconv.Itoa(i), id)
	}
	isKnown = known
	for _, id := range slices.Sorted(maps.Keys(p.Scan.Options)) {
		add("/scan/options/"+id, id)
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}
