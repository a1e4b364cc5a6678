// Package suppress implements sdlkit's in-code suppressions: the directive
//
//	//sdl:ignore RULE[,RULE...] -- reason
//
// on the line of a finding, or on its own line before the statement or
// declaration it covers (a directive in a function's doc comment covers the
// whole function), and
//
//	//sdl:file-ignore RULE[,RULE...] -- reason
//
// anywhere in a file, for the whole file. RULE is a rule ID (SDL101, G402)
// or one of our analyzer names. The reason is mandatory. A gosec rule that
// one of our taint rules replaces (G703 by SDL904, for example) stands for
// the rule that replaces it, so directives written for gosec's rule keep
// working; gosec's own "#nosec G703 -- reason" does too.
//
// Suppressed findings are not dropped: the scan driver records them in
// SARIF as suppressions of kind inSource with the reason as justification.
// A directive without a reason, naming an unknown rule, or suppressing
// nothing is itself reported.
//
// The directive is deliberately not "#nosec": gosec reads a #nosec comment
// without rule IDs as "suppress every gosec rule here".
//
// # Analyzer badignore
//
// badignore: report malformed //sdl:ignore directives
//
// The analyzer reports an //sdl:ignore or //sdl:file-ignore directive that
// has no reason after " -- ", names no rule, or names a rule that does not
// exist. Such a directive suppresses nothing.
//
// # Why it matters
//
// A suppression is a security decision: someone judged a finding to be safe.
// Without a reason, reviewers and auditors cannot check that judgement, and
// a directive naming a rule that does not exist (a typo, a renamed rule)
// silently fails to suppress what its author meant to, or hides that the
// finding it was written for is gone.
//
// # Insecure example
//
//	//sdl:ignore SDL101
//	cfg := &tls.Config{}
//
// # Fixed example
//
//	//sdl:ignore SDL101 -- the internal health port only serves TLS 1.3 peers; see ADR-12
//	cfg := &tls.Config{}
//
// # References
//
//   - staticcheck's linter directives, https://staticcheck.dev/docs/configuration/#ignoring-problems
//   - SARIF 2.1.0 suppressions, https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
//
// # Analyzer unusedignore
//
// unusedignore: report //sdl:ignore directives that suppress nothing
//
// The analyzer reports a rule named in an //sdl:ignore or //sdl:file-ignore
// directive when that rule ran over the code the directive covers and
// reported nothing there. Directives for rules that were not run (disabled
// in sdl.yaml or by a flag) are not reported.
//
// # Why it matters
//
// A stale suppression is a hole waiting for a new bug: when the code under
// it changes, a real finding of the same rule is hidden without anyone
// having judged it. Removing directives as soon as they are unnecessary
// keeps every suppression tied to a reviewed decision.
//
// # Insecure example
//
//	//sdl:ignore SDL601 -- the client gets a timeout below
//	client := &http.Client{Timeout: 10 * time.Second}
//
// # Fixed example
//
//	client := &http.Client{Timeout: 10 * time.Second}
//
// # References
//
//   - staticcheck's unused ignore directives, https://staticcheck.dev/docs/configuration/#ignoring-problems
package suppress
