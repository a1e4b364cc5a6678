package finding_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/internal/sarifschema"
)

// testRoot is where the corpus logs say the repository was checked out (a
// GitHub Actions runner). The files need not exist: the reader never opens
// a location.
const testRoot = "/home/runner/work/shop/shop"

// wantFinding is what a corpus test checks of one finding.
type wantFinding struct {
	Tool     string
	RuleID   string
	Level    string
	Severity finding.Severity
	CWE      []int
	Path     string
	Line     int
	// Sup is the kind of the finding's first suppression, "" when it is
	// not suppressed.
	Sup string
	// Outside is whether the location is marked sdl.outsideRepository.
	Outside bool
	Message string
}

type wantRun struct {
	Tool          string
	Version       string
	Results       int
	Rules         int
	Successful    bool
	Notifications []string
}

var (
	none      = finding.SeverityNone
	low       = finding.Low
	moderate  = finding.Moderate
	important = finding.Important
	critical  = finding.Critical
)

// fw builds a wantFinding that is inside the repository and not suppressed.
func fw(tool, rule, level string, sev finding.Severity, cwe []int, path string, line int, msg string) wantFinding {
	return wantFinding{Tool: tool, RuleID: rule, Level: level, Severity: sev, CWE: cwe, Path: path, Line: line, Message: msg}
}

func (w wantFinding) sup(kind string) wantFinding { w.Sup = kind; return w }
func (w wantFinding) outside() wantFinding        { w.Outside = true; return w }

func cwe(ids ...int) []int { return ids }

