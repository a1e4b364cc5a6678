package a

import (
	"net"
	"net/http"
	"testing"
)

func TestServe(t *testing.T) {
	go http.ListenAndServe(":8080", nil)
	ln, _ := net.Listen("tcp", ":9999")
	go http.Serve(ln, nil)
}
