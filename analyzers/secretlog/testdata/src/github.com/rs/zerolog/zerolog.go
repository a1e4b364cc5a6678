// Package zerolog is a stub of github.com/rs/zerolog.
package zerolog

type Logger struct{}
type Event struct{}
type Context struct{}

func (l *Logger) Info() *Event { return nil }
func (l Logger) With() Context { return Context{} }

func (e *Event) Str(key, val string) *Event                 { return e }
func (e *Event) Int(key string, i int) *Event               { return e }
func (e *Event) Interface(key string, i interface{}) *Event { return e }
func (e *Event) Msg(msg string)                             {}
func (e *Event) Msgf(format string, v ...interface{})       {}

func (c Context) Str(key, val string) Context { return c }
func (c Context) Logger() Logger              { return Logger{} }
