package ssrf

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/go-resty/resty/v2"
	"github.com/labstack/echo/v4"
)

type hook struct{ URL string }

func endpoint(host string) string {
	return "http://" + host + "/status"
}

func stdlib(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	http.Get(target)                               // want `SSRF: untrusted input is the address of: net/http.Get`
	http.Post(endpoint(target), "text/plain", nil) // want `SSRF`
	http.Head(fmt.Sprintf("https://%s/", target))  // want `SSRF`
	http.PostForm("https://"+target, url.Values{}) // want `SSRF`
	http.Get("https://api.example.com/users/" + url.PathEscape(target))
	http.Get("https://api.example.com/health")
	http.NewRequest(http.MethodGet, target, nil) // want `SSRF: untrusted input is the address of: net/http.NewRequest`
	http.NewRequest(http.MethodGet, "https://api.example.com/", nil)
	http.NewRequestWithContext(r.Context(), http.MethodGet, endpoint(target), nil) // want `SSRF`
	c := &http.Client{Timeout: time.Second}
	c.Get(target) // want `SSRF`
	c.Get("https://api.example.com/")
	if id, err := strconv.Atoi(target); err == nil {
		c.Get(fmt.Sprintf("https://api.example.com/users/%d", id))
	}
	httputil.NewSingleHostReverseProxy(r.URL) // want `SSRF`
}

func dial(ctx context.Context, r *http.Request) {
	addr := r.FormValue("addr")
	net.Dial("tcp", addr)                           // want `SSRF: untrusted input is the address of: net.Dial`
	net.DialTimeout("tcp", addr+":25", time.Second) // want `SSRF`
	var d net.Dialer
	d.Dial("tcp", addr)             // want `SSRF`
	d.DialContext(ctx, "tcp", addr) // want `SSRF`
	d.DialContext(ctx, "tcp", "localhost:6379")
	net.Dial("tcp", "localhost:6379")
}

func ginHandler(c *gin.Context) {
	h := &hook{URL: c.PostForm("webhook")}
	resty.New().R().SetBody(h).Post(h.URL)            // want `SSRF`
	client := resty.New().SetBaseURL(c.Query("base")) // want `SSRF`
	client.R().Get("/users")
	resty.New().R().Execute("GET", endpoint(c.Param("host"))) // want `SSRF`
	resty.New().R().SetQueryParam("q", c.Query("q")).Get("https://api.example.com/search")
}

func echoHandler(c echo.Context) error {
	_, err := resty.New().R().Get(c.QueryParam("url")) // want `SSRF`
	return err
}
