package mailhdr

import (
	"fmt"
	"mime"
	"mime/multipart"
	"net/http"
	"net/mail"
	"net/smtp"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	gomail1 "github.com/go-gomail/gomail"
	"github.com/jordan-wright/email"
	gomail "github.com/wneessen/go-mail"
	gomail2 "gopkg.in/gomail.v2"
)

const (
	host = "smtp.example.com:587"
	from = "noreply@example.com"
)

var (
	auth smtp.Auth
	to   = []string{"support@example.com"}
)

type contactForm struct {
	Name, Subject, Message string
}

// headers builds the message's headers in a helper of the package.
func headers(subject string) string {
	return "From: " + from + "\r\nTo: support@example.com\r\nSubject: " + subject + "\r\n"
}

func netSMTP(w http.ResponseWriter, r *http.Request) {
	subject := r.FormValue("subject")
	msg := "Subject: " + subject + "\r\n\r\nHello"
	smtp.SendMail(host, auth, from, to, []byte(msg))                                         // want `mail header injection: untrusted input is written into a mail header by: net/smtp.SendMail`
	smtp.SendMail(host, auth, from, to, []byte(fmt.Sprintf("Subject: %s\r\n\r\n", subject))) // want `mail header injection`
	smtp.SendMail(host, auth, from, to, []byte(headers(subject)+"\r\nHello"))                // want `mail header injection`
	f := &contactForm{Name: r.PostFormValue("name"), Message: r.PostFormValue("message")}
	smtp.SendMail(host, auth, from, to, []byte("From: "+f.Name+" <"+from+">\r\n\r\nHi")) // want `mail header injection`
	// The body alone: headers and body are one []byte, reported too.
	smtp.SendMail(host, auth, from, to, []byte(headers("Contact form")+"\r\n"+f.Message)) // want `mail header injection`

	// Sanitized: encoded-words, a formatted address, line breaks removed.
	smtp.SendMail(host, auth, from, to, []byte(headers(mime.QEncoding.Encode("utf-8", subject))+"\r\nHello"))
	smtp.SendMail(host, auth, from, to, []byte(headers(mime.BEncoding.Encode("utf-8", subject))+"\r\nHello"))
	if addr, err := mail.ParseAddress(r.FormValue("reply")); err == nil {
		smtp.SendMail(host, auth, from, to, []byte("Reply-To: "+addr.String()+"\r\n\r\nHello"))
	}
	clean := strings.ReplaceAll(strings.ReplaceAll(subject, "\r", ""), "\n", "")
	smtp.SendMail(host, auth, from, to, []byte(headers(clean)+"\r\nHello"))
	smtp.SendMail(host, auth, from, to, []byte(headers(strings.NewReplacer("\r", "", "\n", "").Replace(subject))+"\r\nHello"))
	if n, err := strconv.Atoi(r.FormValue("ticket")); err == nil {
		smtp.SendMail(host, auth, from, to, []byte(headers("Ticket "+strconv.Itoa(n))+"\r\nHello"))
	}
	// The sender and recipients (gosec's G707): SendMail rejects CR and
	// LF in them, but the request still chooses who the mail goes to.
	smtp.SendMail(host, auth, r.FormValue("from"), to, []byte(headers("Contact form")+"\r\nHello"))           // want `mail header injection`
	smtp.SendMail(host, auth, from, []string{r.FormValue("to")}, []byte(headers("Contact form")+"\r\nHello")) // want `mail header injection`
	smtp.SendMail(host, auth, from, []string{r.FormValue("to")}, []byte(headers(subject)+"\r\nHello"))        // want `mail header injection`
	if a, err := mail.ParseAddress(r.FormValue("to")); err == nil {
		smtp.SendMail(host, auth, from, []string{a.Address}, []byte(headers("Contact form")+"\r\nHello"))
	}
	if list, err := mail.ParseAddressList(r.FormValue("cc")); err == nil && len(list) > 0 {
		smtp.SendMail(host, auth, list[0].Address, to, []byte(headers("Contact form")+"\r\nHello"))
	}
	smtp.SendMail(host, auth, from, to, []byte(headers("Contact form")+"\r\nHello"))

	// Checking with mail.ParseAddress and writing the input as given is not
	// enough: a comment may hold a line break.
	reply := r.FormValue("reply")
	if _, err := mail.ParseAddress(reply); err == nil {
		smtp.SendMail(host, auth, from, to, []byte("Reply-To: "+reply+"\r\n\r\nHello")) // want `mail header injection`
	}
	// The parsed name keeps a comment's line breaks: only String() is clean.
	if addr, err := mail.ParseAddress(reply); err == nil {
		smtp.SendMail(host, auth, from, to, []byte("Reply-To: "+addr.Name+" <"+addr.Address+">\r\n\r\nHello")) // want `mail header injection`
	}
}

