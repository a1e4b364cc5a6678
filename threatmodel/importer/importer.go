// Package importer converts threat models drawn in other tools into
// sdlkit's threat model (threatmodel.yaml): OWASP Threat Dragon v2 JSON
// models and Microsoft Threat Modeling Tool 7 (.tm7) files.
//
// Elements, data flows, trust boundaries and threats (with their STRIDE
// category, status and severity) are converted; what the sdlkit format has
// no place for, or what cannot be derived with confidence, is returned as a
// list of notes, one line each, naming the source object and why, so that
// nothing is dropped silently. Every imported model passes the schema that
// threatmodel.Parse checks (the importers verify it through WriteYAML and
// Parse before returning); the design gates may still report findings,
// which is the point of importing.
//
// Both tools draw trust boundaries as shapes rather than containers: an
// element belongs to a boundary box when its own box lies entirely inside
// it (the innermost box, when boxes nest). Boundaries drawn as lines or
// curves separate regions that cannot be derived, and are listed.
package importer

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/sdlkit/sdlkit/threatmodel"
)

// Format names a source format.
type Format string

// The formats Import reads.
const (
	// ThreatDragonFormat is an OWASP Threat Dragon v2 JSON model.
	ThreatDragonFormat Format = "threat-dragon"
	// TM7Format is a Microsoft Threat Modeling Tool 7 .tm7 file (XML).
	TM7Format Format = "tm7"
)

// MaxBytes bounds the size of a file to import.
const MaxBytes = 64 << 20

// MaxShapes bounds the shapes (cells, stencils and connectors) of a model,
// so that deriving boundary membership, which compares every element with
// every boundary, stays quick; drawn threat models have a few hundred.
const MaxShapes = 10000

// Detect tells the format of data by its content: a JSON object with
// "detail" and "summary" or "version" is a Threat Dragon model, an XML
// document whose root element is ThreatModel a .tm7 file. name is only used
// in error messages.
func Detect(name string, data []byte) (Format, error) {
	b, err := utf8Text(name, data)
	if err != nil {
		return "", err
	}
	b = bytes.TrimLeftFunc(b, unicode.IsSpace)
	if len(b) == 0 {
		return "", fmt.Errorf("%s: file is empty", name)
	}
	switch b[0] {
	case '{':
		var top map[string]json.RawMessage
		if err := json.Unmarshal(b, &top); err != nil {
			return "", fmt.Errorf("%s: invalid JSON: %v", name, err)
		}
		_, detail := top["detail"]
		_, summary := top["summary"]
		_, version := top["version"]
		if detail && (summary || version) {
			return ThreatDragonFormat, nil
		}
		return "", fmt.Errorf("%s: JSON, but not a Threat Dragon model (it has no \"summary\" and \"detail\")", name)
	case '<':
		root, err := xmlRoot(b)
		if err != nil {
			return "", fmt.Errorf("%s: invalid XML: %v", name, err)
		}
		if root.Local != "ThreatModel" {
			return "", fmt.Errorf("%s: XML, but not a Microsoft Threat Modeling Tool model (the root element is <%s>, not <ThreatModel>)", name, root.Local)
		}
		return TM7Format, nil
	}
	return "", fmt.Errorf("%s: neither a Threat Dragon model (JSON) nor a Microsoft Threat Modeling Tool model (.tm7, XML)", name)
}

// Import converts a Threat Dragon or Threat Modeling Tool model, whichever
// Detect finds data to be, and returns it with the notes on what could not
// be mapped.
func Import(name string, data []byte) (*threatmodel.Model, []string, error) {
	f, err := Detect(name, data)
	if err != nil {
		return nil, nil, err
	}
	if f == TM7Format {
		return TM7(name, data)
	}
	return ThreatDragon(name, data)
}

// xmlRoot returns the name of the first element of an XML document.
func xmlRoot(b []byte) (xml.Name, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return xml.Name{}, errors.New("no root element")
			}
			return xml.Name{}, err
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name, nil
		}
	}
}

// utf8Text checks the size of data and returns it as UTF-8, without a byte
// order mark (the Threat Modeling Tool may write UTF-16).
func utf8Text(name string, data []byte) ([]byte, error) {
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("%s: file is %d bytes, more than the %d allowed", name, len(data), MaxBytes)
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		big := data[0] == 0xFE
		data = data[2:]
		u := make([]uint16, 0, len(data)/2)
		for i := 0; i+1 < len(data); i += 2 {
			if big {
				u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
			} else {
				u = append(u, uint16(data[i+1])<<8|uint16(data[i]))
			}
		}
		return []byte(string(utf16.Decode(u))), nil
	}
	return data, nil
}

// errInvalidOutput is returned, wrapped, when a converted model does not
// pass the schema: a bug of the importer, not of the file.
var errInvalidOutput = errors.New("the converted model does not pass the threat model schema (an importer bug)")

