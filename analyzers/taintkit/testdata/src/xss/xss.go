package xss

import (
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"github.com/microcosm-cc/bluemonday"
)

type comment struct{ Body string }

func greeting(name string) string {
	return "<h1>Hello, " + name + "</h1>"
}

func stdlib(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	w.Write([]byte(name))                                      // want `XSS: untrusted input is written as HTML by: \(net/http.ResponseWriter\).Write`
	w.Write([]byte(greeting(name)))                            // want `XSS`
	w.Write([]byte(html.EscapeString(name)))                   // sanitized
	w.Write([]byte(greeting(template.HTMLEscapeString(name)))) // sanitized
	w.Write([]byte("<h1>Hello</h1>"))                          // constant
	fmt.Fprintf(w, "<p>%s</p>", name)                          // want `XSS`
	io.WriteString(w, "<a href='/search?q="+url.QueryEscape(name)+"'>again</a>")
	io.WriteString(w, "<a href='"+name+"'>again</a>") // want `XSS`
	if n, err := strconv.Atoi(name); err == nil {
		fmt.Fprint(w, n)
	}
	b, _ := json.Marshal(map[string]string{"name": name})
	w.Write(b)
	w.Write([]byte(bluemonday.UGCPolicy().Sanitize(name)))
}

func notHTTP(r *http.Request, out io.Writer) {
	fmt.Fprintf(out, "%s\n", r.FormValue("name"))
}

func ginHandler(c *gin.Context) {
	cm := &comment{Body: c.PostForm("body")}
	c.Data(http.StatusOK, "text/html; charset=utf-8", []byte(cm.Body)) // want `XSS`
	c.Data(http.StatusOK, "text/html; charset=utf-8", []byte(fmt.Sprintf("<p>%s</p>", html.EscapeString(cm.Body))))
	c.Writer.WriteString(fmt.Sprintf("<p>%s</p>", c.Query("q"))) // want `XSS`
	c.Writer.Write([]byte(c.Query("q")))                         // want `XSS`
	c.String(http.StatusOK, "%s", c.Query("q"))
	c.HTML(http.StatusOK, "page.tmpl", gin.H{"q": c.Query("q")})
}

func echoHandler(c echo.Context) error {
	if err := c.HTMLBlob(http.StatusOK, []byte(c.FormValue("b"))); err != nil { // want `XSS`
		return err
	}
	return c.HTML(http.StatusOK, greeting(c.QueryParam("name"))) // want `XSS`
}

func echoSafe(c echo.Context) error {
	return c.HTML(http.StatusOK, greeting(html.EscapeString(c.QueryParam("name"))))
}
