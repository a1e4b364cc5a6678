package a

import (
	"context"
	"net"
	"net/http"
	nethttp "net/http"
	"time"

	"lookalike"
)

type alias = http.Client

var shared = &http.Client{} // want `http.Client has no Timeout`

type service struct {
	client *http.Client
	other  *http.Client
}

func literals(tr http.RoundTripper) {
	_ = http.Client{}                          // want `http.Client has no Timeout`
	_ = &nethttp.Client{Transport: tr}         // want `http.Client has no Timeout`
	_ = &alias{}                               // want `http.Client has no Timeout`
	_ = &http.Client{Timeout: 0}               // want `http.Client Timeout is zero, which means no timeout`
	_ = &http.Client{Timeout: 0 * time.Second} // want `Timeout is zero`
	_ = []*http.Client{{}}                     // want `http.Client has no Timeout`
	c := new(http.Client)                      // want `http.Client has no Timeout`
	var v http.Client                          // want `http.Client has no Timeout`
	_, _ = c, v
}

func newService() *service {
	return &service{
		client: &http.Client{}, // want `http.Client has no Timeout`
		other:  &http.Client{}, // Timeout assigned in configure
	}
}

func (s *service) configure() {
	s.other.Timeout = 10 * time.Second
}

func defaults(ctx context.Context, req *http.Request) {
	http.Get("https://example.com")                     // want `http.Get uses http.DefaultClient, which has no timeout`
	nethttp.Head("https://example.com")                 // want `http.Head uses http.DefaultClient`
	http.Post("https://example.com", "text/plain", nil) // want `http.Post uses http.DefaultClient`
	http.PostForm("https://example.com", nil)           // want `http.PostForm uses http.DefaultClient`
	get := http.Get                                     // want `http.Get uses http.DefaultClient`
	get("https://example.com")
	http.DefaultClient.Do(req)   // want `http.DefaultClient has no timeout`
	client := http.DefaultClient // want `http.DefaultClient has no timeout`
	client.Do(req)
}

func fallback(c *http.Client) *http.Client {
	if c == nil {
		return http.DefaultClient // want `http.DefaultClient has no timeout`
	}
	return c
}

// --- Not reported ---

func configured(tr http.RoundTripper, timeout time.Duration, req *http.Request) {
	_ = &http.Client{Timeout: 30 * time.Second}
	_ = &http.Client{Timeout: timeout, Transport: tr}
	_ = http.Client{Transport: tr, Timeout: time.Minute}

	c := &http.Client{}
	c.Timeout = timeout
	c.Do(req)

	var v http.Client
	v.Timeout = time.Second
	v.Do(req)

	n := new(http.Client)
	n.Timeout = time.Second

	copied := *http.DefaultClient
	copied.Timeout = 5 * time.Second
	copied.Do(req)

	_ = http.DefaultTransport
}

func boundedTransport() *http.Client {
	return &http.Client{
		Transport: &http.Transport{
			DialContext:           (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
			ResponseHeaderTimeout: 10 * time.Second,
		},
	}
}

func boundedTransportVar() *http.Client {
	d := &net.Dialer{Timeout: 5 * time.Second}
	tr := &http.Transport{DialContext: d.DialContext, ResponseHeaderTimeout: time.Second}
	return &http.Client{Transport: tr}
}

func unboundedTransport() *http.Client {
	return &http.Client{Transport: &http.Transport{DialContext: (&net.Dialer{}).DialContext}} // want `http.Client has no Timeout`
}

func configuredClients(s *service, c *http.Client, req *http.Request) {
	s.client.Do(req)
	c.Get("https://example.com")
	c.Do(req)
}

func lookalikes() {
	_ = &lookalike.Client{}
	_ = new(lookalike.Client)
	lookalike.Get("https://example.com")
	_ = lookalike.DefaultClient
}
