// Package zap is a stub of go.uber.org/zap.
package zap

import (
	"fmt"

	"go.uber.org/zap/zapcore"
)

type Field = zapcore.Field

type Logger struct{}
type SugaredLogger struct{}

func NewProduction() (*Logger, error) { return nil, nil }
func L() *Logger                      { return nil }
func S() *SugaredLogger               { return nil }

func String(key string, val string) Field                  { return Field{} }
func ByteString(key string, val []byte) Field              { return Field{} }
func Strings(key string, ss []string) Field                { return Field{} }
func Int(key string, val int) Field                        { return Field{} }
func Bool(key string, val bool) Field                      { return Field{} }
func Any(key string, value interface{}) Field              { return Field{} }
func Reflect(key string, val interface{}) Field            { return Field{} }
func Stringer(key string, val fmt.Stringer) Field          { return Field{} }
func Object(key string, val zapcore.ObjectMarshaler) Field { return Field{} }
func Error(err error) Field                                { return Field{} }
func Dict(key string, val ...Field) Field                  { return Field{} }

func (log *Logger) Sugar() *SugaredLogger                              { return nil }
func (log *Logger) With(fields ...Field) *Logger                       { return log }
func (log *Logger) Log(lvl zapcore.Level, msg string, fields ...Field) {}
func (log *Logger) Debug(msg string, fields ...Field)                  {}
func (log *Logger) Info(msg string, fields ...Field)                   {}
func (log *Logger) Warn(msg string, fields ...Field)                   {}
func (log *Logger) Error(msg string, fields ...Field)                  {}
func (log *Logger) Fatal(msg string, fields ...Field)                  {}

func (s *SugaredLogger) With(args ...interface{}) *SugaredLogger         { return s }
func (s *SugaredLogger) Info(args ...interface{})                        {}
func (s *SugaredLogger) Debug(args ...interface{})                       {}
func (s *SugaredLogger) Infof(template string, args ...interface{})      {}
func (s *SugaredLogger) Errorf(template string, args ...interface{})     {}
func (s *SugaredLogger) Infow(msg string, keysAndValues ...interface{})  {}
func (s *SugaredLogger) Errorw(msg string, keysAndValues ...interface{}) {}
func (s *SugaredLogger) Infoln(args ...interface{})                      {}