var corpus = []struct {
	file     string
	runs     []wantRun
	findings []wantFinding
}{
	{
		// gosec v2.30.0's own SARIF writer (report/sarif), run on four
		// issues: CWE relationships into a "CWE" taxonomy, ruleIndex
		// omitted when 0, results before tool, version after runs.
		file: "gosec.sarif",
		runs: []wantRun{{Tool: "gosec", Version: "2.30.0", Results: 4, Rules: 4, Successful: true}},
		findings: []wantFinding{
			fw("gosec", "G304", "error", important, cwe(22), "internal/files/serve.go", 42, "Potential file inclusion via variable"),
			fw("gosec", "G402", "error", important, cwe(295), "cmd/shop/main.go", 88, "TLS InsecureSkipVerify set true."),
			fw("gosec", "G104", "warning", moderate, cwe(703), "cmd/shop/main.go", 120, "Errors unhandled").sup("inSource"),
			fw("gosec", "G201", "error", important, cwe(89), "internal/store/orders.go", 57, "SQL string formatting").sup("external"),
		},
	},
	{
		// osv-scanner v2.5.0 (internal/output/sarif.go, go-sarif v3): a
		// rule per vulnerability with Markdown help and security-severity
		// (absent when no advisory has a score), results on file: URIs of
		// lockfiles without regions, "index": -1 everywhere.
		file: "osv-scanner.sarif",
		runs: []wantRun{{Tool: "osv-scanner", Version: "2.5.0", Results: 4, Rules: 4, Successful: true}},
		findings: []wantFinding{
			fw("osv-scanner", "CVE-2023-45288", "warning", important, nil, "go.mod", 0,
				"Package 'golang.org/x/net@0.17.0' is vulnerable to 'CVE-2023-45288' (also known as 'GHSA-4v7x-pqxf-cx7m', 'GO-2024-2687')."),
			fw("osv-scanner", "CVE-2024-45337", "warning", critical, nil, "go.mod", 0,
				"Package 'golang.org/x/crypto@0.29.0' is vulnerable to 'CVE-2024-45337' (also known as 'GHSA-v778-237x-gjrc', 'GO-2024-3321')."),
			fw("osv-scanner", "GO-2022-0646", "warning", moderate, nil, "go.mod", 0,
				"Package 'github.com/aws/aws-sdk-go@1.44.0' is vulnerable to 'GO-2022-0646'."),
			fw("osv-scanner", "CVE-2022-25883", "warning", important, nil, "web/package-lock.json", 0,
				"Package 'semver@7.5.1' is vulnerable to 'CVE-2022-25883' (also known as 'GHSA-c2qf-rxjj-qqgw')."),
		},
	},
	{
		// govulncheck (golang.org/x/vuln v1.9.0 golden source_call_sarif.ct):
		// a rule per OSV id with aliases as tags, results on go.mod
		// relative to an undeclared %SRCROOT%, codeFlows and stacks into
		// %GOMODCACHE%.
		file: "govulncheck.sarif",
		runs: []wantRun{{Tool: "govulncheck", Version: "v0.0.0", Results: 4, Rules: 4, Successful: true}},
		findings: []wantFinding{
			fw("govulncheck", "GO-2020-0015", "note", low, nil, "go.mod", 1,
				"Your code depends on 1 vulnerable module (golang.org/x/text), but doesn't appear to call any of the vulnerable symbols."),
			fw("govulncheck", "GO-2021-0054", "error", important, nil, "go.mod", 1,
				"Your code calls vulnerable functions in 1 package (github.com/tidwall/gjson)."),
			fw("govulncheck", "GO-2021-0113", "warning", moderate, nil, "go.mod", 1,
				"Your code imports 1 vulnerable package (golang.org/x/text/language), but doesn’t appear to call any of the vulnerable symbols."),
			fw("govulncheck", "GO-2021-0265", "error", important, nil, "go.mod", 1,
				"Your code calls vulnerable functions in 1 package (github.com/tidwall/gjson)."),
		},
	},
	{
		// govulncheck -mode binary (golden binary_sarif.ct): no locations,
		// and empty artifactLocation and region objects in the flows (not
		// valid against the schema, as written).
		file: "govulncheck-binary.sarif",
		runs: []wantRun{{Tool: "govulncheck", Version: "v0.0.0", Results: 4, Rules: 4, Successful: true}},
		findings: []wantFinding{
			fw("govulncheck", "GO-2020-0015", "note", low, nil, "", 0,
				"Your code depends on 1 vulnerable module (golang.org/x/text), but doesn't appear to call any of the vulnerable symbols."),
			fw("govulncheck", "GO-2021-0054", "error", important, nil, "", 0,
				"Your code calls vulnerable functions in 1 package (github.com/tidwall/gjson)."),
			fw("govulncheck", "GO-2021-0113", "warning", moderate, nil, "", 0,
				"Your code imports 1 vulnerable package (golang.org/x/text/language), but doesn’t appear to call any of the vulnerable symbols."),
			fw("govulncheck", "GO-2021-0265", "error", important, nil, "", 0,
				"Your code calls vulnerable functions in 1 package (github.com/tidwall/gjson)."),
		},
	},
	{
		// govulncheck on a module without vulnerabilities: empty rules
		// and results arrays.
		file: "govulncheck-novuln.sarif",
		runs: []wantRun{{Tool: "govulncheck", Version: "v0.0.0", Results: 0, Rules: 0, Successful: true}},
	},
	{
		// CodeQL CLI 2.20: no rules in the driver, rules in the
		// codeql/go-queries extension referenced by rule.toolComponent and
		// ruleIndex, level omitted (the rule's defaultConfiguration),
		// external/cwe/cwe-0NN tags, security-severity, relatedLocations,
		// codeFlows, artifacts with index, notifications.
		file: "codeql.sarif",
		runs: []wantRun{{Tool: "CodeQL", Version: "2.20.1", Results: 4, Rules: 4, Successful: true}},
		findings: []wantFinding{
			fw("CodeQL", "go/sql-injection", "error", important, cwe(89), "internal/store/orders.go", 58,
				"This query depends on a [user-provided value](1)."),
			fw("CodeQL", "go/path-injection", "error", important, cwe(22, 23, 36, 73, 99), "internal/files/serve.go", 42,
				"This path depends on a [user-provided value](1)."),
			fw("CodeQL", "go/log-injection", "error", important, cwe(117), "cmd/shop/main.go", 131,
				"This log entry depends on a [user-provided value](1)."),
			fw("CodeQL", "go/unhandled-writable-file-close", "warning", moderate, nil, "internal/export/csv.go", 23,
				"File handle may be writable as a result of data flow from a [call to OpenFile](1) and closing it may result in data loss upon failure, which is not handled explicitly."),
		},
	},
	{
		// Semgrep (cli Sarif_output.ml): one line, results without level,
		// tags "CWE-89: Improper Neutralization ...", "HIGH CONFIDENCE",
		// "OWASP-...", fingerprints matchBasedId/v1, nosemgrep as an
		// inSource suppression without status, a warning notification.
		file: "semgrep.sarif",
		runs: []wantRun{{Tool: "Semgrep OSS", Version: "1.110.0", Results: 4, Rules: 4, Successful: true}},
		findings: []wantFinding{
			fw("Semgrep OSS", "generic.secrets.security.detected-private-key.detected-private-key", "error", important, cwe(798), "deploy/dev/tls.key", 1,
				"Private Key detected. This is a sensitive credential and should not be hardcoded here. Instead, store this in a separate, private file."),
			fw("Semgrep OSS", "go.lang.security.audit.net.use-tls.use-tls", "note", low, cwe(319), "cmd/shop/main.go", 140,
				"Found an HTTP server without TLS. Use 'http.ListenAndServeTLS' instead. See https://golang.org/pkg/net/http/#ListenAndServeTLS for more information."),
			fw("Semgrep OSS", "go.lang.security.audit.crypto.use_of_weak_crypto.use-of-md5", "warning", moderate, cwe(328), "internal/cache/key.go", 18,
				"Detected MD5 hash algorithm which is considered insecure. MD5 is not collision resistant and is therefore not suitable as a cryptographic signature. Use SHA256 or SHA3 instead.").sup("inSource"),
			fw("Semgrep OSS", "go.lang.security.audit.database.string-formatted-query.string-formatted-query", "warning", moderate, cwe(89), "internal/store/orders.go", 57,
				"String-formatted SQL query detected. This could lead to SQL injection if the string is not sanitized properly. Audit this call to ensure the SQL is not manipulable by external data."),
		},
	},
	{
		// Trivy fs (pkg/report/sarif.go, go-sarif v2): ROOTPATH declared as
		// the scanned directory, security-severity strings (CVSS, or 9.5 /
		// 8.0 / 5.5 / 2.0 / 0.0 by severity name), multi-line messages.
		file: "trivy-fs.sarif",
		runs: []wantRun{{Tool: "Trivy", Version: "0.58.1", Results: 5, Rules: 5, Successful: true}},
		findings: []wantFinding{
			fw("Trivy", "CVE-2023-45288", "warning", moderate, nil, "go.mod", 14,
				"Package: golang.org/x/net\nInstalled Version: v0.17.0\nVulnerability CVE-2023-45288\nSeverity: MEDIUM\nFixed Version: 0.23.0\nLink: [CVE-2023-45288](https://avd.aquasec.com/nvd/cve-2023-45288)"),
			fw("Trivy", "CVE-2024-45337", "error", critical, nil, "go.mod", 12,
				"Package: golang.org/x/crypto\nInstalled Version: v0.29.0\nVulnerability CVE-2024-45337\nSeverity: CRITICAL\nFixed Version: 0.31.0\nLink: [CVE-2024-45337](https://avd.aquasec.com/nvd/cve-2024-45337)"),
			fw("Trivy", "DS002", "error", important, nil, "Dockerfile", 1,
				"Artifact: Dockerfile\nType: dockerfile\nVulnerability DS002\nSeverity: HIGH\nMessage: Specify at least 1 USER command in Dockerfile with non-root user as argument\nLink: [DS002](https://avd.aquasec.com/misconfig/ds002)"),
			fw("Trivy", "aws-access-key-id", "error", critical, nil, "deploy/dev/.env", 3,
				"Artifact: deploy/dev/.env\nType: \nSecret AWS Access Key ID\nSeverity: CRITICAL\nMatch: AWS_ACCESS_KEY_ID=\"********************\""),
			// UNKNOWN severity: security-severity "0.0" is no score, so the
			// note level decides.
			fw("Trivy", "CVE-2024-24790", "note", low, nil, "bin/shop", 1,
				"Package: stdlib\nInstalled Version: v1.22.1\nVulnerability CVE-2024-24790\nSeverity: UNKNOWN\nFixed Version: 1.21.11, 1.22.4\nLink: [CVE-2024-24790](https://avd.aquasec.com/nvd/cve-2024-24790)"),
		},
	},
	{
		// Trivy image, as versions up to 0.50 wrote it: ROOTPATH is
		// "file:///" whatever was scanned, locations are the image name or
		// a path inside the image. Relative to ROOTPATH they are kept
		// relative, as GitHub code scanning reads them.
		file: "trivy-image.sarif",
		runs: []wantRun{{Tool: "Trivy", Version: "0.50.1", Results: 2, Rules: 2, Successful: true}},
		findings: []wantFinding{
			fw("Trivy", "CVE-2024-5535", "note", low, nil, "library/shop", 1,
				"Package: libssl3\nInstalled Version: 3.1.4-r5\nVulnerability CVE-2024-5535\nSeverity: LOW\nFixed Version: 3.1.6-r0\nLink: [CVE-2024-5535](https://avd.aquasec.com/nvd/cve-2024-5535)"),
			fw("Trivy", "CVE-2024-34156", "error", important, nil, "usr/local/bin/shop", 1,
				"Package: stdlib\nInstalled Version: v1.22.1\nVulnerability CVE-2024-34156\nSeverity: HIGH\nFixed Version: 1.22.7, 1.23.1\nLink: [CVE-2024-34156](https://avd.aquasec.com/nvd/cve-2024-34156)"),
		},
	},
	{
		// Grype directory scan (grype/presenter/sarif golden
		// TestSarifPresenter_directory): no level (so "warning"),
		// security-severity on rules, absolute paths of the scanned
		// directory, primaryLocationLineHash.
		file: "grype-dir.sarif",
		runs: []wantRun{{Tool: "grype", Version: "0.86.1", Results: 3, Rules: 3, Successful: true}},
		findings: []wantFinding{
			fw("grype", "GHSA-4v7x-pqxf-cx7m-golang.org/x/net", "warning", moderate, nil, "go.mod", 1,
				"A medium vulnerability in go-module package: golang.org/x/net, version v0.17.0 was found at: /home/runner/work/shop/shop/go.mod"),
			fw("grype", "GHSA-v778-237x-gjrc-golang.org/x/crypto", "warning", critical, nil, "go.mod", 1,
				"A critical vulnerability in go-module package: golang.org/x/crypto, version v0.29.0 was found at: /home/runner/work/shop/shop/go.mod"),
			fw("grype", "GHSA-c2qf-rxjj-qqgw-semver", "warning", important, nil, "web/package-lock.json", 1,
				"A high vulnerability in npm package: semver, version 7.5.1 was found at: /home/runner/work/shop/shop/web/package-lock.json"),
		},
	},
	{
		// Grype image scan (golden TestSarifPresenter_image): locations on
		// "image/<path in the image>" with logicalLocations.
		file: "grype-image.sarif",
		runs: []wantRun{{Tool: "grype", Version: "0.86.1", Results: 2, Rules: 2, Successful: true}},
		findings: []wantFinding{
			fw("grype", "CVE-2024-5535-libssl3", "warning", critical, nil, "image/lib/apk/db/installed", 1,
				"The path /lib/apk/db/installed reports libssl3 at version 3.1.4-r5  which is a vulnerable (apk) package installed in the container"),
			fw("grype", "GHSA-4v7x-pqxf-cx7m-golang.org/x/net", "warning", moderate, nil, "image/usr/local/bin/shop", 1,
				"The path /usr/local/bin/shop reports golang.org/x/net at version v0.17.0  which is a vulnerable (go-module) package installed in the container"),
		},
	},
	{
		// Levels: each SARIF level, absent levels defaulting to the rule's
		// defaultConfiguration, else "warning" (or "none" when kind is not
		// "fail"), dropped pass/notApplicable/informational results and
		// results absent since the baseline, and
		// security-severity as a string, a number, 0.0 and a result's own.
		file: "edge-levels.sarif",
		runs: []wantRun{{Tool: "edge-levels", Version: "1.0.0", Results: 21, Rules: 7, Successful: true}},
		findings: []wantFinding{
			fw("edge-levels", "LVL-ERR", "none", low, nil, "", 0, "level none"),
			fw("edge-levels", "LVL-ERR", "note", low, nil, "", 0, "level note"),
			fw("edge-levels", "LVL-ERR", "warning", moderate, nil, "", 0, "level warning"),
			fw("edge-levels", "LVL-NOTE", "error", important, nil, "", 0, "level error"),
			fw("edge-levels", "LVL-ERR", "error", important, nil, "", 0, "level absent, rule default error"),
			fw("edge-levels", "LVL-NOTE", "note", low, nil, "", 0, "level absent, rule default note"),
			fw("edge-levels", "LVL-NODEF", "warning", moderate, nil, "", 0, "level absent, rule without default"),
			fw("edge-levels", "NOT-A-RULE", "warning", moderate, nil, "", 0, "level absent, no such rule"),
			fw("edge-levels", "LVL-ERR", "none", low, nil, "", 0, "kind review, level absent"),
			fw("edge-levels", "LVL-ERR", "warning", moderate, nil, "", 0, "kind open, level warning"),
			fw("edge-levels", "LVL-ERR", "error", important, nil, "", 0, "kind fail, level absent"),
			fw("edge-levels", "SEV-STR", "note", critical, nil, "", 0, "score 9.3 outranks the note level"),
			fw("edge-levels", "SEV-NUM", "warning", moderate, nil, "", 0, "numeric score 4.2"),
			fw("edge-levels", "SEV-ZERO", "error", important, nil, "", 0, "score 0.0 falls back to the level"),
			fw("edge-levels", "SEV-WORD", "error", important, nil, "", 0, "unknown severity word falls back to the result level"),
			fw("edge-levels", "LVL-NOTE", "note", important, nil, "", 0, "the result's own score"),
			fw("edge-levels", "LVL-ERR", "warning", moderate, nil, "", 0, "unchanged since the baseline"),
		},
	},
	{
		// Rule references: by ruleIndex or rule.index only, into an
		// extension by component index, name or guid, by id alone in any
		// component, hierarchical ids, a ruleIndex that disagrees with the
		// ruleId (Codacy, old Grype), indexes out of range; CWE from tags,
		// a "cwe" property, taxonomy relationships and result taxa; message
		// strings with arguments.
		file: "edge-rules.sarif",
		runs: []wantRun{{Tool: "edge-rules", Results: 18, Rules: 5, Successful: true}},
		findings: []wantFinding{
			fw("edge-rules", "DRV1", "error", important, cwe(79), "", 0, "rule by ruleIndex only"),
			fw("edge-rules", "DRV2", "warning", moderate, cwe(918), "", 0, "rule by rule.index only"),
			fw("edge-rules", "A2", "note", low, nil, "", 0, "extension rule by index"),
			fw("edge-rules", "B1", "error", important, cwe(352), "", 0, "extension rule by id and component name"),
			fw("edge-rules", "B1", "error", important, cwe(352), "", 0, "extension rule by component guid"),
			fw("edge-rules", "A1", "warning", moderate, cwe(22), "", 0, "extension rule found by id alone"),
			fw("edge-rules", "DRV1/sub-check", "error", important, cwe(79), "", 0, "hierarchical rule id"),
			fw("edge-rules", "A2", "note", low, nil, "", 0, "ruleIndex disagreeing with ruleId"),
			fw("edge-rules", "DRV1", "error", important, cwe(79), "", 0, "ruleIndex out of range"),
			fw("edge-rules", "(unknown)", "warning", moderate, nil, "", 0, "nothing to identify the rule"),
			fw("edge-rules", "DRV1", "error", important, cwe(79), "", 0, "huge component index"),
			fw("edge-rules", "DRV2", "warning", moderate, cwe(918), "", 0, "Value r.URL.Query() flows into db.Query."),
			fw("edge-rules", "DRV2", "warning", moderate, cwe(918), "", 0, "Argument 2 of exec.Command is tainted; {5} and {x} stay"),
			fw("edge-rules", "DRV2", "warning", moderate, cwe(918), "", 0, "Wrap name in { and }, not {x}."),
			fw("edge-rules", "DRV2", "warning", moderate, cwe(918), "", 0, "Call `html.EscapeString` instead."),
			fw("edge-rules", "DRV2", "warning", moderate, cwe(918), "", 0, "Tainted value"),
			fw("edge-rules", "DRV2", "warning", moderate, cwe(918), "", 0, "map[string]{0}"),
			fw("edge-rules", "DRV2", "warning", moderate, cwe(918), "", 0, "taxa by taxonomy index"),
		},
	},
	{
		// Suppressions: inSource and external, status absent or accepted
		// (suppressed), underReview and rejected (not), an empty array.
		file: "edge-suppressions.sarif",
		runs: []wantRun{{Tool: "edge-suppressions", Results: 8, Rules: 1, Successful: true}},
		findings: []wantFinding{
			fw("edge-suppressions", "SUP1", "error", important, nil, "internal/api/handlers.go", 10, "in source, no status").sup("inSource"),
			fw("edge-suppressions", "SUP1", "error", important, nil, "internal/api/handlers.go", 10, "external, accepted").sup("external"),
			fw("edge-suppressions", "SUP1", "error", important, nil, "internal/api/handlers.go", 10, "external, under review"),
			fw("edge-suppressions", "SUP1", "error", important, nil, "internal/api/handlers.go", 10, "in source, rejected"),
			fw("edge-suppressions", "SUP1", "error", important, nil, "internal/api/handlers.go", 10, "rejected then accepted").sup("inSource"),
			fw("edge-suppressions", "SUP1", "error", important, nil, "internal/api/handlers.go", 10, "empty suppressions array"),
			fw("edge-suppressions", "SUP1", "error", important, nil, "internal/api/handlers.go", 10, "no suppressions"),
			fw("edge-suppressions", "SUP1", "error", important, nil, "internal/api/handlers.go", 10, "in source with the directive's location").sup("inSource"),
		},
	},
	{
		// Several runs: "results": null, a failed invocation with an error
		// notification, tool after results, no results key, one failed
		// invocation out of two.
		file: "edge-runs.sarif",
		runs: []wantRun{
			{Tool: "runner-null", Version: "0.1", Successful: true},
			{Tool: "runner-failed", Successful: false, Notifications: []string{"could not load package ./internal/gen: expected ';', found 'EOF'"}},
			{Tool: "runner-ok", Version: "2.0.0", Results: 3, Rules: 2, Successful: true},
			{Tool: "runner-noresults", Successful: true},
			{Tool: "runner-partial", Results: 1, Successful: false},
		},
		findings: []wantFinding{
			fw("runner-ok", "OK1", "warning", moderate, nil, "a.go", 1, "first"),
			fw("runner-ok", "OK2", "error", important, nil, "b.go", 2, "second"),
			fw("runner-partial", "P1", "error", important, nil, "", 0, "found before the crash"),
		},
	},
	{
		// Locations: none, logical only, by artifact index, ../ out of the
		// repository, absolute paths and file: URIs inside and outside the
		// root, Windows paths, other schemes, uriBaseId chains declared in
		// originalUriBaseIds, and a %SRCROOT% declared on another machine.
		file: "edge-locations.sarif",
		runs: []wantRun{
			{Tool: "edge-locations", Results: 23, Rules: 1, Successful: true},
			{Tool: "edge-locations-container", Results: 2, Successful: true},
		},
		findings: []wantFinding{
			fw("edge-locations", "LOC1", "warning", moderate, nil, "", 0, "no locations"),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "", 0, "empty locations"),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "", 0, "logical location only"),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "", 5, "region without an artifact"),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "internal/api/handlers.go", 7, "artifact by index"),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "", 1, "artifact index out of range"),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "internal/store/orders.go", 57, "relative path"),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "internal/api/handlers.go", 8, "dot segments"),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "docs/design notes/threat model.md", 1, "percent-encoded"),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "../other-repo/secrets.go", 3, "climbs out of the repository").outside(),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "/home/runner/work/etc/passwd", 1, "climbs out through a base").outside(),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "/etc/passwd", 1, "absolute path outside").outside(),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "cmd/shop/main.go", 12, "absolute path inside"),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "internal/store/orders.go", 58, "file URI inside"),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "/usr/local/go/src/net/http/server.go", 3300, "file URI outside").outside(),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "/home/runner/work/shop/shop-secrets/key.pem", 1, "file URI next to the root").outside(),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "docs/design notes/a.md", 2, "file URI with percent-encoding"),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "C:/actions-runner/_work/shop/shop/main.go", 4, "Windows file URI").outside(),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "C:/actions-runner/_work/shop/shop/main.go", 4, "Windows drive path").outside(),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "https://github.com/acme/shop/blob/main/go.mod", 1, "https URI").outside(),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "web/static/app.js", 20, "base declared inside the root"),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "/tmp/build-4821/gen/api.pb.go", 9, "base declared outside the root").outside(),
			fw("edge-locations", "LOC1", "warning", moderate, nil, "/etc/shadow", 1, "absolute path with a base").outside(),
			fw("edge-locations-container", "LOC2", "error", important, nil, "cmd/shop/main.go", 30, "source root of another machine"),
			fw("edge-locations-container", "LOC2", "error", important, nil, "/etc/passwd", 1, "climbs out of another machine's source root").outside(),
		},
	},
}

