package handlers

import (
	"fmt"
	"strconv"

	"example.com/shop/api"
	"example.com/shop/audit"
	"example.com/shop/db"
)

type filter struct {
	Name string
}

func where(name string) string {
	return " WHERE name = '" + name + "'"
}

// Search is called by the shop's gateway.
func Search(store *db.Store, req *api.Request) {
	name := req.Param("name")
	store.Query("SELECT * FROM items WHERE name = '" + name + "'")              // want `shop SQL injection: \(\*example.com/shop/db.Store\).Query`
	store.Query(fmt.Sprintf("SELECT * FROM items WHERE name = '%s'", req.Body)) // want `shop SQL injection`
	f := &filter{Name: req.Param("name")}
	store.Query("SELECT * FROM items" + where(f.Name))             // want `shop SQL injection`
	db.Raw(store, "DELETE FROM items WHERE id = "+req.Param("id")) // want `shop SQL injection: example.com/shop/db.Raw`

	// The value is a bound argument, not SQL text: args: [1] skips it.
	store.Query("SELECT * FROM items WHERE name = ?", name)
	// Sanitized: quoted by the team's own sanitizer, or a number.
	store.Query("SELECT * FROM items WHERE name = " + db.QuoteLiteral(name))
	n, _ := strconv.Atoi(req.Param("limit"))
	store.Query(fmt.Sprintf("SELECT * FROM items LIMIT %d", n))
	// Constant.
	store.Query("SELECT * FROM items" + where("shoes"))
	db.Raw(store, "DELETE FROM items")
}

// Header data is a function source of the rule.
func Lookup(store *db.Store) {
	store.Query("SELECT * FROM items WHERE sku = '" + api.Header("X-SKU") + "'") // want `shop SQL injection`
}

// Audit writes request data into the audit trail.
func Audit(sink audit.Sink, req *api.Request) {
	sink.Write("search for " + req.Param("name")) // want `audit forging: \(example.com/shop/audit.Sink\).Write`
	sink.Write("search", "name", req.Param("name"))
}
