// Package secretlog defines an Analyzer that reports passwords, tokens,
// keys and other secrets written to logs.
//
// # Analyzer secretlog
//
// secretlog: report passwords, tokens, keys and other secrets written to logs
//
// The analyzer reports a value passed to a logging call when the value
// holds a secret:
//
//   - its name (a variable, field, method or function) says so, as a word
//     of a camelCase or snake_case identifier: password, passwd,
//     passphrase, secret, token, API key, access key, private key,
//     signing key, credentials, bearer, session ID, JWT, DSN or connection
//     string, cookie, an authorization header, or payment and identity
//     numbers (credit card number, CVV, SSN);
//   - its type says so: a named string or byte-slice type with such a name
//     (type APIKey string), an RSA, ECDSA, Ed25519 or ECDH private key, a
//     tls.Certificate, an oauth2.Token, a JWT token, an http.Cookie, or the
//     headers of a request (http.Header, a whole *http.Request);
//   - it is read under such a key: os.Getenv("DB_PASSWORD"),
//     r.Header.Get("Authorization"), r.FormValue("password"), m["token"];
//   - it is a struct whose fields (or nested fields) hold such values,
//     logged whole (log.Printf("%+v", cfg) with a Password field);
//   - it is logged under a field key naming a secret (zap.String("token",
//     t), slog.Any("password", p), logrus.WithField("api_key", k), a
//     logrus.Fields entry, a key-value pair of slog, zap's SugaredLogger,
//     logr or zerolog).
//
// The value may reach the call through conversions, dereferences, String
// and Bytes methods, concatenation, fmt.Sprintf and strings functions,
// base64 or hex encoding, and local variables. Logging calls are those of
// log (package functions and *log.Logger), log/slog (package functions
// and *slog.Logger, including With), fmt.Print, Printf and Println and
// fmt.Fprint* to os.Stdout, os.Stderr or a log writer, the print and
// println built-ins, go.uber.org/zap (*Logger and *SugaredLogger), logrus
// (package functions, *Logger, *Entry, WithField, WithFields), zerolog
// events and contexts, and logr. A function of the same package that
// passes its parameters on to one of those calls (a logging wrapper) is
// treated like it at each of its call sites.
//
// Names that describe a secret rather than hold it are not reported:
// tokenizer, tokenCount, passwordPolicy, passwordLength, tokenExpiry,
// hasToken, secretName, secretID, keyID, passwordHash and the like (a word
// after the secret such as Len, Count, ID, Name, Expiry, Policy, URL, Path,
// File, Type, Hash, Source or Provider, or before it such as has, is, num,
// max, hashed, encrypted or masked). Neither are constants, numbers and
// booleans, errors, values passed through a function whose name says it
// redacts, masks, hashes or validates, cryptographic hashes, slices of a
// secret (a logged prefix), structs whose type formats itself (String,
// Format, LogValue, MarshalLogObject, MarshalJSON), struct fields tagged
// "-", writes to anything but the standard streams and loggers (an
// http.ResponseWriter or a strings.Builder is not a log), and _test.go
// files. A local variable named like a secret whose every assignment is a
// constant or such a redacted form is not reported either.
//
// # Why it matters
//
// Logs are copied to terminals, files, log shippers, SaaS platforms and
// backups, and are read by far more people and systems than the secrets
// they contain should reach. A password, API key or session token in a log
// line is a credential anyone with log access can replay, and it outlives
// rotation of the original store (CWE-532).
//
// # Insecure example
//
//	log.Printf("login %s with password %s", user, password)
//	logger.Info("calling API", zap.String("token", token))
//	slog.Debug("loaded config", "config", cfg) // cfg has a DBPassword field
//
// # Fixed example
//
//	log.Printf("login %s", user)
//	logger.Info("calling API", zap.String("token_id", tokenID))
//	slog.Debug("loaded config", "db_host", cfg.DBHost)
//
// # References
//
//   - CWE-532: Insertion of Sensitive Information into Log File, https://cwe.mitre.org/data/definitions/532.html
//   - OWASP Logging Cheat Sheet, https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html
//   - log/slog LogValuer, https://pkg.go.dev/log/slog#LogValuer
//   - zap ObjectMarshaler, https://pkg.go.dev/go.uber.org/zap/zapcore#ObjectMarshaler
package secretlog
