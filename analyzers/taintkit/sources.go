package taintkit

import "github.com/securego/gosec/v2/taint"

// Import paths of the web frameworks and routers whose request data is a
// source.
const (
	GinPath     = "github.com/gin-gonic/gin"
	EchoV4Path  = "github.com/labstack/echo/v4"
	EchoV5Path  = "github.com/labstack/echo/v5"
	FiberV2Path = "github.com/gofiber/fiber/v2"
	FiberV3Path = "github.com/gofiber/fiber/v3"
	ChiV5Path   = "github.com/go-chi/chi/v5"
	ChiPath     = "github.com/go-chi/chi"
	MuxPath     = "github.com/gorilla/mux"
)

// Sources returns where untrusted data enters a Go service. Types are
// sources when a function receives them from outside the analyzed code
// (a handler's *http.Request or *gin.Context): every value read from them
// (query, form, path parameters, headers, cookies, the body and what it is
// bound into) is tainted. Functions are sources wherever they are called.
func Sources() []taint.Source {
	return []taint.Source{
		// net/http and the request's parts.
		{Package: "net/http", Name: "Request", Pointer: true},
		{Package: "net/url", Name: "URL", Pointer: true},
		{Package: "net/url", Name: "Values"},
		{Package: "mime/multipart", Name: "FileHeader", Pointer: true},
		{Package: "mime/multipart", Name: "Part", Pointer: true},
		{Package: "mime/multipart", Name: "Form", Pointer: true},

		// Web framework contexts: query, form, path parameters, headers,
		// cookies and body binding are all methods of the context.
		{Package: GinPath, Name: "Context", Pointer: true},
		{Package: EchoV4Path, Name: "Context"},
		{Package: EchoV5Path, Name: "Context", Pointer: true},
		{Package: FiberV2Path, Name: "Ctx", Pointer: true},
		{Package: FiberV3Path, Name: "Ctx"},

		// Routers' path parameters.
		{Package: ChiV5Path, Name: "URLParam", IsFunc: true},
		{Package: ChiV5Path, Name: "URLParamFromCtx", IsFunc: true},
		{Package: ChiPath, Name: "URLParam", IsFunc: true},
		{Package: ChiPath, Name: "URLParamFromCtx", IsFunc: true},
		{Package: MuxPath, Name: "Vars", IsFunc: true},

		// The command line and the environment.
		{Package: "os", Name: "Args", IsFunc: true},
		{Package: "os", Name: "Getenv", IsFunc: true},
		{Package: "os", Name: "LookupEnv", IsFunc: true},
		{Package: "os", Name: "Environ", IsFunc: true},
		{Package: "flag", Name: "Arg", IsFunc: true},
		{Package: "flag", Name: "Args", IsFunc: true},
		{Package: "flag", Name: "String", IsFunc: true},

		// Bytes read from network connections and readers of them.
		{Package: "net", Name: "Conn"},
		{Package: "net", Name: "TCPConn", Pointer: true},
		{Package: "net", Name: "UDPConn", Pointer: true},
		{Package: "net", Name: "UnixConn", Pointer: true},
		{Package: "bufio", Name: "Reader", Pointer: true},
		{Package: "bufio", Name: "Scanner", Pointer: true},
	}
}

// NumericSanitizers returns the calls whose results are numbers or
// booleans, which carry no text an attacker controls: strconv parsing and
// the frameworks' typed getters.
func NumericSanitizers() []taint.Sanitizer {
	var out []taint.Sanitizer
	for _, m := range []string{"Atoi", "ParseInt", "ParseUint", "ParseFloat", "ParseBool", "Itoa", "FormatInt", "FormatUint", "FormatFloat", "FormatBool"} {
		out = append(out, taint.Sanitizer{Package: "strconv", Method: m})
	}
	for _, m := range []string{"GetInt", "GetInt64", "GetUint", "GetUint64", "GetFloat64", "GetBool", "GetDuration", "GetTime"} {
		out = append(out, taint.Sanitizer{Package: GinPath, Receiver: "Context", Method: m, Pointer: true})
	}
	for _, p := range []string{FiberV2Path} {
		for _, m := range []string{"ParamsInt", "QueryInt", "QueryBool", "QueryFloat"} {
			out = append(out, taint.Sanitizer{Package: p, Receiver: "Ctx", Method: m, Pointer: true})
		}
	}
	return out
}
