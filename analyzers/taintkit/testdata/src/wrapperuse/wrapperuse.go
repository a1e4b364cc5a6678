// Package wrapperuse reaches sqlx and gorm only through package wrapper.
package wrapperuse

import "wrapper"

func use(s *wrapper.Store, r *wrapper.Repo, name string) {
	s.Queryx("SELECT * FROM users WHERE name = '" + name + "'") // want `sqlx DB.Queryx`
	s.Exec("DELETE FROM users WHERE name = '" + name + "'")     // want `Store.Exec \(database/sql DB.Exec\)`
	r.DB.Where("name = " + name)                                // want `gorm DB.Where`
	s.Queryx("SELECT * FROM users WHERE name = ?", name)
}
