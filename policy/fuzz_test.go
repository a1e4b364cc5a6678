package policy

import (
	"errors"
	"testing"

	"github.com/sdlkit/sdlkit/internal/yamlschema"
)

// FuzzParse checks that no input makes the policy loader panic, and that
// every rejection is a positioned yamlschema error.
func FuzzParse(f *testing.F) {
	f.Add(defaultsYAML)
	for _, s := range []string{
		"version: 1\n",
		"version: 1\nscan: {exclude: [G104]}\n",
		"version: 1\nexceptions:\n  - id: X\n    scope: {rule: G1*}\n    justification: because of reasons\n    approver: a\n    expires: 2026-01-01\n",
		"version: 1\nbugbar: {classify: [{match: {cwe: [89]}, level: critical}]}\n",
		"a: &x [*x]\n",
		"version: 1\nversion: 1\n",
		"[[[[[[[[]]]]]]]]",
		"version: 1\ntaint: [{id: X-A, level: low, message: m, useBuiltinSources: false, sources: [{package: p, type: T}], sinks: [{package: p, receiver: S, method: Q, args: [1]}]}]\n",
		"version: 1\ntaint: [{id: X-A, level: low, message: m, sinks: [{package: p}]}, {id: x-a, level: low, message: m, sinks: [{package: p, function: F}]}]\n",
		"version: 1\ngates: {release: {max: {critical: -1}}}\n",
		"version: 1\nsla: {critical: 1e400}\n",
		"version: 1\nexceptions: [{id: X, scope: {path: '['}, justification: '0123456789', approver: a, expires: 2026-02-30}]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("sdl.yaml", data)
		if err != nil {
			var es yamlschema.Errors
			if !errors.As(err, &es) {
				t.Fatalf("error %T is not positioned: %v", err, err)
			}
			return
		}
		for _, phase := range Phases {
			if g, err := p.Gate(phase); err != nil || g == nil {
				t.Fatalf("a valid policy has no %s gate: %v", phase, err)
			}
		}
	})
}
