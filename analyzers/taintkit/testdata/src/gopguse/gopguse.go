package gopguse

import (
	"github.com/go-pg/pg/v10"
	"github.com/go-pg/pg/v10/orm"
)

type Item struct{ Owner string }

func reported(db *pg.DB, tx *pg.Tx, odb orm.DB, owner string) {
	var items []Item
	q := "SELECT * FROM items WHERE owner = '" + owner + "'"
	db.Exec(q)                                                                            // want `SQL passed to go-pg DB.Exec is built from non-constant values`
	db.ExecOne(q)                                                                         // want `go-pg DB.ExecOne`
	db.Query(&items, q)                                                                   // want `go-pg DB.Query`
	db.QueryOne(&items, q)                                                                // want `go-pg DB.QueryOne`
	db.Prepare(q)                                                                         // want `go-pg DB.Prepare`
	tx.Exec(q)                                                                            // want `go-pg Tx.Exec`
	tx.Query(&items, q)                                                                   // want `go-pg Tx.Query`
	odb.Exec(q)                                                                           // want `go-pg DB.Exec`
	db.Model(&items).Where("owner = " + owner).Select()                                   // want `go-pg Query.Where`
	db.Model(&items).WhereOr(q).ColumnExpr(owner).TableExpr(owner).Select()               // want `go-pg Query.WhereOr` `go-pg Query.ColumnExpr` `go-pg Query.TableExpr`
	db.Model(&items).OrderExpr(owner).GroupExpr(owner).Having(owner).Join(owner).Select() // want `go-pg Query.OrderExpr` `go-pg Query.GroupExpr` `go-pg Query.Having` `go-pg Query.Join`
	db.Model(&items).Value("owner", owner).Select()                                       // want `go-pg Query.Value`
	db.Model(&items).ColumnExpr("?", pg.Safe(owner)).Select()                             // want `a pg.Safe conversion`
	db.Exec(pg.SafeQuery(q))                                                              // want `pg.SafeQuery`
}

func quiet(db *pg.DB, owner, col string) {
	var items []Item
	db.Exec("DELETE FROM items WHERE owner = ?", owner)
	db.Query(&items, "SELECT * FROM items WHERE owner = ?", owner)
	db.Exec(pg.SafeQuery("DELETE FROM items WHERE owner = ?", owner))
	db.Model(&items).Where("owner = ?", owner).Order(col).Group(col).Column(col).Table(col).Select()
	db.Model(&items).ColumnExpr("?", pg.Ident(col)).Select()
	db.Model(&items).Where("owner IN (?)", pg.In([]string{owner})).Select()
}
