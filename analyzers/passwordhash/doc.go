// Package passwordhash defines an Analyzer that reports passwords hashed
// with fast hash functions instead of a password hashing function.
//
// # Analyzer passwordhash
//
// passwordhash: report passwords hashed with MD5, SHA-1, SHA-2, SHA-3 or another fast hash instead of bcrypt, scrypt, argon2id or PBKDF2
//
// The analyzer reports a password fed to a fast hash: the one-shot
// functions of crypto/md5, crypto/sha1, crypto/sha256, crypto/sha512,
// crypto/sha3, golang.org/x/crypto/sha3, blake2b and blake2s (md5.Sum,
// sha256.Sum256, ...), and the checksums of hash/crc32, crc64 and
// adler32; Write and WriteString on any hash.Hash (sha256.New(),
// hmac.New(...), crypto.SHA256.New(), fnv...), io.WriteString and
// fmt.Fprint* into one; and hmac.New with the password as key. It also
// reports h.Sum(password), which does not hash the password at all but
// appends the digest to it.
//
// Whether the data is a password is decided from names, since types do
// not say it: the data is followed through conversions, concatenation
// (salt+password), append, fmt.Sprint*, the strings and bytes helpers
// (ToLower, TrimSpace, Join...) and local variables, to variables,
// constants, parameters, struct fields (user.Password), getters
// (u.GetPassword()), map keys (form["password"]) and lookups by a
// constant key (r.FormValue("password"), os.Getenv("DB_PASSWORD")). A
// name denotes a password when, split into words at camel-case and
// punctuation boundaries, one word is password, passwd, passphrase,
// passcode, pwd, pw or pass (or contains password, passwd or passphrase,
// as in userpassword), and no word says it is something else: hash,
// hashed, digest, token, nonce, otp, code, salt, key, encrypted, encoded,
// sha256, md5, bcrypt, policy, length, hint, regex, url, id and the like.
// So password, newPassword, userPass, db_passwd, adminPWD and
// saltedPassword are passwords; passwordHash, hashedPassword,
// passwordResetToken (random and high-entropy: a fast hash is right for
// it) and pwdSalt are not; and bypass, compass, passage and passport
// contain no password word. Only string and byte-slice values count.
//
// A parameter with a neutral name counts as a password inside a function
// whose name says it handles one (hashPassword, SetPassword,
// checkPasswd, but not passwordResetToken). When a helper of the package
// hashes a neutral parameter (sha256Hex(s)), the calls that pass it a
// password are reported, at the call.
//
// Data with any other name is reported too when the hash ends up where a
// password hash is kept, or is checked against one: assigned to a
// variable or field, or given to a struct literal key, whose name
// combines a password word with hash, digest, encrypted and the like
// (user.PasswordHash = hex.EncodeToString(sum[:])), passed to a call next
// to a string naming such a column (an SQL statement setting
// password_hash), or compared with such a value; unless the data is named
// like a random secret (token, key, nonce, salt, code, session).
//
// Not reported: hashing data that is not named like a password; a fast
// hash whose result, or hash state, feeds bcrypt, scrypt, argon2 or
// PBKDF2 in the same function, directly or through a helper of the
// package that calls one (pre-hashing or peppering before a slow hash);
// the SHA-1 a Pwned Passwords range query needs (a function that calls
// api.pwnedpasswords.com); hashing that serves a constant-time comparison with another hash
// computed in the same function (the idiom that equalises lengths before
// subtle.ConstantTimeCompare); challenge-response protocols that mix in a
// realm, nonce, challenge or scramble (HTTP Digest, database handshakes);
// and files ending in _test.go. gosec's G401 reports every use of MD5 and
// SHA-1; this rule is about password storage and reports any fast hash,
// SHA-256 and SHA-512 included.
//
// # Why it matters
//
// Password databases leak. General-purpose hashes are designed to be
// fast: a single GPU computes billions of SHA-256 or MD5 hashes per
// second, so most human-chosen passwords behind a leaked fast hash are
// recovered within hours, salted or not (a salt only defeats precomputed
// tables). Password hashing functions (bcrypt, scrypt, argon2id, PBKDF2
// with a high iteration count) are deliberately slow and, for scrypt and
// argon2id, memory-hard, which makes each guess thousands of times more
// expensive.
//
// # Insecure example
//
//	sum := sha256.Sum256([]byte(salt + password))
//	user.PasswordHash = hex.EncodeToString(sum[:])
//
// # Fixed example
//
//	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
//	if err != nil {
//		return err
//	}
//	user.PasswordHash = string(hash)
//
// # References
//
//   - CWE-916: Use of Password Hash With Insufficient Computational Effort, https://cwe.mitre.org/data/definitions/916.html
//   - CWE-328: Use of Weak Hash, https://cwe.mitre.org/data/definitions/328.html
//   - OWASP Password Storage Cheat Sheet, https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html
//   - NIST SP 800-63B, section 5.1.1.2 (Memorized Secret Verifiers), https://pages.nist.gov/800-63-3/sp800-63b.html#memsecretver
//   - golang.org/x/crypto/bcrypt, https://pkg.go.dev/golang.org/x/crypto/bcrypt
package passwordhash
