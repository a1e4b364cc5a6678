// Package http has functions named like net/http's.
package http

// Get looks like net/http.Get.
func Get(url string) (any, error) { return nil, nil }

// NewRequest looks like net/http.NewRequest.
func NewRequest(method, url string, body any) (any, error) { return nil, nil }

// Client looks like net/http.Client.
type Client struct{}

// Get looks like (*net/http.Client).Get.
func (c *Client) Get(url string) (any, error) { return nil, nil }
