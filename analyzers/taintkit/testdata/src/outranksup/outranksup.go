// Package outranksup: a directive naming gosec's G304, whose finding gives
// way to SDL904's on the same call, suppresses SDL904 there; one naming
// both is used by SDL904's finding alone; G304 still reports elsewhere.
package outranksup

import (
	"net/http"
	"os"
)

func handler(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	os.ReadFile("/srv/files/" + name) //sdl:ignore G304 -- the name is checked against the catalogue
	os.ReadFile("/srv/files/" + name) //sdl:ignore G304,SDL904 -- the name is checked against the catalogue
	_ = name                          //sdl:ignore G304 -- suppresses nothing // want `directive suppresses nothing: G304 reported no finding here`
}

func load(path string) {
	os.ReadFile(path) //sdl:ignore G304 -- the operator names the file
}
