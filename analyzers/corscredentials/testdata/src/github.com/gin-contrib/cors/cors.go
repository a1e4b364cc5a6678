// Package cors is a stub of github.com/gin-contrib/cors v1.7.7.
package cors

import (
	"time"

	"github.com/gin-gonic/gin"
)

type Config struct {
	AllowAllOrigins            bool
	AllowOrigins               []string
	AllowOriginFunc            func(origin string) bool
	AllowOriginWithContextFunc func(c *gin.Context, origin string) bool
	AllowMethods               []string
	AllowPrivateNetwork        bool
	AllowHeaders               []string
	AllowCredentials           bool
	ExposeHeaders              []string
	MaxAge                     time.Duration
	AllowWildcard              bool
	AllowBrowserExtensions     bool
	CustomSchemas              []string
	AllowWebSockets            bool
	AllowFiles                 bool
	OptionsResponseStatusCode  int
}

func DefaultConfig() Config                   { return Config{} }
func Default() gin.HandlerFunc                { return nil }
func New(config Config) gin.HandlerFunc       { return nil }
func (c *Config) AddAllowHeaders(h ...string) {}
