package manual

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"

	look "lookalike/cors"
)

const (
	acao = "Access-Control-Allow-Origin"
	any  = "*"
)

func wildcard(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "*") // want `Access-Control-Allow-Origin "\*" is sent with Access-Control-Allow-Credentials`
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func wildcardLowercase(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Add("access-control-allow-origin", any) // want `"\*" is sent with Access-Control-Allow-Credentials`
	h.Set("ACCESS-CONTROL-ALLOW-CREDENTIALS", "True")
}

func reflected(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set(acao, r.Header.Get("Origin")) // want `reflects the request's Origin header`
		w.Header().Set("Access-Control-Allow-Credentials", "true")
		next.ServeHTTP(w, r)
	})
}

func reflectedVariable(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("origin")
	if origin != "" {
		w.Header().Set("Access-Control-Allow-Origin", origin) // want `reflects the request's Origin header`
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func reflectedMap(w http.ResponseWriter, r *http.Request) {
	w.Header()["Access-Control-Allow-Origin"] = r.Header["Origin"] // want `reflects the request's Origin header`
	w.Header()["Access-Control-Allow-Credentials"] = []string{"true"}
}

func reflectedSlice(w http.ResponseWriter, r *http.Request) {
	o := r.Header.Values("Origin")
	if len(o) > 0 {
		w.Header()["Access-Control-Allow-Origin"] = []string{o[0]} // want `reflects the request's Origin header`
	}
	w.Header()["Access-Control-Allow-Credentials"] = []string{"true"}
}

func defaultedToStar(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	if origin == "" || origin == "null" {
		origin = "*"
	}
	w.Header().Set("Access-Control-Allow-Origin", origin) // want `reflects the request's Origin header`
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func enableCors(w *http.ResponseWriter) {
	(*w).Header().Set("Access-Control-Allow-Origin", "*") // want `"\*" is sent with Access-Control-Allow-Credentials`
	(*w).Header().Set("Access-Control-Allow-Credentials", "true")
}

// Safe forms.

var trusted = map[string]bool{"https://app.example.com": true}

var allowedList = []string{"https://a.example.com", "https://b.example.com"}

var originRE = regexp.MustCompile(`^https://[a-z]+\.example\.com$`)

func allowlisted(w http.ResponseWriter, r *http.Request) {
	if origin := r.Header.Get("Origin"); trusted[origin] {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func earlyReturn(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	if !slices.Contains(allowedList, origin) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	w.Header().Set("Access-Control-Allow-Origin", origin)
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func loop(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	for _, o := range allowedList {
		if o == origin {
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		}
	}
}

func suffix(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	if strings.HasSuffix(origin, ".example.com") {
		w.Header().Set("Access-Control-Allow-Origin", origin)
	}
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func parsed(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	u, err := url.Parse(origin)
	if err != nil || u.Host != "app.example.com" {
		return
	}
	w.Header().Set("Access-Control-Allow-Origin", origin)
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func regexpChecked(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	if originRE.MatchString(origin) {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func switched(w http.ResponseWriter, r *http.Request) {
	switch origin := r.Header.Get("Origin"); origin {
	case "https://a.example.com", "https://b.example.com":
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func wildcardNoCredentials(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.Header().Set("Access-Control-Allow-Methods", "GET")
}

func reflectedNoCredentials(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
	w.Header().Set("Access-Control-Allow-Credentials", "false")
}

func fixedOrigin(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "https://app.example.com")
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func otherHeader(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Origin", r.Header.Get("Origin"))
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func lookalike(r *http.Request) {
	h := look.Header{}
	h.Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
	h.Set("Access-Control-Allow-Credentials", "true")
}

type corsConfig struct {
	AllowAll         bool
	AllowCredentials bool
}

// Library-style code that writes each header under its own setting.
func (c corsConfig) headers() http.Header {
	h := make(http.Header)
	if c.AllowCredentials {
		h.Set("Access-Control-Allow-Credentials", "true")
	}
	if c.AllowAll {
		h.Set("Access-Control-Allow-Origin", "*")
	}
	return h
}

func sameFlag(w http.ResponseWriter, c corsConfig) {
	if c.AllowAll {
		w.Header().Set("Access-Control-Allow-Origin", "*") // want `"\*" is sent with Access-Control-Allow-Credentials`
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("/public", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
	})
	mux.HandleFunc("/account", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "https://app.example.com")
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	})
	mux.HandleFunc("/reflect", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin")) // want `reflects the request's Origin header`
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	})
}
