// Package httptimeout defines an Analyzer that reports HTTP clients that
// have no timeout.
//
// # Analyzer httptimeout
//
// httptimeout: report net/http clients without a timeout
//
// The analyzer reports, outside _test.go files:
//
//   - an http.Client created as a composite literal (http.Client{} or
//     &http.Client{...}) without a Timeout field, or with a Timeout that is
//     a constant zero, unless the Timeout of the variable or field it is
//     stored in is assigned elsewhere in the package (c.Timeout = ...), or
//     its Transport is an http.Transport literal that sets a
//     ResponseHeaderTimeout and dials with a net.Dialer that has a Timeout.
//     A fix adds Timeout: 30 * time.Second (importing "time" when needed),
//     or replaces the zero value;
//   - an http.Client created with new(http.Client) or declared as a zero
//     variable (var c http.Client) whose Timeout is never assigned;
//   - outside package main, every reference (call or function value) to the
//     package-level http.Get, http.Head, http.Post and http.PostForm, and
//     every use of http.DefaultClient (as a call receiver or as a value),
//     since they use http.DefaultClient, which has no timeout, unless the
//     package sets http.DefaultClient.Timeout or replaces
//     http.DefaultClient. Commands (package main) may reasonably use them.
//
// Not reported: clients whose Timeout is set to anything but a constant
// zero, in the literal or by a later assignment; http.DefaultTransport and
// other transports; types named Client in other packages; calls on a
// configured *http.Client variable, field or parameter; _test.go files.
// Servers are out of scope (gosec's G112 and G114 cover them).
//
// # Why it matters
//
// An http.Client without a Timeout waits forever for a server that accepts
// the connection but answers slowly or never finishes the body. In a
// service, each such call holds a goroutine, a connection and its buffers;
// a slow or malicious dependency (or an attacker-controlled URL) then
// exhausts the caller's resources and cascades the outage to its own
// clients. A context deadline on every request also bounds a call, but a
// client-wide Timeout is the safe default that does not depend on every
// caller remembering one.
//
// # Insecure example
//
//	var client = &http.Client{Transport: transport}
//
//	resp, err := http.Get(pricesURL) // http.DefaultClient: no timeout
//
// # Fixed example
//
//	var client = &http.Client{Timeout: 30 * time.Second, Transport: transport}
//
//	resp, err := client.Get(pricesURL)
//
// # References
//
//   - CWE-400: Uncontrolled Resource Consumption, https://cwe.mitre.org/data/definitions/400.html
//   - CWE-1088: Synchronous Access of Remote Resource without Timeout, https://cwe.mitre.org/data/definitions/1088.html
//   - net/http Client.Timeout, https://pkg.go.dev/net/http#Client
//   - The complete guide to Go net/http timeouts, https://blog.cloudflare.com/the-complete-guide-to-golang-net-http-timeouts/
package httptimeout
