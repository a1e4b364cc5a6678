// Package cmdi: command injection from request data, the command line and
// bound bodies; quoted, numeric and constant look-alikes.
package cmdi

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"syscall"

	"github.com/alessio/shellescape"
	"github.com/gin-gonic/gin"
	"github.com/kballard/go-shellquote"
	"github.com/labstack/echo/v4"
)

type job struct{ Host, Ref string }

func pingCmd(host string) string { return "ping -c 1 " + host }

func stdlib(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("host")
	exec.Command("sh", "-c", "ping -c 1 "+host)                // want `command injection: untrusted input is the program or an argument of: os/exec.Command`
	exec.Command("sh", "-c", fmt.Sprintf("nslookup %s", host)) // want `command injection`
	exec.Command("sh", "-c", pingCmd(host))                    // want `command injection`
	exec.Command(r.FormValue("tool"))                          // want `command injection`
	exec.Command("git", "log", r.FormValue("ref"))             // want `command injection`
	exec.CommandContext(r.Context(), "sh", "-c", host)         // want `command injection`
	j := &job{Host: host}
	exec.Command("ping", "-c", "1", j.Host)                                // want `command injection`
	syscall.Exec("/bin/sh", []string{"sh", "-c", host}, nil)               // want `command injection`
	os.StartProcess("/bin/sh", []string{"sh", "-c", host}, &os.ProcAttr{}) // want `command injection`

	// Quoted for the shell, numeric, constant: not reported.
	exec.Command("sh", "-c", "ping -c 1 "+shellescape.Quote(host))
	exec.Command("sh", "-c", "ping "+shellquote.Join("-c", "1", host))
	if n, err := strconv.Atoi(r.FormValue("n")); err == nil {
		exec.Command("sh", "-c", "seq "+strconv.Itoa(n))
	}
	exec.Command("uptime")
	exec.CommandContext(context.Background(), "ls", "-l", "/srv")
	// The context of CommandContext is not an argument of the command.
	exec.CommandContext(r.Context(), "uptime")
}

func ginHandler(c *gin.Context) {
	exec.Command("sh", "-c", "ping -c 1 "+c.Query("host")) // want `command injection`
	var j job
	if err := c.ShouldBindJSON(&j); err != nil {
		return
	}
	exec.Command("git", "checkout", j.Ref) // want `command injection`
}

func echoHandler(c echo.Context) error {
	return exec.Command("sh", "-c", c.QueryParam("cmd")).Run() // want `command injection`
}

func commandLine() {
	exec.Command("sh", "-c", os.Args[1])        // want `command injection`
	exec.Command("sh", "-c", os.Getenv("HOOK")) // want `command injection`
}
