// Package binding: request bodies read with io.ReadAll and bound or decoded
// into variables are tainted; variables filled from constant data or a
// local file are not.
package binding

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

type upload struct {
	Name string
	Meta struct{ Dir string }
}

func readAll(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	os.ReadFile(string(body)) // want `path traversal: untrusted input names the file of: os.ReadFile`
	var rd io.Reader = r.Body
	b2, _ := io.ReadAll(rd)
	os.ReadFile(string(b2)) // want `path traversal`
}

func decode(w http.ResponseWriter, r *http.Request) {
	var u upload
	if err := json.NewDecoder(r.Body).Decode(&u); err != nil {
		return
	}
	os.ReadFile(u.Name)     // want `path traversal`
	os.ReadFile(u.Meta.Dir) // want `path traversal`

	body, _ := io.ReadAll(r.Body)
	p := &upload{}
	json.Unmarshal(body, p)
	os.ReadFile(p.Name) // want `path traversal`
	var m map[string]string
	xml.Unmarshal(body, &m)
	os.ReadFile(m["name"]) // want `path traversal`

	var name string
	var n int
	fmt.Sscanf(r.URL.RawQuery, "name=%s&n=%d", &name, &n)
	os.ReadFile(name) // want `path traversal`
}

func ginBind(c *gin.Context) {
	var u upload
	if err := c.ShouldBindJSON(&u); err != nil {
		return
	}
	os.ReadFile(u.Name) // want `path traversal`
	v := new(upload)
	c.BindJSON(v)
	os.Open(v.Meta.Dir) // want `path traversal`
}

func echoBind(c echo.Context) error {
	var u upload
	if err := c.Bind(&u); err != nil {
		return err
	}
	_, err := os.ReadFile(u.Name) // want `path traversal`
	return err
}

func fiberBind(c *fiber.Ctx) error {
	u := new(upload)
	if err := c.BodyParser(u); err != nil {
		return err
	}
	_, err := os.ReadFile(u.Name) // want `path traversal`
	return err
}

// Bytes read from a connection into a buffer.
func serve(c net.Conn) {
	buf := make([]byte, 512)
	n, _ := c.Read(buf)
	os.ReadFile(string(buf[:n])) // want `path traversal`
	var hdr [16]byte
	io.ReadFull(c, hdr[:])
	os.ReadFile(string(hdr[:])) // want `path traversal`
	size := int(hdr[0])
	rest := make([]byte, size)
	io.ReadAtLeast(c, rest, size)
	os.ReadFile(string(rest)) // want `path traversal`
}

func bodyRead(w http.ResponseWriter, r *http.Request) {
	buf := make([]byte, 64)
	r.Body.Read(buf)
	os.ReadFile(string(buf)) // want `path traversal`
}

// Filled from constant data or from the service's own file: not tainted.
func config() {
	var u upload
	json.Unmarshal([]byte(`{"Name":"/srv/data"}`), &u)
	os.ReadFile(u.Name)
	f, err := os.Open("/etc/app/config.json")
	if err != nil {
		return
	}
	var cfg upload
	json.NewDecoder(f).Decode(&cfg)
	os.ReadFile(cfg.Meta.Dir)
	var name string
	fmt.Sscanf("name=report", "name=%s", &name)
	os.ReadFile(name)
	buf := make([]byte, 64)
	io.ReadFull(f, buf)
	os.ReadFile(string(buf))
}
