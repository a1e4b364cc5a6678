package redir

import (
	"fmt"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

type target struct{ Next string }

func nextURL(base, next string) string {
	return base + next
}

func stdlib(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	http.Redirect(w, r, next, http.StatusFound) // want `open redirect: untrusted input is the target of: net/http.Redirect`
	http.Redirect(w, r, "/home", http.StatusFound)
	http.Redirect(w, r, "/search?q="+url.QueryEscape(next), http.StatusFound)
	http.Redirect(w, r, nextURL("https://", next), http.StatusFound) // want `open redirect`
}

// destinations are the pages a login may return to.
var destinations = map[string]string{"account": "/account", "orders": "/orders"}

// An allow-list: the target is the map's value, not the request's.
func allowList(c *gin.Context) {
	next, ok := destinations[c.Query("next")]
	if !ok {
		next = "/"
	}
	c.Redirect(http.StatusFound, next)
	if dest, ok := destinations[c.Query("next")]; ok {
		c.Redirect(http.StatusFound, dest)
	}
}

// A checked host is a condition the engine does not see: the parsed URL's
// path is still the request's.
func parsedPath(c *gin.Context) {
	if u, err := url.Parse(c.Query("next")); err == nil && u.Host == "" {
		c.Redirect(http.StatusFound, u.Path) // want `open redirect`
	}
}

func ginHandler(c *gin.Context) {
	t := &target{Next: c.Query("next")}
	c.Redirect(http.StatusFound, t.Next) // want `open redirect`
	c.Redirect(http.StatusFound, fmt.Sprintf("/users/%d", c.GetInt("id")))
	c.Redirect(http.StatusFound, "/")
}

func echoHandler(c echo.Context) error {
	return c.Redirect(http.StatusFound, c.QueryParam("next")) // want `open redirect`
}

func echoSafe(c echo.Context) error {
	return c.Redirect(http.StatusFound, "/login")
}

func fiberHandler(c *fiber.Ctx) error {
	return c.Redirect("https://" + c.Get("X-Host") + "/") // want `open redirect`
}
