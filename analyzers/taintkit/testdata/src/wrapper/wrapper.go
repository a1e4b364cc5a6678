// Package wrapper embeds sqlx and gorm handles in its own types.
package wrapper

import (
	"github.com/jmoiron/sqlx"
	"gorm.io/gorm"
)

type Store struct {
	*sqlx.DB
}

type Repo struct {
	DB *gorm.DB
}
