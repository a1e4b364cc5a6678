// Package release is the release phase. This part checks the response
// plan: a project's SECURITY.md must say how to report a vulnerability
// (a contact), which versions get security fixes, and how fast reports
// are answered and fixed.
package release

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Placeholder marks what a template's user must fill in.
const Placeholder = "CHANGE-ME"

// ResponsePlanFile is the response plan's file name.
const ResponsePlanFile = "SECURITY.md"

// PlanCheck is the result of checking a response plan.
type PlanCheck struct {
	// Path is the file checked ("" when none was found).
	Path string
	// Contact, Versions and Times say what the plan names.
	Contact  string
	Versions bool
	Times    bool
	// Problems list what is missing.
	Problems []string
}

// OK reports whether the plan has everything.
func (c *PlanCheck) OK() bool { return len(c.Problems) == 0 }

var (
	emailRE    = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)
	contactRE  = regexp.MustCompile(`(?i)(https://[^\s)>\]]*(security|advisor|vulnerab|report|hackerone|bugcrowd)[^\s)>\]]*)`)
	versionsRE = regexp.MustCompile(`(?im)^#+\s*supported\s+versions|\bsupported versions\b|\|\s*version\s*\|`)
	commentRE  = regexp.MustCompile(`(?s)<!--.*?-->`)
	timesRE    = regexp.MustCompile(`(?i)\b(\d+)\s*(business\s+|working\s+|calendar\s+)?(hours?|days?|weeks?)\b`)
)

// CheckResponsePlan looks for SECURITY.md in root, .github/ or docs/ (as
// GitHub does) and checks that it names a contact (an e-mail address or a
// reporting URL), the supported versions, and response times.
func CheckResponsePlan(root string) (*PlanCheck, error) {
	c := &PlanCheck{}
	for _, dir := range []string{".", ".github", "docs"} {
		p := filepath.Join(root, dir, ResponsePlanFile)
		if _, err := os.Stat(p); err == nil {
			c.Path = p
			break
		}
	}
	if c.Path == "" {
		c.Problems = append(c.Problems, "no SECURITY.md (in the repository root, .github/ or docs/): write the response plan; sdl init writes a template")
		return c, nil
	}
	data, err := os.ReadFile(c.Path)
	if err != nil {
		return nil, fmt.Errorf("reading the response plan: %w", err)
	}
	// HTML comments are not shown to reporters, so they do not count.
	text := commentRE.ReplaceAllString(string(data), "")
	// A contact still holding a template's placeholder does not count.
	for _, m := range emailRE.FindAllString(text, -1) {
		if !strings.HasSuffix(m, "example.com") && !strings.Contains(m, Placeholder) {
			c.Contact = m
			break
		}
	}
	if c.Contact == "" {
		for _, m := range contactRE.FindAllString(text, -1) {
			if !strings.Contains(m, Placeholder) {
				c.Contact = m
				break
			}
		}
	}
	c.Versions = versionsRE.MatchString(text)
	c.Times = timesRE.MatchString(text)
	if c.Contact == "" {
		c.Problems = append(c.Problems, "SECURITY.md names no contact: give an address or a URL to report vulnerabilities to (an example.com address does not count)")
	}
	if !c.Versions {
		c.Problems = append(c.Problems, "SECURITY.md does not say which versions get security fixes (a 'Supported versions' section)")
	}
	if !c.Times {
		c.Problems = append(c.Problems, "SECURITY.md gives no response times (for example: acknowledged within 2 business days, fixed within 30 days)")
	}
	if n := strings.Count(text, Placeholder); n > 0 {
		c.Problems = append(c.Problems, fmt.Sprintf("SECURITY.md still holds %d %s placeholders from the template: fill them in", n, Placeholder))
	}
	return c, nil
}