func client(c *smtp.Client, r *http.Request) {
	c.Mail(r.FormValue("from")) // want `mail header injection: untrusted input is written into a mail header by: \(\*net/smtp.Client\).Mail`
	c.Rcpt(r.FormValue("to"))   // want `mail header injection`
	var p mail.AddressParser
	if a, err := p.Parse(r.FormValue("to")); err == nil {
		c.Rcpt(a.Address)
	}
	c.Mail(from)
	c.Rcpt("support@example.com")
}

func gomailV2(c *gin.Context) {
	m := gomail2.NewMessage()
	m.SetHeader("Subject", c.PostForm("subject")) // encoded by gomail
	m.SetHeader("From", m.FormatAddress(from, c.PostForm("name")))
	m.SetHeader(c.PostForm("header"), "yes")                        // want `mail header injection: untrusted input is written into a mail header by: \(\*gopkg.in/gomail.v2.Message\).SetHeader`
	m.SetAddressHeader("Reply-To", c.PostForm("email"), "Customer") // want `mail header injection: untrusted input is written into a mail header by: \(\*gopkg.in/gomail.v2.Message\).SetAddressHeader`
	m.SetAddressHeader("X-"+c.Query("kind"), from, "Shop")          // want `mail header injection`
	m.SetAddressHeader("Reply-To", from, c.PostForm("name"))        // the display name is encoded
	m.SetAddressHeader("Reply-To", from, "Shop")
	m.Attach("/srv/invoices/" + c.Param("file"))                          // want `mail header injection: untrusted input is written into a mail header by: \(\*gopkg.in/gomail.v2.Message\).Attach`
	m.Embed(fmt.Sprintf("/srv/logos/%s.png", c.Param("logo")))            // want `mail header injection: untrusted input is written into a mail header by: \(\*gopkg.in/gomail.v2.Message\).Embed`
	m.Attach("/srv/invoices/latest.pdf", gomail2.Rename(c.Query("name"))) // want `mail header injection: untrusted input is written into a mail header by: gopkg.in/gomail.v2.Rename`
	m.Attach("/srv/invoices/latest.pdf", gomail2.Rename("invoice.pdf"))
	m.Attach("/srv/invoices/" + strconv.Itoa(c.GetInt("id")) + ".pdf")
}

func upload(fh *multipart.FileHeader) {
	m := gomail2.NewMessage()
	m.Attach(fh.Filename)                                 // want `mail header injection`
	m.Attach("/tmp/upload", gomail2.SetHeader(fh.Header)) // want `mail header injection: untrusted input is written into a mail header by: gopkg.in/gomail.v2.SetHeader`
	m.Attach("/tmp/upload", gomail2.SetHeader(map[string][]string{"Content-Type": {"application/pdf"}}))
	m.Attach("/tmp/upload", gomail2.Rename(mime.FormatMediaType("attachment", map[string]string{"filename": fh.Filename})))

	m1 := gomail1.NewMessage()
	m1.Attach(fh.Filename)                                 // want `mail header injection: untrusted input is written into a mail header by: \(\*github.com/go-gomail/gomail.Message\).Attach`
	m1.Embed(fh.Filename)                                  // want `mail header injection: untrusted input is written into a mail header by: \(\*github.com/go-gomail/gomail.Message\).Embed`
	m1.Attach("/tmp/upload", gomail1.SetHeader(fh.Header)) // want `mail header injection: untrusted input is written into a mail header by: github.com/go-gomail/gomail.SetHeader`
	m1.Attach("/tmp/upload")
}

func gomailV1(w http.ResponseWriter, r *http.Request) {
	m := gomail1.NewMessage()
	m.SetHeader("Subject", r.FormValue("subject"))
	m.SetHeader(r.FormValue("header"), "yes")                        // want `mail header injection: untrusted input is written into a mail header by: \(\*github.com/go-gomail/gomail.Message\).SetHeader`
	m.SetAddressHeader("Reply-To", r.FormValue("email"), "Customer") // want `mail header injection: untrusted input is written into a mail header by: \(\*github.com/go-gomail/gomail.Message\).SetAddressHeader`
	m.SetAddressHeader("Reply-To", from, r.FormValue("name"))
}

