package taintkit

// Binders returns the binders of the standard library and of the web
// frameworks whose contexts are sources: the functions and methods that
// fill the variable their pointer argument points to from their receiver
// or their other arguments (a request body bound into a struct, JSON
// decoded into a variable, text scanned into variables, bytes read into a
// buffer). gosec's taint engine follows values, not writes through a
// pointer passed to a function it cannot see into, so the gosec adapter
// (analyzers/gosec) records each binder call as a write of the call into
// the variables it fills: they are tainted when the receiver or an argument
// is.
func Binders() []Func {
	var out []Func
	add := func(pkg, recv string, names ...string) {
		for _, n := range names {
			out = append(out, Func{Package: pkg, Receiver: recv, Method: n})
		}
	}
	// Decoders of the body formats, and text scanning.
	add("encoding/json", "", "Unmarshal")
	add("encoding/json", "Decoder", "Decode")
	add("encoding/xml", "", "Unmarshal")
	add("encoding/xml", "Decoder", "Decode", "DecodeElement")
	add("encoding/gob", "Decoder", "Decode")
	add("gopkg.in/yaml.v3", "", "Unmarshal")
	add("gopkg.in/yaml.v3", "Decoder", "Decode")
	add("gopkg.in/yaml.v2", "", "Unmarshal")
	add("github.com/gorilla/schema", "Decoder", "Decode")
	add("fmt", "", "Sscan", "Sscanf", "Sscanln", "Fscan", "Fscanf", "Fscanln")
	// Reads into a buffer: the bytes are the reader's.
	add("io", "", "ReadFull", "ReadAtLeast")
	add("io", "Reader", "Read")
	add("io", "ReaderAt", "ReadAt")
	add("net", "Conn", "Read")
	add("net", "PacketConn", "ReadFrom")
	for _, t := range []string{"TCPConn", "UDPConn", "UnixConn", "IPConn"} {
		add("net", t, "Read")
	}
	add("net", "UDPConn", "ReadFrom", "ReadFromUDP", "ReadFromUDPAddrPort", "ReadMsgUDP")
	add("bufio", "Reader", "Read")
	add("crypto/tls", "Conn", "Read")
	// gin: every Bind and ShouldBind method of the context.
	add(GinPath, "Context", "Bind", "BindJSON", "BindXML", "BindQuery", "BindYAML", "BindTOML",
		"BindHeader", "BindUri", "BindWith", "MustBindWith",
		"ShouldBind", "ShouldBindJSON", "ShouldBindXML", "ShouldBindQuery", "ShouldBindYAML",
		"ShouldBindTOML", "ShouldBindHeader", "ShouldBindUri", "ShouldBindWith", "ShouldBindPlain",
		"ShouldBindBodyWith", "ShouldBindBodyWithJSON", "ShouldBindBodyWithXML",
		"ShouldBindBodyWithYAML", "ShouldBindBodyWithTOML")
	// echo: the context's Bind, the default binder and v5's functions.
	for _, p := range []string{EchoV4Path, EchoV5Path} {
		add(p, "Context", "Bind")
		add(p, "DefaultBinder", "Bind", "BindBody", "BindPathParams", "BindQueryParams", "BindHeaders")
		add(p, "", "BindBody", "BindPathParams", "BindQueryParams", "BindHeaders")
	}
	// fiber v2's parsers and v3's Bind.
	add(FiberV2Path, "Ctx", "BodyParser", "QueryParser", "ParamsParser", "ReqHeaderParser", "CookieParser")
	add(FiberV3Path, "Bind", "Body", "Query", "URI", "Header", "Cookie", "JSON", "XML", "Form", "All")
	// chi's render package.
	add("github.com/go-chi/render", "", "Bind", "Decode", "DecodeJSON", "DecodeXML", "DecodeForm")
	return out
}
