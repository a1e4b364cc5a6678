// Package regexp has functions named like the standard library's.
package regexp

type Regexp struct{}

func MustCompile(s string) *Regexp                { return nil }
func MatchString(pattern, s string) (bool, error) { return false, nil }
func (re *Regexp) MatchString(s string) bool      { return false }
