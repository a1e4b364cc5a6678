package gormuse

import (
	"embed"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	sq "github.com/Masterminds/squirrel"
	"github.com/lib/pq"
	"gorm.io/gorm"
	orm "gorm.io/gorm"
	"gorm.io/gorm/clause"

	"example.com/fakeorm"
	othergorm "example.com/gorm"
)

type User struct {
	ID   int
	Name string
}

type Store = gorm.DB

type Repo struct {
	*gorm.DB
	table string
}

// Reported.

func where(db *gorm.DB, name string) {
	var u User
	db.Where("name = '" + name + "'").First(&u)                  // want `SQL passed to gorm DB.Where is built from non-constant values`
	db.Where(fmt.Sprintf("name = '%s'", name)).First(&u)         // want `SQL passed to gorm DB.Where`
	db.Or("name = " + name).Not("role = " + name).Find(&u)       // want `gorm DB.Or` `gorm DB.Not`
	db.Model(&User{}).Having("count(*) > " + name).Find(&u)      // want `gorm DB.Having`
	db.Joins("JOIN orders ON " + name).InnerJoins(name).Find(&u) // want `gorm DB.Joins` `gorm DB.InnerJoins`
}

func raw(db *gorm.DB, r *http.Request) {
	id := r.URL.Query().Get("id")
	db.Raw("SELECT * FROM users WHERE id = " + id).Scan(nil) // want `SQL passed to gorm DB.Raw`
	q := fmt.Sprintf("DELETE FROM users WHERE id = %s", id)
	db.Exec(q) // want `SQL passed to gorm DB.Exec`
}

func columns(db *gorm.DB, r *http.Request) {
	var users []User
	sort := r.FormValue("sort")
	dir := r.FormValue("dir")
	db.Order(sort).Find(&users)                                                    // want `column or table expression passed to gorm DB.Order`
	db.Order(sort + " " + dir).Find(&users)                                        // want `gorm DB.Order`
	db.Select(r.FormValue("fields")).Find(&users)                                  // want `gorm DB.Select`
	db.Group(sort).Find(&users)                                                    // want `gorm DB.Group`
	db.Distinct(sort).Find(&users)                                                 // want `gorm DB.Distinct`
	db.Table(r.FormValue("table")).Find(&users)                                    // want `gorm DB.Table`
	db.Model(&User{}).Pluck(sort, &users)                                          // want `gorm DB.Pluck`
	db.Clauses(clause.OrderByColumn{Column: clause.Column{Name: sort, Raw: true}}) // want `raw clause.Column`
}

func inline(db *gorm.DB, idStr, name string) {
	var u User
	db.First(&u, idStr)                         // want `gorm DB.First`
	db.Find(&u, "name = '"+name+"'")            // want `gorm DB.Find`
	db.Delete(&User{}, "id = "+idStr)           // want `gorm DB.Delete`
	db.Take(&u, fmt.Sprintf("name = %q", name)) // want `gorm DB.Take`
	db.Last(&u, idStr)                          // want `gorm DB.Last`
}

func expressions(db *gorm.DB, factor string) {
	db.Model(&User{}).Update("price", gorm.Expr("price * "+factor)) // want `gorm.Expr`
	db.Clauses(clause.Expr{SQL: "name = " + factor})                // want `clause.Expr`
	db.Clauses(clause.NamedExpr{SQL: "name = @name AND " + factor}) // want `clause.NamedExpr`
	db.Clauses(clause.Expr{"id = " + factor, nil, false})           // want `clause.Expr`
}

func indirect(db *gorm.DB, s *Store, o *orm.DB, q string) {
	run := db.Raw
	run(q)                 // want `gorm DB.Raw`
	(*gorm.DB).Exec(db, q) // want `gorm DB.Exec`
	s.Where(q)             // want `gorm DB.Where`
	o.Raw(q)               // want `gorm DB.Raw`
	r := Repo{DB: db, table: "users"}
	r.Where(q) // want `gorm DB.Where`
}

func builder(db *gorm.DB, names []string) {
	var b strings.Builder
	b.WriteString("SELECT * FROM users WHERE name IN (")
	for i, n := range names {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("'" + n + "'")
	}
	b.WriteString(")")
	db.Raw(b.String()) // want `gorm DB.Raw`

	query := "SELECT * FROM users WHERE 1=1"
	for _, n := range names {
		query += " OR name = '" + n + "'"
	}
	db.Raw(query) // want `gorm DB.Raw`
}

// An unexported helper called once with request data: the SQL is reported
// where it reaches gorm.
func findWhere(db *gorm.DB, cond string) *gorm.DB {
	return db.Where(cond) // want `gorm DB.Where`
}

func callers(db *gorm.DB, r *http.Request) {
	findWhere(db, "active = true")
	findWhere(db, "name = '"+r.FormValue("name")+"'")
}

// FindBy is exported: any caller may pass any text.
func FindBy(db *gorm.DB, cond string) *gorm.DB {
	return db.Where(cond) // want `gorm DB.Where`
}

// Not reported.

//go:embed user.sql
var userSQL string

//go:embed user.sql
var migrationFS embed.FS

const base = "SELECT * FROM users"

var listSQL = base + " ORDER BY id"

var allowedSort = map[string]string{"name": "name", "created": "created_at"}

var validColumn = regexp.MustCompile(`^[a-z_]+$`)

