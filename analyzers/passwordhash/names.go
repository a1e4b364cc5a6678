package passwordhash

import (
	"strings"
	"unicode"
)

// kind classifies a name (of a variable, field, parameter, method or map
// key) by what it suggests the value holds.
type kind int

const (
	neutral  kind = iota
	password      // a password itself
	derived       // something about a password that is not the password: its hash, a reset token, a salt...
)

// words splits an identifier or key into lower-case words: on anything
// that is not a letter or a digit, and at camel-case boundaries, keeping
// acronyms together ("HTTPPassword" is "http", "password"; "userPWD" is
// "user", "pwd") and digits with the letters before them ("sha256").
func words(name string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if len(cur) > 0 && unicode.IsUpper(r) {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

// passwordWords are whole words that denote a password.
var passwordWords = map[string]bool{
	"password": true, "passwords": true, "passwd": true, "passwds": true,
	"passphrase": true, "passphrases": true, "passcode": true,
	"pwd": true, "pwds": true, "pw": true, "pass": true, "pword": true,
}

// isPasswordWord reports whether one word denotes a password: a word of
// passwordWords, or a word containing "password", "passwd" or
// "passphrase" (lower-case compounds such as "userpassword"), but not
// "passwordless".
func isPasswordWord(w string) bool {
	if passwordWords[w] {
		return true
	}
	if strings.Contains(w, "passwordless") {
		return false
	}
	return strings.Contains(w, "password") || strings.Contains(w, "passwd") || strings.Contains(w, "passphrase")
}

// derivedWords, next to a password word, make a name denote something
// other than the password: its hash or encrypted form, a salt, a reset
// token or code, a policy...
var derivedWords = map[string]bool{
	"hash": true, "hashed": true, "hashes": true, "digest": true, "digests": true,
	"token": true, "tokens": true, "nonce": true, "otp": true, "code": true, "codes": true,
	"salt": true, "salts": true, "key": true, "keys": true, "pepper": true,
	"enc": true, "encrypted": true, "encoded": true, "crypt": true, "crypted": true, "cipher": true, "ciphertext": true,
	"sha": true, "sha1": true, "sha256": true, "sha512": true, "md5": true, "hmac": true, "mac": true,
	"sig": true, "signature": true, "bcrypt": true, "scrypt": true, "argon2": true, "argon2id": true, "pbkdf2": true,
	"policy": true, "length": true, "len": true, "hint": true, "regex": true, "regexp": true, "pattern": true,
	"rule": true, "rules": true, "field": true, "label": true, "placeholder": true, "url": true, "link": true, "id": true,
}

// classify tells what a name suggests about its value. A name is a
// password when one of its words denotes a password and none of them
// denotes something derived from one: "password", "newPassword",
// "userPass", "db_passwd" and "adminPWD" are passwords; "passwordHash",
// "hashedPassword", "passwordResetToken" and "pwdSalt" are derived; and
// "bypass", "compass", "passage" and "passport" are neutral (a password
// word must be a whole word, except for "password", "passwd" and
// "passphrase").
func classify(name string) kind {
	ws := words(name)
	found := false
	for _, w := range ws {
		if isPasswordWord(w) {
			found = true
		}
	}
	if !found {
		return neutral
	}
	combined := false // "passwordWithSalt", "saltAndPassword"
	for _, w := range ws {
		if w == "with" || w == "and" || w == "plus" {
			combined = true
		}
	}
	for _, w := range ws {
		if derivedWords[w] && !(combined && (w == "salt" || w == "pepper")) {
			return derived
		}
	}
	return password
}

// funcDerivedWords, in the name of a function that mentions passwords,
// say that the function does not handle the password itself.
var funcDerivedWords = map[string]bool{
	"token": true, "tokens": true, "nonce": true, "otp": true, "code": true, "link": true,
	"url": true, "uri": true, "email": true, "mail": true, "id": true, "reset": true,
	"policy": true, "strength": true, "length": true, "hint": true, "regex": true, "pattern": true,
	"rule": true, "rules": true, "field": true, "label": true, "expiry": true, "expiration": true,
}

// isPasswordFunc reports whether a function's name says it handles a
// password: "hashPassword", "HashPassword", "encryptPwd", "SetPassword",
// "checkPassword", but not "passwordResetToken" or "sendPasswordResetEmail".
func isPasswordFunc(name string) bool {
	ws := words(name)
	found := false
	for _, w := range ws {
		if isPasswordWord(w) {
			found = true
		}
		if funcDerivedWords[w] {
			return false
		}
	}
	return found
}

// protocolWords, among the other parts of hashed data, show a
// challenge-response protocol that prescribes the hash (HTTP Digest,
// SCRAM, database handshakes): the value is sent, not stored.
var protocolWords = map[string]bool{
	"realm": true, "nonce": true, "cnonce": true, "challenge": true, "scramble": true,
}

func isProtocolName(name string) bool {
	for _, w := range words(name) {
		if protocolWords[w] {
			return true
		}
	}
	return false
}

// randomWords name values that are random secrets rather than passwords:
// hashing them fast is right.
var randomWords = map[string]bool{
	"token": true, "tokens": true, "nonce": true, "otp": true, "code": true, "salt": true,
	"key": true, "apikey": true, "uuid": true, "random": true, "rand": true, "session": true,
}

func isRandomName(name string) bool {
	for _, w := range words(name) {
		if randomWords[w] {
			return true
		}
	}
	return false
}
