package mailheader

import (
	_ "embed"

	"github.com/securego/gosec/v2/taint"

	"github.com/sdlkit/sdlkit/analyzers/ruledoc"
	"github.com/sdlkit/sdlkit/analyzers/taintkit"
	"github.com/sdlkit/sdlkit/finding"
)

//go:embed doc.go
var doc string

// Import paths of the mail libraries whose raw header writes are sinks.
const (
	GoMailPath   = "github.com/wneessen/go-mail"
	GomailV2Path = "gopkg.in/gomail.v2"
	GomailPath   = "github.com/go-gomail/gomail"
	EmailPath    = "github.com/jordan-wright/email"
)

// Rule is the mail header injection taint rule.
var Rule = taintkit.Rule{
	Rule: ruledoc.Rule(doc, "mailheader", ruledoc.Meta{
		ID:       "SDL908",
		CWE:      []int{93},
		Severity: finding.Important,
		Tags:     []string{"injection", "mail", "taint"},
	}),
	Message:    "mail header injection: untrusted input is written into a mail header by",
	Config:     EnvelopeConfig(),
	Extra:      []taint.Config{Config()},
	Supersedes: []string{"G707"},
}

// EnvelopeConfig returns the sinks of gosec's G707, which this rule
// replaces: the sender and recipients of smtp.SendMail and of
// (*smtp.Client).Mail and Rcpt. net/smtp rejects CR and LF in them, so
// they are reported for what an attacker still controls there (who the
// service's mail goes to, or claims to come from), with G707's sanitizers:
// an address parsed by net/mail.
func EnvelopeConfig() taint.Config {
	var sinks []taint.Sink
	sinks = append(sinks, taintkit.Funcs("net/smtp", 2, "SendMail")...)
	sinks = append(sinks, taintkit.Funcs("net/smtp", 3, "SendMail")...)
	sinks = append(sinks, taintkit.Methods("net/smtp", "Client", true, 1, "Mail", "Rcpt")...)
	return taint.Config{
		Sources: taintkit.Sources(),
		Sinks:   taintkit.MergeSinks(sinks),
		Sanitizers: append(taintkit.NumericSanitizers(),
			taint.Sanitizer{Package: "net/mail", Method: "ParseAddress"},
			taint.Sanitizer{Package: "net/mail", Method: "ParseAddressList"},
			taint.Sanitizer{Package: "net/mail", Receiver: "AddressParser", Method: "Parse", Pointer: true},
			taint.Sanitizer{Package: "net/mail", Receiver: "AddressParser", Method: "ParseList", Pointer: true},
		),
	}
}

// Config returns the sources, sinks and sanitizers of mail headers. Only the APIs
// that write their argument into a header as given are sinks: those that
// encode it (RFC 2047 encoded-words), parse it as an address or reject CR
// and LF are not (see doc.go).
func Config() taint.Config {
	var sinks []taint.Sink
	add := func(more []taint.Sink) { sinks = append(sinks, more...) }

	// net/smtp: the message, headers and body in one []byte. from and to
	// are checked for CR and LF by SendMail itself.
	add(taintkit.Funcs("net/smtp", 4, "SendMail"))

	// gomail (both import paths): SetHeader encodes its values but not the
	// field name; SetAddressHeader encodes the display name but not the
	// address; an attachment's file name and a file's part header are
	// written as given.
	for _, p := range []string{GomailV2Path, GomailPath} {
		add(taintkit.Methods(p, "Message", true, 1, "SetHeader", "SetAddressHeader", "Attach", "Embed"))
		add(taintkit.Methods(p, "Message", true, 2, "SetAddressHeader"))
		add(taintkit.Funcs(p, 0, "SetHeader"))
	}
	add(taintkit.Funcs(GomailV2Path, 0, "Rename"))

	// go-mail: SetGenHeader, Subject and the address setters encode or parse
	// their values, SetListUnsubscribe checks its URIs (since v0.8.2); the
	// preformatted headers, the additional URIs of
	// SetListUnsubscribeOneClick, header names, a file's Content-ID and
	// content type and a part's description are written as given.
	add(taintkit.Methods(GoMailPath, "Msg", true, 1,
		"SetGenHeader", "SetHeader", "SetGenHeaderPreformatted", "SetHeaderPreformatted"))
	add(taintkit.Methods(GoMailPath, "Msg", true, 2,
		"SetGenHeaderPreformatted", "SetHeaderPreformatted", "SetListUnsubscribeOneClick"))
	add(taintkit.Funcs(GoMailPath, 0, "WithFileContentID", "WithFileContentType", "WithPartContentDescription"))
	add(taintkit.Methods(GoMailPath, "Part", true, 1, "SetDescription"))

	// jordan-wright/email: an attachment's file name and content type are
	// written into its Content-Disposition and Content-Type as given.
	add(taintkit.Methods(EmailPath, "Email", true, 2, "Attach"))
	add(taintkit.Methods(EmailPath, "Email", true, 3, "Attach"))
	add(taintkit.Methods(EmailPath, "Email", true, 1, "AttachFile"))

	sanitizers := append(taintkit.NumericSanitizers(),
		// RFC 2047 encoded-words: mime.QEncoding.Encode, mime.BEncoding.Encode.
		taint.Sanitizer{Package: "mime", Receiver: "WordEncoder", Method: "Encode"},
		// RFC 2231 parameter values.
		taint.Sanitizer{Package: "mime", Method: "FormatMediaType"},
		// An address formatted by net/mail: its name encoded, its address quoted.
		taint.Sanitizer{Package: "net/mail", Receiver: "Address", Method: "String", Pointer: true},
		// Stripping line breaks.
		taint.Sanitizer{Package: "strings", Method: "ReplaceAll"},
		taint.Sanitizer{Package: "strings", Receiver: "Replacer", Method: "Replace", Pointer: true},
		// Percent-encoding, for mailto: and https: URIs.
		taint.Sanitizer{Package: "net/url", Method: "QueryEscape"},
		taint.Sanitizer{Package: "net/url", Method: "PathEscape"},
	)
	return taint.Config{
		Sources:    taintkit.Sources(),
		Sinks:      taintkit.MergeSinks(sinks),
		Sanitizers: sanitizers,
	}
}
