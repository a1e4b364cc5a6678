package finding

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/url"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// MaxResultBytes bounds one SARIF result (or any other value the reader
// decodes whole), so a hostile file cannot make it hold gigabytes at once.
const MaxResultBytes = 16 << 20

// maxDepth bounds the nesting of JSON values, as encoding/json does.
const maxDepth = 10000

// InputError is a SARIF file the reader cannot accept: not JSON, not
// SARIF, or not version 2.1.0. It names the file and the byte offset or
// JSON pointer of the problem.
type InputError struct {
	File    string
	Offset  int64  // byte offset, when known
	Pointer string // JSON pointer, when known
	Msg     string
}

func (e *InputError) Error() string {
	switch {
	case e.Pointer != "":
		return fmt.Sprintf("%s: at %s: %s", e.File, e.Pointer, e.Msg)
	case e.Offset > 0:
		return fmt.Sprintf("%s: at byte offset %d: %s", e.File, e.Offset, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// SARIFRun describes one run of a SARIF file.
type SARIFRun struct {
	// Tool is the driver's name ("gosec", "CodeQL", "sdl").
	Tool    string
	Version string
	// Results counts the results of the run (before any are dropped as
	// passing).
	Results int
	// Rules are the rules of the driver and its extensions.
	Rules []Rule
	// Successful is false when an invocation says the run failed.
	Successful bool
	// Notifications are the run's tool execution notifications of level
	// error.
	Notifications []string
	// Properties are the run's properties that sdl reads: "database",
	// the vulnerability database a dependency scan used.
	Properties map[string]any
}

// SARIFLog is what ReadSARIF returns.
type SARIFLog struct {
	File   string
	Digest string // "sha256:..." of the bytes read
	Runs   []SARIFRun
	// Findings are every failing result of every run, in file order.
	Findings []*Finding
}

// ReadOptions configure ReadSARIF.
type ReadOptions struct {
	// Root is the repository root (an absolute directory). Absolute and
	// file: URIs inside it are made relative to it; others are kept as
	// written, and marked. URIs are never used to open or write a file.
	Root string
}

// ReadSARIF reads a SARIF 2.1.0 log from any tool, streaming its results,
// and converts each failing result to a Finding: rule references by ID or
// index (in the driver or an extension), CWE from tags, properties or
// taxa, levels from the result, the rule, or the SARIF default, and
// suppressions as written. Fingerprints are left to AssignFingerprints
// unless the log carries sdlkit's own.
//
// The log is read as a stream: one result (or any other value decoded
// whole, such as a run's tool) may not exceed MaxResultBytes, and values
// the reader does not need are checked and skipped without being held.
// Every error is an *InputError.
func ReadSARIF(name string, r io.Reader, opts ReadOptions) (*SARIFLog, error) {
	h := sha256.New()
	d := &sarifDecoder{name: name, r: bufio.NewReaderSize(io.TeeReader(r, h), 64<<10), opts: opts}
	log, err := d.read()
	if err != nil {
		return nil, err
	}
	log.Digest = "sha256:" + hex.EncodeToString(h.Sum(nil))
	return log, nil
}

// The JSON layer. encoding/json's Decoder reports wrong offsets for syntax
// errors in the middle of a stream it reads with both Token and Decode, so
// the reader scans the structure itself, with exact offsets, and hands the
// bytes of each value it needs (a result, a tool) to encoding/json.

var errValueTooLarge = errors.New("value too large")

type sarifDecoder struct {
	name string
	r    *bufio.Reader
	off  int64 // bytes consumed
	opts ReadOptions

	rec    *bytes.Buffer // when recording a value, its bytes
	recPtr string        // the pointer of the value recorded
	buf    bytes.Buffer  // reused recording buffer
}

func (d *sarifDecoder) errAt(ptr string, format string, args ...any) error {
	return &InputError{File: d.name, Pointer: ptr, Msg: fmt.Sprintf(format, args...)}
}

// syntaxErr reports a syntax error at the last byte consumed.
func (d *sarifDecoder) syntaxErr(format string, args ...any) error {
	return &InputError{File: d.name, Offset: d.off, Msg: "not valid JSON: " + fmt.Sprintf(format, args...)}
}

// readErr converts an error of the underlying reader.
func (d *sarifDecoder) readErr(err error) error {
	switch {
	case errors.Is(err, errValueTooLarge) && d.recPtr != "":
		return d.errAt(d.recPtr, "the value is larger than %d bytes (MaxResultBytes)", MaxResultBytes)
	case errors.Is(err, errValueTooLarge):
		return &InputError{File: d.name, Offset: d.off, Msg: fmt.Sprintf("the value is larger than %d bytes (MaxResultBytes)", MaxResultBytes)}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return &InputError{File: d.name, Offset: d.off, Msg: "not valid JSON: unexpected end of file"}
	}
	return &InputError{File: d.name, Offset: d.off, Msg: "reading: " + err.Error()}
}

func (d *sarifDecoder) readByte() (byte, error) {
	c, err := d.r.ReadByte()
	if err != nil {
		return 0, err
	}
	d.off++
	if d.rec != nil {
		if d.rec.Len() >= MaxResultBytes {
			return 0, errValueTooLarge
		}
		d.rec.WriteByte(c)
	}
	return c, nil
}

// consume consumes a byte already peeked.
func (d *sarifDecoder) consume() error {
	if _, err := d.readByte(); err != nil {
		return d.readErr(err)
	}
	return nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// peek returns the next byte that is not white space, without consuming
// it. At the end of the input it returns io.EOF.
func (d *sarifDecoder) peek() (byte, error) {
	for {
		b, err := d.r.Peek(1)
		if err != nil {
			return 0, err
		}
		if !isSpace(b[0]) {
			return b[0], nil
		}
		// Skip a run of buffered white space at once.
		buf, _ := d.r.Peek(d.r.Buffered())
		i := 0
		for i < len(buf) && isSpace(buf[i]) {
			i++
		}
		if d.rec != nil {
			if d.rec.Len()+i > MaxResultBytes {
				return 0, errValueTooLarge
			}
			d.rec.Write(buf[:i])
		}
		_, _ = d.r.Discard(i)
		d.off += int64(i)
	}
}

// next consumes the next byte that is not white space.
func (d *sarifDecoder) next() (byte, error) {
	if _, err := d.peek(); err != nil {
		return 0, d.readErr(err)
	}
	c, err := d.readByte()
	if err != nil {
		return 0, d.readErr(err)
	}
	return c, nil
}

func quoteByte(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	if c >= 0x80 {
		s = fmt.Sprintf(`"\x%02x"`, c)
	}
	return "'" + s[1:len(s)-1] + "'"
}

func (d *sarifDecoder) badByte(c byte, context string) error {
	return d.syntaxErr("invalid character %s %s", quoteByte(c), context)
}

// kindOf names the kind of value that starts with c, or "" if no value
// does.
func kindOf(c byte) string {
	switch {
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == '"':
		return "a string"
	case c == '-' || (c >= '0' && c <= '9'):
		return "a number"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	}
	return ""
}

// value consumes one JSON value, checking its syntax, with nesting
// bounded by maxDepth.
func (d *sarifDecoder) value() error {
	var stack []byte // open '{' and '['
	for {
		// A value is expected.
		c, err := d.next()
		if err != nil {
			return err
		}
		closed := false
		switch {
		case c == '{' || c == '[':
			if len(stack) >= maxDepth {
				return d.syntaxErr("nested deeper than %d levels", maxDepth)
			}
			stack = append(stack, c)
			n, err := d.peek()
			if err != nil {
				return d.readErr(err)
			}
			switch {
			case c == '{' && n == '}', c == '[' && n == ']':
				if err := d.consume(); err != nil {
					return err
				}
				stack = stack[:len(stack)-1]
				closed = true
			case c == '{':
				if err := d.key(); err != nil {
					return err
				}
			}
			if !closed {
				continue
			}
		case c == '"':
			if err := d.stringBody(); err != nil {
				return err
			}
		case c == '-' || (c >= '0' && c <= '9'):
			if err := d.number(c); err != nil {
				return err
			}
		case c == 't':
			if err := d.literal("rue"); err != nil {
				return err
			}
		case c == 'f':
			if err := d.literal("alse"); err != nil {
				return err
			}
		case c == 'n':
			if err := d.literal("ull"); err != nil {
				return err
			}
		default:
			return d.badByte(c, "looking for beginning of value")
		}
		// A value ended: close what it ends, up to the next value.
		for {
			if len(stack) == 0 {
				return nil
			}
			c, err := d.next()
			if err != nil {
				return err
			}
			top := stack[len(stack)-1]
			switch {
			case c == ',' && top == '{':
				if err := d.key(); err != nil {
					return err
				}
			case c == ',':
			case c == '}' && top == '{', c == ']' && top == '[':
				stack = stack[:len(stack)-1]
				continue
			case top == '{':
				return d.badByte(c, "after object key:value pair")
			default:
				return d.badByte(c, "after array element")
			}
			break
		}
	}
}

// key consumes an object key and its colon.
func (d *sarifDecoder) key() error {
	c, err := d.next()
	if err != nil {
		return err
	}
	if c != '"' {
		return d.badByte(c, "looking for beginning of object key string")
	}
	if err := d.stringBody(); err != nil {
		return err
	}
	c, err = d.next()
	if err != nil {
		return err
	}
	if c != ':' {
		return d.badByte(c, "after object key")
	}
	return nil
}

// stringBody consumes a string after its opening quote. Runs of plain
// bytes are taken from the read buffer at once; escapes, control bytes
// and the closing quote go through readByte.
func (d *sarifDecoder) stringBody() error {
	for {
		if n := d.plainRun(); n < 0 {
			return d.readErr(errValueTooLarge)
		}
		c, err := d.readByte()
		if err != nil {
			return d.readErr(err)
		}
		switch {
		case c == '"':
			return nil
		case c < 0x20:
			return d.badByte(c, "in string literal")
		case c == '\\':
			e, err := d.readByte()
			if err != nil {
				return d.readErr(err)
			}
			switch e {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				for range 4 {
					h, err := d.readByte()
					if err != nil {
						return d.readErr(err)
					}
					if !(h >= '0' && h <= '9' || h >= 'a' && h <= 'f' || h >= 'A' && h <= 'F') {
						return d.badByte(h, "in \\u hexadecimal character escape")
					}
				}
			default:
				return d.badByte(e, "in string escape code")
			}
		}
	}
}

// plainRun consumes the bytes of a string up to the next quote, backslash
// or control byte among those already buffered, and returns how many; -1
// when recording would exceed MaxResultBytes.
func (d *sarifDecoder) plainRun() int {
	buf, _ := d.r.Peek(d.r.Buffered())
	i := 0
	for i < len(buf) {
		c := buf[i]
		if c == '"' || c == '\\' || c < 0x20 {
			break
		}
		i++
	}
	if i == 0 {
		return 0
	}
	if d.rec != nil {
		if d.rec.Len()+i > MaxResultBytes {
			return -1
		}
		d.rec.Write(buf[:i])
	}
	_, _ = d.r.Discard(i) // buffered: cannot fail
	d.off += int64(i)
	return i
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// number consumes a number whose first byte c is consumed.
func (d *sarifDecoder) number(c byte) error {
	digits := func(context string) error {
		b, err := d.r.Peek(1)
		if err != nil {
			return d.readErr(err)
		}
		if !isDigit(b[0]) {
			if err := d.consume(); err != nil {
				return err
			}
			return d.badByte(b[0], context)
		}
		for {
			b, err := d.r.Peek(1)
			if err != nil || !isDigit(b[0]) {
				return nil
			}
			if _, err := d.readByte(); err != nil {
				return d.readErr(err)
			}
		}
	}
	if c == '-' {
		b, err := d.readByte()
		if err != nil {
			return d.readErr(err)
		}
		if !isDigit(b) {
			return d.badByte(b, "in numeric literal")
		}
		c = b
	}
	if c != '0' {
		for {
			b, err := d.r.Peek(1)
			if err != nil || !isDigit(b[0]) {
				break
			}
			if _, err := d.readByte(); err != nil {
				return d.readErr(err)
			}
		}
	}
	if b, err := d.r.Peek(1); err == nil && b[0] == '.' {
		if err := d.consume(); err != nil {
			return err
		}
		if err := digits("after decimal point in numeric literal"); err != nil {
			return err
		}
	}
	if b, err := d.r.Peek(1); err == nil && (b[0] == 'e' || b[0] == 'E') {
		if err := d.consume(); err != nil {
			return err
		}
		if b, err := d.r.Peek(1); err == nil && (b[0] == '+' || b[0] == '-') {
			if err := d.consume(); err != nil {
				return err
			}
		}
		if err := digits("in exponent of numeric literal"); err != nil {
			return err
		}
	}
	return nil
}

func (d *sarifDecoder) literal(rest string) error {
	for i := range len(rest) {
		c, err := d.readByte()
		if err != nil {
			return d.readErr(err)
		}
		if c != rest[i] {
			return d.badByte(c, "in literal")
		}
	}
	return nil
}

// record consumes one value and returns its bytes, which stay valid until
// the next call.
func (d *sarifDecoder) record(ptr string) ([]byte, error) {
	if _, err := d.peek(); err != nil {
		return nil, d.readErr(err)
	}
	d.buf.Reset()
	d.rec, d.recPtr = &d.buf, ptr
	err := d.value()
	d.rec = nil
	if err != nil {
		return nil, err
	}
	return d.buf.Bytes(), nil
}

// decodeValue consumes one value and decodes it into v. Type errors are
// reported with the JSON pointer of the offending value.
func (d *sarifDecoder) decodeValue(ptr string, v any) error {
	raw, err := d.record(ptr)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return d.errAt(ptr+subPointer(raw, te.Offset), "expected %s, got %s", describeType(te.Type), describeJSON(te.Value))
		}
		return d.errAt(ptr, "cannot decode: %v", err)
	}
	return nil
}

// subPointer returns the JSON pointer, within raw (valid JSON), of the
// value that ends at or spans offset off.
func subPointer(raw []byte, off int64) string {
	type frame struct {
		object bool
		key    string
		index  int
	}
	var stack []frame
	pointer := func() string {
		var b strings.Builder
		for _, f := range stack {
			b.WriteByte('/')
			if f.object {
				b.WriteString(escapePointer(f.key))
			} else {
				b.WriteString(strconv.Itoa(f.index))
			}
		}
		return b.String()
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	expectKey := false
	for {
		t, err := dec.Token()
		if err != nil {
			return pointer()
		}
		if expectKey {
			if k, ok := t.(string); ok {
				stack[len(stack)-1].key = k
				expectKey = false
				continue
			}
		}
		if t == json.Delim('}') || t == json.Delim(']') {
			stack = stack[:len(stack)-1]
			if len(stack) > 0 {
				if stack[len(stack)-1].object {
					expectKey = true
				} else {
					stack[len(stack)-1].index++
				}
			}
			continue
		}
		// t starts a value, at pointer().
		if dec.InputOffset() >= off {
			return pointer()
		}
		switch t {
		case json.Delim('{'):
			stack = append(stack, frame{object: true})
			expectKey = true
		case json.Delim('['):
			stack = append(stack, frame{})
		default:
			if len(stack) > 0 {
				if stack[len(stack)-1].object {
					expectKey = true
				} else {
					stack[len(stack)-1].index++
				}
			}
		}
	}
}

// describeType names the JSON a Go type decodes.
func describeType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Pointer:
		return describeType(t.Elem())
	}
	return "a value"
}

// describeJSON names a JSON value as UnmarshalTypeError.Value does.
func describeJSON(v string) string {
	switch v {
	case "object":
		return "an object"
	case "array":
		return "an array"
	case "string":
		return "a string"
	case "number":
		return "a number"
	case "bool":
		return "a boolean"
	}
	if n, ok := strings.CutPrefix(v, "number "); ok {
		return "the number " + n
	}
	return v
}

// skip consumes a value without keeping it.
func (d *sarifDecoder) skip() error { return d.value() }

// members reads an object, calling fn with the key and pointer of each
// member; fn consumes the member's value.
func (d *sarifDecoder) members(ptr, what string, fn func(key, kptr string) error) error {
	c, err := d.next()
	if err != nil {
		return err
	}
	if c != '{' {
		return d.wrongKind(ptr, what, c)
	}
	c, err = d.peek()
	if err != nil {
		return d.readErr(err)
	}
	if c == '}' {
		return d.consume()
	}
	for {
		k, err := d.readKey(ptr)
		if err != nil {
			return err
		}
		if err := fn(k, ptr+"/"+escapePointer(k)); err != nil {
			return err
		}
		c, err := d.next()
		if err != nil {
			return err
		}
		switch c {
		case ',':
			continue
		case '}':
			return nil
		}
		return d.badByte(c, "after object key:value pair")
	}
}

// elements reads an array, calling fn with the index and pointer of each
// element; fn consumes the element.
func (d *sarifDecoder) elements(ptr, what string, fn func(i int, eptr string) error) error {
	c, err := d.next()
	if err != nil {
		return err
	}
	if c != '[' {
		return d.wrongKind(ptr, what, c)
	}
	c, err = d.peek()
	if err != nil {
		return d.readErr(err)
	}
	if c == ']' {
		return d.consume()
	}
	for i := 0; ; i++ {
		if err := fn(i, ptr+"/"+strconv.Itoa(i)); err != nil {
			return err
		}
		c, err := d.next()
		if err != nil {
			return err
		}
		switch c {
		case ',':
			continue
		case ']':
			return nil
		}
		return d.badByte(c, "after array element")
	}
}

// wrongKind reports a value of the wrong kind whose first byte c was
// consumed, or a syntax error if c starts no value.
func (d *sarifDecoder) wrongKind(ptr, what string, c byte) error {
	k := kindOf(c)
	if k == "" {
		return d.badByte(c, "looking for beginning of value")
	}
	if ptr == "" {
		return &InputError{File: d.name, Offset: d.off, Msg: fmt.Sprintf("not SARIF: expected %s, got %s", what, k)}
	}
	return d.errAt(ptr, "expected %s, got %s", what, k)
}

// readKey consumes an object key and its colon, and returns the key.
func (d *sarifDecoder) readKey(ptr string) (string, error) {
	c, err := d.next()
	if err != nil {
		return "", err
	}
	if c != '"' {
		return "", d.badByte(c, "looking for beginning of object key string")
	}
	d.buf.Reset()
	d.rec, d.recPtr = &d.buf, ptr
	d.buf.WriteByte('"')
	err = d.stringBody()
	d.rec = nil
	if err != nil {
		return "", err
	}
	var k string
	if err := json.Unmarshal(d.buf.Bytes(), &k); err != nil {
		return "", d.syntaxErr("object key: %v", err)
	}
	c, err = d.next()
	if err != nil {
		return "", err
	}
	if c != ':' {
		return "", d.badByte(c, "after object key")
	}
	return k, nil
}

func (d *sarifDecoder) read() (*SARIFLog, error) {
	// A UTF-8 byte order mark, which Windows tools write, may be ignored
	// (RFC 8259 §8.1); UTF-16 is not JSON.
	if b, _ := d.r.Peek(3); bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		n, _ := d.r.Discard(3)
		d.off += int64(n)
	} else if len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF) {
		return nil, &InputError{File: d.name, Offset: 1, Msg: "not valid JSON: the file is encoded in UTF-16; SARIF files are UTF-8"}
	}
	c, err := d.peek()
	if errors.Is(err, io.EOF) {
		return nil, &InputError{File: d.name, Msg: "not SARIF: the file is empty"}
	} else if err != nil {
		return nil, d.readErr(err)
	}
	if c != '{' {
		// JSON of another kind, or not JSON: which one, and where.
		start := d.off
		if err := d.value(); err != nil {
			return nil, err
		}
		return nil, &InputError{File: d.name, Offset: start + 1, Msg: "not SARIF: expected a JSON object, got " + kindOf(c)}
	}
	log := &SARIFLog{File: d.name}
	sawVersion, sawRuns := false, false
	err = d.members("", "a JSON object", func(key, kptr string) error {
		switch key {
		case "version":
			var v any
			if err := d.decodeValue(kptr, &v); err != nil {
				return err
			}
			if s, _ := v.(string); s != "2.1.0" {
				return d.errAt(kptr, "SARIF version %v is not supported; only 2.1.0 is", v)
			}
			sawVersion = true
		case "runs":
			sawRuns = true
			return d.elements(kptr, "an array of runs", func(_ int, eptr string) error {
				return d.readRun(log, eptr)
			})
		default:
			return d.skip()
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if c, err := d.peek(); err == nil {
		if err := d.consume(); err != nil {
			return nil, err
		}
		return nil, d.syntaxErr("invalid character %s after the top-level object", quoteByte(c))
	} else if !errors.Is(err, io.EOF) {
		return nil, d.readErr(err)
	}
	if !sawVersion {
		return nil, d.errAt("/version", "not SARIF: no version")
	}
	if !sawRuns {
		return nil, d.errAt("/runs", "not SARIF: no runs")
	}
	return log, nil
}

func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// The parts of a run the reader needs.

type sarifMessage struct {
	Text      string   `json:"text"`
	Markdown  string   `json:"markdown"`
	ID        string   `json:"id"`
	Arguments []string `json:"arguments"`
}

type sarifMultiformat struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifComponentRef struct {
	Name  string `json:"name"`
	Index *int   `json:"index"`
	GUID  string `json:"guid"`
}

type sarifDescriptorRef struct {
	ID            string             `json:"id"`
	Index         *int               `json:"index"`
	GUID          string             `json:"guid"`
	ToolComponent *sarifComponentRef `json:"toolComponent"`
}

type sarifRule struct {
	ID                   string                      `json:"id"`
	Name                 string                      `json:"name"`
	ShortDescription     sarifMultiformat            `json:"shortDescription"`
	FullDescription      sarifMultiformat            `json:"fullDescription"`
	Help                 sarifMultiformat            `json:"help"`
	HelpURI              string                      `json:"helpUri"`
	MessageStrings       map[string]sarifMultiformat `json:"messageStrings"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
	Properties    map[string]any `json:"properties"`
	Relationships []struct {
		Target sarifDescriptorRef `json:"target"`
	} `json:"relationships"`
}

type sarifComponent struct {
	Name           string      `json:"name"`
	GUID           string      `json:"guid"`
	Version        string      `json:"version"`
	SemanticVer    string      `json:"semanticVersion"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
	Taxa           []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"taxa"`
}

type sarifTool struct {
	Driver     sarifComponent   `json:"driver"`
	Extensions []sarifComponent `json:"extensions"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
	Index     *int   `json:"index"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
	Snippet     *struct {
		Text string `json:"text"`
	} `json:"snippet"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation *sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion           `json:"region"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifResult struct {
	RuleID              string              `json:"ruleId"`
	RuleIndex           *int                `json:"ruleIndex"`
	Rule                *sarifDescriptorRef `json:"rule"`
	Kind                string              `json:"kind"`
	BaselineState       string              `json:"baselineState"`
	Level               string              `json:"level"`
	Message             sarifMessage        `json:"message"`
	Locations           []sarifLocation     `json:"locations"`
	PartialFingerprints map[string]string   `json:"partialFingerprints"`
	Suppressions        []struct {
		Kind          string         `json:"kind"`
		Status        string         `json:"status"`
		Justification string         `json:"justification"`
		Location      *sarifLocation `json:"location"`
	} `json:"suppressions"`
	Taxa       []sarifDescriptorRef `json:"taxa"`
	Properties map[string]any       `json:"properties"`
}

// validLevel reports whether l is a SARIF level (or absent).
func validLevel(l string) bool {
	switch l {
	case "", "none", "note", "warning", "error":
		return true
	}
	return false
}

func validKind(k string) bool {
	switch k {
	case "", "fail", "pass", "open", "review", "informational", "notApplicable":
		return true
	}
	return false
}

func checkRuleLevels(c *sarifComponent, ptr string) error {
	for i := range c.Rules {
		if l := c.Rules[i].DefaultConfiguration.Level; !validLevel(l) {
			return &InputError{Pointer: fmt.Sprintf("%s/rules/%d/defaultConfiguration/level", ptr, i),
				Msg: fmt.Sprintf("level %q is not a SARIF level (none, note, warning or error)", l)}
		}
	}
	return nil
}

func (d *sarifDecoder) readRun(log *SARIFLog, ptr string) error {
	var (
		tool      *sarifTool
		bases     map[string]sarifArtifactLocation
		artifacts []sarifArtifactLocation
		taxonomy  []sarifComponent
		refs      [][]partial // of log.Findings[start:], in blocks
		start     = len(log.Findings)
		slab      []Finding // findings are allocated in blocks, not one by one
		run       = SARIFRun{Successful: true}
	)
	err := d.members(ptr, "a run object", func(key, kptr string) error {
		switch key {
		case "tool":
			tool = &sarifTool{}
			if err := d.decodeValue(kptr, tool); err != nil {
				return err
			}
			err := checkRuleLevels(&tool.Driver, kptr+"/driver")
			for i := range tool.Extensions {
				if err == nil {
					err = checkRuleLevels(&tool.Extensions[i], fmt.Sprintf("%s/extensions/%d", kptr, i))
				}
			}
			if ie, ok := err.(*InputError); ok {
				ie.File = d.name
				return ie
			}
		case "originalUriBaseIds":
			var raw map[string]struct {
				URI       string `json:"uri"`
				URIBaseID string `json:"uriBaseId"`
			}
			if err := d.decodeValue(kptr, &raw); err != nil {
				return err
			}
			bases = map[string]sarifArtifactLocation{}
			for k, v := range raw {
				bases[k] = sarifArtifactLocation{URI: v.URI, URIBaseID: v.URIBaseID}
			}
		case "artifacts":
			var raw []struct {
				Location sarifArtifactLocation `json:"location"`
			}
			if err := d.decodeValue(kptr, &raw); err != nil {
				return err
			}
			artifacts = artifacts[:0]
			for _, a := range raw {
				a.Location.Index = nil // an artifact's location does not refer to another
				artifacts = append(artifacts, a.Location)
			}
		case "taxonomies":
			if err := d.decodeValue(kptr, &taxonomy); err != nil {
				return err
			}
		case "properties":
			// Only the properties sdl records are kept; the others
			// (which may be huge) are skipped unread.
			return d.members(kptr, "a property bag", func(key, pptr string) error {
				if key != "database" {
					return d.skip()
				}
				var v any
				if err := d.decodeValue(pptr, &v); err != nil {
					return err
				}
				if run.Properties == nil {
					run.Properties = map[string]any{}
				}
				run.Properties[key] = v
				return nil
			})
		case "invocations":
			var invs []struct {
				ExecutionSuccessful        *bool `json:"executionSuccessful"`
				ToolExecutionNotifications []struct {
					Level   string       `json:"level"`
					Message sarifMessage `json:"message"`
				} `json:"toolExecutionNotifications"`
			}
			if err := d.decodeValue(kptr, &invs); err != nil {
				return err
			}
			for _, inv := range invs {
				if inv.ExecutionSuccessful != nil && !*inv.ExecutionSuccessful {
					run.Successful = false
				}
				for _, n := range inv.ToolExecutionNotifications {
					if n.Level == "error" {
						run.Notifications = append(run.Notifications, firstNonEmpty(n.Message.Text, n.Message.Markdown, n.Message.ID))
					}
				}
			}
		case "results":
			c, err := d.peek()
			if err != nil {
				return d.readErr(err)
			}
			if c == 'n' {
				return d.skip() // "results": null
			}
			return d.elements(kptr, "an array of results", func(_ int, eptr string) error {
				c, err := d.peek()
				if err != nil {
					return d.readErr(err)
				}
				if c != '{' {
					if err := d.consume(); err != nil {
						return err
					}
					return d.wrongKind(eptr, "a result object", c)
				}
				var res sarifResult
				if err := d.decodeValue(eptr, &res); err != nil {
					return err
				}
				if !validLevel(res.Level) {
					return d.errAt(eptr+"/level", "level %q is not a SARIF level (none, note, warning or error)", res.Level)
				}
				if !validKind(res.Kind) {
					return d.errAt(eptr+"/kind", "kind %q is not a SARIF result kind", res.Kind)
				}
				run.Results++
				if p, f, ok := readResult(&res); ok {
					if len(slab) == cap(slab) {
						slab = make([]Finding, 0, 1024)
					}
					slab = append(slab, f)
					log.Findings = append(log.Findings, &slab[len(slab)-1])
					if len(refs) == 0 || len(refs[len(refs)-1]) == cap(refs[len(refs)-1]) {
						refs = append(refs, make([]partial, 0, 1024))
					}
					refs[len(refs)-1] = append(refs[len(refs)-1], p)
				}
				return nil
			})
		default:
			return d.skip()
		}
		return nil
	})
	if err != nil {
		return err
	}
	if tool == nil || tool.Driver.Name == "" {
		return d.errAt(ptr+"/tool/driver/name", "not SARIF: the run names no tool")
	}
	run.Tool = tool.Driver.Name
	run.Version = firstNonEmpty(tool.Driver.SemanticVer, tool.Driver.Version)

	rr := newRuleResolver(tool, taxonomy)
	run.Rules = rr.rules()
	loc := newLocator(d.opts.Root, bases, artifacts)
	i := start
	for _, block := range refs {
		for j := range block {
			block[j].finish(log.Findings[i], &run, rr, loc)
			i++
		}
	}
	log.Runs = append(log.Runs, run)
	return nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// ruleResolver finds a result's rule in the driver or an extension.
type ruleResolver struct {
	tool       *sarifTool
	components []*sarifComponent // driver first, then extensions
	byID       []map[string]int
	taxonomy   []sarifComponent
	converted  map[[2]int]*ruleInfo
}

// ruleInfo is a converted rule and what the conversion knows of it.
type ruleInfo struct {
	Rule
	// explicit is whether the rule states its severity (a score or a
	// bug-bar level), rather than having it from its level.
	explicit bool
	level    string  // the rule's default level, "" if none
	score    float64 // the rule's security-severity, 0 if none
}

func newRuleResolver(tool *sarifTool, taxonomy []sarifComponent) *ruleResolver {
	rr := &ruleResolver{tool: tool, taxonomy: taxonomy, converted: map[[2]int]*ruleInfo{}}
	rr.components = append(rr.components, &tool.Driver)
	for i := range tool.Extensions {
		rr.components = append(rr.components, &tool.Extensions[i])
	}
	for _, c := range rr.components {
		m := make(map[string]int, len(c.Rules))
		for i, r := range c.Rules {
			if _, dup := m[r.ID]; !dup && r.ID != "" {
				m[r.ID] = i
			}
		}
		rr.byID = append(rr.byID, m)
	}
	return rr
}

// component returns the index in rr.components of the component a
// reference names: the driver when there is no reference.
func (rr *ruleResolver) component(ref *sarifComponentRef) int {
	if ref == nil {
		return 0
	}
	// A reference's index is into the extensions.
	if ref.Index != nil && *ref.Index >= 0 && *ref.Index < len(rr.components)-1 {
		return *ref.Index + 1
	}
	for i, c := range rr.components {
		if (ref.Name != "" && c.Name == ref.Name) || (ref.GUID != "" && strings.EqualFold(c.GUID, ref.GUID)) {
			return i
		}
	}
	return 0
}

// find returns the component and index of a result's rule (idx -1 if it
// has none) and the result's rule ID. An index is trusted when the rule it
// designates has the result's ID (or is its parent, for a hierarchical ID
// "a/b"); otherwise, as some tools write indexes that are wrong, the ID
// decides.
func (rr *ruleResolver) find(ruleID string, ruleIndex int, ref *sarifComponentRef) (comp, idx int, id string) {
	comp, id = rr.component(ref), ruleID
	rules := rr.components[comp].Rules
	if ruleIndex >= 0 && ruleIndex < len(rules) {
		rid := rules[ruleIndex].ID
		if id == "" || id == rid || strings.HasPrefix(id, rid+"/") {
			return comp, ruleIndex, firstNonEmpty(id, rid)
		}
	}
	if id == "" {
		return comp, -1, id
	}
	// The component referenced first, then the others; the ID, then its
	// parents.
	order := append([]int{comp}, slices.DeleteFunc(seq(len(rr.components)), func(i int) bool { return i == comp })...)
	for candidate := id; candidate != ""; {
		for _, c := range order {
			if i, ok := rr.byID[c][candidate]; ok {
				return c, i, id
			}
		}
		slash := strings.LastIndexByte(candidate, '/')
		if slash < 0 {
			break
		}
		candidate = candidate[:slash]
	}
	return comp, -1, id
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

func (rr *ruleResolver) rule(comp, idx int) *ruleInfo {
	if idx < 0 {
		return nil
	}
	if r, ok := rr.converted[[2]int{comp, idx}]; ok {
		return r
	}
	c := rr.components[comp]
	sr := &c.Rules[idx]
	r := &ruleInfo{Rule: Rule{
		ID:      sr.ID,
		Name:    sr.Name,
		Tool:    c.Name,
		Summary: firstNonEmpty(sr.ShortDescription.Text, sr.Name, sr.ID),
		Help:    firstNonEmpty(sr.Help.Markdown, sr.Help.Text, sr.FullDescription.Markdown, sr.FullDescription.Text),
		Text:    firstNonEmpty(sr.FullDescription.Text, sr.Help.Text),
		HelpURI: sr.HelpURI,
	}, level: sr.DefaultConfiguration.Level}
	r.Tags = stringList(sr.Properties["tags"])
	r.CWE = cwesOf(r.Tags, sr.Properties)
	for _, rel := range sr.Relationships {
		if n := rr.cweOfTaxon(&rel.Target); n > 0 {
			r.CWE = appendUnique(r.CWE, n)
		}
	}
	if s, ok := parseScore(sr.Properties["security-severity"]); ok {
		r.score = s
	}
	if sev, ok := explicitSeverity(sr.Properties, true); ok {
		r.Severity, r.explicit = sev, true
	} else {
		r.Severity = severityOfLevel(firstNonEmpty(r.level, "warning"))
	}
	rr.converted[[2]int{comp, idx}] = r
	return r
}

// explicitSeverity is the severity a property bag states: a
// security-severity score above 0, or a bug-bar level name.
func explicitSeverity(props map[string]any, scoreFirst bool) (Severity, bool) {
	score := func() (Severity, bool) {
		if s, ok := parseScore(props["security-severity"]); ok && s > 0 {
			return severityOfScore(s), true
		}
		return SeverityNone, false
	}
	name := func() (Severity, bool) {
		if sev, err := ParseSeverity(stringOf(props["severity"])); err == nil && sev != SeverityNone {
			return sev, true
		}
		return SeverityNone, false
	}
	if scoreFirst {
		if s, ok := score(); ok {
			return s, true
		}
		return name()
	}
	if s, ok := name(); ok {
		return s, true
	}
	return score()
}

// cweOfTaxon returns the CWE number a taxon reference names, if it is in
// a CWE taxonomy, or has no taxonomy and an ID of the form "CWE-79".
func (rr *ruleResolver) cweOfTaxon(ref *sarifDescriptorRef) int {
	tax := ""
	if tc := ref.ToolComponent; tc != nil {
		switch {
		case tc.Index != nil && *tc.Index >= 0 && *tc.Index < len(rr.taxonomy):
			tax = rr.taxonomy[*tc.Index].Name
		case tc.Name != "":
			tax = tc.Name
		case tc.GUID != "":
			for _, t := range rr.taxonomy {
				if strings.EqualFold(t.GUID, tc.GUID) {
					tax = t.Name
				}
			}
		}
	}
	id := ref.ID
	if id == "" && ref.Index != nil && *ref.Index >= 0 && tax != "" {
		for _, t := range rr.taxonomy {
			if strings.EqualFold(t.Name, tax) && *ref.Index < len(t.Taxa) {
				id = t.Taxa[*ref.Index].ID
				break
			}
		}
	}
	switch {
	case strings.EqualFold(tax, "CWE"):
		return parseCWE(id)
	case tax == "" && ref.ToolComponent == nil:
		// Without a taxonomy the target is another rule, unless its ID
		// says it is a CWE.
		return matchCWE(id)
	}
	return 0
}

func (rr *ruleResolver) rules() []Rule {
	var out []Rule
	for c, comp := range rr.components {
		for i := range comp.Rules {
			out = append(out, rr.rule(c, i).Rule)
		}
	}
	return out
}

var cweRE = regexp.MustCompile(`(?i)\bcwe[-_/: ]?(\d+)\b`)

// parseCWE reads "79", "CWE-79", "external/cwe/cwe-079" or "CWE-79: ...".
func parseCWE(s string) int {
	if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
		return validCWE(n)
	}
	return matchCWE(s)
}

// matchCWE reads a CWE written with its prefix.
func matchCWE(s string) int {
	if m := cweRE.FindStringSubmatch(s); m != nil {
		n, err := strconv.Atoi(m[1])
		if err == nil {
			return validCWE(n)
		}
	}
	return 0
}

func validCWE(n int) int {
	if n <= 0 || n >= 1e6 {
		return 0
	}
	return n
}

// cwesOf collects CWE ids from tags and a "cwe" property.
func cwesOf(tags []string, props map[string]any) []int {
	var out []int
	for _, t := range tags {
		if strings.Contains(strings.ToLower(t), "cwe") {
			if n := parseCWE(t); n > 0 {
				out = appendUnique(out, n)
			}
		}
	}
	for _, key := range []string{"cwe", "CWE", "cwe_ids"} {
		for _, s := range stringList(props[key]) {
			if n := parseCWE(s); n > 0 {
				out = appendUnique(out, n)
			}
		}
	}
	return out
}

func appendUnique(s []int, n int) []int {
	if slices.Contains(s, n) {
		return s
	}
	return append(s, n)
}

func stringList(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			switch e := e.(type) {
			case string:
				out = append(out, e)
			case json.Number:
				out = append(out, e.String())
			}
		}
		return out
	}
	return nil
}

func stringOf(v any) string {
	s, _ := v.(string)
	return s
}

// parseScore reads a security-severity score (a string or a number).
func parseScore(v any) (float64, bool) {
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case json.Number:
		s = x.String()
	default:
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(f) || f < 0 || f > 10 {
		return 0, false
	}
	return f, true
}

// severityOfScore maps a 0-10 score the way GitHub code scanning does.
func severityOfScore(s float64) Severity {
	switch {
	case s >= 9:
		return Critical
	case s >= 7:
		return Important
	case s >= 4:
		return Moderate
	}
	return Low
}

// severityOfLevel maps a SARIF level to a bug-bar level.
func severityOfLevel(l string) Severity {
	switch l {
	case "error":
		return Important
	case "warning":
		return Moderate
	}
	return Low
}

// locator turns artifact locations into repository-relative paths.
type locator struct {
	root      string // slash-separated, clean, absolute; "" if unknown
	bases     map[string]sarifArtifactLocation
	artifacts []sarifArtifactLocation
	cache     map[locKey]locResult // many results share a file
	strings   map[string]string
}

func newLocator(root string, bases map[string]sarifArtifactLocation, artifacts []sarifArtifactLocation) *locator {
	l := &locator{bases: bases, artifacts: artifacts}
	if root != "" {
		if abs, err := filepath.Abs(root); err == nil {
			l.root = path.Clean(filepath.ToSlash(abs))
		}
	}
	return l
}

// uriKind classifies a URI reference.
type uriKind int

const (
	uriRelative uriKind = iota // a relative reference: a path
	uriAbsolute                // an absolute path, or a file: URI
	uriOther                   // a URI of another scheme
)

var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]+:`)

// parseURI classifies a URI reference and returns its path, decoded and
// slash-separated (for uriOther, the URI as written).
func parseURI(s string) (uriKind, string) {
	decode := func(p string) string {
		if u, err := url.PathUnescape(p); err == nil {
			p = u
		}
		return strings.ReplaceAll(p, `\`, "/")
	}
	if isDrive(s) {
		return uriAbsolute, decode(s)
	}
	if schemeRE.MatchString(s) {
		scheme, rest, _ := strings.Cut(s, ":")
		if !strings.EqualFold(scheme, "file") {
			return uriOther, s
		}
		rest, _, _ = strings.Cut(rest, "?")
		rest, _, _ = strings.Cut(rest, "#")
		if auth, ok := strings.CutPrefix(rest, "//"); ok {
			host, p, _ := strings.Cut(auth, "/")
			p = decode("/" + p)
			if host != "" && !strings.EqualFold(host, "localhost") {
				return uriAbsolute, "//" + host + p // a UNC path
			}
			if isDrive(p[1:]) {
				p = p[1:] // file:///C:/x
			}
			return uriAbsolute, p
		}
		p := decode(rest)
		if strings.HasPrefix(p, "/") || isDrive(p) {
			return uriAbsolute, p
		}
		return uriRelative, p
	}
	p := decode(s)
	if strings.HasPrefix(p, "/") {
		return uriAbsolute, p
	}
	return uriRelative, p
}

// isDrive reports whether s starts with a Windows drive letter ("C:").
func isDrive(s string) bool {
	return len(s) >= 2 && s[1] == ':' && (s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z')
}

// sourceRootBases are uriBaseIds that conventionally name the root of the
// scanned source tree (SARIF's %SRCROOT%, Trivy's ROOTPATH).
var sourceRootBases = []string{"SRCROOT", "SRC_ROOT", "SOURCEROOT", "ROOTPATH", "PROJECTROOT", "REPOROOT"}

func isSourceRoot(id string) bool {
	return slices.Contains(sourceRootBases, strings.ToUpper(strings.Trim(id, "%")))
}

// local reports whether a clean, slash-separated path stays inside the
// directory it is relative to.
func local(p string) bool {
	return p != ".." && !strings.HasPrefix(p, "../") && !path.IsAbs(p) && !isDrive(p)
}

// within returns p relative to root, if p is root or inside it.
func within(root, p string) (string, bool) {
	if root == "" {
		return "", false
	}
	if p == root {
		return ".", true
	}
	prefix := strings.TrimSuffix(root, "/") + "/"
	if rest, ok := strings.CutPrefix(p, prefix); ok {
		return rest, true
	}
	return "", false
}

// path resolves a location. outside is true when the location is not a
// file of the repository: an absolute path outside the root, a relative
// path that climbs out of it, or a URI of another scheme.
//
// A relative reference is resolved through the run's originalUriBaseIds.
// When that gives a path inside the root, it is made relative to the
// root; when it does not and the base is the scanned source tree
// (%SRCROOT%, ROOTPATH), which it was on the machine that wrote the log,
// the reference stays relative to the repository, as GitHub code
// scanning reads it; otherwise it is outside.
func (l *locator) path(a *sarifArtifactLocation) (p string, outside bool) {
	k := locKey{uri: a.URI, base: a.URIBaseID, index: -1}
	if a.Index != nil {
		k.index = *a.Index
	}
	if r, ok := l.cache[k]; ok {
		return r.path, r.outside
	}
	p, outside = l.resolve(a)
	if l.cache == nil {
		l.cache = map[locKey]locResult{}
	}
	l.cache[k] = locResult{p, outside}
	return p, outside
}

type locKey struct {
	uri, base string
	index     int
}

type locResult struct {
	path    string
	outside bool
}

// intern returns one shared copy of a string many findings repeat (rule
// IDs, levels), so a large log keeps one copy each.
func (l *locator) intern(s string) string {
	if v, ok := l.strings[s]; ok {
		return v
	}
	if l.strings == nil {
		l.strings = map[string]string{}
	}
	l.strings[s] = s
	return s
}

// resolve is path without the cache.
func (l *locator) resolve(a *sarifArtifactLocation) (p string, outside bool) {
	if a.URI == "" && a.Index != nil && *a.Index >= 0 && *a.Index < len(l.artifacts) {
		a = &l.artifacts[*a.Index]
	}
	if a.URI == "" {
		return "", false
	}
	kind, p := parseURI(a.URI)
	switch kind {
	case uriOther:
		return p, true
	case uriAbsolute:
		p = cleanAbs(p)
		if rel, ok := within(l.root, p); ok {
			return rel, false
		}
		return p, true
	}
	// A relative reference, through its chain of bases (bounded, in case
	// of cycles).
	rel, absBase, anchor := p, "", ""
	base := a.URIBaseID
	for range 16 {
		if base == "" {
			break
		}
		b, ok := l.bases[base]
		if !ok || b.URI == "" {
			break // undeclared: relative to a base we do not know
		}
		kind, bp := parseURI(b.URI)
		if kind == uriOther {
			return strings.TrimSuffix(b.URI, "/") + "/" + rel, true
		}
		if kind == uriAbsolute {
			absBase, anchor = cleanAbs(bp), base
			break
		}
		rel = path.Join(bp, rel)
		base = b.URIBaseID
	}
	clean := path.Clean(rel)
	if absBase != "" {
		abs := cleanAbs(path.Join(absBase, rel))
		if r, ok := within(l.root, abs); ok {
			return r, false
		}
		if isSourceRoot(anchor) && local(clean) {
			return clean, false
		}
		return abs, true
	}
	if local(clean) {
		return clean, false
	}
	return clean, true
}

// cleanAbs cleans an absolute path, keeping a UNC path's two slashes.
func cleanAbs(p string) string {
	if strings.HasPrefix(p, "//") && !strings.HasPrefix(p, "///") {
		return "/" + path.Clean(p)
	}
	return path.Clean(p)
}

// partial is a result converted as far as it can be before the run's
// tool, rules and base URIs are known (a run may list them after its
// results). It keeps only what the rest of the conversion needs.
type partial struct {
	ruleID    string
	ruleIndex int32
	ownLevel  bool // the result sets its level
	ownSev    bool // the result's properties set its severity
	artifact  *sarifArtifactLocation
	x         *partialExtra // what few results have; nil for most
}

// partialExtra holds the parts of a partial result most results lack, so
// that a log of a million results does not carry them a million times.
type partialExtra struct {
	compRef *sarifComponentRef
	kind    string // when not "fail"
	msgID   string
	msgArgs []string
	supLocs []*sarifPhysicalLocation // of f.Suppressions, in order
	taxa    []sarifDescriptorRef
}

// index32 narrows a rule index; one that does not fit is no index.
func index32(n int) int32 {
	if n < 0 || n > math.MaxInt32 {
		return -1
	}
	return int32(n)
}

// more returns the extra part, allocating it.
func (p *partial) more() *partialExtra {
	if p.x == nil {
		p.x = &partialExtra{}
	}
	return p.x
}

// extra returns the extra part, or an empty one.
func (p *partial) extra() partialExtra {
	if p.x == nil {
		return partialExtra{}
	}
	return *p.x
}

// readResult converts what a result says by itself. Passing results, and
// results of a baseline that are absent from this run, are dropped.
func readResult(res *sarifResult) (partial, Finding, bool) {
	var f Finding
	switch res.Kind {
	case "pass", "notApplicable", "informational":
		return partial{}, Finding{}, false
	}
	if res.BaselineState == "absent" {
		return partial{}, Finding{}, false
	}
	p := partial{ruleID: res.RuleID, ruleIndex: -1}
	if len(res.Taxa) > 0 {
		p.more().taxa = res.Taxa
	}
	if res.Kind != "" && res.Kind != "fail" {
		p.more().kind = res.Kind
	}
	if res.Rule != nil {
		if p.ruleID == "" {
			p.ruleID = res.Rule.ID
		}
		if res.Rule.Index != nil {
			p.ruleIndex = index32(*res.Rule.Index)
		}
		if res.Rule.ToolComponent != nil {
			p.more().compRef = res.Rule.ToolComponent
		}
	}
	if p.ruleIndex < 0 && res.RuleIndex != nil {
		p.ruleIndex = index32(*res.RuleIndex)
	}
	f.Level, p.ownLevel = res.Level, res.Level != ""
	f.Message = firstNonEmpty(res.Message.Text, res.Message.Markdown)
	if res.Message.ID != "" || len(res.Message.Arguments) > 0 {
		p.more().msgID, p.more().msgArgs = res.Message.ID, res.Message.Arguments
	}
	if len(res.Properties) > 0 {
		f.Properties = res.Properties
		f.Tags = stringList(res.Properties["tags"])
		f.CWE = cwesOf(f.Tags, res.Properties)
		f.Severity, p.ownSev = explicitSeverity(res.Properties, false)
		if s, ok := parseScore(res.Properties["security-severity"]); ok {
			f.SecuritySeverity = s
		}
	}
	if pl := firstPhysical(res.Locations); pl != nil {
		p.artifact = pl.ArtifactLocation
		if r := pl.Region; r != nil {
			f.Location = regionLocation(r)
			if r.Snippet != nil {
				f.Context = NormalizeContext(firstLine(r.Snippet.Text))
			}
		}
	}
	if fp := res.PartialFingerprints[FingerprintKey]; fp != "" {
		f.Fingerprint = fp
	}
	for _, s := range res.Suppressions {
		if s.Status != "" && s.Status != "accepted" {
			continue // underReview, rejected: the finding still counts
		}
		kind := s.Kind
		if kind != SuppressionInSource {
			kind = SuppressionExternal
		}
		f.Suppressions = append(f.Suppressions, Suppression{Kind: kind, Justification: s.Justification})
		var pl *sarifPhysicalLocation
		if s.Location != nil {
			pl = s.Location.PhysicalLocation
		}
		p.more().supLocs = append(p.more().supLocs, pl)
	}
	return p, f, true
}

// firstPhysical returns the first physical location of a result.
func firstPhysical(locs []sarifLocation) *sarifPhysicalLocation {
	for _, l := range locs {
		if l.PhysicalLocation != nil {
			return l.PhysicalLocation
		}
	}
	return nil
}

func regionLocation(r *sarifRegion) Location {
	return Location{StartLine: max(r.StartLine, 0), StartColumn: max(r.StartColumn, 0),
		EndLine: max(r.EndLine, 0), EndColumn: max(r.EndColumn, 0)}
}

// finish completes a finding with what the run says: its tool, rule
// (by ID or index, in the driver or an extension), the rule's CWE, tags
// and levels, message strings, and the location's base URIs.
func (p *partial) finish(f *Finding, run *SARIFRun, rr *ruleResolver, loc *locator) {
	f.Tool = run.Tool
	if t := stringOf(f.Properties["tool"]); t != "" {
		f.Tool = t // sdlkit's own SARIF names the tool of each result
	}
	x := p.extra()
	comp, idx, id := rr.find(p.ruleID, int(p.ruleIndex), x.compRef)
	f.RuleID = loc.intern(firstNonEmpty(id, "(unknown)"))
	rule := rr.rule(comp, idx)
	if rule != nil {
		f.CWE = mergeInts(rule.CWE, f.CWE)
		f.Tags = mergeStrings(rule.Tags, f.Tags)
	}
	for i := range x.taxa {
		if n := rr.cweOfTaxon(&x.taxa[i]); n > 0 {
			f.CWE = mergeInts(f.CWE, []int{n})
		}
	}
	// SARIF §3.27.10: an absent level is "none" for results that are not
	// failures, else the rule's default level, else "warning".
	if !p.ownLevel {
		switch {
		case x.kind != "" && x.kind != "fail":
			f.Level = "none"
		case rule != nil && rule.level != "":
			f.Level = rule.level
		default:
			f.Level = "warning"
		}
	} else {
		f.Level = loc.intern(f.Level)
	}
	if f.SecuritySeverity == 0 && rule != nil {
		f.SecuritySeverity = rule.score
	}
	if !p.ownSev {
		if rule != nil && rule.explicit {
			f.Severity = rule.Severity
		} else {
			f.Severity = severityOfLevel(f.Level)
		}
	}
	f.Message = p.message(f.Message, rr, comp, idx)
	if p.artifact != nil {
		path, outside := loc.path(p.artifact)
		f.Location.Path = path
		if outside {
			props := make(map[string]any, len(f.Properties)+1)
			for k, v := range f.Properties {
				props[k] = v
			}
			props["sdl.outsideRepository"] = true
			f.Properties = props
		}
	}
	if len(x.supLocs) > 0 {
		f.Suppressions = slices.Clone(f.Suppressions)
		for i, pl := range x.supLocs {
			if pl == nil || pl.ArtifactLocation == nil {
				continue
			}
			l := Location{}
			if pl.Region != nil {
				l = regionLocation(pl.Region)
			}
			// The directive is written in the repository, or nowhere we
			// can name.
			if path, outside := loc.path(pl.ArtifactLocation); !outside && path != "" {
				l.Path = path
				f.Suppressions[i].Location = &l
			}
		}
	}
}

// message renders a result's message: its text, or the rule's message
// string its ID names, with {n} placeholders filled from its arguments;
// when it has none, the rule's description.
func (p *partial) message(text string, rr *ruleResolver, comp, idx int) string {
	x := p.extra()
	if text == "" && x.msgID != "" && idx >= 0 {
		ms := rr.components[comp].Rules[idx].MessageStrings[x.msgID]
		text = firstNonEmpty(ms.Text, ms.Markdown)
	}
	if len(x.msgArgs) > 0 {
		text = formatMessage(text, x.msgArgs)
	}
	if text == "" && idx >= 0 {
		sr := &rr.components[comp].Rules[idx]
		text = firstNonEmpty(sr.ShortDescription.Text, sr.FullDescription.Text, sr.ShortDescription.Markdown, sr.FullDescription.Markdown)
	}
	return text
}

// formatMessage fills the {n} placeholders of a SARIF message string
// (§3.11.5), in which "{{" and "}}" stand for literal braces.
// Placeholders without an argument are kept.
func formatMessage(s string, args []string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case (c == '{' || c == '}') && i+1 < len(s) && s[i+1] == c:
			b.WriteByte(c)
			i++
			continue
		case c == '{':
			j := i + 1
			for j < len(s) && isDigit(s[j]) && j-i <= 9 {
				j++
			}
			if j > i+1 && j < len(s) && s[j] == '}' {
				if n, err := strconv.Atoi(s[i+1 : j]); err == nil && n < len(args) {
					b.WriteString(args[n])
					i = j
					continue
				}
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// mergeStrings returns a followed by the elements of b not in a.
func mergeStrings(a, b []string) []string {
	out := a
	for _, s := range b {
		if !slices.Contains(out, s) {
			if len(out) == len(a) {
				out = slices.Clone(a)
			}
			out = append(out, s)
		}
	}
	return out
}

// mergeInts returns a followed by the elements of b not in a, sharing a
// when nothing is added.
func mergeInts(a, b []int) []int {
	out := a
	for _, n := range b {
		if !slices.Contains(out, n) {
			if len(out) == len(a) {
				out = slices.Clone(a)
			}
			out = append(out, n)
		}
	}
	return out
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimLeft(s, "\r\n"), "\n")
	return line
}
