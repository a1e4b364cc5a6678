// Package audit is the shop's audit trail.
package audit

// Sink writes audit records.
type Sink interface {
	Write(msg string, fields ...any)
}
