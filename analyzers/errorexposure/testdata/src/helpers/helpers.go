package helpers

import (
	"database/sql"
	"encoding/json"
	"net/http"
	"runtime/debug"
)

func respondError(w http.ResponseWriter, code int, msg string) {
	http.Error(w, msg, code)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func serverError(w http.ResponseWriter, msg string) {
	w.WriteHeader(http.StatusInternalServerError)
	w.Write([]byte(msg))
}

func writeErr(w http.ResponseWriter, code int, err error) {
	http.Error(w, err.Error(), code)
}

// fail writes any error it is given with a 500.
func fail(w http.ResponseWriter, err error) {
	http.Error(w, err.Error(), http.StatusInternalServerError) // want `internal error text written to a 5xx HTTP response by http.Error`
}

func handler(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	_, err := db.Exec("DELETE FROM x")
	if err != nil {
		respondError(w, http.StatusInternalServerError, err.Error())                          // want `by http.Error \(in respondError\)`
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()}) // want `by an encoder on the ResponseWriter \(in writeJSON\)`
		serverError(w, "db: "+err.Error())                                                    // want `by ResponseWriter.Write \(in serverError\)`
		respondError(w, http.StatusOK, string(debug.Stack()))                                 // want `stack trace`
		fail(w, err)
		writeErr(w, http.StatusInternalServerError, err) // want `by http.Error \(in writeErr\)`
		writeErr(w, http.StatusNotFound, err)
		// Quiet: 4xx, generic text.
		respondError(w, http.StatusBadRequest, err.Error())
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal"})
		serverError(w, "internal error")
		return
	}
}
