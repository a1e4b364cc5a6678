// Package bindnostore: a package whose code writes no variable itself
// (there is no ssa.Store to copy) still has its bound variables followed.
package bindnostore

import (
	"os"

	"github.com/gin-gonic/gin"
)

type page struct{ Title string }

func download(c *gin.Context) {
	var p page
	if err := c.ShouldBindJSON(&p); err != nil {
		return
	}
	os.ReadFile(p.Title) // want `path traversal`
}
