package a

import "testing"

// Test files are not checked.
func TestLogin(t *testing.T) {
	if conf.AuthCodeURL("state") == "" {
		t.Fatal("empty")
	}
}
