// Command tmbench generates the threat model of the design-phase benchmark
// and times a bare YAML decode of it, the yardstick validation is
// compared with. scripts/bench-threatmodel.sh drives it.
//
//	tmbench gen FILE      write a model of 5,000 elements, 20,000 flows and
//	                      50,000 threats
//	tmbench decode FILE   decode FILE with go.yaml.in/yaml/v3 into an any
package main

//sdl:file-ignore G304,G404,SDL904 -- a benchmark generator: deterministic pseudo-random data written to the files its operator names

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"

	"go.yaml.in/yaml/v3"
)

const (
	elements   = 5_000
	flows      = 20_000
	threats    = 50_000
	boundaries = 50
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: tmbench gen FILE | decode FILE")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "gen":
		err = gen(os.Args[2])
	case "decode":
		var data []byte
		if data, err = os.ReadFile(os.Args[2]); err == nil {
			var v any
			err = yaml.Unmarshal(data, &v)
		}
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "tmbench:", err)
		os.Exit(1)
	}
}

func gen(name string) error {
	rng := rand.New(rand.NewPCG(3, 4))
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	kinds := []string{"process", "store", "external"}
	cats := []string{"spoofing", "tampering", "repudiation", "information-disclosure", "denial-of-service", "elevation-of-privilege"}
	statuses := []string{"mitigated", "mitigated", "mitigated", "accepted", "not-applicable", "open"}
	fmt.Fprint(w, "version: 1\nsystem:\n  name: Generated system\n  owner: bench@example.com\n  description: A generated model for the benchmark.\nreviewed: 2026-11-01\nassets:\n")
	for i := 0; i < 20; i++ {
		cls := []string{"public", "internal", "confidential", "restricted"}[i%4]
		fmt.Fprintf(w, "  - id: asset-%d\n    name: Asset %d\n    classification: %s\n    personalData: %v\n", i, i, cls, i%3 == 0)
	}
	fmt.Fprint(w, "elements:\n")
	for i := 0; i < elements; i++ {
		k := kinds[i%3]
		fmt.Fprintf(w, "  - id: e%d\n    kind: %s\n    name: Element %d\n    owner: team-%d\n", i, k, i, i%40)
		switch k {
		case "process":
			exp := "internal"
			if i%10 == 0 {
				exp = "internet"
			}
			fmt.Fprintf(w, "    exposure: %s\n    authentication: [oidc, mtls]\n    authorization: {model: rbac, roles: [reader, writer, admin]}\n    auditLogging: true\n    tenancy: {mode: multi, isolation: tenant id on every query}\n    code: [./internal/svc%d/...]\n", exp, i)
		case "store":
			fmt.Fprintf(w, "    assets: [asset-%d, asset-%d]\n    encryptionAtRest: {enabled: true, keyManagement: customer-managed}\n    auditLogging: true\n    backups: true\n", i%20, (i+7)%20)
		default:
			fmt.Fprint(w, "    type: third-party\n")
		}
	}
	fmt.Fprint(w, "boundaries:\n")
	for b := 0; b < boundaries; b++ {
		fmt.Fprintf(w, "  - id: b%d\n    name: Boundary %d\n    elements: [", b, b)
		for i := b; i < elements; i += boundaries {
			if i > b {
				fmt.Fprint(w, ", ")
			}
			fmt.Fprintf(w, "e%d", i)
		}
		fmt.Fprint(w, "]\n")
	}
	fmt.Fprint(w, "flows:\n")
	for i := 0; i < flows; i++ {
		from, to := rng.IntN(elements), rng.IntN(elements)
		enc := []string{"tls1.2", "tls1.3", "mtls"}[i%3]
		fmt.Fprintf(w, "  - id: f%d\n    from: e%d\n    to: e%d\n    protocol: HTTPS\n    assets: [asset-%d]\n    encryption: %s\n    authentication: mtls\n", i, from, to, i%20, enc)
	}
	fmt.Fprint(w, "threats:\n")
	for i := 0; i < threats; i++ {
		var target string
		if i%2 == 0 {
			target = fmt.Sprintf("e%d", rng.IntN(elements))
		} else {
			target = fmt.Sprintf("f%d", rng.IntN(flows))
		}
		st := statuses[i%len(statuses)]
		fmt.Fprintf(w, "  - id: t%d\n    title: Threat %d\n    category: %s\n    target: %s\n    level: %s\n    status: %s\n",
			i, i, cats[i%6], target, []string{"critical", "important", "moderate", "low"}[i%4], st)
		switch st {
		case "mitigated":
			fmt.Fprintf(w, "    mitigations:\n      - text: Mitigation of threat %d\n        references: [\"rule:SDL101\", \"requirement:REQ-%d\"]\n", i, i%5)
		case "accepted":
			fmt.Fprint(w, "    acceptance:\n      approver: security@example.com\n      justification: accepted for the benchmark\n      expires: 2099-12-31\n")
		case "not-applicable":
			fmt.Fprint(w, "    reason: does not apply to this element\n")
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}
