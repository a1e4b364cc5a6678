// Package loginjection defines sdlkit's log injection taint rule:
// untrusted input written as the message of a log record, through gosec's
// taint engine.
//
// # Analyzer loginjection
//
// loginjection: untrusted input reaches a log message (log, log/slog, logrus, zap, zerolog, glog, klog)
//
// The rule follows request data, command-line arguments, environment
// variables and network input (the sources of sdlkit's taint rules) through
// local variables, concatenation, fmt.Sprintf, struct fields and the
// package's own helpers to the message of a log call:
//
//   - log: Print, Printf, Println, Fatal*, Panic* and the *log.Logger methods;
//   - log/slog: the message of Info, Warn, Error, Debug, Log and LogAttrs
//     (and their Context forms), functions and *slog.Logger methods;
//   - logrus: Print, Trace, Debug, Info, Warn, Warning, Error, Fatal and
//     Panic with their f and ln forms, as functions and on *Logger and *Entry;
//   - zap: the message of *zap.Logger's level methods, and the arguments of
//     *zap.SugaredLogger's (Info, Infof, Infow, Infoln and the other levels);
//   - zerolog: Msg and Msgf of *zerolog.Event, Print and Printf of
//     *zerolog.Logger and of the zerolog/log package;
//   - glog and klog (v1 and v2): Info, Warning, Error, Fatal and Exit with
//     their f, ln and Depth forms, klog's InfoS and ErrorS messages, and the
//     methods of Verbose.
//
// Structured fields (slog attributes, zap fields, logrus WithField values,
// zerolog Str, klog key-value pairs) are quoted or JSON-encoded by the
// libraries and are not sinks. strconv.Quote, url.QueryEscape,
// json.Marshal, strings.ReplaceAll (to strip line breaks), a
// strings.Replacer and numeric conversions end the flow.
//
// This rule supersedes gosec's G706, which knows log and log/slog only:
// when both are enabled, the suite runs this rule in place of G706.
//
// # Why it matters
//
// A log line that contains user input as written lets an attacker add line
// breaks and forge entries (a fake "login succeeded for admin"), hide their
// traces among fabricated records, or inject terminal escape sequences and
// markup into the tools that display logs. Log records are evidence; forged
// records mislead incident response.
//
// # Insecure example
//
//	func login(c *gin.Context) {
//		user := c.PostForm("user")
//		logger.Info("login failed for " + user)
//	}
//
// # Fixed example
//
//	func login(c *gin.Context) {
//		logger.Info("login failed", zap.String("user", c.PostForm("user")))
//	}
//
// # References
//
//   - CWE-117: Improper Output Neutralization for Logs, https://cwe.mitre.org/data/definitions/117.html
//   - OWASP Logging Cheat Sheet, https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html
//   - OWASP Log Injection, https://owasp.org/www-community/attacks/Log_Injection
package loginjection
