// Package lookalike has a Client type and functions named like net/http's.
package lookalike

// Client looks like net/http.Client.
type Client struct {
	Timeout int
}

// DefaultClient looks like net/http.DefaultClient.
var DefaultClient = &Client{}

// Get looks like net/http.Get.
func Get(url string) (any, error) { return nil, nil }
