// Package mailheader defines sdlkit's mail header injection taint rule:
// untrusted input written into the headers of a mail message without
// neutralising line breaks, through gosec's taint engine.
//
// # Analyzer mailheader
//
// mailheader: untrusted input is written into a mail message's headers as given (net/smtp, gomail, go-mail, jordan-wright/email)
//
// The rule follows request data and the other sources of sdlkit's taint
// rules through local variables, concatenation, fmt.Sprintf, struct fields
// and the package's own helpers to the APIs that put their argument into a
// mail header as given, CR and LF included:
//
//   - net/smtp: the message of smtp.SendMail (its fifth argument);
//   - net/smtp's envelope, gosec's G707, which this rule replaces: the
//     sender and recipients of smtp.SendMail and the address of
//     (*smtp.Client).Mail and Rcpt. net/smtp rejects CR and LF in them, so
//     no header is injected there, but the request then chooses who the
//     service's mail goes to or claims to come from (a relay for spam and
//     phishing). An address parsed by mail.ParseAddress, ParseAddressList
//     or an AddressParser ends this flow, as in G707;
//   - gomail (gopkg.in/gomail.v2 and github.com/go-gomail/gomail): the field
//     name of (*Message).SetHeader and SetAddressHeader, the address of
//     SetAddressHeader, the file name of Attach and Embed (written into the
//     part's Content-Type and Content-Disposition), the part header map of
//     gomail.SetHeader, and gomail.v2's Rename;
//   - go-mail (github.com/wneessen/go-mail): the name and value of
//     (*Msg).SetGenHeaderPreformatted and SetHeaderPreformatted, the header
//     name of SetGenHeader and SetHeader, the additional URIs of
//     SetListUnsubscribeOneClick, WithFileContentID, WithFileContentType,
//     WithPartContentDescription and (*Part).SetDescription;
//   - github.com/jordan-wright/email: the file name and content type of
//     (*Email).Attach and the file name of AttachFile.
//
// What the libraries neutralise themselves, and so is not a sink:
//
//   - net/smtp checks the sender and recipients of SendMail and of
//     (*Client).Mail, Rcpt, Hello and Verify for CR and LF and returns an
//     error (the envelope is still reported, above, for its recipients);
//   - gomail's SetHeader and SetHeaders values and SetAddressHeader display
//     name go through mime's Q or B encoding, which turns CR and LF into an
//     encoded-word (a SetHeaders map's keys are field names written as
//     given, but the engine does not follow values into maps, below);
//   - go-mail encodes the values of SetGenHeader, SetHeader, Subject,
//     SetOrganization, SetUserAgent and SetMessageIDWithValue, parses the
//     addresses of From, To, Cc, Bcc, ReplyTo, their Format forms and
//     SetAddrHeader with net/mail (which rejects a line break outside a
//     comment) and writes them back with (*mail.Address).String, checks the
//     URIs of SetListUnsubscribe (since v0.8.2; v0.8.1 wrote them as given)
//     and the https URI of SetListUnsubscribeOneClick with url.Parse (which
//     rejects control characters), encodes WithFileDescription and replaces
//     control characters in attachment file names;
//   - jordan-wright/email Q-encodes the Subject and the other headers of the
//     Headers map except From, To, Cc, Bcc, Content-Type and
//     Content-Disposition.
//
// mime.QEncoding and mime.BEncoding's Encode, mime.FormatMediaType,
// (*mail.Address).String, strings.ReplaceAll and a strings.Replacer (the
// engine cannot see what they replace: make it CR and LF),
// url.QueryEscape and url.PathEscape (for mailto: and https: URIs) and the
// numeric conversions end a flow into a header. mail.ParseAddress does not:
// it keeps a comment's text, CR and LF included, as the address's Name
// ("a@example.com (x\r\nBcc: evil@example.com)" parses), so checking an
// address with it and then writing the input, or the parsed Name, as given
// is not enough; write the parsed address with its String method.
//
// What the engine cannot express, and so this rule does not report:
//
//   - a message assembled in a bytes.Buffer or strings.Builder: the engine
//     follows values, not writes into a buffer, so the message of SendMail
//     built with WriteString is not seen; concatenation and fmt.Sprintf are;
//   - writes to the io.WriteCloser of (*smtp.Client).Data: they are io.Writer
//     calls, not calls of net/smtp;
//   - the fields of jordan-wright/email's Email (From, To, Cc, Bcc, Subject,
//     Headers) are assigned, not passed to a call. Subject and the Headers
//     other than the address and content headers are Q-encoded, but an
//     address that net/mail cannot parse is written as given, line breaks
//     included: parse the addresses with mail.ParseAddress and assign their
//     String();
//   - maps built with a literal or by assignment (a gomail.SetHeader part
//     header): the engine does not follow values into maps.
//
// A tainted message body passed to smtp.SendMail is reported too: headers
// and body are one []byte, and the engine cannot tell which part a value
// went into. Prefer a library that encodes headers (go-mail's Subject and
// SetGenHeader, gomail's SetHeader) and hand it the body separately
// (SetBodyString, SetBody), which is not a sink. With net/smtp, build every
// header from encoded or formatted values (mime.QEncoding.Encode for the
// subject and names, (*mail.Address).String for the addresses) and, when
// the body alone carries the input, suppress the finding with that reason.
//
// # Why it matters
//
// A line break in a header value starts a new header: an attacker who
// controls the subject, a name or an address of a message the service sends
// adds Bcc: or To: recipients and turns a contact form into a relay for
// spam and phishing sent from the service's domain, with its SPF and DKIM
// reputation; a blank line ends the headers and replaces the body, and
// extra MIME headers add attachments or change the content type.
//
// # Insecure example
//
//	func contact(w http.ResponseWriter, r *http.Request) {
//		msg := "To: support@example.com\r\nSubject: " + r.FormValue("subject") + "\r\n\r\n" + r.FormValue("message")
//		smtp.SendMail(host, auth, "noreply@example.com", []string{"support@example.com"}, []byte(msg))
//	}
//
// # Fixed example
//
//	func contact(w http.ResponseWriter, r *http.Request) {
//		m := mail.NewMsg() // github.com/wneessen/go-mail
//		m.From("noreply@example.com")
//		m.To("support@example.com")
//		m.Subject(r.FormValue("subject")) // encoded by go-mail
//		m.SetBodyString(mail.TypeTextPlain, r.FormValue("message"))
//		client.DialAndSend(m)
//	}
//
// # References
//
//   - CWE-93: Improper Neutralization of CRLF Sequences ('CRLF Injection'), https://cwe.mitre.org/data/definitions/93.html
//   - OWASP Web Security Testing Guide: Testing for IMAP SMTP Injection, https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/07-Input_Validation_Testing/10-Testing_for_IMAP_SMTP_Injection
//   - OWASP CRLF Injection, https://owasp.org/www-community/vulnerabilities/CRLF_Injection
//   - RFC 5322, Internet Message Format, https://www.rfc-editor.org/rfc/rfc5322
package mailheader
