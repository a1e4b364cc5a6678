package xpathi

import (
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/ChrisTrenkamp/goxpath"
	"github.com/ChrisTrenkamp/goxpath/parser"
	"github.com/ChrisTrenkamp/goxpath/tree"
	"github.com/antchfx/htmlquery"
	"github.com/antchfx/jsonquery"
	"github.com/antchfx/xmlquery"
	"github.com/antchfx/xpath"
	"github.com/gin-gonic/gin"
	"gopkg.in/xmlpath.v2"
)

var (
	users   *xmlquery.Node
	page    = htmlquery.FindOne(nil, "//body")
	config  *jsonquery.Node
	catalog *xmlpath.Node
	xdoc    tree.Node
)

type filter struct{ Name string }

// byName builds the expression in a helper of the package.
func byName(name string) string {
	return "//user[name='" + name + "']"
}

func antchfxXPath(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	xpath.Compile("//user[name='" + name + "']")                       // want `XPath injection: untrusted input is the expression of: github.com/antchfx/xpath.Compile`
	xpath.MustCompile(fmt.Sprintf("//user[name='%s']", name))          // want `XPath injection: untrusted input is the expression of: github.com/antchfx/xpath.MustCompile`
	xpath.CompileWithNS(byName(name), map[string]string{"u": "urn:u"}) // want `XPath injection: untrusted input is the expression of: github.com/antchfx/xpath.CompileWithNS`
	xpath.Select(xmlquery.CreateXPathNavigator(users), byName(name))   // want `XPath injection: untrusted input is the expression of: github.com/antchfx/xpath.Select`
	xpath.Select(xmlquery.CreateXPathNavigator(users), "//user")
	expr := xpath.MustCompile("//user[@id=$id]")
	xmlquery.QuerySelectorAll(users, expr)
	if id, err := strconv.Atoi(r.FormValue("id")); err == nil {
		xpath.MustCompile(fmt.Sprintf("//user[@id=%d]", id)) // sanitized: a number
	}
	// strconv.Quote is not XPath escaping: XPath 1.0 literals have no escapes.
	xpath.MustCompile("//user[name=" + strconv.Quote(name) + "]") // want `XPath injection`
}

func xmlQuery(w http.ResponseWriter, r *http.Request) {
	doc, _ := xmlquery.Parse(r.Body) // the document may come from the caller
	f := &filter{Name: r.FormValue("name")}
	xmlquery.Find(doc, "//user")
	xmlquery.Find(users, "//user[name='"+f.Name+"']")                                                 // want `XPath injection: untrusted input is the expression of: github.com/antchfx/xmlquery.Find`
	xmlquery.FindOne(users, byName(f.Name))                                                           // want `XPath injection: untrusted input is the expression of: github.com/antchfx/xmlquery.FindOne`
	xmlquery.Query(users, fmt.Sprintf("//user[name='%s']", f.Name))                                   // want `XPath injection: untrusted input is the expression of: github.com/antchfx/xmlquery.Query`
	xmlquery.QueryAll(users, "//user[name='"+f.Name+"']")                                             // want `XPath injection: untrusted input is the expression of: github.com/antchfx/xmlquery.QueryAll`
	xmlquery.FindEach(users, byName(f.Name), func(int, *xmlquery.Node) {})                            // want `XPath injection: untrusted input is the expression of: github.com/antchfx/xmlquery.FindEach`
	xmlquery.FindEachWithBreak(users, byName(f.Name), func(int, *xmlquery.Node) bool { return true }) // want `XPath injection: untrusted input is the expression of: github.com/antchfx/xmlquery.FindEachWithBreak`
	xmlquery.CreateStreamParser(r.Body, "//user")
	xmlquery.CreateStreamParser(r.Body, "//"+f.Name)                                                   // want `XPath injection: untrusted input is the expression of: github.com/antchfx/xmlquery.CreateStreamParser`
	xmlquery.CreateStreamParser(r.Body, "//user", "[name='"+f.Name+"']")                               // want `XPath injection`
	xmlquery.CreateStreamParserWithOptions(r.Body, xmlquery.ParserOptions{}, "//"+f.Name)              // want `XPath injection: untrusted input is the expression of: github.com/antchfx/xmlquery.CreateStreamParserWithOptions`
	xmlquery.CreateStreamParserWithOptions(r.Body, xmlquery.ParserOptions{}, "//user", byName(f.Name)) // want `XPath injection`
	xmlquery.CreateStreamParserWithOptions(r.Body, xmlquery.ParserOptions{}, "//user", "[@active]")
	users.SelectElement(f.Name)  // want `XPath injection: untrusted input is the expression of: \(\*github.com/antchfx/xmlquery.Node\).SelectElement`
	users.SelectElements(f.Name) // want `XPath injection: untrusted input is the expression of: \(\*github.com/antchfx/xmlquery.Node\).SelectElements`
	users.SelectElements("user")
	users.SelectAttr(f.Name)
	// The fix: a constant expression, the comparison in Go.
	for _, u := range xmlquery.Find(users, "//user") {
		if n := u.SelectElement("name"); n != nil && n.InnerText() == f.Name {
			fmt.Fprintln(w, "found")
		}
	}
}

