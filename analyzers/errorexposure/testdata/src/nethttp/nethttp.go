package nethttp

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
)

var ErrNotFound = errors.New("not found")

func query(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		http.Error(w, "query failed: "+err.Error(), http.StatusInternalServerError) // want `internal error text written to a 5xx HTTP response by http.Error`
		return
	}
	defer rows.Close()
	if err := rows.Err(); err != nil {
		http.Error(w, err.Error(), 500) // want `internal error text written to a 5xx HTTP response`
		return
	}
	f, err := os.Open("/data/users.csv")
	if err != nil {
		http.Error(w, fmt.Sprintf("open: %v", err), http.StatusServiceUnavailable) // want `internal error text`
		return
	}
	defer f.Close()
	wrapped := fmt.Errorf("reading users: %w", err)
	http.Error(w, wrapped.Error(), http.StatusInternalServerError) // want `internal error text`
}

func statusVariable(w http.ResponseWriter, db *sql.DB) {
	_, err := db.Exec("DELETE FROM sessions")
	status := http.StatusInternalServerError
	if errors.Is(err, ErrNotFound) {
		status = http.StatusNotFound
	}
	http.Error(w, err.Error(), status) // want `internal error text`
}

func writes(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	_, err := db.Exec("UPDATE counters SET n = n + 1")
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, "update failed: %v", err)                           // want `internal error text written to a 5xx HTTP response by fmt.Fprintf`
		w.Write([]byte(err.Error()))                                       // want `by ResponseWriter.Write`
		io.WriteString(w, "error: "+err.Error())                           // want `by io.WriteString`
		json.NewEncoder(w).Encode(map[string]string{"error": err.Error()}) // want `by an encoder on the ResponseWriter`
		enc := json.NewEncoder(w)
		enc.Encode(struct{ Message string }{Message: "failed: " + err.Error()}) // want `by an encoder`
		return
	}
}

func stacks(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if rec := recover(); rec != nil {
			w.Write(debug.Stack())                              // want `stack trace written to the HTTP response by ResponseWriter.Write`
			fmt.Fprintf(w, "panic: %v", rec)                    // want `recovered panic value written to the HTTP response`
			http.Error(w, string(debug.Stack()), http.StatusOK) // want `stack trace`
			buf := make([]byte, 4096)
			n := runtime.Stack(buf, false)
			w.Write(buf[:n])                                        // want `stack trace`
			json.NewEncoder(w).Encode(map[string]any{"panic": rec}) // want `recovered panic value`
		}
	}()
}

// Not reported.

func quiet(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	id, err := strconv.Atoi(r.URL.Query().Get("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var in struct{ Name string }
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		http.Error(w, "invalid JSON: "+err.Error(), http.StatusUnprocessableEntity)
		return
	}
	_, err = db.Exec("DELETE FROM users WHERE id = ?", id)
	if err != nil {
		log.Printf("delete user %d: %v", id, err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		fmt.Fprintf(os.Stderr, "delete: %v\n", err)
		return
	}
	own := errors.New("user is locked")
	http.Error(w, own.Error(), http.StatusInternalServerError)
	own2 := fmt.Errorf("user %d is locked", id)
	http.Error(w, own2.Error(), http.StatusInternalServerError)
	http.Error(w, ErrNotFound.Error(), http.StatusInternalServerError)
	// No status: a 200 with the error text is not reported.
	fmt.Fprintf(w, "result: %v", err)
	// An error value encoded as JSON is {}.
	w.WriteHeader(http.StatusInternalServerError)
	json.NewEncoder(w).Encode(map[string]any{"error": err})
	json.NewEncoder(os.Stdout).Encode(map[string]string{"error": err.Error()})
	log.Print(string(debug.Stack()))
}

func unknownStatus(w http.ResponseWriter, code int, err error) {
	http.Error(w, err.Error(), code)
}
