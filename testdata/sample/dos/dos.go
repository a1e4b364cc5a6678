// Package dos holds denial-of-service flaws: clients without timeouts,
// request bodies without limits.
package dos

import (
	"encoding/json"
	"io"
	"net/http"
	"time"
)

// insecureClient can hang forever on a slow partner (SDL601).
func insecureClient() *http.Client {
	return &http.Client{}
}

// secureClient has a timeout.
func secureClient() *http.Client {
	return &http.Client{Timeout: 10 * time.Second}
}

// insecureDefault uses the default client, which has no timeout (SDL601).
func insecureDefault(url string) (*http.Response, error) {
	return http.Get(url)
}

// Order is a request body.
type Order struct {
	ID int `json:"id"`
}

// insecureBody reads a body of any size (SDL602).
func insecureBody(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	w.Write(data)
}

// secureBody limits it first.
func secureBody(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var o Order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
}

var _ = []any{insecureClient, secureClient, insecureDefault, insecureBody, secureBody}
