// Package api is the shop's own request type.
package api

// Request is a request as the shop's gateway hands it to handlers.
type Request struct {
	Params map[string]string
	Body   string
}

// Param returns a request parameter.
func (r *Request) Param(name string) string { return r.Params[name] }

// Header reads a header of the current request.
func Header(name string) string { return "" }
