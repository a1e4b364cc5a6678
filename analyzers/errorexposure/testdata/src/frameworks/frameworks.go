package frameworks

import (
	"database/sql"
	"errors"
	"net/http"
	"runtime/debug"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

func ginHandler(c *gin.Context, db *sql.DB) {
	_, err := db.Exec("DELETE FROM x")
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // want `internal error text written to a 5xx HTTP response by gin Context.JSON`
		c.String(500, "failed: %v", err)                                    // want `by gin Context.String`
		c.AbortWithStatusJSON(500, gin.H{"message": "db: " + err.Error()})  // want `by gin Context.AbortWithStatusJSON`
		c.Data(500, "text/plain", []byte(err.Error()))                      // want `by gin Context.Data`
		c.Writer.WriteHeader(500)
		c.Writer.Write([]byte(err.Error())) // want `by ResponseWriter.Write`
		return
	}
	c.String(http.StatusOK, "%s", debug.Stack()) // want `stack trace written to the HTTP response by gin Context.String`
}

func ginQuiet(c *gin.Context, db *sql.DB) {
	id, err := strconv.Atoi(c.Param("id"))
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	if _, err := db.Exec("DELETE FROM x WHERE id = ?", id); err != nil {
		c.AbortWithError(http.StatusInternalServerError, err)
		c.Error(err)
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		c.JSON(http.StatusInternalServerError, gin.H{"error": err})
		return
	}
}

func echoHandler(c echo.Context, db *sql.DB) error {
	_, err := db.Exec("DELETE FROM x")
	if err != nil {
		c.String(http.StatusInternalServerError, err.Error())                     // want `by echo Context.String`
		c.JSON(500, echo.Map{"error": err.Error()})                               // want `by echo Context.JSON`
		_ = echo.NewHTTPError(http.StatusInternalServerError, err.Error())        // want `by echo.NewHTTPError`
		_ = echo.NewHTTPError(http.StatusInternalServerError, err)                // want `by echo.NewHTTPError`
		return &echo.HTTPError{Code: http.StatusBadGateway, Message: err.Error()} // want `by an echo.HTTPError`
	}
	return nil
}

func echoQuiet(c echo.Context, db *sql.DB) error {
	_, err := db.Exec("DELETE FROM x")
	if err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError, "internal error").SetInternal(err)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return echo.NewHTTPError(http.StatusNotFound, err.Error())
	}
	return err
}
