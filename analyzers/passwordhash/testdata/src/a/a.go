package a

import (
	"bytes"
	"crypto"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	stdsha3 "crypto/sha3"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/bcrypt"
	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/sha3"

	fake "example.com/fake/sha256"
)

type User struct {
	Name         string
	Password     string
	PasswordHash string
}

func (u *User) GetPassword() string { return u.Password }

type LoginRequest struct {
	Username string `json:"username"`
	Pass     string `json:"pass"`
}

var pepper = []byte("pepper")

func parameter(password string) string {
	sum := sha256.Sum256([]byte(password)) // want `password hashed with SHA-256, a fast hash`
	return hex.EncodeToString(sum[:])
}

func field(u *User) {
	sum := md5.Sum([]byte(u.Password)) // want `password hashed with MD5, a fast hash`
	u.PasswordHash = hex.EncodeToString(sum[:])
}

func streaming(pw []byte) []byte {
	h := sha1.New()
	h.Write(pw) // want `password hashed with SHA-1`
	return h.Sum(nil)
}

func salted(salt, password string) []byte {
	h := sha512.New()
	io.WriteString(h, salt+password) // want `password hashed with SHA-512`
	return h.Sum(nil)
}

func formatted(salt []byte, passwd string) []byte {
	h := sha256.New224()
	fmt.Fprintf(h, "%x:%s", salt, passwd) // want `password hashed with SHA-224`
	return h.Sum(nil)
}

func appended(salt []byte, userPWD []byte) [64]byte {
	return sha512.Sum512(append(salt, userPWD...)) // want `password hashed with SHA-512`
}

func hmacKey(password string, msg []byte) []byte {
	mac := hmac.New(sha256.New, []byte(password)) // want `password used as an HMAC key`
	mac.Write(msg)
	return mac.Sum(nil)
}

func hmacData(password string) []byte {
	mac := hmac.New(sha256.New, pepper)
	mac.Write([]byte(password)) // want `password hashed with HMAC`
	return mac.Sum(nil)
}

func form(r *http.Request) string {
	sum := sha256.Sum256([]byte(r.FormValue("password"))) // want `password hashed with SHA-256`
	return hex.EncodeToString(sum[:])
}

func getter(u *User) [16]byte {
	return md5.Sum([]byte(u.GetPassword())) // want `password hashed with MD5`
}

func mapKey(data map[string]interface{}) [32]byte {
	return sha256.Sum256([]byte(data["password"].(string))) // want `password hashed with SHA-256`
}

func jsonField(req LoginRequest) [32]byte {
	return sha256.Sum256([]byte(req.Pass)) // want `password hashed with SHA-256`
}

func localFlow(newPassword string) [32]byte {
	data := []byte(strings.TrimSpace(newPassword))
	return sha256.Sum256(data) // want `password hashed with SHA-256`
}

func concatenated(db_passwd, salt string) [20]byte {
	saltedPassword := salt + db_passwd
	return sha1.Sum([]byte(saltedPassword)) // want `password hashed with SHA-1`
}

func combinedName(passwordWithSalt string) [32]byte {
	return sha256.Sum256([]byte(passwordWithSalt)) // want `password hashed with SHA-256`
}

func sliceElement(passwords []string, i int) [32]byte {
	return sha256.Sum256([]byte(passwords[i])) // want `password hashed with SHA-256`
}

func pointer(pwd *string) [32]byte {
	return sha256.Sum256([]byte(*pwd)) // want `password hashed with SHA-256`
}

func sha3Family(passphrase string) ([32]byte, [32]byte, [32]byte) {
	return sha3.Sum256([]byte(passphrase)), // want `password hashed with SHA-3`
		stdsha3.Sum256([]byte(passphrase)), // want `password hashed with SHA-3`
		blake2b.Sum256([]byte(passphrase)) // want `password hashed with BLAKE2b`
}

func cryptoHash(password string) []byte {
	h := crypto.SHA256.New()
	h.Write([]byte(password)) // want `password hashed with crypto.SHA256`
	return h.Sum(nil)
}

func fnvHash(password string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(password)) // want `password hashed with FNV`
	return h.Sum64()
}

func keyDerivation(passphrase string) []byte {
	key := sha256.Sum256([]byte(passphrase)) // want `password hashed with SHA-256`
	return key[:]
}

func envPassword() [32]byte {
	return sha256.Sum256([]byte(os.Getenv("ADMIN_PASSWORD"))) // want `password hashed with SHA-256`
}

func sumMisuse(password string) []byte {
	return sha256.New().Sum([]byte(password)) // want `Sum does not hash its argument`
}

func verifyStored(u *User, password string) bool {
	sum := sha256.Sum256([]byte(password)) // want `password hashed with SHA-256`
	return subtle.ConstantTimeCompare([]byte(hex.EncodeToString(sum[:])), []byte(u.PasswordHash)) == 1
}

// A function whose name says it hashes a password.
func HashPassword(p string) string {
	sum := sha256.Sum256([]byte(p)) // want `password hashed with SHA-256`
	return hex.EncodeToString(sum[:])
}

func (u *User) SetPassword(plain string) {
	sum := sha512.Sum512([]byte(plain)) // want `password hashed with SHA-512`
	u.PasswordHash = hex.EncodeToString(sum[:])
}

// A generic helper: the calls that pass a password are reported.
func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func register(u *User, password string, avatar []byte) {
	u.PasswordHash = sha256Hex(password) // want `password hashed with SHA-256 \(in sha256Hex\)`
	_ = sha256Hex(string(avatar))
}

