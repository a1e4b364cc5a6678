package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"
)

// FingerprintKey is the SARIF partialFingerprints key under which sdlkit
// writes its fingerprints.
const FingerprintKey = "sdlFingerprint/v1"

// NormalizeContext collapses every run of white space in a source excerpt to
// one space and trims the ends, so re-indentation does not change a
// fingerprint.
func NormalizeContext(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// AssignFingerprints computes the fingerprint of every finding that has none.
//
// A fingerprint is a hash of the rule, the file and the normalised code
// context (never a line number), plus the finding's rank among findings with
// the same rule, file and context in position order, so inserting or deleting
// lines elsewhere in the file leaves it unchanged. Findings without context
// use their message instead. fs must be sorted with Sort.
func AssignFingerprints(fs []Finding) {
	ptrs := make([]*Finding, len(fs))
	for i := range fs {
		ptrs[i] = &fs[i]
	}
	FingerprintAll(ptrs)
}

// FingerprintAll is AssignFingerprints over pointers to findings, in the
// order Sort would put them.
func FingerprintAll(fs []*Finding) {
	// Sorted findings with the same path are adjacent, and only findings
	// with the same path can share a key: one small map per path.
	type key struct{ tool, rule, ctx string }
	seen := make(map[key]int)
	path := ""
	for _, f := range fs {
		if f.Location.Path != path {
			path = f.Location.Path
			clear(seen)
		}
		if f.Fingerprint != "" {
			continue
		}
		ctx := f.Context
		if ctx == "" {
			ctx = "\x00" + f.Message
		}
		k := key{f.Tool, f.RuleID, ctx}
		n := seen[k]
		seen[k] = n + 1
		f.Fingerprint = Fingerprint(f.RuleID, f.Location.Path, ctx, n)
	}
}

// Fingerprint hashes a rule, a path, a normalised context and an occurrence
// index into a stable identifier.
func Fingerprint(rule, path, context string, occurrence int) string {
	h := sha256.New()
	for _, s := range []string{rule, path, context, strconv.Itoa(occurrence)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
