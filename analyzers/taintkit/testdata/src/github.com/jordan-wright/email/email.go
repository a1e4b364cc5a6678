// Package email is a stub of github.com/jordan-wright/email.
package email

import (
	"io"
	"net/smtp"
	"net/textproto"
)

type Email struct {
	ReplyTo     []string
	From        string
	To          []string
	Bcc         []string
	Cc          []string
	Subject     string
	Text        []byte
	HTML        []byte
	Sender      string
	Headers     textproto.MIMEHeader
	Attachments []*Attachment
	ReadReceipt []string
}

type Attachment struct {
	Filename    string
	ContentType string
	Header      textproto.MIMEHeader
	Content     []byte
	HTMLRelated bool
}

func NewEmail() *Email { return &Email{Headers: textproto.MIMEHeader{}} }

func (e *Email) Attach(r io.Reader, filename string, c string) (a *Attachment, err error) {
	return nil, nil
}
func (e *Email) AttachFile(filename string) (a *Attachment, err error) { return nil, nil }
func (e *Email) Bytes() ([]byte, error)                                { return nil, nil }
func (e *Email) Send(addr string, a smtp.Auth) error                   { return nil }