func htmlQuery(c *gin.Context) {
	class := c.Query("class")
	htmlquery.Find(page, "//div[@class='"+class+"']")                   // want `XPath injection: untrusted input is the expression of: github.com/antchfx/htmlquery.Find`
	htmlquery.FindOne(page, fmt.Sprintf("//a[@href='%s']", class))      // want `XPath injection: untrusted input is the expression of: github.com/antchfx/htmlquery.FindOne`
	htmlquery.Query(page, "//"+c.Param("tag"))                          // want `XPath injection: untrusted input is the expression of: github.com/antchfx/htmlquery.Query`
	htmlquery.QueryAll(page, strings.TrimSpace(c.PostForm("selector"))) // want `XPath injection: untrusted input is the expression of: github.com/antchfx/htmlquery.QueryAll`
	htmlquery.QueryAll(page, "//div[@class='item']")
	htmlquery.Find(page, fmt.Sprintf("//li[%d]", c.GetInt("n")))
}

func jsonQuery(c *gin.Context) {
	key := c.Query("key")
	jsonquery.Find(config, "//"+key)                        // want `XPath injection: untrusted input is the expression of: github.com/antchfx/jsonquery.Find`
	jsonquery.FindOne(config, "//"+key)                     // want `XPath injection: untrusted input is the expression of: github.com/antchfx/jsonquery.FindOne`
	jsonquery.Query(config, fmt.Sprintf("//%s/value", key)) // want `XPath injection: untrusted input is the expression of: github.com/antchfx/jsonquery.Query`
	jsonquery.QueryAll(config, byName(key))                 // want `XPath injection: untrusted input is the expression of: github.com/antchfx/jsonquery.QueryAll`
	jsonquery.FindOne(config, "//settings/theme")
	config.SelectElement(key)
}

func commandLine() {
	query := os.Args[1]
	xmlpath.Compile(query)                        // want `XPath injection: untrusted input is the expression of: gopkg.in/xmlpath.v2.Compile`
	xmlpath.MustCompile("/library/book/" + query) // want `XPath injection: untrusted input is the expression of: gopkg.in/xmlpath.v2.MustCompile`
	xmlpath.MustCompile("/library/book/title")
	goxpath.Parse(query)                               // want `XPath injection: untrusted input is the expression of: github.com/ChrisTrenkamp/goxpath.Parse`
	goxpath.MustParse(fmt.Sprintf("//%s", query))      // want `XPath injection: untrusted input is the expression of: github.com/ChrisTrenkamp/goxpath.MustParse`
	goxpath.ParseExec("//book[@id='"+query+"']", xdoc) // want `XPath injection: untrusted input is the expression of: github.com/ChrisTrenkamp/goxpath.ParseExec`
	parser.Parse(query)                                // want `XPath injection: untrusted input is the expression of: github.com/ChrisTrenkamp/goxpath/parser.Parse`
	goxpath.MustParse("//book[@id=$id]").Exec(xdoc)    // a variable: the value stays out of the expression
	if n, err := strconv.ParseInt(os.Args[2], 10, 64); err == nil {
		goxpath.MustParse(fmt.Sprintf("//book[%d]", n))
	}
}

func environment() {
	xmlquery.Find(users, "//"+os.Getenv("SECTION")) // want `XPath injection`
}
