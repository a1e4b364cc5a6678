// Package bodylimit defines an Analyzer that reports HTTP request bodies
// read without a size limit.
//
// # Analyzer bodylimit
//
// bodylimit: report HTTP request bodies read without a size limit
//
// The analyzer reports a read of the Body of an *http.Request that has no
// size limit: io.ReadAll and ioutil.ReadAll, json.NewDecoder and
// xml.NewDecoder, io.Copy and io.CopyBuffer (except into io.Discard), the
// ReadFrom method of bytes.Buffer and os.File, and gin's
// Context.GetRawData. The body may be reached directly (r.Body, gin's
// c.Request.Body, echo's c.Request().Body), through a local variable, or
// through bufio.NewReader, io.TeeReader or io.NopCloser. When the handler has an http.ResponseWriter parameter, it
// offers a fix that inserts r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
// before the statement that reads the body.
//
// A read is not reported when the function assigns the request's Body
// before the read (typically r.Body = http.MaxBytesReader(w, r.Body, n)),
// when the body is read through io.LimitReader or http.MaxBytesReader, for
// response bodies (*http.Response is a client reading a server it chose),
// or in _test.go files. Limits applied by middleware (http.MaxBytesHandler,
// a framework's body-limit middleware) are not visible to the analyzer;
// form parsing (ParseForm, ParseMultipartForm) is left to gosec's G120.
//
// # Why it matters
//
// net/http does not limit the size of a request body. A handler that reads
// the whole body into memory, decodes it as one JSON or XML document, or
// copies it to disk lets any client send gigabytes and exhaust the
// server's memory or storage with a handful of requests (CWE-400,
// CWE-770). http.MaxBytesReader stops the read after a limit, closes the
// connection and makes the read return an *http.MaxBytesError so the
// handler can answer 413.
//
// # Insecure example
//
//	func create(w http.ResponseWriter, r *http.Request) {
//		var in Item
//		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
//			http.Error(w, "bad request", http.StatusBadRequest)
//			return
//		}
//	}
//
// # Fixed example
//
//	func create(w http.ResponseWriter, r *http.Request) {
//		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
//		var in Item
//		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
//			http.Error(w, "bad request", http.StatusBadRequest)
//			return
//		}
//	}
//
// # References
//
//   - CWE-400: Uncontrolled Resource Consumption, https://cwe.mitre.org/data/definitions/400.html
//   - CWE-770: Allocation of Resources Without Limits or Throttling, https://cwe.mitre.org/data/definitions/770.html
//   - net/http MaxBytesReader, https://pkg.go.dev/net/http#MaxBytesReader
//   - OWASP Denial of Service Cheat Sheet, https://cheatsheetseries.owasp.org/cheatsheets/Denial_of_Service_Cheat_Sheet.html
package bodylimit
