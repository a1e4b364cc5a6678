package gormv1

import (
	"fmt"

	"github.com/jinzhu/gorm"
)

type User struct{ Name string }

func reported(db *gorm.DB, name, sort string) {
	var u User
	db.Where("name = '" + name + "'").First(&u)                        // want `SQL passed to gorm DB.Where`
	db.Raw(fmt.Sprintf("SELECT * FROM users WHERE name = '%s'", name)) // want `gorm DB.Raw`
	db.Exec("DELETE FROM users WHERE name = " + name)                  // want `gorm DB.Exec`
	db.Order(sort, true).Find(&u)                                      // want `gorm DB.Order`
	db.Group(sort).Table(sort).Find(&u)                                // want `gorm DB.Group` `gorm DB.Table`
	db.First(&u, name)                                                 // want `gorm DB.First`
	db.Model(&u).Update("n", gorm.Expr("n + "+name))                   // want `gorm.Expr`
}

func quiet(db *gorm.DB, name string, id int) {
	var u User
	db.Where("name = ?", name).First(&u)
	db.First(&u, id)
	db.Order("name").Find(&u)
	db.Model(&u).Update("n", gorm.Expr("n + ?", 1))
}
