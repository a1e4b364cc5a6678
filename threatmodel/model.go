// Package threatmodel is the design phase: a system's threat model as YAML
// (threatmodel.yaml, versioned and strict, described by a JSON Schema),
// parsed with the position of every value; the design gates it must pass,
// each a rule whose findings go through the bug bar like any other;
// STRIDE per element; and data-flow diagrams.
package threatmodel

import (
	"github.com/sdlkit/sdlkit/policy"
)

// DefaultFile is the threat model's file name beside the code.
const DefaultFile = "threatmodel.yaml"

// Model is a parsed threat model.
type Model struct {
	Version    int         `yaml:"version"`
	System     System      `yaml:"system"`
	Reviewed   policy.Date `yaml:"reviewed"`
	Assets     []Asset     `yaml:"assets"`
	Elements   []Element   `yaml:"elements"`
	Boundaries []Boundary  `yaml:"boundaries"`
	Flows      []Flow      `yaml:"flows"`
	Threats    []Threat    `yaml:"threats"`

	// File is the path the model was read from and Digest the SHA-256 of
	// its bytes.
	File   string `yaml:"-"`
	Digest string `yaml:"-"`

	where func(ptr string) (line, col int)
}

// System describes what is modelled.
type System struct {
	Name        string `yaml:"name"`
	Owner       string `yaml:"owner"`
	Description string `yaml:"description"`
}

// Classification levels of data, least to most sensitive.
const (
	Public       = "public"
	Internal     = "internal"
	Confidential = "confidential"
	Restricted   = "restricted"
)

// Asset is a kind of data the system handles.
type Asset struct {
	ID             string `yaml:"id"`
	Name           string `yaml:"name"`
	Classification string `yaml:"classification"`
	PersonalData   bool   `yaml:"personalData"`
}

// Element kinds, as the Microsoft Threat Modeling Tool's data-flow
// diagrams have them.
const (
	Process  = "process"
	Store    = "store"
	External = "external"
)

// Element is a process, a data store or an external entity.
type Element struct {
	ID   string `yaml:"id"`
	Kind string `yaml:"kind"`
	Name string `yaml:"name"`
	// Type refines an external entity: user, identity-provider,
	// third-party (or any word).
	Type        string `yaml:"type"`
	Owner       string `yaml:"owner"`
	Description string `yaml:"description"`
	// Exposure is internet or internal.
	Exposure string  `yaml:"exposure"`
	Tenancy  Tenancy `yaml:"tenancy"`
	// Authentication is how the element authenticates its callers: oidc,
	// mtls, managed-identity, api-key, none.
	Authentication policy.StringList `yaml:"authentication"`
	Authorization  Authorization     `yaml:"authorization"`
	AuditLogging   bool              `yaml:"auditLogging"`
	// Assets are the data the element processes or stores.
	Assets []string `yaml:"assets"`
	// Code lists the Go package paths that implement it ("./internal/api/...").
	Code []string `yaml:"code"`

	// For stores.
	EncryptionAtRest EncryptionAtRest `yaml:"encryptionAtRest"`
	Backups          bool             `yaml:"backups"`

	// Index is the element's position in the list.
	Index int `yaml:"-"`
}

// Tenancy says whether an element serves one tenant or many, and how
// tenants are kept apart.
type Tenancy struct {
	Mode      string `yaml:"mode"` // single or multi
	Isolation string `yaml:"isolation"`
}

// Authorization names the authorization model and its roles.
type Authorization struct {
	Model string   `yaml:"model"` // rbac, abac, acl, none
	Roles []string `yaml:"roles"`
}

// EncryptionAtRest describes a store's encryption.
type EncryptionAtRest struct {
	Enabled bool `yaml:"enabled"`
	// KeyManagement is service-managed or customer-managed.
	KeyManagement string `yaml:"keyManagement"`
}

// Boundary is a trust boundary and the elements inside it.
type Boundary struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Elements []string `yaml:"elements"`
}

// Flow is a data flow between two elements.
type Flow struct {
	ID       string   `yaml:"id"`
	From     string   `yaml:"from"`
	To       string   `yaml:"to"`
	Protocol string   `yaml:"protocol"`
	Assets   []string `yaml:"assets"`
	// Encryption in transit: tls1.2, tls1.3, mtls or none.
	Encryption string `yaml:"encryption"`
	// Authentication of the sender: oidc, mtls, managed-identity,
	// api-key, none.
	Authentication string `yaml:"authentication"`

	Index int `yaml:"-"`
}

// STRIDE categories.
const (
	Spoofing              = "spoofing"
	Tampering             = "tampering"
	Repudiation           = "repudiation"
	InformationDisclosure = "information-disclosure"
	DenialOfService       = "denial-of-service"
	ElevationOfPrivilege  = "elevation-of-privilege"
)

// Categories are the STRIDE categories in order.
var Categories = []string{Spoofing, Tampering, Repudiation, InformationDisclosure, DenialOfService, ElevationOfPrivilege}

// Threat statuses.
const (
	Open          = "open"
	Mitigated     = "mitigated"
	Accepted      = "accepted"
	Transferred   = "transferred"
	NotApplicable = "not-applicable"
)

// Threat is one threat to an element or a flow.
type Threat struct {
	ID          string `yaml:"id"`
	Title       string `yaml:"title"`
	Category    string `yaml:"category"`
	Target      string `yaml:"target"`
	Description string `yaml:"description"`
	// Level is the bug-bar level: critical, important, moderate, low.
	Level  string `yaml:"level"`
	Status string `yaml:"status"`
	// Reason explains a not-applicable or transferred threat.
	Reason      string       `yaml:"reason"`
	Mitigations []Mitigation `yaml:"mitigations"`
	Acceptance  *Acceptance  `yaml:"acceptance"`

	Index int `yaml:"-"`
}

// Mitigation is what reduces a threat, and what enforces it: "rule:SDL101",
// "test:example.com/pkg:TestName", "requirement:REQ-1".
type Mitigation struct {
	Text       string   `yaml:"text"`
	References []string `yaml:"references"`
}

// Acceptance records who accepted a threat, why, and until when.
type Acceptance struct {
	Approver      string      `yaml:"approver"`
	Justification string      `yaml:"justification"`
	Expires       policy.Date `yaml:"expires"`
}

// Where returns the line and column of the value at a JSON pointer of the
// model's file ("/flows/3/encryption"), or of its nearest ancestor.
func (m *Model) Where(ptr string) (int, int) {
	if m.where == nil {
		return 0, 0
	}
	return m.where(ptr)
}