func readCorpus(t testing.TB, file string, opts finding.ReadOptions) (*finding.SARIFLog, []byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "sarif", file))
	if err != nil {
		t.Fatal(err)
	}
	log, err := finding.ReadSARIF(file, bytes.NewReader(data), opts)
	if err != nil {
		t.Fatalf("ReadSARIF(%s): %v", file, err)
	}
	return log, data
}

func outsideRepository(f *finding.Finding) bool {
	v, _ := f.Properties["sdl.outsideRepository"].(bool)
	return v
}

func TestReadSARIFCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "sarif", "*.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	tested := map[string]bool{}
	for _, tc := range corpus {
		tested[tc.file] = true
		t.Run(tc.file, func(t *testing.T) {
			log, data := readCorpus(t, tc.file, finding.ReadOptions{Root: testRoot})
			sum := sha256.Sum256(data)
			if want := "sha256:" + hex.EncodeToString(sum[:]); log.Digest != want || log.File != tc.file {
				t.Errorf("File, Digest = %q, %q, want %q, %q", log.File, log.Digest, tc.file, want)
			}
			if len(log.Runs) != len(tc.runs) {
				t.Fatalf("%d runs, want %d", len(log.Runs), len(tc.runs))
			}
			for i, w := range tc.runs {
				r := log.Runs[i]
				got := wantRun{Tool: r.Tool, Version: r.Version, Results: r.Results, Rules: len(r.Rules), Successful: r.Successful, Notifications: r.Notifications}
				if !equalRun(got, w) {
					t.Errorf("run %d = %+v, want %+v", i, got, w)
				}
			}
			for i := range min(len(log.Findings), len(tc.findings)) {
				f := log.Findings[i]
				got := wantFinding{Tool: f.Tool, RuleID: f.RuleID, Level: f.Level, Severity: f.Severity, CWE: f.CWE,
					Path: f.Location.Path, Line: f.Location.StartLine, Outside: outsideRepository(f), Message: f.Message}
				if f.Suppressed() {
					got.Sup = f.Suppressions[0].Kind
				}
				if w := tc.findings[i]; !equalFinding(got, w) {
					t.Errorf("finding %d:\n got  %+v\n want %+v", i, got, w)
				}
			}
			if len(log.Findings) != len(tc.findings) {
				t.Errorf("%d findings, want %d", len(log.Findings), len(tc.findings))
			}
		})
	}
	for _, f := range files {
		if !tested[filepath.Base(f)] {
			t.Errorf("%s is in the corpus but not in the test table", f)
		}
	}
}

