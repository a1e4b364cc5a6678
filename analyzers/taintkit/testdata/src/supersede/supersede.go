// Package supersede: suppressions written for gosec's G703 keep working
// for SDL904, the rule that replaces it.
package supersede

import (
	"net/http"
	"net/smtp"
	"os"
)

func handler(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	os.ReadFile("/srv/files/" + name) //sdl:ignore G703 -- the name is checked against the catalogue
	// #nosec G703 -- the name is checked against the catalogue
	os.ReadFile("/srv/files/" + name)
	_ = name //sdl:ignore G703 -- suppresses nothing // want `directive suppresses nothing: SDL904 reported no finding here`
}

// G707's sinks are SDL908's: gosec's #nosec for G707 keeps working.
func mailer(c *smtp.Client, r *http.Request) {
	to := r.FormValue("to")
	c.Rcpt(to) // #nosec G707 -- the recipient is checked against the account's contacts
	c.Rcpt(to) //sdl:ignore G707 -- the recipient is checked against the account's contacts
}
