// Package zapcore is a stub of go.uber.org/zap/zapcore.
package zapcore

type Level int8

type FieldType uint8

type Field struct {
	Key       string
	Type      FieldType
	Integer   int64
	String    string
	Interface interface{}
}

type ObjectEncoder interface {
	AddString(key, value string)
}

type ObjectMarshaler interface {
	MarshalLogObject(ObjectEncoder) error
}