func equalRun(a, b wantRun) bool {
	return a.Tool == b.Tool && a.Version == b.Version && a.Results == b.Results && a.Rules == b.Rules &&
		a.Successful == b.Successful && slices.Equal(a.Notifications, b.Notifications)
}

func equalFinding(a, b wantFinding) bool {
	return a.Tool == b.Tool && a.RuleID == b.RuleID && a.Level == b.Level && a.Severity == b.Severity &&
		slices.Equal(a.CWE, b.CWE) && a.Path == b.Path && a.Line == b.Line && a.Sup == b.Sup &&
		a.Outside == b.Outside && a.Message == b.Message
}

// TestCorpusIsValidSARIF checks the tools' logs against the SARIF 2.1.0
// schema, as their producers emit valid SARIF. govulncheck's binary mode
// does not (empty regions), and the edge-case logs break it on purpose.
func TestCorpusIsValidSARIF(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "sarif", "*.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := filepath.Base(f)
		if strings.HasPrefix(name, "edge-") || name == "govulncheck-binary.sarif" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := sarifschema.Validate(data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestReadSARIFDetails checks what the corpus table does not: rules of
// extensions, suppression details, context, fingerprints and properties.
func TestReadSARIFDetails(t *testing.T) {
	t.Run("gosec", func(t *testing.T) {
		log, _ := readCorpus(t, "gosec.sarif", finding.ReadOptions{Root: testRoot})
		f := log.Findings[2]
		if len(f.Suppressions) != 1 || f.Suppressions[0].Justification != "closing a read-only connection" {
			t.Errorf("suppressions = %+v", f.Suppressions)
		}
		if g := log.Findings[3].Suppressions; len(g) != 1 || g[0].Kind != finding.SuppressionExternal || g[0].Justification != "Globally suppressed." {
			t.Errorf("external suppression = %+v", g)
		}
		// The context is the first line of the snippet, normalised.
		if got := log.Findings[1].Context; got != "tr := &http.Transport{TLSClientConfig: &tls.Config{" {
			t.Errorf("context = %q", got)
		}
		if f := log.Findings[1]; f.Location != (finding.Location{Path: "cmd/shop/main.go", StartLine: 88, StartColumn: 24, EndLine: 90, EndColumn: 24}) {
			t.Errorf("location = %+v", f.Location)
		}
		r := log.Runs[0].Rules[3]
		if r.ID != "G402" || r.Tool != "gosec" || r.Name != "Improper Certificate Validation" || r.Summary != "TLS InsecureSkipVerify set true." ||
			!slices.Equal(r.CWE, []int{295}) || r.Severity != important || !slices.Equal(r.Tags, []string{"security", "HIGH"}) {
			t.Errorf("rule = %+v", r)
		}
	})
	t.Run("codeql", func(t *testing.T) {
		log, _ := readCorpus(t, "codeql.sarif", finding.ReadOptions{Root: testRoot})
		r := log.Runs[0].Rules[2]
		if r.ID != "go/sql-injection" || r.Tool != "codeql/go-queries" || r.Severity != important || !slices.Equal(r.CWE, []int{89}) ||
			!strings.HasPrefix(r.Help, "# Database query built from user-controlled sources") {
			t.Errorf("rule = %+v", r)
		}
		f := log.Findings[0]
		if f.Fingerprint != "" || f.Location.StartColumn != 28 || f.Location.EndColumn != 29 {
			t.Errorf("finding = %+v", f)
		}
	})
	t.Run("osv-scanner", func(t *testing.T) {
		log, _ := readCorpus(t, "osv-scanner.sarif", finding.ReadOptions{Root: testRoot})
		r := log.Runs[0].Rules[0]
		if r.Severity != important || !strings.HasPrefix(r.Help, "**Your dependency is vulnerable to [CVE-2023-45288]") ||
			r.Summary != "CVE-2023-45288: HTTP/2 CONTINUATION flood in net/http" {
			t.Errorf("rule = %+v", r)
		}
		// A rule without a score has the severity of the SARIF default level.
		if r := log.Runs[0].Rules[2]; r.Severity != moderate {
			t.Errorf("rule without security-severity: %+v", r)
		}
	})
	t.Run("suppression location", func(t *testing.T) {
		log, _ := readCorpus(t, "edge-suppressions.sarif", finding.ReadOptions{Root: testRoot})
		s := log.Findings[7].Suppressions
		if len(s) != 1 || s[0].Location == nil || *s[0].Location != (finding.Location{Path: "internal/api/handlers.go", StartLine: 9, StartColumn: 2}) {
			t.Errorf("suppressions = %+v", s)
		}
		if s := log.Findings[4].Suppressions; len(s) != 1 || s[0].Justification != "ok" {
			t.Errorf("rejected then accepted: %+v", s)
		}
	})
}

// TestReadSARIFWithoutRoot reads locations without a repository root:
// relative URIs stay relative, absolute ones are outside.
func TestReadSARIFWithoutRoot(t *testing.T) {
	log, _ := readCorpus(t, "osv-scanner.sarif", finding.ReadOptions{})
	f := log.Findings[0]
	if f.Location.Path != "/home/runner/work/shop/shop/go.mod" || !outsideRepository(f) {
		t.Errorf("osv-scanner without root: %+v", f)
	}
	log, _ = readCorpus(t, "edge-locations.sarif", finding.ReadOptions{})
	for _, i := range []int{4, 6, 20, 23} {
		if f := log.Findings[i]; outsideRepository(f) || filepath.IsAbs(f.Location.Path) {
			t.Errorf("finding %d (%s): %+v", i, f.Message, f.Location)
		}
	}
}

// TestReadSARIFRoundTrip reads what WriteSARIF writes.
func TestReadSARIFRoundTrip(t *testing.T) {
	run := sampleRun()
	var buf bytes.Buffer
	if err := finding.WriteSARIF(&buf, run); err != nil {
		t.Fatal(err)
	}
	log, err := finding.ReadSARIF("sdl.sarif", &buf, finding.ReadOptions{Root: testRoot})
	if err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 || log.Runs[0].Tool != "sdl" || log.Runs[0].Successful || len(log.Runs[0].Rules) != 3 ||
		!slices.Equal(log.Runs[0].Notifications, run.Notifications) {
		t.Fatalf("runs = %+v", log.Runs)
	}
	want := slices.Clone(run.Findings)
	finding.Sort(want)
	if len(log.Findings) != len(want) {
		t.Fatalf("%d findings, want %d", len(log.Findings), len(want))
	}
	for i, w := range want {
		g := log.Findings[i]
		if g.Tool != w.Tool || g.RuleID != w.RuleID || g.Severity != w.Severity || g.Message != w.Message ||
			g.Location != w.Location || g.Fingerprint != w.Fingerprint || !slices.Equal(g.CWE, w.CWE) ||
			len(g.Suppressions) != len(w.Suppressions) || outsideRepository(g) {
			t.Errorf("finding %d:\n got  %+v\n want %+v", i, g, w)
		}
	}
	for i, r := range log.Runs[0].Rules {
		if r.Tool != map[string]string{"SDL101": "sdl", "G104": "gosec", "G402": "gosec"}[r.ID] {
			t.Errorf("rule %d = %+v", i, r)
		}
	}
}

// inputError asserts that err is an *InputError about file name.
func inputError(t *testing.T, err error, name string) *finding.InputError {
	t.Helper()
	var ie *finding.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v (%T) is not an *InputError", err, err)
	}
	if ie.File != name || !strings.Contains(ie.Error(), name) {
		t.Errorf("error %q does not name the file %q", ie.Error(), name)
	}
	return ie
}

func readString(s string) error {
	_, err := finding.ReadSARIF("bad.sarif", strings.NewReader(s), finding.ReadOptions{Root: testRoot})
	return err
}

const okRun = `{"tool":{"driver":{"name":"t"}},"results":[`

func TestReadSARIFNotJSON(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		offset   int64 // the error is at or just after this byte
	}{
		{"text", "this is not SARIF", 1},
		{"xml", `<?xml version="1.0"?><sarif/>`, 0},
		{"bad literal", `{"version": "2.1.0", "runs": [` + okRun + `{"level": nul}]}]}`, int64(len(`{"version": "2.1.0", "runs": [` + okRun + `{"level": nul`))},
		{"double comma", `{"version": "2.1.0", "runs": [` + okRun + `{"ruleId": "a",,"level": "error"}]}]}`, int64(len(`{"version": "2.1.0", "runs": [` + okRun + `{"ruleId": "a",`))},
		{"bad key", `{"version": "2.1.0", runs: []}`, int64(len(`{"version": "2.1.0", `))},
		{"truncated", `{"version": "2.1.0", "runs": [` + okRun + `{"ruleId": "a"`, int64(len(`{"version": "2.1.0", "runs": [` + okRun + `{"ruleId": "a"`))},
		{"truncated in a string", `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "tr`, int64(len(`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "tr`))},
		{"trailing garbage", `{"version": "2.1.0", "runs": []} xyz`, int64(len(`{"version": "2.1.0", "runs": []} `))},
		{"second object", `{"version": "2.1.0", "runs": []}{"version": "2.1.0", "runs": []}`, int64(len(`{"version": "2.1.0", "runs": []}`))},
		{"invalid UTF-8 is not a syntax error but a NUL is", "{\"version\": \"2.1.0\", \"runs\": [\x00]}", int64(len(`{"version": "2.1.0", "runs": [`))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := readString(tc.in)
			ie := inputError(t, err, "bad.sarif")
			if ie.Pointer != "" || ie.Offset < tc.offset || ie.Offset > tc.offset+2 || ie.Offset > int64(len(tc.in)) {
				t.Errorf("error %q: offset %d, pointer %q, want offset %d", ie.Error(), ie.Offset, ie.Pointer, tc.offset)
			}
			if !strings.Contains(ie.Error(), "byte offset") {
				t.Errorf("error %q does not give the offset", ie.Error())
			}
		})
	}
}

