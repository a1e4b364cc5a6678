package importer

import (
	"encoding/xml"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/sdlkit/sdlkit/threatmodel"
)

// The .tm7 format, as the Microsoft Threat Modeling Tool 7 writes it: a
// WCF DataContract serialization whose root is ThreatModel
// (http://schemas.datacontract.org/2004/07/ThreatModeling.Model). Each
// DrawingSurfaceModel (diagram) holds Borders, a dictionary of stencils by
// GUID (GenericTypeId GE.P process, GE.DS data store, GE.EI external
// interactor, GE.TB.B trust border boundary, GE.A annotation) with their
// Properties (display attributes, among them Name) and Left, Top, Width and
// Height; and Lines, connectors (GE.DF data flow with SourceGuid and
// TargetGuid, GE.TB.L trust line boundary). ThreatInstances holds the
// threats of each interaction (source, flow, target), with a State and the
// properties Title, UserThreatCategory, UserThreatDescription and
// PossibleMitigations; the embedded KnowledgeBase gives each threat type's
// STRIDE category. Elements are matched by local name, so the namespaces
// and prefixes of a file do not matter.

// xnode is an XML element with its attributes, text and children.
type xnode struct {
	XMLName xml.Name
	Attr    []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Nodes   []*xnode   `xml:",any"`
}

func (n *xnode) child(local string) *xnode {
	if n == nil {
		return nil
	}
	for _, c := range n.Nodes {
		if c.XMLName.Local == local {
			return c
		}
	}
	return nil
}

func (n *xnode) children(local string) []*xnode {
	if n == nil {
		return nil
	}
	var out []*xnode
	for _, c := range n.Nodes {
		if c.XMLName.Local == local {
			out = append(out, c)
		}
	}
	return out
}

