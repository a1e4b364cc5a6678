// Package zap is a stub of go.uber.org/zap.
package zap

type Field struct {
	Key    string
	String string
}

type Logger struct{}

type SugaredLogger struct{}

func NewExample() *Logger                                               { return &Logger{} }
func String(key, val string) Field                                      { return Field{} }
func (l *Logger) Info(msg string, fields ...Field)                      {}
func (l *Logger) Error(msg string, fields ...Field)                     {}
func (l *Logger) Sugar() *SugaredLogger                                 { return &SugaredLogger{} }
func (s *SugaredLogger) Info(args ...interface{})                       {}
func (s *SugaredLogger) Infof(template string, args ...interface{})     {}
func (s *SugaredLogger) Infow(msg string, keysAndValues ...interface{}) {}
