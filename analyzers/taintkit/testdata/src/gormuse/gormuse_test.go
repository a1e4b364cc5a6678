package gormuse

import (
	"testing"

	"gorm.io/gorm"
)

func TestRaw(t *testing.T) {
	var db *gorm.DB
	db.Exec("DROP TABLE " + t.Name())
}
