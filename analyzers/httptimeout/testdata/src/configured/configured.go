// Package configured gives http.DefaultClient a timeout.
package configured

import (
	"net/http"
	"time"
)

func init() {
	http.DefaultClient.Timeout = 10 * time.Second
}

func fetch() {
	http.Get("https://example.com")
	http.DefaultClient.Get("https://example.com")
}
