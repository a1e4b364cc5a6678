// Package logging has functions named like loggers that are not.
package logging

func Printf(format string, args ...interface{}) {}
func Info(msg string, args ...interface{})      {}

type Logger struct{}

func (l *Logger) Info(msg string, fields ...interface{}) {}
