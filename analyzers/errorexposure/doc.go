// Package errorexposure defines an Analyzer that reports stack traces,
// panic values and internal error messages written to HTTP responses.
//
// # Analyzer errorexposure
//
// errorexposure: report stack traces and internal error messages written to HTTP responses
//
// The analyzer reports a value written to an HTTP response that contains:
//
//   - a stack trace (runtime/debug.Stack, or the buffer filled by
//     runtime.Stack) or a value returned by recover, whatever the status;
//   - the text of an error (err.Error(), or an error formatted with fmt or
//     concatenated) in a response whose status is a constant 5xx: the code
//     passed with the message, or a WriteHeader with a 5xx code earlier in
//     the function for writes that carry no status.
//
// Responses are written with http.Error, the ResponseWriter's Write and
// WriteString, fmt.Fprint, Fprintf and Fprintln and io.WriteString to a
// ResponseWriter, json or xml encoders created on a ResponseWriter, gin's
// Context methods (String, JSON and its variants, XML, YAML, Data,
// AbortWithStatusJSON), echo's Context methods (String, HTML, JSON, XML,
// Blob and their variants) and echo.NewHTTPError or an echo.HTTPError
// literal. A helper function of the same package that writes its string
// parameter to a response, with a status code that is a parameter or a
// constant, is treated like those calls at each call site.
//
// Errors are not reported with a status that is 4xx, not constant, or
// unknown (a Write with no earlier WriteHeader): validation messages echoed
// with 400 are expected. Errors the function creates itself with
// errors.New or fmt.Errorf from constant text, and package-level sentinel
// errors, are not internal. Error values passed to JSON encoders are not
// reported (most encode as {}), nor is gin's AbortWithError, which records
// the error without writing it. Logging an error is not writing a
// response.
//
// # Why it matters
//
// Stack traces and raw error strings describe the inside of the server:
// file paths, package and function names, SQL statements and constraint
// names, table layouts, host names and ports of back ends, library
// versions. Attackers use them to map the application and tune injection
// payloads (CWE-209). Clients only need a generic message and perhaps a
// correlation ID; the details belong in the server's log.
//
// # Insecure example
//
//	rows, err := db.QueryContext(ctx, query, id)
//	if err != nil {
//		http.Error(w, "query failed: "+err.Error(), http.StatusInternalServerError)
//		return
//	}
//
//	defer func() {
//		if rec := recover(); rec != nil {
//			w.WriteHeader(http.StatusInternalServerError)
//			w.Write(debug.Stack())
//		}
//	}()
//
// # Fixed example
//
//	rows, err := db.QueryContext(ctx, query, id)
//	if err != nil {
//		log.Printf("query items: %v", err)
//		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
//		return
//	}
//
//	defer func() {
//		if rec := recover(); rec != nil {
//			log.Printf("panic: %v\n%s", rec, debug.Stack())
//			http.Error(w, "internal error", http.StatusInternalServerError)
//		}
//	}()
//
// # References
//
//   - CWE-209: Generation of Error Message Containing Sensitive Information, https://cwe.mitre.org/data/definitions/209.html
//   - OWASP Error Handling Cheat Sheet, https://cheatsheetseries.owasp.org/cheatsheets/Error_Handling_Cheat_Sheet.html
//   - net/http Error, https://pkg.go.dev/net/http#Error
//   - runtime/debug Stack, https://pkg.go.dev/runtime/debug#Stack
package errorexposure
