// Package gomail is a stub of github.com/go-gomail/gomail.
package gomail

import "io"

type Message struct {
	header map[string][]string
}

type MessageSetting func(m *Message)

type FileSetting func(*file)

type file struct {
	Name   string
	Header map[string][]string
}

type Dialer struct{ Host string }

func NewMessage(settings ...MessageSetting) *Message { return &Message{} }

func (m *Message) SetHeader(field string, value ...string)         {}
func (m *Message) SetHeaders(h map[string][]string)                {}
func (m *Message) SetAddressHeader(field, address, name string)    {}
func (m *Message) FormatAddress(address, name string) string       { return "" }
func (m *Message) SetBody(contentType, body string)                {}
func (m *Message) Attach(filename string, settings ...FileSetting) {}
func (m *Message) Embed(filename string, settings ...FileSetting)  {}

func SetHeader(h map[string][]string) FileSetting     { return nil }
func SetCopyFunc(f func(io.Writer) error) FileSetting { return nil }

func NewPlainDialer(host string, port int, username, password string) *Dialer { return &Dialer{} }
func (d *Dialer) DialAndSend(m ...*Message) error                             { return nil }
