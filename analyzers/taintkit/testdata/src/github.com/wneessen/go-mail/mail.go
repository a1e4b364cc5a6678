// Package mail is a stub of github.com/wneessen/go-mail.
package mail

import (
	"io"
	netmail "net/mail"
)

type Msg struct {
	genHeader map[Header][]string
}

type Header string

type AddrHeader string

type ContentType string

type Part struct{ description string }

type File struct{ Name string }

type MsgOption func(*Msg)

type FileOption func(*File)

type PartOption func(*Part)

const (
	HeaderSubject      Header      = "Subject"
	HeaderOrganization Header      = "Organization"
	HeaderTo           AddrHeader  = "To"
	TypeTextPlain      ContentType = "text/plain"
)

func NewMsg(opts ...MsgOption) *Msg { return &Msg{} }

func (m *Msg) SetHeader(header Header, values ...string)                                  {}
func (m *Msg) SetGenHeader(header Header, values ...string)                               {}
func (m *Msg) SetHeaderPreformatted(header Header, value string)                          {}
func (m *Msg) SetGenHeaderPreformatted(header Header, value string)                       {}
func (m *Msg) SetAddrHeader(header AddrHeader, values ...string) error                    { return nil }
func (m *Msg) SetAddrHeaderFromMailAddress(header AddrHeader, values ...*netmail.Address) {}
func (m *Msg) From(from string) error                                                     { return nil }
func (m *Msg) FromFormat(name, addr string) error                                         { return nil }
func (m *Msg) To(rcpts ...string) error                                                   { return nil }
func (m *Msg) Subject(subj string)                                                        {}
func (m *Msg) SetOrganization(org string)                                                 {}
func (m *Msg) SetListUnsubscribe(uris ...string)                                          {}
func (m *Msg) SetListUnsubscribeOneClick(httpsURL string, additionalURIs ...string) error {
	return nil
}
func (m *Msg) SetBodyString(contentType ContentType, content string, opts ...PartOption) {}
func (m *Msg) GetParts() []*Part                                                         { return nil }
func (m *Msg) AttachReader(name string, reader io.Reader, opts ...FileOption) error {
	return nil
}
func (m *Msg) EmbedReader(name string, reader io.Reader, opts ...FileOption) error {
	return nil
}
func (m *Msg) WriteTo(w io.Writer) (int64, error) { return 0, nil }

func (p *Part) SetDescription(description string) {}

func WithFileContentID(id string) FileOption                   { return nil }
func WithFileContentType(contentType ContentType) FileOption   { return nil }
func WithFileDescription(description string) FileOption        { return nil }
func WithPartContentDescription(description string) PartOption { return nil }
