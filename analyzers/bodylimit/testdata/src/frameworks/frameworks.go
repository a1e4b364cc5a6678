package frameworks

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

type Item struct{ Name string }

func ginHandler(c *gin.Context) {
	data, _ := io.ReadAll(c.Request.Body) // want `request body read with io.ReadAll`
	_ = data
}

func ginRaw(c *gin.Context) {
	data, _ := c.GetRawData() // want `request body read with gin Context.GetRawData`
	_ = data
}

func ginLimited(c *gin.Context) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 1<<20)
	io.ReadAll(c.Request.Body)
	c.GetRawData()
	var v struct{}
	c.ShouldBindJSON(&v)
}

func echoHandler(c echo.Context) error {
	var in Item
	return json.NewDecoder(c.Request().Body).Decode(&in) // want `request body read with json.NewDecoder`
}

func echoLimited(c echo.Context) error {
	c.Request().Body = http.MaxBytesReader(c.Response().Writer, c.Request().Body, 1<<20)
	var in Item
	return json.NewDecoder(c.Request().Body).Decode(&in)
}

func echoLimitedVar(c echo.Context) error {
	req := c.Request()
	req.Body = http.MaxBytesReader(c.Response().Writer, req.Body, 1<<20)
	_, err := io.ReadAll(c.Request().Body)
	return err
}
