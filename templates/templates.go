// Package templates holds the starter files `sdl init` writes into a
// project, embedded in the binary so that init works offline.
//
// The threat models under threatmodel/ are complete examples of
// threatmodel.yaml for common kinds of systems; each passes every design
// gate with no findings, so a project starts from a model that validates
// and changes it to describe its own system.
//
// The workflows under workflows/ run sdl's phases in GitHub Actions; see
// MonitorWorkflow.
package templates

import (
	"bytes"
	"embed"
	"path"
	"strings"
)

//go:embed threatmodel/*.yaml
var threatModels embed.FS

// ThreatModels returns the starter threat models by name ("webapi",
// "saas", "cicd": the file name without .yaml) with their contents. The
// map and its byte slices are the caller's to keep or change.
func ThreatModels() map[string][]byte {
	entries, err := threatModels.ReadDir("threatmodel")
	if err != nil {
		panic(err) // embedded: the directory exists
	}
	out := make(map[string][]byte, len(entries))
	for _, e := range entries {
		data, err := threatModels.ReadFile(path.Join("threatmodel", e.Name()))
		if err != nil {
			panic(err) // embedded: the file exists
		}
		out[strings.TrimSuffix(e.Name(), ".yaml")] = data
	}
	return out
}

//go:embed workflows/sdl-monitor.yml
var monitorWorkflow []byte

//go:embed workflows/sdl.yml
var ciWorkflow []byte

// CIWorkflow returns the GitHub Actions workflow that gates every change,
// for .github/workflows/sdl.yml: the design gate, sdl scan with the
// implementation gate, SARIF to code scanning, evidence kept as an
// artifact. The bytes are the caller's to keep or change.
func CIWorkflow() []byte { return bytes.Clone(ciWorkflow) }

// MonitorWorkflow returns the GitHub Actions workflow of the response
// phase, for .github/workflows/sdl-monitor.yml: daily and on demand, it
// runs sdl monitor over the latest release tag against a freshly updated
// offline vulnerability database, uploads the SARIF to code scanning and,
// when a fix deadline has passed or the check cannot run, opens or
// updates an issue. The bytes are the caller's to keep or change.
func MonitorWorkflow() []byte { return bytes.Clone(monitorWorkflow) }

//go:embed SECURITY.md
var securityPolicy []byte

// SecurityPolicy returns a starter SECURITY.md, the response plan: how to
// report a vulnerability, the supported versions and the response times.
// Its contact is a placeholder that sdl check rejects until it is
// replaced. The bytes are the caller's to keep or change.
func SecurityPolicy() []byte { return bytes.Clone(securityPolicy) }
