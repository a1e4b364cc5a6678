package a

import (
	"net/url"
	"regexp"
	re2 "regexp"
	"strings"

	"hosts"
	look "lookalike/regexp"
)

// Unescaped dots.

var apiHost = regexp.MustCompile(`^api.example.com$`) // want `regexp host pattern "api.example.com" has unescaped "."s between labels: "." matches any character, so "apiXexample.com" also matches`

var group = regexp.MustCompile(`^(www|api).example\.com$`) // want `host pattern "\(www\|api\)\.example\.com" has an unescaped "."`

var classLabel = re2.MustCompile("^[a-z0-9-]+.example\\.org$") // want `has an unescaped "." between labels`

var scheme = regexp.MustCompile(`^https?://localhost.localdomain(:\d+)?/`) // want `"localhost.localdomain" has an unescaped "."`

var ip = regexp.MustCompile(`^http://127.0.0.1:8080/`) // want `"127.0.0.1" has unescaped "."s`

var fromOtherPackage = regexp.MustCompile("^" + hosts.API + "$") // want `"api.example.com" has unescaped "."s`

const local = `^www.example.co.uk$`

var namedConst = regexp.MustCompile(local) // want `"www.example.co.uk" has unescaped "."s`

var leading = regexp.MustCompile(`.example\.com$`) // want `"\.example\.com" has an unescaped "." between labels: "." matches any character, so "Xexample\.com" also matches`

var caseInsensitive = regexp.MustCompile(`(?i)^API.EXAMPLE.COM$`) // want `has unescaped "."s`

var posix = regexp.MustCompilePOSIX(`^api.example.net$`) // want `has unescaped "."s`

func compiled(host string) bool {
	re, err := regexp.Compile(`^admin.example.io$`) // want `has unescaped "."s`
	if err != nil {
		return false
	}
	return re.MatchString(host)
}

func extractOnly(s string) string {
	// Dots are checked whatever the use.
	return regexp.MustCompile(`api.example.com`).FindString(s) // want `has unescaped "."s`
}

// Missing anchors (validation only).

var noStart = regexp.MustCompile(`example\.com$`) // want `regexp validating host "example.com" is not anchored at the start`

var noEnd = regexp.MustCompile(`^https://example\.com`) // want `regexp validating host "example.com" is not anchored at the end: "example.com.attacker.net" also matches`

var neither = regexp.MustCompile(`(www\.)?example\.com(:\d+)?`) // want `regexp validating host "example.com" is not anchored: `

var optionalScheme = regexp.MustCompile(`(https?://)?api\.example\.com$`) // want `not anchored at the start`

func validate(host string) bool {
	return noStart.MatchString(host) || noEnd.MatchString(host) || neither.Match([]byte(host)) || optionalScheme.MatchString(host) || apiHost.MatchString(host)
}

func direct(host string) bool {
	ok, _ := regexp.MatchString(`^(www\.)?example\.org`, host) // want `not anchored at the end`
	return ok
}

func chained(u *url.URL) bool {
	return regexp.MustCompile(`foo\.example\.com`).MatchString(u.Host) // want `not anchored at the end`
}

type validator struct {
	allowed *regexp.Regexp
}

var v = validator{allowed: regexp.MustCompile(`^https://app\.example\.com`)} // want `not anchored at the end`

func (v validator) ok(origin string) bool { return v.allowed.MatchString(origin) }

var allowlist = []*regexp.Regexp{
	regexp.MustCompile(`^a\.example\.com$`),
	regexp.MustCompile(`example\.net$`), // want `not anchored at the start`
}

func anyAllowed(host string) bool {
	for _, re := range allowlist {
		if re.MatchString(host) {
			return true
		}
	}
	return false
}

var fromConst = regexp.MustCompile("^https://" + hosts.Domain) // want `not anchored at the end`

func useFromConst(s string) bool { return fromConst.MatchString(s) }

var alternation = regexp.MustCompile(`^a\.example\.com$|example\.org$`) // want `not anchored at the start`

func useAlternation(s string) bool { return alternation.MatchString(s) }

// Safe forms.

var good = regexp.MustCompile(`^(www|api)\.example\.com$`)

var goodA = regexp.MustCompile(`\Aapi\.example\.com\z`)

var classDot = regexp.MustCompile(`^api[.]example[.]com$`)

var wildcardSub = regexp.MustCompile(`^https://.*\.example\.com$`)

var plusSub = regexp.MustCompile(`^.+\.example\.com$`)

var suffixCheck = regexp.MustCompile(`\.example\.com$`)

var suffixOrExact = regexp.MustCompile(`(^|\.)example\.com$`)

var withPath = regexp.MustCompile(`^https://example\.com/`)

var schemeOnly = regexp.MustCompile(`https?://`)

var generic = regexp.MustCompile(`a.b`)

var fileName = regexp.MustCompile(`main.go`)

var readme = regexp.MustCompile(`readme.md$`)

var email = regexp.MustCompile(`^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$`)

var quoted = regexp.MustCompile(`^\Qapi.example.com\E$`)

var dynamic = regexp.MustCompile(`^` + `[a-z]+` + `\.example\.com$`)

func validateSafe(s string) bool {
	return good.MatchString(s) || goodA.MatchString(s) || classDot.MatchString(s) || wildcardSub.MatchString(s) ||
		plusSub.MatchString(s) || suffixCheck.MatchString(s) || suffixOrExact.MatchString(s) || withPath.MatchString(s) ||
		schemeOnly.MatchString(s) || generic.MatchString(s) || fileName.MatchString(s) || readme.MatchString(s) ||
		email.MatchString(s) || quoted.MatchString(s) || dynamic.MatchString(s)
}

var extraction = regexp.MustCompile(`example\.com`)

func extract(s string) string {
	return extraction.ReplaceAllString(extraction.FindString(s), "x")
}

func quoteMeta(host, s string) bool {
	ok, _ := regexp.MatchString("^"+regexp.QuoteMeta(host)+"$", s)
	return ok
}

func nonConstant(pattern, s string) bool {
	return regexp.MustCompile(pattern).MatchString(s)
}

func lookalike(s string) bool {
	ok, _ := look.MatchString(`api.example.com`, s)
	return ok || look.MustCompile(`example\.com`).MatchString(s)
}

var _ = strings.ToLower

var envLocal = regexp.MustCompile(`^\.env.local$`)

var cppSource = regexp.MustCompile(`^[a-z_]+.cc$`)

var configExample = regexp.MustCompile(`config.example`)

func useFiles(s string) bool {
	return envLocal.MatchString(s) || cppSource.MatchString(s) || configExample.MatchString(s)
}

// Missing ^ before a subdomain only lets other subdomains of the same
// domain through; a scheme or the registrable label at the start does not.
var subdomainSuffix = regexp.MustCompile(`www\.example\.com$`)

var ukSuffix = regexp.MustCompile(`example\.co\.uk$`) // want `not anchored at the start`

var ukSubdomain = regexp.MustCompile(`www\.example\.co\.uk$`)

var schemeSubdomain = regexp.MustCompile(`https?://www\.example\.com$`) // want `not anchored at the start`

func useSubdomains(s string) bool {
	return subdomainSuffix.MatchString(s) || ukSuffix.MatchString(s) || ukSubdomain.MatchString(s) || schemeSubdomain.MatchString(s)
}