// Stored where a password hash is kept, whatever the input is called.
func storedInField(u *User, secret string) {
	sum := sha256.Sum256([]byte(secret)) // want `password hashed with SHA-256`
	u.PasswordHash = hex.EncodeToString(sum[:])
}

func storedInLiteral(name, input string) User {
	h := md5.New()
	h.Write([]byte(input)) // want `password hashed with MD5`
	digest := hex.EncodeToString(h.Sum(nil))
	return User{Name: name, PasswordHash: digest}
}

type execer interface {
	Exec(query string, args ...any) (any, error)
}

func storedInDatabase(db execer, name, plain string) {
	sum := sha1.Sum([]byte(plain)) // want `password hashed with SHA-1`
	db.Exec("INSERT INTO users (name, password_hash) VALUES (?, ?)", name, hex.EncodeToString(sum[:]))
}

func checkedAgainstStored(u *User, input string) bool {
	sum := sha256.Sum256([]byte(input)) // want `password hashed with SHA-256`
	return hex.EncodeToString(sum[:]) == u.PasswordHash
}

func checkedInConstantTime(hashedPassword []byte, input string) bool {
	h := sha512.New()
	h.Write([]byte(input)) // want `password hashed with SHA-512`
	return subtle.ConstantTimeCompare(h.Sum(nil), hashedPassword) == 1
}

func storedViaHelper(u *User, input string) {
	u.PasswordHash = sha256Hex(input) // want `password hashed with SHA-256 \(in sha256Hex\)`
}

// Quiet.

func storedToken(db execer, u *User, resetToken, id string) {
	sum := sha256.Sum256([]byte(resetToken))
	db.Exec("UPDATE users SET password_reset_token = ? WHERE id = ?", hex.EncodeToString(sum[:]), id)
	u.PasswordHash = sha256Hex(resetToken)
}

func notPasswords(passwordHash, hashedPassword, passwordResetToken, pwdSalt string) {
	sha256.Sum256([]byte(passwordHash))
	sha256.Sum256([]byte(hashedPassword))
	sha256.Sum256([]byte(passwordResetToken))
	sha256.Sum256([]byte(pwdSalt))
}

func lookAlikeWords(bypass, compass, passage, passport string, passCount int) {
	md5.Sum([]byte(bypass + compass + passage + passport))
	sha256.Sum256([]byte(strconv.Itoa(passCount)))
}

func etag(contents []byte, token string) string {
	sum := sha256.Sum256(contents)
	tok := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:]) + hex.EncodeToString(tok[:])
}

func preHash(password string) ([]byte, error) {
	pre := sha512.Sum512([]byte(password))
	return bcrypt.GenerateFromPassword([]byte(hex.EncodeToString(pre[:])), bcrypt.DefaultCost)
}

func peppered(password string, salt []byte) []byte {
	mac := hmac.New(sha256.New, pepper)
	mac.Write([]byte(password))
	return argon2.IDKey(mac.Sum(nil), salt, 1, 64*1024, 4, 32)
}

func preHashHelper(pw string) ([]byte, error) {
	pre := sha256.Sum256([]byte(pw))
	return slowHash(pre[:])
}

func slowHash(b []byte) ([]byte, error) {
	return bcrypt.GenerateFromPassword(b, bcrypt.DefaultCost)
}

// The Pwned Passwords range API takes a SHA-1 prefix by design.
func pwned(password string) (*http.Response, error) {
	sum := sha1.Sum([]byte(password))
	prefix := strings.ToUpper(hex.EncodeToString(sum[:]))[:5]
	return http.Get("https://api.pwnedpasswords.com/range/" + prefix)
}

func slow(password string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
}

// The constant-time comparison idiom of basic authentication.
func basicAuth(r *http.Request, expectedUser, expectedPassword string) bool {
	username, password, ok := r.BasicAuth()
	if !ok {
		return false
	}
	usernameHash := sha256.Sum256([]byte(username))
	passwordHash := sha256.Sum256([]byte(password))
	expectedUsernameHash := sha256.Sum256([]byte(expectedUser))
	expectedPasswordHash := sha256.Sum256([]byte(expectedPassword))
	userMatch := subtle.ConstantTimeCompare(usernameHash[:], expectedUsernameHash[:]) == 1
	passMatch := subtle.ConstantTimeCompare(passwordHash[:], expectedPasswordHash[:]) == 1
	return userMatch && passMatch
}

func equalHashes(a, password string) bool {
	return bytes.Equal(md5.New().Sum(nil), nil) && sha256.Sum256([]byte(a)) == sha256.Sum256([]byte(password))
}

// HTTP Digest authentication prescribes MD5 over the password.
func digestResponse(username, realm, password, nonce, uri string) string {
	ha1 := md5.Sum([]byte(username + ":" + realm + ":" + password))
	ha2 := md5.Sum([]byte("GET:" + uri))
	resp := md5.Sum([]byte(hex.EncodeToString(ha1[:]) + ":" + nonce + ":" + hex.EncodeToString(ha2[:])))
	return hex.EncodeToString(resp[:])
}

func resetPasswordToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func pipe(h io.Writer) {
	pr, pw := io.Pipe()
	_ = pr
	fmt.Fprint(sha256.New(), pw)
}

func policy() [32]byte {
	return sha256.Sum256([]byte(os.Getenv("PASSWORD_POLICY")))
}

func lookalike(password string) {
	fake.Sum256([]byte(password))
	new(fake.Hasher).Write([]byte(password))
}
