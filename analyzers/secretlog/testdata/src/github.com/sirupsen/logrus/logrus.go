// Package logrus is a stub of github.com/sirupsen/logrus.
package logrus

type Fields map[string]any
type Level uint32

type Logger struct{}
type Entry struct {
	Data Fields
}

func New() *Logger { return nil }

func WithField(key string, value any) *Entry { return nil }
func WithFields(fields Fields) *Entry        { return nil }
func WithError(err error) *Entry             { return nil }
func Info(args ...any)                       {}
func Infof(format string, args ...any)       {}
func Println(args ...any)                    {}
func Printf(format string, args ...any)      {}
func Debugf(format string, args ...any)      {}
func Warnln(args ...any)                     {}
func Error(args ...any)                      {}

func (logger *Logger) WithField(key string, value any) *Entry { return nil }
func (logger *Logger) WithFields(fields Fields) *Entry        { return nil }
func (logger *Logger) Info(args ...any)                       {}
func (logger *Logger) Infof(format string, args ...any)       {}

func (entry *Entry) WithField(key string, value any) *Entry       { return entry }
func (entry *Entry) WithFields(fields Fields) *Entry              { return entry }
func (entry *Entry) Info(args ...any)                             {}
func (entry *Entry) Infof(format string, args ...any)             {}
func (entry *Entry) Log(level Level, args ...any)                 {}
func (entry *Entry) Logf(level Level, format string, args ...any) {}

func (entry *Entry) Error(args ...any) {}