func TestReadSARIFNotSARIF(t *testing.T) {
	for _, tc := range []struct {
		name, in, pointer, msg string
	}{
		{"array", `[]`, "", "not SARIF"},
		{"string", `"sarif"`, "", "not SARIF"},
		{"no runs", `{"version": "2.1.0"}`, "/runs", "no runs"},
		{"no version", `{"runs": []}`, "/version", "no version"},
		{"version 2.0.0", `{"version": "2.0.0", "runs": []}`, "/version", "2.0.0"},
		{"version after runs", `{"runs": [], "version": "2.0.0"}`, "/version", "2.0.0"},
		{"version a number", `{"version": 2.1, "runs": []}`, "/version", "2.1"},
		{"runs an object", `{"version": "2.1.0", "runs": {}}`, "/runs", "array"},
		{"runs null", `{"version": "2.1.0", "runs": null}`, "/runs", "array"},
		{"run a string", `{"version": "2.1.0", "runs": ["run"]}`, "/runs/0", "object"},
		{"run without tool", `{"version": "2.1.0", "runs": [{"results": []}]}`, "/runs/0/tool/driver/name", "tool"},
		{"tool name a number", `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": 5}}}]}`, "/runs/0/tool/driver/name", "string"},
		{"results an object", `{"version": "2.1.0", "runs": [` + okRun[:len(okRun)-1] + `{}}]}`, "/runs/0/results", "array"},
		{"result a string", `{"version": "2.1.0", "runs": [` + okRun + `{}, {}, {}, "oops"]}]}`, "/runs/0/results/3", "object"},
		{"result null", `{"version": "2.1.0", "runs": [` + okRun + `null]}]}`, "/runs/0/results/0", "null"},
		{"level a number", `{"version": "2.1.0", "runs": [` + okRun + `{}, {}, {}, {"level": 3}]}]}`, "/runs/0/results/3/level", "string"},
		{"level unknown", `{"version": "2.1.0", "runs": [` + okRun + `{"level": "critical"}]}]}`, "/runs/0/results/0/level", "critical"},
		{"kind unknown", `{"version": "2.1.0", "runs": [` + okRun + `{"kind": "bad"}]}]}`, "/runs/0/results/0/kind", "bad"},
		{"nested wrong type", `{"version": "2.1.0", "runs": [` + okRun + `{"locations": [{}, {"physicalLocation": {"region": {"startLine": "12"}}}]}]}]}`,
			"/runs/0/results/0/locations/1/physicalLocation/region/startLine", "integer"},
		{"locations an object", `{"version": "2.1.0", "runs": [` + okRun + `{"locations": {}}]}]}`, "/runs/0/results/0/locations", "array"},
		{"message strings key", `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t", "rules": [{"id": "R", "messageStrings": {"a/b~c": {"text": 1}}}]}}}]}`,
			"/runs/0/tool/driver/rules/0/messageStrings/a~1b~0c/text", "string"},
		{"rule default level unknown", `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t", "rules": [{"id": "R", "defaultConfiguration": {"level": "high"}}]}}}]}`,
			"/runs/0/tool/driver/rules/0/defaultConfiguration/level", "high"},
		{"invocations wrong type", `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "invocations": [{"executionSuccessful": "no"}]}]}`,
			"/runs/0/invocations/0/executionSuccessful", "boolean"},
		{"second run bad", `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "a"}}}, {"tool": {"driver": {"name": "b"}}, "results": [{"ruleIndex": "0"}]}]}`,
			"/runs/1/results/0/ruleIndex", "integer"},
		{"line too large", `{"version": "2.1.0", "runs": [` + okRun + `{"locations": [{"physicalLocation": {"region": {"startLine": 1e30}}}]}]}]}`,
			"/runs/0/results/0/locations/0/physicalLocation/region/startLine", "integer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := readString(tc.in)
			ie := inputError(t, err, "bad.sarif")
			if ie.Pointer != tc.pointer || !strings.Contains(ie.Error(), tc.msg) {
				t.Errorf("error %q (pointer %q), want pointer %q and %q", ie.Error(), ie.Pointer, tc.pointer, tc.msg)
			}
			if tc.pointer == "" && ie.Offset == 0 {
				t.Errorf("error %q has neither pointer nor offset", ie.Error())
			}
			if strings.Contains(ie.Error(), "finding.") || strings.Contains(ie.Error(), "struct") {
				t.Errorf("error %q names Go types", ie.Error())
			}
		})
	}
}

