package giveway

import (
	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

var db *gorm.DB

func handler(c *gin.Context) {
	db.Where("name = '" + c.Query("name") + "'").Find(nil) // the taint rule reports this call: sqlstring gives way
}

// Search takes SQL from its callers, which the taint rule cannot see.
func Search(cond string) {
	db.Where(cond).Find(nil) // want `non-constant`
}
