package fix

import "regexp"

var raw = regexp.MustCompile(`^api.example.com$`) // want `unescaped`

var interpreted = regexp.MustCompile("^(www|api).example\\.org$") // want `unescaped`

var escapes = regexp.MustCompile("^\u00e9t\x41.example.net\t$") // want `unescaped`

var concat = regexp.MustCompile("^https://" + `cdn.example.io` + "/") // want `unescaped`

var noFix = regexp.MustCompile("^" + host + "$") // want `unescaped`

const host = "cdn.example.dev"