func userQuery() string { return base + " WHERE id = ?" }

func orderedBy(col string) string { return base + " ORDER BY " + col }

func findAll(db *gorm.DB, cond string, args ...interface{}) *gorm.DB {
	return db.Where(cond, args...)
}

func safe(db *gorm.DB, r *http.Request, ids []int, n int, active bool) {
	var users []User
	var u User
	name := r.FormValue("name")
	db.Where("name = ?", name).Find(&users)
	db.Where(map[string]interface{}{"name": name}).Find(&users)
	db.Where(&User{Name: name}).Find(&users)
	db.Where(User{Name: name}).Or(clause.Eq{Column: "name", Value: name}).Find(&users)
	db.Raw(userSQL, 1).Scan(&u)
	db.Raw(listSQL).Scan(&users)
	db.Raw(userQuery(), 1).Scan(&u)
	db.Raw(orderedBy("name")).Scan(&users)
	db.Order("created_at desc").Find(&users)
	db.Order(clause.OrderByColumn{Column: clause.Column{Name: name}}).Find(&users)
	db.Clauses(clause.Column{Name: name}, clause.Column{Name: name, Raw: false})
	db.First(&u, 10)
	db.First(&u, n)
	db.First(&u, "name = ?", name)
	db.Find(&users, ids)
	db.Update("name", name)
	db.Model(&u).Update("price", gorm.Expr("price * ?", name))
	db.Clauses(clause.Expr{SQL: "name = ?", Vars: []interface{}{name}})
	findAll(db, "name = ?", name)
	findAll(db, base)

	cond := "deleted_at IS NULL"
	if active {
		cond += " AND active = ?"
	}
	db.Where(cond, true).Find(&users)

	// Numbers and placeholders only.
	db.Table("events_" + strconv.Itoa(n)).Find(&users)
	db.Raw(fmt.Sprintf("SELECT * FROM users LIMIT %d", n)).Scan(&users)
	db.Raw("SELECT * FROM users WHERE id IN (" + strings.Repeat("?,", len(ids)-1) + "?)").Scan(&users)
	placeholders := make([]string, 0, len(ids))
	args := []interface{}{}
	for i, id := range ids {
		placeholders = append(placeholders, "$"+strconv.Itoa(i+1))
		args = append(args, id)
	}
	db.Raw(fmt.Sprintf("SELECT * FROM users WHERE id IN (%s)", strings.Join(placeholders, ",")), args...).Scan(&users)

	var b strings.Builder
	b.WriteString(base)
	fmt.Fprintf(&b, " LIMIT %d", n)
	db.Raw(b.String()).Scan(&users)

	// Identifiers that are quoted or come from an allow-list.
	db.Raw("SELECT * FROM " + pq.QuoteIdentifier(name)).Scan(&users)
	if col, ok := allowedSort[r.FormValue("sort")]; ok {
		db.Order(col + " desc").Find(&users)
	}
	db.Order(allowedSort[r.FormValue("sort")]).Find(&users)
	dir := "ASC"
	if r.FormValue("dir") == "desc" {
		dir = "DESC"
	}
	db.Order("name " + dir).Find(&users)
	var col string
	switch r.FormValue("col") {
	case "name":
		col = "name"
	default:
		col = "id"
	}
	db.Order(col).Find(&users)

	sel, _, _ := sq.Select("*").From("users").Where(sq.Eq{"name": name}).ToSql()
	db.Raw(sel).Scan(&users)

	rp := Repo{DB: db, table: "users"}
	db.Table(rp.table).Find(&users)

	// Look-alikes from other packages.
	var f fakeorm.DB
	f.Raw("SELECT * FROM users WHERE name = '" + name + "'")
	f.Where(name)
	fakeorm.Expr(name)
	var og othergorm.DB
	og.Raw(name)
	og.Exec(name)
}

func validated(db *gorm.DB, sort, dir, field string) {
	var users []User
	switch sort {
	case "name", "email":
	default:
		return
	}
	if dir != "asc" && dir != "desc" {
		return
	}
	db.Order(sort + " " + dir).Find(&users)
	if !slices.Contains([]string{"id", "name"}, field) {
		return
	}
	db.Select(field).Find(&users)
}

func validatedRegexp(db *gorm.DB, col string) {
	if !validColumn.MatchString(col) {
		return
	}
	db.Order(col).Find(nil)
}

func migrations(db *gorm.DB, name string) {
	b, err := os.ReadFile("migrations/001_init.sql")
	if err == nil {
		db.Exec(string(b))
	}
	c, _ := migrationFS.ReadFile("migrations/" + name)
	db.Exec(string(c))
	d, _ := fs.ReadFile(migrationFS, name)
	db.Exec(string(d))
	e, _ := os.ReadFile(name)
	db.Exec(string(e)) // want `gorm DB.Exec`
}

func tables(db *gorm.DB, m interface{ TableName() string }) {
	db.Table(m.TableName()).Find(nil)
}

var cache = map[string][]User{}

func cached(db *gorm.DB, name string) {
	if _, ok := cache[name]; ok {
		return
	}
	db.Where("name = '" + name + "'").Find(nil) // want `gorm DB.Where`
	allowed := []string{"name", "email"}
	col := name
	if slices.Contains(allowed, col) {
		db.Order(col).Find(nil)
	}
	known := map[string]bool{"id": true}
	if known[col] {
		db.Group(col).Find(nil)
	}
}
