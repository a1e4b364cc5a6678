// Package klog is a stub of k8s.io/klog/v2.
package klog

type Verbose struct{}

func V(level int) Verbose                                        { return Verbose{} }
func Infof(format string, args ...interface{})                   {}
func InfoS(msg string, keysAndValues ...interface{})             {}
func ErrorS(err error, msg string, keysAndValues ...interface{}) {}
func (v Verbose) Info(args ...interface{})                       {}
func (v Verbose) InfoS(msg string, keysAndValues ...interface{}) {}
