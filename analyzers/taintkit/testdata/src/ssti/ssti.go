// Package ssti: request data as template text (text/template and
// html/template) or rendered unescaped by text/template into a response;
// escaped, constant and file look-alikes.
package ssti

import (
	"html"
	htmltemplate "html/template"
	"io"
	"net/http"
	"os"
	"text/template"

	"github.com/gin-gonic/gin"
)

type page struct{ Title string }

func header(title string) string { return "<h1>" + title + "</h1>{{.}}" }

func stdlib(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	template.New("t").Parse("Hello, " + name)                 // want `template injection: untrusted input is the template text or unescaped data of: \(\*text/template.Template\).Parse`
	htmltemplate.New("t").Parse("<p>Hello, " + name + "</p>") // want `template injection`
	template.New("t").Parse(header(name))                     // want `template injection`
	t := template.Must(template.New("t").Parse("<p>{{.}}</p>"))
	t.Execute(w, name)              // want `template injection`
	t.ExecuteTemplate(w, "t", name) // want `template injection`

	// Escaped, constant text, html/template rendering, a non-response writer.
	template.New("t").Parse("Hello, " + html.EscapeString(name))
	template.New("t").Parse("Hello, {{.}}")
	h := htmltemplate.Must(htmltemplate.New("t").Parse("<p>{{.}}</p>"))
	h.Execute(w, name)
	t.Execute(os.Stdout, name)
	var sink io.Writer = io.Discard
	t.Execute(sink, name)
}

func ginHandler(c *gin.Context) {
	template.New("t").Parse(c.PostForm("tpl")) // want `template injection`
	var p page
	if err := c.ShouldBindJSON(&p); err != nil {
		return
	}
	htmltemplate.New("t").Parse(p.Title) // want `template injection`
}

func fromFile() {
	text, _ := os.ReadFile("/etc/app/page.tmpl")
	template.New("t").Parse(string(text))
}