// TestReadSARIFEncoding accepts the UTF-8 byte order mark Windows tools
// write, and says what is wrong with UTF-16.
func TestReadSARIFEncoding(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "sarif", "gosec.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	log, err := finding.ReadSARIF("bom.sarif", bytes.NewReader(append([]byte("\xEF\xBB\xBF"), data...)), finding.ReadOptions{Root: testRoot})
	if err != nil || len(log.Findings) != 4 {
		t.Fatalf("with a byte order mark: %v", err)
	}
	utf16 := []byte{0xFF, 0xFE}
	for _, c := range `{"version": "2.1.0", "runs": []}` {
		utf16 = append(utf16, byte(c), 0)
	}
	_, err = finding.ReadSARIF("utf16.sarif", bytes.NewReader(utf16), finding.ReadOptions{})
	if ie := inputError(t, err, "utf16.sarif"); !strings.Contains(ie.Error(), "UTF-16") {
		t.Errorf("error = %q", ie.Error())
	}
	// A BOM is not allowed elsewhere.
	err = readString(`{"version": "2.1.0", "runs": [` + "\xEF\xBB\xBF" + `]}`)
	if ie := inputError(t, err, "bad.sarif"); ie.Offset != int64(len(`{"version": "2.1.0", "runs": [`))+1 {
		t.Errorf("error = %q", ie.Error())
	}
}

