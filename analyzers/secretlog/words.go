package secretlog

import (
	"strings"
	"unicode"
)

// splitWords splits an identifier or a key into lower-case words:
// camelCase, PascalCase with acronyms (APIKey → api, key), snake_case,
// kebab-case, dotted keys and digits.
func splitWords(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsDigit(r):
			if len(cur) > 0 && !unicode.IsDigit(cur[len(cur)-1]) {
				flush()
			}
		case unicode.IsUpper(r):
			if len(cur) > 0 {
				prev := cur[len(cur)-1]
				nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
				if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
					flush()
				}
			}
		default: // lower case
			if len(cur) > 0 && unicode.IsDigit(cur[len(cur)-1]) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// Single words that name a secret value.
var secretWords = map[string]bool{
	"password": true, "passwords": true, "passwd": true, "passphrase": true, "passcode": true,
	"secret": true, "secrets": true,
	"token":  true,
	"apikey": true, "accesskey": true, "secretkey": true, "privatekey": true, "privkey": true,
	"signingkey": true, "encryptionkey": true, "masterkey": true,
	"credential": true, "credentials": true, "creds": true, "cred": true,
	"bearer": true, "sessionid": true, "sessid": true, "jwt": true, "dsn": true, "otp": true,
	"connstr": true, "connectionstring": true,
	// Payment and identity data.
	"ssn": true, "cvv": true, "cvc": true, "creditcard": true, "cardnumber": true,
}

// Words that name a secret only as the last word of a name (dbPass,
// sessionCookie), since they have other meanings before another word
// (passThrough, cookieJar).
var lastOnlyWords = map[string]bool{
	"pass": true, "cookie": true, "pwd": true, "auth": true, "authorization": true,
}

// Two-word names of secrets: the first word, then the words that may
// follow it.
var secretPairs = map[string]map[string]bool{
	"api":           {"key": true, "keys": true, "secret": true},
	"access":        {"key": true},
	"private":       {"key": true},
	"signing":       {"key": true, "secret": true},
	"encryption":    {"key": true},
	"master":        {"key": true},
	"hmac":          {"key": true, "secret": true},
	"session":       {"id": true, "key": true, "secret": true},
	"conn":          {"str": true, "string": true},
	"connection":    {"string": true},
	"auth":          {"header": true, "value": true, "str": true, "string": true, "code": true, "hdr": true, "key": true},
	"authorization": {"header": true, "value": true, "code": true},
	"client":        {"secret": true},
	"basic":         {"auth": true},
	"credit":        {"card": true},
	"card":          {"number": true, "num": true, "no": true, "cvv": true, "cvc": true},
	"cc":            {"number": true, "num": true},
	"security":      {"number": true},
}

// Words that may follow a secret word in the name of its value
// (passwordConfirm, tokenString, secretBytes).
var valueWords = map[string]bool{
	"value": true, "val": true, "str": true, "string": true, "bytes": true, "byte": true, "raw": true,
	"plain": true, "plaintext": true, "cleartext": true, "text": true, "b64": true, "base64": true,
	"hex": true, "data": true, "input": true, "in": true, "header": true, "hdr": true, "cookie": true,
	"confirm": true, "confirmation": true, "again": true, "repeat": true, "retype": true,
	"new": true, "old": true, "current": true, "encoded": true, "b": true, "s": true,
	"pem": true, "der": true, "json": true,
}

// Words before a secret word that make the name describe it rather than
// hold it (hasToken, maxPasswordLen, hashedPassword).
var negatingPrefixes = map[string]bool{
	"has": true, "is": true, "no": true, "num": true, "number": true, "max": true, "min": true,
	"hashed": true, "hash": true, "encrypted": true, "enc": true, "masked": true, "mask": true,
	"redacted": true, "redact": true, "missing": true, "require": true, "requires": true,
	"required": true, "need": true, "needs": true, "len": true, "count": true, "total": true,
	"check": true, "verify": true, "validate": true, "compare": true, "sanitize": true,
	"sanitized": true, "obfuscated": true, "obfuscate": true, "scrub": true, "scrubbed": true,
	"should": true, "use": true, "uses": true, "allow": true, "allowed": true, "skip": true,
	"without": true, "reset": true, "forgot": true, "forgotten": true,
}

// Words in a function name that say its result is not the secret itself.
var redactingWords = map[string]bool{
	"redact": true, "redacted": true, "mask": true, "masked": true, "sanitize": true, "sanitized": true,
	"obfuscate": true, "obfuscated": true, "scrub": true, "censor": true, "hide": true, "hidden": true,
	"hash": true, "hashed": true, "digest": true, "fingerprint": true, "truncate": true,
	"anonymize": true, "strip": true, "elide": true, "shorten": true, "preview": true,
}

// secretName reports whether a name (an identifier, or a key such as
// "DB_PASSWORD" or "X-API-Key") names a value that is a secret.
func secretName(name string) bool {
	return secretWordsIn(splitWords(name))
}

func secretWordsIn(w []string) bool {
	n := len(w)
	for i := 0; i < n; i++ {
		end := -1 // index of the last word of a term starting at i
		switch {
		case secretPairs[w[i]] != nil && i+1 < n && secretPairs[w[i]][w[i+1]]:
			end = i + 1
		case secretWords[w[i]]:
			end = i
		case lastOnlyWords[w[i]]:
			if i != n-1 {
				continue
			}
			if w[i] == "pwd" && i == 0 {
				continue // pwd alone is often the working directory
			}
			end = i
		default:
			continue
		}
		if i > 0 && negatingPrefixes[w[i-1]] {
			i = end
			continue
		}
		if end == n-1 {
			return true
		}
		next := w[end+1]
		if valueWords[next] || isDigits(next) {
			return true
		}
		i = end // a descriptor such as tokenExpiry: look further
	}
	return false
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// redactingName reports whether a function name says its result hides the
// value it is given (redactToken, maskPassword, hashSecret).
func redactingName(name string) bool {
	for _, w := range splitWords(name) {
		if redactingWords[w] {
			return true
		}
	}
	return false
}