func goMail(w http.ResponseWriter, r *http.Request) {
	f := &contactForm{Name: r.FormValue("name"), Subject: r.FormValue("subject")}
	m := gomail.NewMsg()
	m.From(from)
	m.FromFormat(f.Name, from) // parsed and formatted by go-mail
	m.To(r.FormValue("to"))
	m.Subject(f.Subject) // encoded by go-mail
	m.SetOrganization(f.Name)
	m.SetGenHeader(gomail.HeaderOrganization, f.Name)
	m.SetHeader(gomail.HeaderSubject, f.Subject)
	m.SetGenHeader(gomail.Header("X-"+r.FormValue("kind")), "yes")                           // want `mail header injection: untrusted input is written into a mail header by: \(\*github.com/wneessen/go-mail.Msg\).SetGenHeader`
	m.SetHeader(gomail.Header(r.FormValue("header")), "yes")                                 // want `mail header injection: untrusted input is written into a mail header by: \(\*github.com/wneessen/go-mail.Msg\).SetHeader`
	m.SetGenHeaderPreformatted(gomail.HeaderOrganization, f.Name)                            // want `mail header injection: untrusted input is written into a mail header by: \(\*github.com/wneessen/go-mail.Msg\).SetGenHeaderPreformatted`
	m.SetHeaderPreformatted(gomail.HeaderSubject, fmt.Sprintf("[%s] %s", f.Name, f.Subject)) // want `mail header injection: untrusted input is written into a mail header by: \(\*github.com/wneessen/go-mail.Msg\).SetHeaderPreformatted`
	m.SetGenHeaderPreformatted(gomail.Header(f.Name), "yes")                                 // want `mail header injection`
	m.SetGenHeaderPreformatted(gomail.HeaderOrganization, mime.QEncoding.Encode("utf-8", f.Name))
	m.SetGenHeaderPreformatted(gomail.HeaderOrganization, "Example Inc.")
	m.SetListUnsubscribe("mailto:unsubscribe@example.com?subject=" + r.FormValue("list")) // checked with url.Parse by go-mail
	m.SetListUnsubscribe("mailto:unsubscribe@example.com?subject=" + url.QueryEscape(r.FormValue("list")))
	m.SetListUnsubscribeOneClick(r.FormValue("unsubscribe"))                                                   // checked with url.Parse by go-mail
	m.SetListUnsubscribeOneClick("https://example.com/u", "mailto:u@example.com?subject="+r.FormValue("list")) // want `mail header injection: untrusted input is written into a mail header by: \(\*github.com/wneessen/go-mail.Msg\).SetListUnsubscribeOneClick`
	m.SetListUnsubscribeOneClick("https://example.com/u", "mailto:u@example.com?subject="+url.QueryEscape(r.FormValue("list")))
	m.SetBodyString(gomail.TypeTextPlain, r.FormValue("message"), gomail.WithPartContentDescription(f.Subject)) // want `mail header injection: untrusted input is written into a mail header by: github.com/wneessen/go-mail.WithPartContentDescription`
	m.SetBodyString(gomail.TypeTextPlain, r.FormValue("message"), gomail.WithPartContentDescription("Message"))
	for _, p := range m.GetParts() {
		p.SetDescription(f.Subject) // want `mail header injection: untrusted input is written into a mail header by: \(\*github.com/wneessen/go-mail.Part\).SetDescription`
		p.SetDescription("Message")
	}
}

func goMailUpload(fh *multipart.FileHeader) {
	m := gomail.NewMsg()
	m.AttachReader(fh.Filename, nil, gomail.WithFileDescription(fh.Filename))                                    // the name is sanitized, the description encoded
	m.AttachReader("upload", nil, gomail.WithFileContentType(gomail.ContentType(fh.Header.Get("Content-Type")))) // want `mail header injection: untrusted input is written into a mail header by: github.com/wneessen/go-mail.WithFileContentType`
	m.EmbedReader("logo.png", nil, gomail.WithFileContentID(fh.Filename))                                        // want `mail header injection: untrusted input is written into a mail header by: github.com/wneessen/go-mail.WithFileContentID`
	m.EmbedReader("logo.png", nil, gomail.WithFileContentID("logo"))
}

func jordanWright(c *gin.Context) {
	e := email.NewEmail()
	e.Subject = c.PostForm("subject")                                 // a field, not a call: not seen
	e.Attach(nil, c.PostForm("filename"), "application/pdf")          // want `mail header injection: untrusted input is written into a mail header by: \(\*github.com/jordan-wright/email.Email\).Attach`
	e.Attach(nil, "report.pdf", "text/plain; charset="+c.Query("cs")) // want `mail header injection`
	e.Attach(nil, "report.pdf", "application/pdf")
	e.AttachFile("/srv/reports/" + c.Param("report")) // want `mail header injection: untrusted input is written into a mail header by: \(\*github.com/jordan-wright/email.Email\).AttachFile`
	e.AttachFile("/srv/reports/latest.pdf")
}

func commandLine() {
	subject := os.Args[1]
	smtp.SendMail(host, auth, from, to, []byte(headers(subject)+"\r\nHello"))              // want `mail header injection`
	smtp.SendMail(host, auth, from, to, []byte(headers(os.Getenv("SUBJECT"))+"\r\nHello")) // want `mail header injection`
	smtp.SendMail(host, auth, from, to, []byte(headers(mime.QEncoding.Encode("utf-8", subject))+"\r\nHello"))
}