func TestReadSARIFEmpty(t *testing.T) {
	for _, in := range []string{"", " \n\t\r\n"} {
		err := readString(in)
		ie := inputError(t, err, "bad.sarif")
		if !strings.Contains(ie.Error(), "empty") {
			t.Errorf("ReadSARIF(%q) = %q, want an error saying the file is empty", in, ie.Error())
		}
	}
}

// TestReadSARIFDeepNesting reads 100000 nested arrays in each place the
// reader meets a value: it must fail or succeed quickly, without crashing.
func TestReadSARIFDeepNesting(t *testing.T) {
	const depth = 100000
	deep := strings.Repeat("[", depth) + strings.Repeat("]", depth)
	for _, tc := range []struct{ name, in string }{
		{"log property bag", `{"version": "2.1.0", "properties": {"x": ` + deep + `}, "runs": []}`},
		{"run property bag", `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "properties": {"x": ` + deep + `}}]}`},
		{"rule property bag", `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t", "rules": [{"id": "R", "properties": {"x": ` + deep + `}}]}}}]}`},
		{"result property bag", `{"version": "2.1.0", "runs": [` + okRun + `{"properties": {"x": ` + deep + `}}]}]}`},
		{"unknown result key", `{"version": "2.1.0", "runs": [` + okRun + `{"stacks": ` + deep + `}]}]}`},
		{"unclosed", `{"version": "2.1.0", "runs": [` + okRun + `{"properties": {"x": ` + strings.Repeat("[", depth)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := finding.ReadSARIF("deep.sarif", strings.NewReader(tc.in), finding.ReadOptions{})
			if err != nil {
				inputError(t, err, "deep.sarif")
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// generated streams head, n bytes of fill, then tail, counting what the
// reader takes.
type generated struct {
	head, tail []byte
	fill       byte
	n, read    int64
}

func (g *generated) size() int64 { return int64(len(g.head)) + g.n + int64(len(g.tail)) }

func (g *generated) Read(p []byte) (int, error) {
	if g.read >= g.size() {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && g.read < g.size() {
		switch i := g.read; {
		case i < int64(len(g.head)):
			p[n] = g.head[i]
		case i < int64(len(g.head))+g.n:
			p[n] = g.fill
		default:
			p[n] = g.tail[i-int64(len(g.head))-g.n]
		}
		n++
		g.read++
	}
	return n, nil
}

// newHugeResult streams a log whose second result has a message of n
// bytes.
func newHugeResult(n int64) *generated {
	return &generated{
		head: []byte(`{"version": "2.1.0", "runs": [` + okRun + `{"ruleId": "small", "message": {"text": "fine"}}, {"ruleId": "huge", "message": {"text": "`),
		tail: []byte(`"}}]}]}`),
		fill: 'A',
		n:    n,
	}
}

func TestReadSARIFResultTooLarge(t *testing.T) {
	g := newHugeResult(4 * finding.MaxResultBytes)
	_, err := finding.ReadSARIF("huge.sarif", g, finding.ReadOptions{})
	ie := inputError(t, err, "huge.sarif")
	if ie.Pointer != "/runs/0/results/1" || !strings.Contains(ie.Error(), "larger than") {
		t.Errorf("error = %q (pointer %q)", ie.Error(), ie.Pointer)
	}
	// The reader stops soon after the limit instead of reading the file.
	if limit := int64(finding.MaxResultBytes) + 1<<20; g.read > limit {
		t.Errorf("read %d bytes of %d, want at most %d", g.read, g.size(), limit)
	}

	// Just under the limit is fine.
	g = newHugeResult(finding.MaxResultBytes - 1024)
	log, err := finding.ReadSARIF("big.sarif", g, finding.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(log.Findings) != 2 || len(log.Findings[1].Message) != finding.MaxResultBytes-1024 {
		t.Errorf("findings = %d", len(log.Findings))
	}
}

// TestReadSARIFSkipsLargeValues reads values the reader does not need, of
// any size, without holding them.
func TestReadSARIFSkipsLargeValues(t *testing.T) {
	for _, tc := range []struct{ name, head, tail string }{
		{"string", `{"version": "2.1.0", "properties": {"blob": "`, `"}, "runs": []}`},
		{"array", `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "graphs": [0`, `]}]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := &generated{head: []byte(tc.head), tail: []byte(tc.tail), fill: ' ', n: 4 * finding.MaxResultBytes}
			if tc.name == "string" {
				g.fill = 'x'
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			log, err := finding.ReadSARIF("big.sarif", g, finding.ReadOptions{})
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			if g.read != g.size() || log == nil {
				t.Errorf("read %d bytes of %d", g.read, g.size())
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
				t.Errorf("allocated %d bytes to skip a value of %d", alloc, g.n)
			}
		})
	}
}

// errReader fails after its data.
type errReader struct {
	r   io.Reader
	err error
}

func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err == io.EOF {
		return n, e.err
	}
	return n, err
}

func TestReadSARIFReadError(t *testing.T) {
	boom := errors.New("connection reset")
	_, err := finding.ReadSARIF("net.sarif", &errReader{strings.NewReader(`{"version": "2.1.0", "runs": [`), boom}, finding.ReadOptions{})
	ie := inputError(t, err, "net.sarif")
	if !strings.Contains(ie.Error(), "connection reset") {
		t.Errorf("error = %q", ie.Error())
	}
}

// checkLog verifies what must hold of any log ReadSARIF accepts.
func checkLog(t *testing.T, data []byte, log *finding.SARIFLog) {
	sum := sha256.Sum256(data)
	if log.Digest != "sha256:"+hex.EncodeToString(sum[:]) {
		t.Errorf("digest %s", log.Digest)
	}
	for i := range log.Findings {
		f := log.Findings[i]
		if f.Tool == "" || f.RuleID == "" {
			t.Errorf("finding %d has no tool or rule: %+v", i, f)
		}
		if !slices.Contains([]string{"none", "note", "warning", "error"}, f.Level) {
			t.Errorf("finding %d has level %q", i, f.Level)
		}
		if f.Severity < finding.Low || f.Severity > finding.Critical {
			t.Errorf("finding %d has severity %v", i, f.Severity)
		}
		if f.Location.StartLine < 0 || f.Location.StartColumn < 0 || f.Location.EndLine < 0 || f.Location.EndColumn < 0 {
			t.Errorf("finding %d has location %+v", i, f.Location)
		}
		// A path not marked outside the repository must stay inside it.
		if p := f.Location.Path; p != "" && !outsideRepository(f) {
			if !filepath.IsLocal(filepath.FromSlash(p)) || strings.Contains(p, `\`) {
				t.Errorf("finding %d: path %q is not local but not marked outside the repository", i, p)
			}
		}
		for _, s := range f.Suppressions {
			if s.Kind != finding.SuppressionInSource && s.Kind != finding.SuppressionExternal {
				t.Errorf("finding %d has suppression kind %q", i, s.Kind)
			}
		}
	}
}

func FuzzReadSARIF(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "sarif", "*.sarif"))
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"", "{}", "[]", "null", `{"version": "2.1.0", "runs": []}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t", "rules": [{"id": "R"}]}}, "results": [{"ruleIndex": 0, "message": {"id": "m", "arguments": ["a"]}}]}]}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "originalUriBaseIds": {"A": {"uri": "x/", "uriBaseId": "B"}, "B": {"uri": "../", "uriBaseId": "A"}}, "results": [{"locations": [{"physicalLocation": {"artifactLocation": {"uri": "f", "uriBaseId": "A"}}}]}]}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		log, err := finding.ReadSARIF("fuzz.sarif", bytes.NewReader(data), finding.ReadOptions{Root: testRoot})
		if err != nil {
			var ie *finding.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v (%T) is not an *InputError", err, err)
			}
			if ie.File != "fuzz.sarif" || (ie.Pointer == "" && ie.Offset == 0 && !strings.Contains(ie.Msg, "empty")) {
				t.Fatalf("error %q locates nothing", ie.Error())
			}
			if ie.Pointer != "" && !strings.HasPrefix(ie.Pointer, "/") {
				t.Fatalf("pointer %q is not a JSON pointer", ie.Pointer)
			}
			return
		}
		checkLog(t, data, log)
	})
}

// ExampleReadSARIF shows a finding read from another tool's SARIF.
func ExampleReadSARIF() {
	log, err := finding.ReadSARIF("semgrep.sarif", strings.NewReader(`{"version": "2.1.0", "runs": [{
		"tool": {"driver": {"name": "Semgrep OSS", "rules": [{"id": "go.sqli", "defaultConfiguration": {"level": "error"},
			"properties": {"tags": ["CWE-89: Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection')"]}}]}},
		"results": [{"ruleId": "go.sqli", "message": {"text": "SQL built from input"},
			"locations": [{"physicalLocation": {"artifactLocation": {"uri": "db.go", "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 7}}}]}]}]}`),
		finding.ReadOptions{Root: "/src/app"})
	if err != nil {
		fmt.Println(err)
		return
	}
	f := log.Findings[0]
	fmt.Println(f.Tool, f.RuleID, f.Level, f.Severity, f.CWE, f.Location)
	// Output: Semgrep OSS go.sqli error important [89] db.go:7
}
