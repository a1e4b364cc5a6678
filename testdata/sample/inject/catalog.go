package inject

import (
	"fmt"
	"html/template"
	"net/http"
	"net/mail"
	"net/netip"
	"net/smtp"
	"os/exec"
	"strconv"
	"strings"

	"github.com/antchfx/xmlquery"
	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

// Catalog answers questions about an XML product catalogue and mails the
// support team.
type Catalog struct {
	Doc  *xmlquery.Node
	DB   *gorm.DB
	SMTP string
	Auth smtp.Auth
}

// insecureProduct builds an XPath expression from a query parameter
// (SDL907): name=' or '1'='1 selects every product.
func (cat *Catalog) insecureProduct(c *gin.Context) {
	n := xmlquery.FindOne(cat.Doc, "//product[@name='"+c.Query("name")+"']")
	if n == nil {
		c.Status(http.StatusNotFound)
		return
	}
	c.String(http.StatusOK, n.InnerText())
}

// secureProduct parses the identifier as a number before it goes into the
// expression.
func (cat *Catalog) secureProduct(c *gin.Context) {
	id, err := strconv.Atoi(c.Query("id"))
	if err != nil {
		c.Status(http.StatusBadRequest)
		return
	}
	n := xmlquery.FindOne(cat.Doc, fmt.Sprintf("//product[@id=%d]", id))
	if n == nil {
		c.Status(http.StatusNotFound)
		return
	}
	c.String(http.StatusOK, n.InnerText())
}

// insecureContact writes the form's subject into the message headers as
// given (SDL908): a line break adds Bcc: recipients.
func (cat *Catalog) insecureContact(c *gin.Context) {
	msg := "To: support@example.com\r\nSubject: " + c.PostForm("subject") + "\r\n\r\nA customer wrote in."
	if err := smtp.SendMail(cat.SMTP, cat.Auth, "noreply@example.com", []string{"support@example.com"}, []byte(msg)); err != nil {
		c.Status(http.StatusBadGateway)
	}
}

// secureContact removes line breaks from the subject and takes the reply
// address only as net/mail formats it.
func (cat *Catalog) secureContact(c *gin.Context) {
	subject := strings.NewReplacer("\r", " ", "\n", " ").Replace(c.PostForm("subject"))
	reply, err := mail.ParseAddress(c.PostForm("reply"))
	if err != nil {
		c.Status(http.StatusBadRequest)
		return
	}
	msg := "To: support@example.com\r\nReply-To: " + reply.String() + "\r\nSubject: " + subject + "\r\n\r\nA customer wrote in."
	if err := smtp.SendMail(cat.SMTP, cat.Auth, "noreply@example.com", []string{"support@example.com"}, []byte(msg)); err != nil {
		c.Status(http.StatusBadGateway)
	}
}

// insecurePing runs a shell with a query parameter in its command line
// (SDL909): host=127.0.0.1;cat /etc/passwd runs both.
func insecurePing(c *gin.Context) {
	out, err := exec.CommandContext(c.Request.Context(), "sh", "-c", "ping -c 1 "+c.Query("host")).CombinedOutput()
	if err != nil {
		c.Status(http.StatusBadGateway)
		return
	}
	c.String(http.StatusOK, "%s", out)
}

// securePing runs ping itself, no shell, with one of the addresses an
// allow-list maps a name to.
func securePing(c *gin.Context) {
	addr, ok := pingTargets[c.Query("target")]
	if !ok {
		c.Status(http.StatusBadRequest)
		return
	}
	// gosec's G204 reports any command with a variable argument; SDL909,
	// which follows the data, does not report this one.
	//sdl:ignore G204 -- the address comes from the allow-list, after "--"
	out, err := exec.CommandContext(c.Request.Context(), "ping", "-c", "1", "--", addr.String()).CombinedOutput()
	if err != nil {
		c.Status(http.StatusBadGateway)
		return
	}
	c.String(http.StatusOK, "%s", out)
}

// pingTargets are the hosts the service may ping.
var pingTargets = map[string]netip.Addr{
	"gateway": netip.MustParseAddr("10.0.0.1"),
	"dns":     netip.MustParseAddr("10.0.0.53"),
}

// insecureGreeting makes the query parameter part of a template's text
// (SDL910): name={{.}} prints the catalogue the template is given.
func (cat *Catalog) insecureGreeting(c *gin.Context) {
	t, err := template.New("greeting").Parse("<p>Hello, " + c.Query("name") + "!</p>")
	if err != nil {
		c.Status(http.StatusBadRequest)
		return
	}
	_ = t.Execute(c.Writer, cat)
}

// greeting is a constant template; the name is its data, escaped by
// html/template.
var greeting = template.Must(template.New("greeting").Parse("<p>Hello, {{.}}!</p>"))

// secureGreeting passes the name as the template's data.
func secureGreeting(c *gin.Context) {
	_ = greeting.Execute(c.Writer, c.Query("name"))
}

// filter is a JSON request body.
type filter struct {
	Column string `json:"column"`
	Value  string `json:"value"`
}

// insecureFilter binds the body and puts its column into the SQL text
// (SDL901).
func (cat *Catalog) insecureFilter(c *gin.Context) {
	var f filter
	if err := c.ShouldBindJSON(&f); err != nil {
		c.Status(http.StatusBadRequest)
		return
	}
	var users []User
	cat.DB.Where(f.Column+" = ?", f.Value).Find(&users)
	c.JSON(http.StatusOK, users)
}

// secureFilter takes the column from an allow-list and the value as an
// argument.
func (cat *Catalog) secureFilter(c *gin.Context) {
	var f filter
	if err := c.ShouldBindJSON(&f); err != nil {
		c.Status(http.StatusBadRequest)
		return
	}
	column, ok := filterColumns[f.Column]
	if !ok {
		c.Status(http.StatusBadRequest)
		return
	}
	var users []User
	cat.DB.Where(column+" = ?", f.Value).Find(&users)
	c.JSON(http.StatusOK, users)
}

// filterColumns are the columns a filter may name.
var filterColumns = map[string]string{"name": "name", "id": "id"}

// Routes registers the handlers, flawed and clean.
func (cat *Catalog) Routes(r *gin.Engine) {
	r.GET("/products", cat.insecureProduct)
	r.GET("/products2", cat.secureProduct)
	r.POST("/contact", cat.insecureContact)
	r.POST("/contact2", cat.secureContact)
	r.POST("/users/filter", cat.insecureFilter)
	r.POST("/users/filter2", cat.secureFilter)
	r.GET("/ping", insecurePing)
	r.GET("/ping2", securePing)
	r.GET("/greeting", cat.insecureGreeting)
	r.GET("/greeting2", secureGreeting)
}
