package a

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"io/ioutil"
	"net/http"
	"os"
)

type Item struct{ Name string }

func readAll(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(r.Body) // want `request body read with io.ReadAll without a size limit`
	_, _ = data, err
}

func readAllOld(w http.ResponseWriter, r *http.Request) {
	data, _ := ioutil.ReadAll(r.Body) // want `request body read with ioutil.ReadAll`
	_ = data
}

func decodeJSON(w http.ResponseWriter, r *http.Request) {
	var in Item
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil { // want `request body read with json.NewDecoder`
		http.Error(w, "bad request", http.StatusBadRequest)
	}
}

func decodeXML(w http.ResponseWriter, req *http.Request) {
	var in Item
	dec := xml.NewDecoder(req.Body) // want `request body read with xml.NewDecoder`
	_ = dec.Decode(&in)
}

func upload(w http.ResponseWriter, r *http.Request) {
	f, _ := os.Create("/tmp/upload")
	defer f.Close()
	io.Copy(f, r.Body) // want `request body read with io.Copy`
	var buf bytes.Buffer
	buf.ReadFrom(r.Body)             // want `request body read with Buffer.ReadFrom`
	io.CopyBuffer(&buf, r.Body, nil) // want `request body read with io.CopyBuffer`
	f.ReadFrom(r.Body)               // want `request body read with File.ReadFrom`
}

func throughVariables(w http.ResponseWriter, r *http.Request) {
	body := r.Body
	io.ReadAll(body)                            // want `io.ReadAll`
	io.ReadAll(bufio.NewReader(r.Body))         // want `io.ReadAll`
	io.ReadAll(io.TeeReader(r.Body, os.Stdout)) // want `io.ReadAll`
}

// decode has no ResponseWriter and its caller does not limit the body.
func decode(r *http.Request, v any) error {
	return json.NewDecoder(r.Body).Decode(v) // want `json.NewDecoder`
}

func callsDecode(w http.ResponseWriter, r *http.Request) {
	var in Item
	decode(r, &in)
}

func limitedLater(w http.ResponseWriter, r *http.Request) {
	io.ReadAll(r.Body) // want `io.ReadAll`
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
}

// Not reported.

func limited(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var in Item
	json.NewDecoder(r.Body).Decode(&in)
	io.ReadAll(r.Body)
}

func limitedReader(w http.ResponseWriter, r *http.Request) {
	io.ReadAll(io.LimitReader(r.Body, 1<<20))
	body := http.MaxBytesReader(w, r.Body, 1<<20)
	io.ReadAll(body)
	json.NewDecoder(io.LimitReader(r.Body, 4096)).Decode(new(Item))
}

func drained(w http.ResponseWriter, r *http.Request) {
	io.Copy(io.Discard, r.Body)
	io.Copy(ioutil.Discard, r.Body)
}

func client() {
	resp, err := http.Get("https://example.com")
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.ReadAll(resp.Body)
	json.NewDecoder(resp.Body).Decode(new(Item))
}

func limitedInClosure(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	func() {
		io.ReadAll(r.Body)
	}()
}

// decodeLimited's only caller limits the body first.
func decodeLimited(r *http.Request, v any) error {
	return json.NewDecoder(r.Body).Decode(v)
}

func callsDecodeLimited(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	decodeLimited(r, new(Item))
}

func alias(w http.ResponseWriter, r *http.Request) {
	req := r
	req.Body = http.MaxBytesReader(w, req.Body, 1<<20)
	io.ReadAll(r.Body)
}

// Readers other than request bodies.
func notBodies(w http.ResponseWriter, r *http.Request, rd io.Reader) {
	io.ReadAll(rd)
	io.ReadAll(os.Stdin)
	json.NewDecoder(bytes.NewReader(nil)).Decode(new(Item))
}
