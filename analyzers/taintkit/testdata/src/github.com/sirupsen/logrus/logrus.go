// Package logrus is a stub of github.com/sirupsen/logrus.
package logrus

type Fields map[string]interface{}

type Logger struct{}

type Entry struct{}

func New() *Logger                                               { return &Logger{} }
func Info(args ...interface{})                                   {}
func Infof(format string, args ...interface{})                   {}
func Warnf(format string, args ...interface{})                   {}
func WithField(key string, value interface{}) *Entry             { return &Entry{} }
func WithFields(fields Fields) *Entry                            { return &Entry{} }
func (l *Logger) Info(args ...interface{})                       {}
func (l *Logger) Errorf(format string, args ...interface{})      {}
func (l *Logger) WithField(key string, value interface{}) *Entry { return &Entry{} }
func (e *Entry) Info(args ...interface{})                        {}
func (e *Entry) Infof(format string, args ...interface{})        {}
