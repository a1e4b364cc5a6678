package sqli

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"os"
	"strconv"

	sq "github.com/Masterminds/squirrel"
	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/go-pg/pg/v10"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/mux"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"github.com/labstack/echo/v4"
	"gorm.io/gorm"
)

var (
	db    *gorm.DB
	sqlDB *sql.DB
	xdb   *sqlx.DB
	pool  *pgxpool.Pool
	conn  *pgx.Conn
	pgdb  *pg.DB
)

type user struct{ Name string }

type filter struct {
	Name  string
	Limit int
}

func ginConcat(c *gin.Context) {
	var users []user
	name := c.Query("name")
	db.Where("name = '" + name + "'").Find(&users) // want `SQL injection: untrusted input reaches the SQL text of: \(\*gorm.io/gorm.DB\).Where`
	db.Where("name = ?", name).Find(&users)
	db.Where("name = 'admin'").Find(&users)
	db.Order(c.DefaultQuery("sort", "name")).Find(&users) // want `SQL injection`
	db.First(&users, "id = ?", c.Param("id"))
	db.Raw(fmt.Sprintf("SELECT * FROM users WHERE id = %d", c.GetInt("id"))).Scan(&users)
}

func ginSanitized(c *gin.Context) {
	n, err := strconv.Atoi(c.Query("limit"))
	if err != nil {
		return
	}
	q := fmt.Sprintf("SELECT * FROM users LIMIT %d", n)
	db.Raw(q).Scan(nil)
	db.Exec("DELETE FROM sessions")
}

func ginStructField(c *gin.Context) {
	f := &filter{Name: c.PostForm("name"), Limit: 10}
	db.Raw("SELECT * FROM users WHERE name = '" + f.Name + "'").Scan(nil) // want `SQL injection`
}

func buildQuery(column string) string {
	return "SELECT " + column + " FROM users"
}

func ginHelper(c *gin.Context) {
	db.Exec(buildQuery(c.GetHeader("X-Column"))) // want `SQL injection`
	db.Exec(buildQuery("name"))
}

func stdlib(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	rows, _ := sqlDB.Query("SELECT * FROM users WHERE id = " + id) // want `SQL injection`
	_ = rows
	rows, _ = sqlDB.Query("SELECT * FROM users WHERE id = $1", id)
	_ = rows
	sqlDB.QueryRowContext(r.Context(), fmt.Sprintf("SELECT * FROM t WHERE a = '%s'", r.FormValue("a"))) // want `SQL injection`
}

func sqlxFlows(w http.ResponseWriter, r *http.Request) {
	var u user
	name := chi.URLParam(r, "name")
	xdb.Get(&u, "SELECT * FROM users WHERE name = '"+name+"'") // want `SQL injection`
	xdb.Get(&u, "SELECT * FROM users WHERE name = $1", name)
	xdb.Select(&u, "SELECT * FROM users ORDER BY "+mux.Vars(r)["sort"]) // want `SQL injection`
	sqlx.Get(xdb, &u, "SELECT * FROM users WHERE name = '"+name+"'")    // want `SQL injection`
	xdb.Query("SELECT * FROM users WHERE name = '" + name + "'")        // want `SQL injection`
}

func pgxFlows(ctx context.Context, c echo.Context) error {
	owner := c.QueryParam("owner")
	pool.Query(ctx, fmt.Sprintf("SELECT * FROM items WHERE owner = '%s'", owner)) // want `SQL injection`
	pool.Query(ctx, "SELECT * FROM items WHERE owner = $1", owner)
	conn.Exec(ctx, "DELETE FROM items WHERE id = "+c.Param("id")) // want `SQL injection`
	tx, _ := pool.Begin(ctx)
	tx.Exec(ctx, "UPDATE items SET owner = '"+owner+"'") // want `SQL injection`
	tx.Exec(ctx, "UPDATE items SET owner = $1", owner)
	return nil
}

func goPG(c *fiber.Ctx) error {
	pgdb.Exec("DELETE FROM items WHERE name = '" + c.Params("name") + "'") // want `SQL injection`
	pgdb.Exec("DELETE FROM items WHERE name = ?", c.Params("name"))
	pgdb.Exec(fmt.Sprintf("DELETE FROM items WHERE id = %d", c.QueryInt("id")))
	return nil
}

func squirrel(c *gin.Context) {
	sq.Select("*").From("users").Where("name = '" + c.Query("name") + "'") // want `SQL injection`
	sq.Select("*").From("users").Where("name = ?", c.Query("name"))
	sq.Select("*").From("users").Where(sq.Eq{"name": c.Query("name")})
}

func commandLine() {
	db.Exec("DROP TABLE " + os.Args[1])            // want `SQL injection`
	db.Exec("SELECT * FROM " + os.Getenv("TABLE")) // want `SQL injection`
	table := "users"
	if len(os.Args) > 2 {
		table = "accounts"
	}
	db.Exec("SELECT * FROM " + table)
}
