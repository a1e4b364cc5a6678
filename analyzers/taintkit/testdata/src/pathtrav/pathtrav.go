package pathtrav

import (
	"fmt"
	"io/ioutil"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

const root = "/srv/files"

type upload struct{ Name string }

func under(dir, name string) string {
	return dir + "/" + name
}

func stdlib(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	f, _ := os.Open(filepath.Join(root, name)) // want `path traversal: untrusted input names the file of: os.Open`
	_ = f
	os.ReadFile(root + "/" + name)                        // want `path traversal`
	os.ReadFile(filepath.Join(root, filepath.Base(name))) // sanitized
	os.ReadFile(filepath.Join(root, "index.html"))        // constant
	ioutil.ReadFile(fmt.Sprintf("%s/%s", root, name))     // want `path traversal`
	os.WriteFile(under(root, name), nil, 0o600)           // want `path traversal`
	os.WriteFile(filepath.Join(root, "log.txt"), []byte(name), 0o600)
	os.Remove(filepath.Clean(root + "/" + name)) // want `path traversal`
	os.RemoveAll(path.Base(name))
	os.Rename(filepath.Join(root, "tmp"), name)     // want `path traversal`
	os.OpenFile(name, os.O_RDONLY, 0)               // want `path traversal`
	os.Create(name)                                 // want `path traversal`
	http.ServeFile(w, r, filepath.Join(root, name)) // want `path traversal: untrusted input names the file of: net/http.ServeFile`
	http.ServeFile(w, r, "static/index.html")
	if id, err := strconv.Atoi(name); err == nil {
		os.Open(fmt.Sprintf("%s/%d.json", root, id))
	}
}

func ginHandler(c *gin.Context) {
	u := &upload{Name: c.Query("file")}
	c.File(filepath.Join(root, u.Name)) // want `path traversal`
	c.File(filepath.Join(root, filepath.Base(c.Param("file"))))
	c.FileAttachment(root+"/"+c.Param("file"), "report.pdf") // want `path traversal`
	c.FileAttachment(root+"/report.pdf", c.Param("file"))
	fh, err := c.FormFile("upload")
	if err != nil {
		return
	}
	c.SaveUploadedFile(fh, filepath.Join(root, fh.Filename)) // want `path traversal`
	c.SaveUploadedFile(fh, filepath.Join(root, filepath.Base(fh.Filename)))
}

func echoHandler(c echo.Context) error {
	if err := c.Attachment(c.QueryParam("f"), "x.txt"); err != nil { // want `path traversal`
		return err
	}
	return c.File(under(root, c.Param("f"))) // want `path traversal`
}

func echoSafe(c echo.Context) error {
	return c.File(root + "/index.html")
}

func fiberHandler(c *fiber.Ctx) error {
	if err := c.Download(root+"/"+c.Params("f"), "f.txt"); err != nil { // want `path traversal`
		return err
	}
	return c.SendFile(fmt.Sprintf("%s/%s", root, c.Query("f"))) // want `path traversal`
}

func fiberSafe(c *fiber.Ctx) error {
	return c.SendFile(filepath.Join(root, filepath.Base(c.Query("f"))))
}

func cli() {
	os.ReadFile(os.Args[1]) // want `path traversal`
}

// gosec's #nosec naming G703, the rule SDL904 replaces, suppresses the
// finding; naming another rule does not.
func nosec(r *http.Request) {
	name := r.URL.Query().Get("name")
	os.ReadFile(root + "/" + name) // #nosec G703 -- the name is checked against the catalogue
	// #nosec G704 -- names another rule
	os.ReadFile(root + "/" + name) // want `path traversal`
}
