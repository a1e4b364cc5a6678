package fix

import (
	"encoding/json"
	"io"
	nethttp "net/http"
)

type Item struct{ Name string }

func create(w nethttp.ResponseWriter, r *nethttp.Request) {
	var in Item
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil { // want `json.NewDecoder`
		nethttp.Error(w, "bad request", nethttp.StatusBadRequest)
		return
	}
}

func nested(rw nethttp.ResponseWriter, req *nethttp.Request) {
	if req.Method == nethttp.MethodPost {
		data, err := io.ReadAll(req.Body) // want `io.ReadAll`
		if err != nil {
			return
		}
		_ = data
	}
}

func twice(w nethttp.ResponseWriter, r *nethttp.Request) {
	switch r.Method {
	case nethttp.MethodPost:
		io.ReadAll(r.Body) // want `io.ReadAll`
	case nethttp.MethodPut:
		io.ReadAll(r.Body) // want `io.ReadAll`
	}
}

func sequence(w nethttp.ResponseWriter, r *nethttp.Request) {
	io.ReadAll(r.Body) // want `io.ReadAll`
	if r.Method == nethttp.MethodPost {
		io.ReadAll(r.Body) // want `io.ReadAll`
	}
}

func noWriter(r *nethttp.Request) {
	io.ReadAll(r.Body) // want `io.ReadAll`
}

func closure(w nethttp.ResponseWriter, r *nethttp.Request) {
	handle := func() {
		io.ReadAll(r.Body) // want `io.ReadAll`
	}
	handle()
}
