// Package inject holds injection flaws: request data from gin and net/http
// handlers reaching SQL text, log messages, redirect targets, file names,
// outgoing requests and HTML responses.
package inject

import (
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"time"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"
	"gorm.io/gorm"
)

// User is a row.
type User struct {
	ID   int
	Name string
}

// Server holds what the handlers use.
type Server struct {
	DB     *gorm.DB
	Log    *zap.Logger
	Sugar  *zap.SugaredLogger
	Client *http.Client
}

// NewServer builds a server whose client has a timeout.
func NewServer(db *gorm.DB, log *zap.Logger) *Server {
	return &Server{DB: db, Log: log, Sugar: log.Sugar(), Client: &http.Client{Timeout: 10 * time.Second}}
}

// insecureSearch concatenates a query parameter into gorm's raw SQL (SDL901).
func (s *Server) insecureSearch(c *gin.Context) {
	var users []User
	name := c.Query("name")
	if err := s.DB.Raw("SELECT id, name FROM users WHERE name = '" + name + "'").Scan(&users).Error; err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, users)
}

// secureSearch passes the name as a placeholder argument.
func (s *Server) secureSearch(c *gin.Context) {
	var users []User
	if err := s.DB.Raw("SELECT id, name FROM users WHERE name = ?", c.Query("name")).Scan(&users).Error; err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, users)
}

// insecureList sorts by a column expression taken from the query (SDL901).
func (s *Server) insecureList(c *gin.Context) {
	var users []User
	if err := s.DB.Order(c.Query("sort")).Find(&users).Error; err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, users)
}

// sortColumns are the columns a list may be sorted by.
var sortColumns = map[string]string{"name": "name", "id": "id"}

// secureList sorts only by a column chosen from an allow-list.
func (s *Server) secureList(c *gin.Context) {
	var users []User
	db := s.DB
	if col, ok := sortColumns[c.Query("sort")]; ok {
		db = db.Order(col)
	}
	if err := db.Find(&users).Error; err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, users)
}

// insecureLoginFailed writes the submitted user name into log messages,
// where a line break forges a new record (SDL902).
func (s *Server) insecureLoginFailed(c *gin.Context) {
	user := c.PostForm("user")
	s.Sugar.Infof("login failed for %s", user)
	s.Log.Warn("login failed for " + user)
	c.Status(http.StatusUnauthorized)
}

// secureLoginFailed logs the user name as a structured field.
func (s *Server) secureLoginFailed(c *gin.Context) {
	user := c.PostForm("user")
	s.Sugar.Infow("login failed", "user", user)
	s.Log.Warn("login failed", zap.String("user", user))
	c.Status(http.StatusUnauthorized)
}

// insecureAfterLogin redirects to wherever the next parameter says (SDL903).
func insecureAfterLogin(c *gin.Context) {
	c.Redirect(http.StatusFound, c.Query("next"))
}

// afterLoginPages are the pages a login may return to.
var afterLoginPages = map[string]string{"orders": "/orders", "account": "/account"}

// secureAfterLogin redirects only to a page from an allow-list.
func secureAfterLogin(c *gin.Context) {
	next, ok := afterLoginPages[c.Query("next")]
	if !ok {
		next = "/"
	}
	c.Redirect(http.StatusFound, next)
}

// filesRoot is the directory downloads are served from.
const filesRoot = "/srv/files"

// insecureDownload serves any file "../" can reach (SDL904).
func insecureDownload(c *gin.Context) {
	c.File(filepath.Join(filesRoot, c.Param("name")))
}

// secureDownload keeps only the last element of the name.
func secureDownload(c *gin.Context) {
	c.File(filepath.Join(filesRoot, filepath.Base(c.Param("name"))))
}

// insecurePreview fetches whatever URL the caller names (SDL905).
func (s *Server) insecurePreview(w http.ResponseWriter, r *http.Request) {
	resp, err := s.Client.Get(r.URL.Query().Get("url"))
	if err != nil {
		http.Error(w, "bad gateway", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.Header().Set("Content-Type", "text/plain")
	_, _ = io.Copy(w, io.LimitReader(resp.Body, 1<<20))
}

// securePreview fetches an image from a fixed host, with the name escaped.
func (s *Server) securePreview(w http.ResponseWriter, r *http.Request) {
	resp, err := s.Client.Get("https://images.example.com/" + url.PathEscape(r.URL.Query().Get("name")))
	if err != nil {
		http.Error(w, "bad gateway", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.Header().Set("Content-Type", "text/plain")
	_, _ = io.Copy(w, io.LimitReader(resp.Body, 1<<20))
}

// insecureResults echoes the search terms into an HTML page (SDL906).
func insecureResults(c *gin.Context) {
	c.Data(http.StatusOK, "text/html; charset=utf-8", []byte("<p>No results for "+c.Query("q")+"</p>"))
}

// secureResults escapes them.
func secureResults(c *gin.Context) {
	c.Data(http.StatusOK, "text/html; charset=utf-8", []byte("<p>No results for "+html.EscapeString(c.Query("q"))+"</p>"))
}

// insecureHello greets the caller by the name in the query (SDL906).
func insecureHello(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = fmt.Fprintf(w, "<h1>Hello, %s</h1>", r.URL.Query().Get("name"))
}

// secureHello escapes the name.
func secureHello(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = fmt.Fprintf(w, "<h1>Hello, %s</h1>", html.EscapeString(r.URL.Query().Get("name")))
}

// Routes registers the handlers, flawed and clean.
func (s *Server) Routes(r *gin.Engine, mux *http.ServeMux) {
	r.GET("/users/search", s.insecureSearch)
	r.GET("/users/search2", s.secureSearch)
	r.GET("/users", s.insecureList)
	r.GET("/users2", s.secureList)
	r.POST("/login/failed", s.insecureLoginFailed)
	r.POST("/login/failed2", s.secureLoginFailed)
	r.GET("/after-login", insecureAfterLogin)
	r.GET("/after-login2", secureAfterLogin)
	r.GET("/files/:name", insecureDownload)
	r.GET("/files2/:name", secureDownload)
	r.GET("/results", insecureResults)
	r.GET("/results2", secureResults)
	mux.HandleFunc("/preview", s.insecurePreview)
	mux.HandleFunc("/preview2", s.securePreview)
	mux.HandleFunc("/hello", insecureHello)
	mux.HandleFunc("/hello2", secureHello)
}
