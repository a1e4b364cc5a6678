// Package gindefault never sets the options of its gin-contrib stores.
package gindefault

import (
	"github.com/gin-contrib/sessions"
	"github.com/gin-contrib/sessions/cookie"
	"github.com/gin-contrib/sessions/memstore"
	"github.com/gin-contrib/sessions/redis"
)

func setup() []sessions.HandlerFunc {
	store := cookie.NewStore([]byte("secret"))                                     // want `gin-contrib/sessions store created with default cookie options`
	mem := memstore.NewStore([]byte("secret"))                                     // want `gin-contrib/sessions store created with default cookie options`
	rs, _ := redis.NewStore(10, "tcp", "localhost:6379", "", "", []byte("secret")) // want `gin-contrib/sessions store created with default cookie options`
	return []sessions.HandlerFunc{sessions.Sessions("a", store), sessions.Sessions("b", mem), sessions.Sessions("c", rs)}
}
