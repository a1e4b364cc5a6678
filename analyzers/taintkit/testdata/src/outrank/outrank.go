// Package outrank: gosec's pattern rules give way to the taint rule of the
// same kind on the same call, and still report the calls no taint rule
// reports.
package outrank

import (
	"database/sql"
	"fmt"
	"net/http"
	"os"
	"os/exec"
)

var db *sql.DB

func handler(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	os.ReadFile(name)                                             // want `path traversal: untrusted input names the file of: os.ReadFile`
	http.Get("https://api.example.com/" + name)                   // want `SSRF: untrusted input is the address of: net/http.Get`
	db.Query("SELECT * FROM t WHERE n = '" + name + "'")          // want `SQL injection: untrusted input reaches the SQL text of`
	db.Query(fmt.Sprintf("SELECT * FROM t WHERE n = '%s'", name)) // want `SQL injection: untrusted input reaches the SQL text of`
	exec.Command("sh", "-c", name).Run()                          // want `Command injection via taint analysis`
	q := "SELECT * FROM t WHERE n = '" + name + "'"               // want `SQL string concatenation`
	db.Query(q)                                                   // want `SQL injection: untrusted input reaches the SQL text of`
}

// Not from a source: the pattern rules still report what the taint rules
// cannot see.
func load(path, url, table string) {
	os.ReadFile(path)                  // want `Potential file inclusion via variable`
	http.Get(url)                      // want `Potential HTTP request made with variable url`
	db.Query("SELECT * FROM " + table) // want `SQL string concatenation`
}
