package frameworks

import (
	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
	"github.com/valyala/fasthttp"
)

func ginCORS() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Header("Access-Control-Allow-Origin", c.GetHeader("Origin")) // want `reflects the request's Origin header`
		c.Header("Access-Control-Allow-Credentials", "true")
		c.Next()
	}
}

func ginWriter(c *gin.Context) {
	c.Writer.Header().Set("Access-Control-Allow-Origin", "*") // want `"\*" is sent with Access-Control-Allow-Credentials`
	c.Writer.Header().Set("Access-Control-Allow-Credentials", "true")
}

func ginRequest(c *gin.Context) {
	origin := c.Request.Header.Get("Origin")
	c.Writer.Header().Set("Access-Control-Allow-Origin", origin) // want `reflects the request's Origin header`
	c.Writer.Header().Set("Access-Control-Allow-Credentials", "true")
}

func echoCORS(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		origin := c.Request().Header.Get(echo.HeaderOrigin)
		c.Response().Header().Set(echo.HeaderAccessControlAllowOrigin, origin) // want `reflects the request's Origin header`
		c.Response().Header().Set(echo.HeaderAccessControlAllowCredentials, "true")
		return next(c)
	}
}

func fiberCORS(c *fiber.Ctx) error {
	c.Set(fiberACAO, c.Get("Origin")) // want `reflects the request's Origin header`
	c.Set("Access-Control-Allow-Credentials", "true")
	return c.Next()
}

const fiberACAO = "Access-Control-Allow-Origin"

func fasthttpCORS(ctx *fasthttp.RequestCtx) {
	ctx.Response.Header.Set("Access-Control-Allow-Origin", string(ctx.Request.Header.Peek("Origin"))) // want `reflects the request's Origin header`
	ctx.Response.Header.Set("Access-Control-Allow-Credentials", "true")
}

// Safe forms.

var trusted = map[string]bool{"https://app.example.com": true}

func ginChecked(c *gin.Context) {
	origin := c.GetHeader("Origin")
	if !trusted[origin] {
		c.AbortWithStatus(403)
		return
	}
	c.Header("Access-Control-Allow-Origin", origin)
	c.Header("Access-Control-Allow-Credentials", "true")
}

func fiberNoCredentials(c *fiber.Ctx) error {
	c.Set("Access-Control-Allow-Origin", "*")
	return c.Next()
}
