package a

import (
	"context"
	"encoding/xml"
	"fmt"
	"log"
	"net/http"
	stdhttp "net/http"
	"net/url"
	"strings"

	"consts"
	fake "lookalike/http"
)

const apiBase = "http://api.example.com/v1"

var baseURL = "http://users.example.com" // never reassigned

type client struct {
	http    *http.Client
	baseURL string
}

func newClient() *client {
	return &client{http: &http.Client{}, baseURL: "http://orders.example.com"}
}

func (c *client) list() {
	c.http.Get(c.baseURL + "/orders") // want `plaintext URL "http://orders.example.com/orders" is requested with http.Client.Get`
}

func requests(ctx context.Context, c *http.Client, id string) {
	http.Get("http://example.com/")                                   // want `plaintext URL "http://example.com/" is requested with http.Get: use https://`
	http.Head("HTTP://EXAMPLE.COM")                                   // want `plaintext URL "HTTP://EXAMPLE.COM" is requested with http.Head`
	http.Post("http://10.0.0.5:8080/ingest", "application/json", nil) // want `plaintext URL "http://10.0.0.5:8080/ingest" is requested with http.Post`
	http.PostForm("http://auth.example.com/token", url.Values{})      // want `requested with http.PostForm`
	stdhttp.Get(apiBase + "/users/" + id)                             // want `plaintext URL "http://api.example.com/v1/users/"\+… is requested with http.Get`
	c.Get(apiBase)                                                    // want `requested with http.Client.Get`
	c.Head(consts.Legacy)                                             // want `plaintext URL "http://legacy.example.com/api" is requested with http.Client.Head`
	c.Post("http://api.example.com:"+id, "text/plain", nil)           // want `plaintext URL "http://api.example.com:"\+… is requested with http.Client.Post`
	c.PostForm("http://user:pw@api.example.com/login", nil)           // want `requested with http.Client.PostForm`
	(*http.Client).Get(c, "http://api.example.com/")                  // want `requested with http.Client.Get`
	http.NewRequest("GET", "http://api.example.com/x", nil)           // want `requested with http.NewRequest`
	http.NewRequestWithContext(ctx, http.MethodPost, apiBase, nil)    // want `requested with http.NewRequestWithContext`
	http.Get(fmt.Sprintf("http://api.example.com/users/%s", id))      // want `plaintext URL "http://api.example.com/users/"\+…`
	http.Get(fmt.Sprintf("%s/users/%s", apiBase, id))                 // want `plaintext URL "http://api.example.com/v1/users/"\+…`
	http.Get(baseURL)                                                 // want `plaintext URL "http://users.example.com"`
	http.Get("http://[2001:db8::1]:8080/")                            // want `plaintext URL`
}

func variables(id string) {
	u := "http://api.example.com/items/" + id
	http.Get(u) // want `plaintext URL "http://api.example.com/items/"\+…`

	endpoint := "https://api.example.com"
	if id == "" {
		endpoint = "http://fallback.example.com"
	}
	http.Get(endpoint) // want `plaintext URL "http://fallback.example.com"`
}

func parsed(c *http.Client) {
	u, err := url.Parse("http://api.example.com/report")
	if err != nil {
		return
	}
	c.Get(u.String())                           // want `plaintext URL "http://api.example.com/report"`
	req := &http.Request{Method: "GET", URL: u} // want `plaintext URL "http://api.example.com/report" is requested with an http.Request`
	c.Do(req)

	v := url.URL{Scheme: "http", Host: "api.example.com", Path: "/x"}
	http.Get(v.String()) // want `plaintext URL "http://api.example.com/"\+…`
}

// --- Not reported ---

const local = "http://localhost:8080"

func quiet(ctx context.Context, c *http.Client, host, path string, w http.ResponseWriter, r *http.Request) {
	http.Get("https://api.example.com/")
	http.Get(consts.Secure + path)
	http.Get(local + "/health")
	http.Get("http://127.0.0.1:9000/metrics")
	http.Get("http://[::1]:9000/")
	http.Get("http://app.localhost/")
	http.Get("http://0.0.0.0:8080/")
	http.Get("http://169.254.169.254/latest/meta-data/")
	http.Get("http://metadata.google.internal/computeMetadata/v1/")
	http.Get("http://" + host + "/api")
	http.Get(fmt.Sprintf("http://%s:%d/", host, 80))
	http.Get(path)
	c.Get(strings.TrimSpace(path))
	http.NewRequestWithContext(ctx, "GET", "https://"+host, nil)

	// http:// strings that are not requests.
	log.Printf("see http://example.com/docs for details")
	if r.Referer() == "http://example.com/" {
		return
	}
	http.Redirect(w, r, "http://example.com/", http.StatusFound)
	_ = xml.Name{Space: "http://www.w3.org/2000/svg", Local: "svg"}
	_ = strings.HasPrefix(path, "http://")

	// Look-alikes in another package.
	fake.Get("http://example.com/")
	fake.NewRequest("GET", "http://example.com/", nil)
	(&fake.Client{}).Get("http://example.com/")
}

// A plaintext default that configuration may replace is still reported.
func overridable(dynamic string) {
	u := "http://api.example.com"
	if dynamic != "" {
		u = dynamic
	}
	http.Get(u) // want `plaintext URL "http://api.example.com"`
}

func reassignedSecure(dynamic string) {
	u := dynamic
	if u == "" {
		u = "https://api.example.com"
	}
	http.Get(u)
}

func notConstantReceiver(u *url.URL) {
	http.Get(u.String())
}

// source.URL is only given a plaintext value in a _test.go file.
type source struct{ URL string }

func (s source) fetch() {
	http.Get(s.URL)
}