// converter holds what both importers build.
type converter struct {
	file  string
	m     *threatmodel.Model
	notes []string
	used  map[string]bool // IDs taken, of every kind
	next  map[string]int  // the next suffix to try for a base
}

func newConverter(file string) *converter {
	return &converter{file: file, m: &threatmodel.Model{Version: 1}, used: map[string]bool{}, next: map[string]int{}}
}

// note records something that could not be mapped, or an assumption made.
func (c *converter) note(format string, args ...any) {
	c.notes = append(c.notes, oneLine(fmt.Sprintf(format, args...)))
}

// errorf returns an error naming the file.
func (c *converter) errorf(format string, args ...any) error {
	return fmt.Errorf("%s: %s", c.file, fmt.Sprintf(format, args...))
}

// id returns a unique ID made from name (fallback when name has no letter
// or digit), suffixed -2, -3, ... on collision: IDs are unique across
// elements, boundaries, flows, threats and assets.
func (c *converter) id(name, fallback string) string {
	base := slug(name)
	if base == "" {
		base = slug(fallback)
	}
	if base == "" {
		base = "x"
	}
	return c.unique(base)
}

// unique returns base, or base-2, base-3, ... whichever is free, and takes
// it.
func (c *converter) unique(base string) string {
	id := base
	n := max(c.next[base], 2)
	for ; c.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	c.next[base] = n
	c.used[id] = true
	return id
}

// maxSlug bounds the length of an ID made from a name.
const maxSlug = 48

// slug lowercases s and keeps ASCII letters and digits, joining words with
// hyphens: the schema's ID pattern is ^[A-Za-z0-9][A-Za-z0-9_.:-]*$.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			if b.Len() >= maxSlug {
				break
			}
			continue
		}
		dash = true
	}
	return strings.Trim(b.String(), "-")
}

// text cleans free text for YAML: line ends as \n, no control characters
// but tabs, no trailing spaces on lines, trimmed.
func text(s string) string {
	if s == "" {
		return ""
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\r', r == '\u0085', r == '\u2028', r == '\u2029':
			b.WriteByte('\n')
		case r == '\n', r == '\t':
			b.WriteRune(r)
		case r == utf8.RuneError, r == '\uFEFF', r == '\uFFFE', r == '\uFFFF', unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// oneLine is text on one line, its runs of white space made single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(text(s)), " ") }

// short is oneLine cut to about 80 characters, for notes.
func short(s string) string {
	s = oneLine(s)
	if utf8.RuneCountInString(s) <= 80 {
		return s
	}
	r := []rune(s)
	return string(r[:77]) + "..."
}

// quoted names an object in a note: "name" (id), or whichever is known.
func quoted(name, id string) string {
	name = short(name)
	switch {
	case name != "" && id != "":
		return fmt.Sprintf("%q (%s)", name, short(id))
	case name != "":
		return strconv.Quote(name)
	case id != "":
		return short(id)
	}
	return "(unnamed)"
}

// stride maps a category name (Spoofing, "Information disclosure",
// "Elevation of Privileges", or its letter) to a STRIDE category.
func stride(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	k := b.String()
	switch {
	case k == "s" || strings.HasPrefix(k, "spoof"):
		return threatmodel.Spoofing
	case k == "t" || strings.HasPrefix(k, "tamper"):
		return threatmodel.Tampering
	case k == "r" || strings.HasPrefix(k, "repudiat"):
		return threatmodel.Repudiation
	case k == "i" || k == "informationdisclosure" || k == "disclosure":
		return threatmodel.InformationDisclosure
	case k == "d" || k == "denialofservice" || k == "dos":
		return threatmodel.DenialOfService
	case k == "e" || strings.HasPrefix(k, "elevationofprivilege") || k == "eop":
		return threatmodel.ElevationOfPrivilege
	}
	return ""
}

// letter is the STRIDE letter of a category, for threat IDs.
func letter(category string) string {
	for i, c := range threatmodel.Categories {
		if c == category {
			return string("STRIDE"[i])
		}
	}
	return "X"
}

// level maps a severity or priority to a bug-bar level; known reports
// whether the word was recognized ("" and TBD map to no level).
func level(s string) (lvl string, known bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "critical":
		return "critical", true
	case "high", "important":
		return "important", true
	case "medium", "moderate":
		return "moderate", true
	case "low":
		return "low", true
	case "", "tbd", "none", "n/a", "na":
		return "", true
	}
	return "", false
}

// threatID is T<number> when the source numbers its threats, else
// T-<target>-<STRIDE letter>, as sdl threatmodel threats names them.
func (c *converter) threatID(number, target, category string) string {
	if n, err := strconv.ParseUint(strings.TrimSpace(number), 10, 32); err == nil {
		return c.unique("T" + strconv.FormatUint(n, 10))
	}
	return c.unique("T-" + target + "-" + letter(category))
}

// credentialsAsset returns the ID of the asset standing for credentials a
// store holds, declaring it on first use.
func (c *converter) credentialsAsset() string {
	for _, a := range c.m.Assets {
		if a.Name == "Credentials" {
			return a.ID
		}
	}
	id := c.id("credentials", "credentials")
	c.m.Assets = append(c.m.Assets, threatmodel.Asset{ID: id, Name: "Credentials", Classification: threatmodel.Restricted})
	return id
}

// rect is a shape's box on a diagram.
type rect struct {
	x, y, w, h float64
	ok         bool
}

func newRect(x, y, w, h float64) rect {
	for _, v := range []float64{x, y, w, h} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return rect{}
		}
	}
	if w < 0 || h < 0 {
		return rect{}
	}
	return rect{x: x, y: y, w: w, h: h, ok: true}
}

