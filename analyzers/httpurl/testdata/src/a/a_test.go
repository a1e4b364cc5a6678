package a

import (
	"net/http"
	"testing"
)

func TestGet(t *testing.T) {
	http.Get("http://example.com/")
	source{URL: "http://example.com"}.fetch()
}
