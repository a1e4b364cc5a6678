package a

import (
	"crypto/md5"
	"testing"
)

// Test files are not checked.
func TestLegacyHash(t *testing.T) {
	password := "secret"
	_ = md5.Sum([]byte(password))
}
