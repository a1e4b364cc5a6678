// Package cmdinjection defines sdlkit's command injection taint rule:
// untrusted input used as the program or the arguments of a process the
// service starts, through gosec's taint engine.
//
// # Analyzer cmdinjection
//
// cmdinjection: untrusted input is the program or an argument of a process the service starts (os/exec, os, syscall, x/sys/unix)
//
// The rule follows request data and the other sources of sdlkit's taint
// rules (net/http, gin, echo, fiber and chi, bound and decoded request
// bodies, the command line, the environment, network connections) through
// local variables, concatenation, fmt.Sprintf, struct fields and the
// package's own helpers to:
//
//   - exec.Command (the program and every argument) and exec.CommandContext
//     (the program and the arguments, not the context);
//   - os.StartProcess (the program and the argument list);
//   - syscall.Exec, syscall.ForkExec and syscall.StartProcess, and
//     golang.org/x/sys/unix's Exec (the program and the argument list).
//
// It reports where the command is created, not where it runs: one finding
// per command, whether it is then Run, Start, Output or CombinedOutput.
//
// A value passed to a shell (exec.Command("sh", "-c", cmd)) is the worst
// case, and the one the rule exists for: the input is parsed as a command
// line, and ";", "|", "$(...)" and backquotes run what the attacker wrote.
// A value passed as its own argument to a program (exec.Command("git",
// "log", ref)) cannot start another command, but it can still be an option
// of that program ("--upload-pack=...", "-o", "--output=/etc/..."): it is
// reported too.
//
// The numeric conversions end the flow, and so does quoting for a POSIX
// shell with github.com/alessio/shellescape's Quote or
// github.com/kballard/go-shellquote's Join: a quoted value is one word of
// the shell's command line. Quoting does not stop a value that starts with
// "-" from being an option of the program: end the options with "--" before
// it. The engine sees calls, not conditions: an allow-list check before the
// call does not end the flow; take the value from the allow-list (a map
// from the accepted names to constant arguments) instead.
//
// This rule supersedes gosec's G702, which knows the same calls but only
// net/http requests, the command line, the environment and bufio readers as
// sources: when both are enabled, the suite runs this rule in place of
// G702, and gosec's G204 (a command started with a variable) gives way to
// it inside the calls it reports.
//
// # Why it matters
//
// A command built from request data runs with the service's identity and
// privileges: the attacker reads its secrets and files, moves to other hosts
// of its network, or installs what they like. In a container image that
// ships a shell, one sh -c with a query parameter is remote code execution.
//
// # Insecure example
//
//	func ping(c *gin.Context) {
//		out, err := exec.Command("sh", "-c", "ping -c 1 "+c.Query("host")).CombinedOutput()
//		...
//	}
//
// # Fixed example
//
//	func ping(c *gin.Context) {
//		addr, err := netip.ParseAddr(c.Query("host"))
//		if err != nil {
//			c.Status(http.StatusBadRequest)
//			return
//		}
//		// No shell, the options ended, and the address in its canonical form.
//		out, err := exec.Command("ping", "-c", "1", "--", addr.String()).CombinedOutput()
//		...
//	}
//
// The fixed example still passes request data to the program: the rule
// reports it, and the finding is suppressed with the reason
// (//sdl:ignore SDL909 -- the host is parsed as an IP address and follows
// "--"), or the address is checked against an allow-list map and taken
// from it.
//
// # References
//
//   - CWE-78: Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection'), https://cwe.mitre.org/data/definitions/78.html
//   - CWE-88: Improper Neutralization of Argument Delimiters in a Command ('Argument Injection'), https://cwe.mitre.org/data/definitions/88.html
//   - OWASP OS Command Injection Defense Cheat Sheet, https://cheatsheetseries.owasp.org/cheatsheets/OS_Command_Injection_Defense_Cheat_Sheet.html
package cmdinjection
