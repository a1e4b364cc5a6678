package accept

import (
	"net/http"

	"github.com/coder/websocket"
	look "lookalike/websocket"
	nws "nhooyr.io/websocket"
)

const anyHost = "*"

func skip(w http.ResponseWriter, r *http.Request) {
	c, _ := websocket.Accept(w, r, &websocket.AcceptOptions{InsecureSkipVerify: true}) // want `InsecureSkipVerify disables the origin check`
	_ = c
}

func star(w http.ResponseWriter, r *http.Request) {
	_, _ = nws.Accept(w, r, &nws.AcceptOptions{OriginPatterns: []string{"example.com", "*"}}) // want `OriginPatterns entry "\*" matches every origin`
}

func schemeStar(w http.ResponseWriter, r *http.Request) {
	opts := &websocket.AcceptOptions{}
	opts.OriginPatterns = []string{"https://*"} // want `OriginPatterns entry "https://\*" matches every origin`
	opts.InsecureSkipVerify = true              // want `InsecureSkipVerify disables the origin check`
	_, _ = websocket.Accept(w, r, opts)
}

var pkgOptions = websocket.AcceptOptions{OriginPatterns: []string{anyHost + "." + anyHost}} // want `OriginPatterns entry "\*\.\*" matches every origin`

// Safe forms.

func patterns(w http.ResponseWriter, r *http.Request) {
	_, _ = websocket.Accept(w, r, &websocket.AcceptOptions{OriginPatterns: []string{"*.example.com", "https://app.example.org", "localhost:*"}})
	_, _ = websocket.Accept(w, r, &websocket.AcceptOptions{InsecureSkipVerify: false})
	_, _ = websocket.Accept(w, r, nil)
}

func manualCheck(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Origin") != "https://app.example.com" {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	_, _ = websocket.Accept(w, r, &websocket.AcceptOptions{InsecureSkipVerify: true})
}

func fromConfig(w http.ResponseWriter, r *http.Request, skip bool) {
	_, _ = websocket.Accept(w, r, &websocket.AcceptOptions{InsecureSkipVerify: skip})
}

var lookalike = look.AcceptOptions{InsecureSkipVerify: true, OriginPatterns: []string{"*"}}
