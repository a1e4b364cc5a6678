package main

import (
	"path/filepath"
	"strings"
	"testing"
)

const securityMD = "# Security\n\nReport vulnerabilities to security@contoso.com.\n\n## Supported versions\n\n| Version | Supported |\n| 1.x | yes |\n\nWe answer within 2 business days.\n"

func TestCheck(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	if code, _, errOut := sdl(t, "", "vulndb", "update", "--from", recordsDir(t, "2099-01-02T00:00:00Z"), "--dir", db); code != 0 {
		t.Fatalf("vulndb update: %s", errOut)
	}
	t.Run("everything passes", func(t *testing.T) {
		dir := module(t, map[string]string{"m.go": secure, "SECURITY.md": securityMD})
		code, out, errOut := sdl(t, dir, "check", "--offline", "--vulndb", db)
		if code != 0 {
			t.Fatalf("exit %d\n%s%s", code, out, errOut)
		}
		for _, want := range []string{
			"design          SKIPPED                no threatmodel.yaml (sdl init writes a starter)",
			"implementation  PASSED                 dependencies against the local database",
			"response plan   OK                     SECURITY.md",
			"sdl check: PASSED",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q:\n%s", want, out)
			}
		}
	})
	t.Run("a vulnerable dependency fails the implementation gate", func(t *testing.T) {
		dir := depsModule(t, map[string]string{"SECURITY.md": securityMD})
		code, out, _ := sdl(t, dir, "check", "--offline", "--vulndb", db, "--no-call-analysis")
		if code != 1 || !strings.Contains(out, "GO-2099-0101") || !strings.Contains(out, "implementation  FAILED") || !strings.Contains(out, "sdl check: FAILED") {
			t.Errorf("exit %d\n%s", code, out)
		}
	})
	t.Run("no database fails closed", func(t *testing.T) {
		dir := module(t, map[string]string{"m.go": secure, "SECURITY.md": securityMD})
		code, out, _ := sdl(t, dir, "check", "--offline", "--vulndb", filepath.Join(t.TempDir(), "none"))
		if code != 1 || !strings.Contains(out, "implementation  FAILED") || !strings.Contains(out, "dependencies NOT scanned: offline vulnerability database") {
			t.Errorf("exit %d\n%s", code, out)
		}
	})
	t.Run("no response plan fails", func(t *testing.T) {
		dir := module(t, map[string]string{"m.go": secure})
		code, out, _ := sdl(t, dir, "check", "--no-deps")
		if code != 1 || !strings.Contains(out, "response plan   MISSING                no SECURITY.md") {
			t.Errorf("exit %d\n%s", code, out)
		}
	})
	t.Run("a code finding fails the gate", func(t *testing.T) {
		dir := module(t, map[string]string{"m.go": insecure, "SECURITY.md": securityMD})
		code, out, _ := sdl(t, dir, "check", "--no-deps")
		if code != 1 || !strings.Contains(out, "SDL101") || !strings.Contains(out, "implementation  FAILED") {
			t.Errorf("exit %d\n%s", code, out)
		}
	})
}
