package a

import (
	"net/http"
	"testing"
)

func TestGet(t *testing.T) {
	http.Get("https://example.com")
	_ = &http.Client{}
	_ = http.DefaultClient
	http.DefaultClient.Timeout = 0 // does not configure production code
}
