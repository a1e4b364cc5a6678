// Package validate holds input-validation flaws: host checks with regular
// expressions.
package validate

import "regexp"

// insecureHost lets "apiXexample.com" and "api.example.com.evil.net" through (SDL701).
var insecureHost = regexp.MustCompile(`^api.example.com`)

// secureHost escapes the dots and anchors both ends.
var secureHost = regexp.MustCompile(`^api\.example\.com$`)

// Allowed reports whether a redirect host is ours.
func Allowed(host string) (bool, bool) {
	return insecureHost.MatchString(host), secureHost.MatchString(host)
}
