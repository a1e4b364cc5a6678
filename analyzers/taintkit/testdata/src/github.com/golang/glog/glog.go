// Package glog is a stub of github.com/golang/glog.
package glog

type Verbose bool

func V(level int) Verbose                                  { return false }
func Info(args ...interface{})                             {}
func Infof(format string, args ...interface{})             {}
func Errorf(format string, args ...interface{})            {}
func (v Verbose) Infof(format string, args ...interface{}) {}