func (r rect) contains(o rect) bool {
	return r.ok && o.ok && o.x >= r.x && o.y >= r.y && o.x+o.w <= r.x+r.w && o.y+o.h <= r.y+r.h
}

func (r rect) overlaps(o rect) bool {
	return r.ok && o.ok && o.x < r.x+r.w && r.x < o.x+o.w && o.y < r.y+r.h && r.y < o.y+o.h
}

// shape is an element or a boundary box on one diagram, for membership.
type shape struct {
	id, name string // the element's or boundary's ID in the model
	box      rect
}

// placeElements puts each element of a diagram in the innermost boundary
// box that contains its box, notes what cannot be placed with confidence,
// and adds the boundaries that contain an element (the schema wants at
// least one) to the model.
func (c *converter) placeElements(diagram string, boundaries []shape, elements []shape) {
	if len(boundaries) == 0 {
		return
	}
	members := make([][]string, len(boundaries))
	for _, e := range elements {
		if !e.box.ok {
			c.note("%s: element %s has no position or size, so its trust boundary cannot be derived; add it to one by hand", diagram, quoted(e.name, e.id))
			continue
		}
		best := -1
		var inside, straddled []string
		for i, b := range boundaries {
			switch {
			case b.box.contains(e.box):
				inside = append(inside, b.id)
				if best < 0 || b.box.w*b.box.h < boundaries[best].box.w*boundaries[best].box.h {
					best = i
				}
			case b.box.overlaps(e.box):
				straddled = append(straddled, b.id)
			}
		}
		if best >= 0 {
			members[best] = append(members[best], e.id)
			if len(inside) > 1 {
				c.note("%s: element %s lies in nested trust boundaries %s; placed in the innermost, %s", diagram, quoted(e.name, e.id), strings.Join(inside, ", "), boundaries[best].id)
			}
		}
		if len(straddled) > 0 {
			c.note("%s: element %s straddles the edge of trust boundary %s; not placed in it", diagram, quoted(e.name, e.id), strings.Join(straddled, ", "))
		}
	}
	for i, b := range boundaries {
		if len(members[i]) == 0 {
			c.note("%s: trust boundary %s contains no element; not imported (a boundary needs at least one)", diagram, quoted(b.name, b.id))
			delete(c.used, b.id)
			continue
		}
		c.m.Boundaries = append(c.m.Boundaries, threatmodel.Boundary{ID: b.id, Name: b.name, Elements: members[i]})
	}
}

// finish fills what the schema requires, indexes the lists, and checks
// that the model is one threatmodel.Parse accepts.
func (c *converter) finish(name, owner, description string) (*threatmodel.Model, []string, error) {
	m := c.m
	m.System.Name = oneLine(name)
	if m.System.Name == "" {
		base := filepath.Base(c.file)
		m.System.Name = oneLine(strings.TrimSuffix(base, filepath.Ext(base)))
		if m.System.Name == "" || m.System.Name == "." {
			m.System.Name = "Imported threat model"
		}
		c.note("the model has no title: system.name set to %q", m.System.Name)
	}
	m.System.Owner = oneLine(owner)
	if m.System.Owner == "" {
		m.System.Owner = "unknown"
		c.note("the model names no owner: system.owner set to \"unknown\"; replace it with the owning team")
	}
	m.System.Description = text(description)
	if len(m.Elements) == 0 {
		return nil, c.notes, c.errorf("the model has no process, data store or external entity to import")
	}
	for i := range m.Elements {
		m.Elements[i].Index = i
	}
	for i := range m.Flows {
		m.Flows[i].Index = i
	}
	for i := range m.Threats {
		m.Threats[i].Index = i
	}
	var buf bytes.Buffer
	if err := threatmodel.WriteYAML(&buf, m); err != nil {
		return nil, c.notes, c.errorf("writing the converted model: %v", err)
	}
	if _, err := threatmodel.Parse(c.file, buf.Bytes()); err != nil {
		return nil, c.notes, fmt.Errorf("%s: %w: %v", c.file, errInvalidOutput, err)
	}
	return m, c.notes, nil
}