func (n *xnode) attr(local string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// value is the element's text, "" for a missing or nil (i:nil="true")
// element.
func (n *xnode) value() string {
	if n == nil || n.attr("nil") == "true" {
		return ""
	}
	return n.Text
}

func (n *xnode) childValue(local string) string { return strings.TrimSpace(n.child(local).value()) }

// deepText is all the text under n.
func (n *xnode) deepText() string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*xnode, int)
	walk = func(x *xnode, depth int) {
		if depth > 100 {
			return
		}
		b.WriteString(x.value())
		for _, c := range x.Nodes {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// tmProp is a display attribute of a stencil or connector.
type tmProp struct {
	kind    string // StringDisplayAttribute, BooleanDisplayAttribute, ListDisplayAttribute, HeaderDisplayAttribute
	display string
	value   string // for lists, the selected value
	index   int    // for lists, the selected index (0 is the default, "Select")
}

func tmProps(p *xnode) []tmProp {
	var out []tmProp
	for _, a := range p.children("anyType") {
		kind := a.attr("type")
		if i := strings.LastIndexByte(kind, ':'); i >= 0 {
			kind = kind[i+1:]
		}
		pr := tmProp{kind: kind, display: oneLine(a.child("DisplayName").value())}
		v := a.child("Value")
		if kind == "ListDisplayAttribute" {
			pr.index, _ = strconv.Atoi(a.childValue("SelectedIndex"))
			if list := v.children("string"); pr.index >= 0 && pr.index < len(list) {
				pr.value = list[pr.index].value()
			}
		} else {
			pr.value = v.value()
		}
		out = append(out, pr)
	}
	return out
}

// tmItem is a stencil or connector of a diagram.
type tmItem struct {
	surface       int
	guid, kind    string // kind: process, store, external, border, line, flow, annotation, or ""
	generic       string
	typeID        string
	header, name  string // the stencil's type as the tool shows it, and its name
	props         []tmProp
	source, targt string
	box           rect
}

func (it *tmItem) prop(display string) (tmProp, bool) {
	for _, p := range it.props {
		if strings.EqualFold(p.display, display) && p.kind != "HeaderDisplayAttribute" {
			return p, true
		}
	}
	return tmProp{}, false
}

func tmKind(generic, itype string) string {
	switch generic {
	case "GE.P":
		return threatmodel.Process
	case "GE.DS":
		return threatmodel.Store
	case "GE.EI":
		return threatmodel.External
	case "GE.TB.B":
		return "border"
	case "GE.TB.L":
		return "line"
	case "GE.DF":
		return "flow"
	case "GE.A":
		return "annotation"
	case "":
		switch itype {
		case "StencilEllipse":
			return threatmodel.Process
		case "StencilParallelLines":
			return threatmodel.Store
		case "StencilRectangle":
			return threatmodel.External
		case "BorderBoundary":
			return "border"
		case "LineBoundary":
			return "line"
		case "Connector":
			return "flow"
		}
	}
	return ""
}

func tmItems(surface int, dict *xnode) []*tmItem {
	var out []*tmItem
	for _, kv := range dict.children("KeyValueOfguidanyType") {
		v := kv.child("Value")
		if v == nil {
			continue
		}
		itype := v.attr("type")
		if i := strings.LastIndexByte(itype, ':'); i >= 0 {
			itype = itype[i+1:]
		}
		it := &tmItem{
			surface: surface,
			guid:    strings.TrimSpace(v.childValue("Guid")),
			generic: v.childValue("GenericTypeId"),
			typeID:  v.childValue("TypeId"),
			props:   tmProps(v.child("Properties")),
			source:  v.childValue("SourceGuid"),
			targt:   v.childValue("TargetGuid"),
		}
		if it.guid == "" {
			it.guid = kv.childValue("Key")
		}
		it.kind = tmKind(it.generic, itype)
		if it.kind == "" && it.generic == "" {
			it.generic = itype
		}
		for _, p := range it.props {
			if p.kind == "HeaderDisplayAttribute" {
				it.header = p.display
				break
			}
		}
		if p, ok := it.prop("Name"); ok {
			it.name = oneLine(p.value)
		}
		if it.name == "" {
			it.name = it.header
		}
		num := func(s string) (float64, bool) {
			f, err := strconv.ParseFloat(v.childValue(s), 64)
			return f, err == nil
		}
		x, ok1 := num("Left")
		y, ok2 := num("Top")
		w, ok3 := num("Width")
		h, ok4 := num("Height")
		if ok1 && ok2 && ok3 && ok4 {
			it.box = newRect(x, y, w, h)
		}
		out = append(out, it)
	}
	return out
}

// nilGUID is how a connector says one of its ends is not attached.
const nilGUID = "00000000-0000-0000-0000-000000000000"

// TM7 converts a Microsoft Threat Modeling Tool 7 model (.tm7) and returns
// it with notes, one line each, on what could not be mapped. Processes,
// data stores and external interactors become elements, data flows flows,
// and trust border boundaries boundaries of the elements drawn inside
// them; each threat goes on the flow of its interaction, with its STRIDE
// category, its priority as the level (High is important, Medium
// moderate), and its state as the status (Mitigated mitigated,
// NotApplicable not-applicable with the justification as the reason,
// NotStarted, NeedsInvestigation and AutoGenerated open).
func TM7(name string, data []byte) (*threatmodel.Model, []string, error) {
	b, err := utf8Text(name, data)
	if err != nil {
		return nil, nil, err
	}
	var root xnode
	if err := xml.Unmarshal(b, &root); err != nil {
		return nil, nil, fmt.Errorf("%s: invalid XML: %v", name, err)
	}
	if root.XMLName.Local != "ThreatModel" {
		return nil, nil, fmt.Errorf("%s: not a Microsoft Threat Modeling Tool model: the root element is <%s>, not <ThreatModel>", name, root.XMLName.Local)
	}
	surfaces := root.child("DrawingSurfaceList").children("DrawingSurfaceModel")
	if len(surfaces) == 0 {
		return nil, nil, fmt.Errorf("%s: the Threat Modeling Tool model has no diagram (DrawingSurfaceList/DrawingSurfaceModel)", name)
	}
	total := 0
	for _, s := range surfaces {
		total += len(s.child("Borders").children("KeyValueOfguidanyType")) + len(s.child("Lines").children("KeyValueOfguidanyType"))
	}
	if total > MaxShapes {
		return nil, nil, fmt.Errorf("%s: the model has %d stencils and connectors, more than the %d allowed", name, total, MaxShapes)
	}
	c := newConverter(name)

	where := make([]string, len(surfaces))
	borders := make([][]*tmItem, len(surfaces))
	lines := make([][]*tmItem, len(surfaces))
	known := map[string]*tmItem{} // every stencil and connector by GUID
	for si, s := range surfaces {
		title := ""
		for _, p := range tmProps(s.child("Properties")) {
			if strings.EqualFold(p.display, "Name") && p.kind != "HeaderDisplayAttribute" {
				title = p.value
			}
		}
		if oneLine(title) == "" {
			title = s.childValue("Header")
		}
		where[si] = "diagram " + quoted(title, "")
		if oneLine(title) == "" {
			where[si] = fmt.Sprintf("diagram %d", si+1)
		}
		borders[si] = tmItems(si, s.child("Borders"))
		lines[si] = tmItems(si, s.child("Lines"))
		for _, it := range append(append([]*tmItem(nil), borders[si]...), lines[si]...) {
			if _, dup := known[it.guid]; dup || it.guid == "" {
				c.note("%s: %s %s has no GUID, or one used before; not imported", where[si], it.describe(), quoted(it.name, it.guid))
				it.kind = "skip"
				continue
			}
			known[it.guid] = it
		}
	}

	// Elements first, so that they get the plain IDs their names make.
	elemID := map[string]string{}
	shapes := make([][]shape, len(surfaces))
	for si := range surfaces {
		for _, it := range borders[si] {
			switch it.kind {
			case threatmodel.Process, threatmodel.Store, threatmodel.External:
			default:
				continue
			}
			e := threatmodel.Element{Kind: it.kind, Name: it.name}
			e.ID = c.id(e.Name, e.Kind)
			if it.header != "" && it.typeID != "" && !strings.HasPrefix(it.typeID, "GE.") {
				e.Description = fmt.Sprintf("Threat Modeling Tool stencil: %s (%s)", it.header, it.typeID)
			}
			what := where[si] + ": element " + quoted(e.Name, e.ID)
			c.tmScope(what, it)
			c.tmAttributes(what, it, func(p tmProp) bool {
				if e.Kind != threatmodel.Store {
					return false
				}
				switch strings.ToLower(p.display) {
				case "encrypted", "encryption at rest":
					e.EncryptionAtRest.Enabled = yes(p.value)
					return true
				case "stores credentials":
					if yes(p.value) {
						e.Assets = append(e.Assets, c.credentialsAsset())
						c.note("%s stores credentials: given the asset %q (restricted), which the model declares", what, e.Assets[len(e.Assets)-1])
					}
					return true
				}
				return false
			})
			elemID[it.guid] = e.ID
			c.m.Elements = append(c.m.Elements, e)
			shapes[si] = append(shapes[si], shape{id: e.ID, name: e.Name, box: it.box})
		}
	}

	// Boundaries and what else the diagrams hold.
	for si := range surfaces {
		var boxes []shape
		for _, it := range borders[si] {
			switch it.kind {
			case threatmodel.Process, threatmodel.Store, threatmodel.External, "skip":
			case "border":
				boxes = append(boxes, shape{id: c.id(it.name, "boundary"), name: it.name, box: it.box})
			default:
				c.tmOther(where[si], it)
			}
		}
		c.placeElements(where[si], boxes, shapes[si])
		for _, it := range lines[si] {
			switch it.kind {
			case "flow", "skip":
			case "line":
				c.note("%s: trust line boundary %s is drawn as a line, so which elements it separates cannot be derived; not imported: draw it as a border boundary, or list its elements under boundaries by hand", where[si], quoted(it.name, it.guid))
			default:
				c.tmOther(where[si], it)
			}
		}
	}

	// Flows.
	flowID := map[string]string{}
	for si := range surfaces {
		for _, it := range lines[si] {
			if it.kind != "flow" {
				continue
			}
			id, err := c.tmFlow(where[si], it, known, elemID)
			if err != nil {
				return nil, c.notes, err
			}
			if id != "" {
				flowID[it.guid] = id
			}
		}
	}

	c.tmThreats(&root, known, elemID, flowID)

	meta := root.child("MetaInformation")
	for _, key := range []string{"Reviewer", "Contributors", "Assumptions", "ExternalDependencies"} {
		if v := meta.child(key).deepText(); oneLine(v) != "" {
			c.note("MetaInformation/%s %q: no place in the sdlkit format; not imported", key, short(v))
		}
	}
	var notes []string
	for _, n := range root.child("Notes").children("Note") {
		if msg := oneLine(n.child("Message").deepText()); msg != "" {
			notes = append(notes, msg)
		}
	}
	if len(notes) == 0 {
		if v := oneLine(root.child("Notes").deepText()); v != "" {
			notes = append(notes, v)
		}
	}
	if len(notes) > 0 {
		c.note("Notes %q: the model's notes are not imported", short(strings.Join(notes, "; ")))
	}
	return c.finish(meta.childValue("ThreatModelName"), meta.childValue("Owner"), meta.child("HighLevelSystemDescription").value())
}

func (it *tmItem) describe() string {
	switch it.kind {
	case "flow":
		return "data flow"
	case "border":
		return "trust border boundary"
	case "line":
		return "trust line boundary"
	case "annotation":
		return "annotation"
	case "":
		return "stencil"
	}
	return it.kind
}

// tmOther notes a stencil or connector that is not imported.
func (c *converter) tmOther(where string, it *tmItem) {
	switch it.kind {
	case "annotation":
		c.note("%s: annotation %s: not imported", where, quoted(it.name, it.guid))
	default:
		c.note("%s: %s %s of type %q is not a process, data store, external interactor, data flow or trust boundary; not imported", where, it.describe(), quoted(it.name, it.guid), oneLine(it.generic))
	}
}

func yes(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "true":
		return true
	}
	return false
}

// tmScope notes an out-of-scope stencil or connector.
func (c *converter) tmScope(what string, it *tmItem) {
	if p, ok := it.prop("Out Of Scope"); !ok || !yes(p.value) {
		return
	}
	reason := ""
	if p, ok := it.prop("Reason For Out Of Scope"); ok && oneLine(p.value) != "" {
		reason = " (" + short(p.value) + ")"
	}
	c.note("%s is out of scope in the Threat Modeling Tool%s; sdlkit has no scope flag, so it is imported like the others: remove it, or keep it and assess its threats", what, reason)
}

// tmAttributes goes through the attributes the user set on a stencil or
// connector, gives each to apply, and notes those apply does not map.
func (c *converter) tmAttributes(what string, it *tmItem, apply func(tmProp) bool) {
	for _, p := range it.props {
		switch strings.ToLower(p.display) {
		case "name", "out of scope", "reason for out of scope", "dataflow order":
			continue
		}
		switch p.kind {
		case "HeaderDisplayAttribute":
			continue
		case "BooleanDisplayAttribute":
			if !yes(p.value) {
				continue
			}
		case "ListDisplayAttribute":
			v := strings.ToLower(strings.TrimSpace(p.value))
			if p.index <= 0 || v == "" || v == "select" || v == "not selected" {
				continue
			}
		default:
			if oneLine(p.value) == "" {
				continue
			}
		}
		if apply(p) {
			continue
		}
		c.note("%s: attribute %q = %q has no place in the sdlkit format; not imported", what, p.display, short(p.value))
	}
}

// tmFlow converts a data flow; a flow whose end is not attached to an
// element is noted and skipped (its ID empty), one whose end names a GUID
// the model does not have is an error.
func (c *converter) tmFlow(where string, it *tmItem, known map[string]*tmItem, elemID map[string]string) (string, error) {
	what := where + ": data flow " + quoted(it.name, it.guid)
	var ends [2]string
	for i, g := range []string{it.source, it.targt} {
		side := [2]string{"source", "target"}[i]
		if g == "" || g == nilGUID {
			c.note("%s: its %s is not attached to an element; not imported", what, side)
			return "", nil
		}
		id, ok := elemID[g]
		if !ok {
			other, exists := known[g]
			if !exists {
				return "", c.errorf("%s: its %s is %s, which the model does not have", what, side, g)
			}
			c.note("%s: its %s is not a process, data store or external interactor (a %s); not imported", what, side, other.describe())
			return "", nil
		}
		ends[i] = id
	}
	f := threatmodel.Flow{From: ends[0], To: ends[1]}
	f.ID = c.flowID(it.name, f.From, f.To)
	what = where + ": data flow " + quoted(it.name, f.ID)
	if !genericFlowNames[slug(it.header)] {
		f.Protocol = it.header
	}
	if strings.EqualFold(it.header, "HTTPS") {
		f.Encryption = "tls1.2"
		c.note("%s is an HTTPS flow: encryption set to tls1.2, an assumption (the tool does not say which TLS version); correct it if it is TLS 1.3 or mTLS", what)
	}
	c.tmScope(what, it)
	c.tmAttributes(what, it, func(p tmProp) bool {
		switch strings.ToLower(p.display) {
		case "provides confidentiality":
			switch {
			case yes(p.value):
				if f.Encryption == "" {
					f.Encryption = "tls1.2"
					c.note("%s provides confidentiality: encryption set to tls1.2, an assumption; correct it if it is TLS 1.3 or mTLS", what)
				}
			case strings.EqualFold(strings.TrimSpace(p.value), "no"):
				f.Encryption = "none"
			default:
				return false
			}
			return true
		}
		return false
	})
	c.m.Flows = append(c.m.Flows, f)
	return f.ID, nil
}

// tags matches HTML tags, which the tool's mitigation texts carry.
var tags = regexp.MustCompile(`<[^<>]*>`)

func htmlText(s string) string { return text(html.UnescapeString(tags.ReplaceAllString(s, ""))) }

// tmThreatProps are the threat properties the importer reads or knows to
// repeat what it reads (the category's short description, the flow's
// name, the SDL phase the knowledge base suggests).
var tmThreatProps = map[string]bool{
	"Title": true, "UserThreatCategory": true, "UserThreatShortDescription": true,
	"UserThreatDescription": true, "InteractionString": true, "PossibleMitigations": true,
	"Priority": true, "SDLPhase": true, "StateInformation": true,
}

// tmThreats converts ThreatInstances.
func (c *converter) tmThreats(root *xnode, known map[string]*tmItem, elemID, flowID map[string]string) {
	kb := root.child("KnowledgeBase")
	categories := map[string]string{}
	for _, tc := range kb.child("ThreatCategories").children("ThreatCategory") {
		categories[tc.childValue("Id")] = tc.childValue("Name")
	}
	types := map[string]string{}
	for _, tt := range kb.child("ThreatTypes").children("ThreatType") {
		types[tt.childValue("Id")] = tt.childValue("Category")
	}
	instances := root.child("ThreatInstances")
	if instances == nil {
		return
	}
	for _, kv := range instances.Nodes {
		if !strings.HasPrefix(kv.XMLName.Local, "KeyValueOfstringThreat") {
			continue
		}
		v := kv.child("Value")
		if v == nil {
			continue
		}
		props := map[string]string{}
		var keys []string
		for _, p := range v.child("Properties").children("KeyValueOfstringstring") {
			k := strings.TrimSpace(p.child("Key").value())
			if _, dup := props[k]; !dup {
				keys = append(keys, k)
			}
			props[k] = p.child("Value").value()
		}
		get := func(key string) string {
			if s := props[key]; strings.TrimSpace(s) != "" {
				return s
			}
			return v.child(key).value()
		}
		number := v.childValue("Id")
		title := oneLine(get("Title"))
		ref := "#" + oneLine(number)
		if number == "" {
			ref = oneLine(kv.childValue("Key"))
		}
		what := "threat " + quoted(title, ref)
		flowG, targetG := v.childValue("FlowGuid"), v.childValue("TargetGuid")
		if f := known[flowG]; f != nil {
			what += " on data flow " + quoted(f.name, "")
		}

		typeID := v.childValue("TypeId")
		catName := oneLine(get("UserThreatCategory"))
		category := stride(catName)
		if category == "" {
			if k := types[typeID]; k != "" {
				category = stride(k)
				if category == "" {
					category = stride(categories[k])
				}
			}
		}
		if category == "" {
			c.note("%s not imported: its category %q (type %s) is not a STRIDE category, which sdlkit threats need", what, catName, oneLine(typeID))
			continue
		}
		target, ok := flowID[flowG]
		if !ok {
			if e, isElem := elemID[targetG]; isElem {
				target = e
				c.note("%s: its data flow is not imported; the threat is on its target element, %s", what, e)
			} else {
				c.note("%s not imported: neither its data flow nor its target element is imported", what)
				continue
			}
		}

		th := threatmodel.Threat{
			Title:       title,
			Category:    category,
			Target:      target,
			Description: text(get("UserThreatDescription")),
		}
		priority := v.childValue("Priority")
		if priority == "" {
			priority = props["Priority"]
		}
		lvl, knownLevel := level(priority)
		if !knownLevel {
			c.note("%s: priority %q is not High, Medium or Low; no level set", what, oneLine(priority))
		}
		th.Level = lvl
		info := text(v.child("StateInformation").value())
		if info == "" {
			info = text(props["StateInformation"])
		}
		possible := htmlText(get("PossibleMitigations"))
		state := strings.ToLower(strings.Join(strings.Fields(v.childValue("State")), ""))
		switch state {
		case "mitigated":
			th.Status = threatmodel.Mitigated
			if info != "" {
				th.Mitigations = []threatmodel.Mitigation{{Text: info}}
			} else if possible != "" {
				th.Mitigations = []threatmodel.Mitigation{{Text: possible}}
			}
		case "notapplicable":
			th.Status = threatmodel.NotApplicable
			th.Reason = info
			if info == "" {
				c.note("%s is not applicable without a justification; give it a reason", what)
			}
		default:
			switch state {
			case "notstarted", "needsinvestigation", "autogenerated", "":
			default:
				c.note("%s: state %q is not one the tool writes; imported as open", what, oneLine(v.childValue("State")))
			}
			th.Status = threatmodel.Open
			if possible != "" {
				th.Mitigations = []threatmodel.Mitigation{{Text: possible}}
			}
			if info != "" {
				th.Description = strings.TrimSpace(th.Description + "\n\nJustification: " + info)
			}
		}
		for _, k := range keys {
			if !tmThreatProps[k] && oneLine(props[k]) != "" {
				c.note("%s: property %q = %q has no place in the sdlkit format; not imported", what, oneLine(k), short(props[k]))
			}
		}
		th.ID = c.threatID(number, target, category)
		c.m.Threats = append(c.m.Threats, th)
	}
}
