package a

import (
	"log"
	"net/http"

	fws "github.com/fasthttp/websocket"
	"github.com/gorilla/websocket"
	gws "github.com/gorilla/websocket"
	"github.com/valyala/fasthttp"
	look "lookalike/websocket"
	"other"
)

type upgraderAlias = websocket.Upgrader

const yes = true

var upgrader = websocket.Upgrader{
	ReadBufferSize:  1024,
	WriteBufferSize: 1024,
	CheckOrigin:     func(r *http.Request) bool { return true }, // want `CheckOrigin accepts every origin`
}

var renamed = &gws.Upgrader{CheckOrigin: func(*http.Request) bool { return yes }} // want `CheckOrigin accepts every origin`

var aliased = upgraderAlias{CheckOrigin: allowAll} // want `CheckOrigin accepts every origin`

func allowAll(r *http.Request) bool {
	log.Printf("websocket from %s", r.Header.Get("Origin"))
	return true
}

type hub struct{ debug bool }

func (h *hub) checkOrigin(r *http.Request) bool { return true }

func (h *hub) upgrader() *websocket.Upgrader {
	return &websocket.Upgrader{CheckOrigin: h.checkOrigin} // want `CheckOrigin accepts every origin`
}

func assignedLater(w http.ResponseWriter, r *http.Request) {
	u := websocket.Upgrader{}
	u.CheckOrigin = func(r *http.Request) bool { // want `CheckOrigin accepts every origin`
		if r.Header.Get("Origin") == "" {
			return true
		}
		return true
	}
	_, _ = u.Upgrade(w, r, nil)
}

func throughVariable() {
	accept := func(r *http.Request) bool { return true }
	upgrader.CheckOrigin = accept // want `CheckOrigin accepts every origin`
}

func methodValue() *websocket.Upgrader {
	h := &hub{}
	f := h.checkOrigin
	return &websocket.Upgrader{CheckOrigin: f} // want `CheckOrigin accepts every origin`
}

func deprecated(w http.ResponseWriter, r *http.Request) {
	_, _ = websocket.Upgrade(w, r, nil, 1024, 1024) // want `websocket.Upgrade performs no origin check`
}

var fastUpgrader = fws.FastHTTPUpgrader{
	CheckOrigin: func(ctx *fasthttp.RequestCtx) bool { return true }, // want `CheckOrigin accepts every origin`
}

var fastNetHTTP = fws.Upgrader{CheckOrigin: func(r *http.Request) bool { return true }} // want `CheckOrigin accepts every origin`

// Safe forms.

var defaultCheck = websocket.Upgrader{ReadBufferSize: 1024}

var nilCheck = websocket.Upgrader{CheckOrigin: nil}

var allowlist = map[string]bool{"https://app.example.com": true}

var checked = websocket.Upgrader{
	CheckOrigin: func(r *http.Request) bool {
		return allowlist[r.Header.Get("Origin")]
	},
}

var sameHost = websocket.Upgrader{
	CheckOrigin: func(r *http.Request) bool {
		origin := r.Header.Get("Origin")
		if origin == "" {
			return true
		}
		if origin != "https://"+r.Host {
			return false
		}
		return true
	},
}

func (h *hub) devOnly() *websocket.Upgrader {
	return &websocket.Upgrader{CheckOrigin: func(r *http.Request) bool {
		if h.debug {
			return true
		}
		return allowlist[r.Header.Get("Origin")]
	}}
}

var nested = websocket.Upgrader{
	CheckOrigin: func(r *http.Request) bool {
		ok := func() bool { return true } // the inner literal's return does not count
		return ok() && allowlist[r.Header.Get("Origin")]
	},
}

var elsewhere = websocket.Upgrader{CheckOrigin: other.AllowAll}

var reassigned = func(r *http.Request) bool { return true }

func init() {
	reassigned = func(r *http.Request) bool { return allowlist[r.Header.Get("Origin")] }
	upgrader.CheckOrigin = reassigned
}

func panics(r *http.Request) bool {
	if !allowlist[r.Header.Get("Origin")] {
		panic("bad origin")
	}
	return true
}

var panicking = websocket.Upgrader{CheckOrigin: panics}

func checkedBeforeDeprecated(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Origin") != "http://"+r.Host {
		http.Error(w, "Origin not allowed", http.StatusForbidden)
		return
	}
	_, _ = websocket.Upgrade(w, r, nil, 1024, 1024)
}

var lookalike = look.Upgrader{CheckOrigin: func(r *http.Request) bool { return true }}

func lookalikeUpgrade(w http.ResponseWriter, r *http.Request) {
	look.Upgrade(w, r)
	u := look.Upgrader{}
	u.CheckOrigin = func(r *http.Request) bool { return true }
}
