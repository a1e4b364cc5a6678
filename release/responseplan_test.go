package release

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckResponsePlan(t *testing.T) {
	for _, tc := range []struct {
		name, file, content string
		problems            []string
	}{
		{"missing", "", "", []string{"no SECURITY.md"}},
		{"complete", "SECURITY.md", "# Security\n\nReport to security@contoso.com.\n\n## Supported versions\n\n| Version | Supported |\n| 2.x | yes |\n\nWe answer within 2 business days and fix critical issues within 7 days.\n", nil},
		{"in .github with a URL", ".github/SECURITY.md", "Report at https://github.com/contoso/shop/security/advisories/new.\n\nSupported versions: the latest minor release.\n\nResponse within 48 hours.\n", nil},
		{"placeholder contact", "SECURITY.md", "Write to security@example.com.\n## Supported versions\nall\nwithin 3 days\n", []string{"names no contact"}},
		{"placeholders left", "SECURITY.md", "Report at https://github.com/CHANGE-ME/x/security/advisories/new or to security@contoso.com.\n## Supported versions\n| 1.x | until CHANGE-ME |\nwithin 3 days\n", []string{"2 CHANGE-ME placeholders"}},
		{"contact only in a comment", "SECURITY.md", "<!-- write to security@contoso.com -->\n## Supported versions\nall\nwithin 3 days\n", []string{"names no contact"}},
		{"no versions or times", "SECURITY.md", "Mail security@contoso.com.\n", []string{"which versions", "response times"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			if tc.file != "" {
				p := filepath.Join(root, tc.file)
				os.MkdirAll(filepath.Dir(p), 0o755)
				os.WriteFile(p, []byte(tc.content), 0o644)
			}
			c, err := CheckResponsePlan(root)
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Problems) != len(tc.problems) {
				t.Fatalf("problems = %q, want %d", c.Problems, len(tc.problems))
			}
			for i, want := range tc.problems {
				if !strings.Contains(c.Problems[i], want) {
					t.Errorf("problem %d = %q, want %q", i, c.Problems[i], want)
				}
			}
		})
	}
}
