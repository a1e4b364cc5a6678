package importer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/sdlkit/sdlkit/threatmodel"
)

// The Threat Dragon v2 format, as OWASP Threat Dragon 2.x writes it
// (td.vue/src/assets/schema/threat-dragon-v2.schema.json and the demo
// models of github.com/OWASP/threat-dragon): a summary, and diagrams whose
// cells are AntV X6 cells, nodes with a position and size, edges with a
// source and target, each with its Threat Dragon properties under data.
// Values are read leniently (a number where a string is expected, say), as
// hand-edited and generated models vary.

type tdModel struct {
	Version lstr      `json:"version"`
	Summary tdSummary `json:"summary"`
	Detail  *tdDetail `json:"detail"`
}

type tdSummary struct {
	Title       lstr `json:"title"`
	Owner       lstr `json:"owner"`
	Description lstr `json:"description"`
}

type tdDetail struct {
	Contributors []tdContributor `json:"contributors"`
	Diagrams     []tdDiagram     `json:"diagrams"`
	Reviewer     lstr            `json:"reviewer"`
}

type tdDiagram struct {
	Title       lstr            `json:"title"`
	DiagramType lstr            `json:"diagramType"`
	Cells       []tdCell        `json:"cells"`
	DiagramJSON json.RawMessage `json:"diagramJson"` // Threat Dragon 1.x
}

type tdCell struct {
	ID       lstr            `json:"id"`
	Shape    lstr            `json:"shape"`
	Type     lstr            `json:"type"` // some generators put it here
	Position *tdPoint        `json:"position"`
	Size     *tdSize         `json:"size"`
	Attrs    json.RawMessage `json:"attrs"`
	Source   *tdEnd          `json:"source"`
	Target   *tdEnd          `json:"target"`
	Data     tdData          `json:"data"`
	Threats  []tdThreat      `json:"threats"` // where the v2 schema has them
}

type tdPoint struct {
	X lnum `json:"x"`
	Y lnum `json:"y"`
}

type tdSize struct {
	Width  lnum `json:"width"`
	Height lnum `json:"height"`
}

type tdEnd struct {
	Cell lstr `json:"cell"`
}

type tdData struct {
	Name        lstr       `json:"name"`
	Description lstr       `json:"description"`
	Type        lstr       `json:"type"`
	OutOfScope  lbool      `json:"outOfScope"`
	ReasonOOS   lstr       `json:"reasonOutOfScope"`
	Threats     []tdThreat `json:"threats"`

	// Actors.
	ProvidesAuthentication lbool `json:"providesAuthentication"`
	// Processes.
	PrivilegeLevel         lstr  `json:"privilegeLevel"`
	IsWebApplication       lbool `json:"isWebApplication"`
	HandlesCardPayment     lbool `json:"handlesCardPayment"`
	HandlesGoodsOrServices lbool `json:"handlesGoodsOrServices"`
	// Stores (and flows, for isEncrypted).
	IsEncrypted       lbool `json:"isEncrypted"`
	IsALog            lbool `json:"isALog"`
	StoresCredentials lbool `json:"storesCredentials"`
	IsSigned          lbool `json:"isSigned"`
	StoresInventory   lbool `json:"storesInventory"`
	// Flows.
	Protocol        lstr  `json:"protocol"`
	IsPublicNetwork lbool `json:"isPublicNetwork"`
	IsBidirectional lbool `json:"isBidirectional"`
}

type tdThreat struct {
	ID          lstr `json:"id"`
	Number      lstr `json:"number"`
	Title       lstr `json:"title"`
	Status      lstr `json:"status"`
	Severity    lstr `json:"severity"`
	Type        lstr `json:"type"`
	ModelType   lstr `json:"modelType"`
	Description lstr `json:"description"`
	Mitigation  lstr `json:"mitigation"`
	Score       lstr `json:"score"`
}

// lstr reads a JSON string, number or boolean as a string; anything else
// (null, objects, arrays) as "".
type lstr string

func (s *lstr) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	switch v := v.(type) {
	case string:
		*s = lstr(v)
	case float64:
		*s = lstr(strconv.FormatFloat(v, 'f', -1, 64))
	case bool:
		*s = lstr(strconv.FormatBool(v))
	default:
		*s = ""
	}
	return nil
}

// lbool reads true, or the string "true", as true.
type lbool bool

func (f *lbool) UnmarshalJSON(b []byte) error {
	var s lstr
	if err := s.UnmarshalJSON(b); err != nil {
		return err
	}
	*f = lbool(strings.EqualFold(strings.TrimSpace(string(s)), "true"))
	return nil
}

// lnum reads a number, or a string holding one.
type lnum struct {
	v  float64
	ok bool
}

func (n *lnum) UnmarshalJSON(b []byte) error {
	var s lstr
	if err := s.UnmarshalJSON(b); err != nil {
		return err
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(string(s)), 64)
	*n = lnum{v: v, ok: err == nil && !math.IsNaN(v) && !math.IsInf(v, 0)}
	return nil
}

// tdContributor is {"name": ...}, or just the name.
type tdContributor string

func (c *tdContributor) UnmarshalJSON(b []byte) error {
	var obj struct {
		Name lstr `json:"name"`
	}
	if err := json.Unmarshal(b, &obj); err == nil {
		*c = tdContributor(obj.Name)
		return nil
	}
	var s lstr
	if err := s.UnmarshalJSON(b); err != nil {
		return err
	}
	*c = tdContributor(s)
	return nil
}

// tdKind is what a cell is.
type tdKind int

const (
	tdUnknown tdKind = iota
	tdActor
	tdProcess
	tdStore
	tdFlow
	tdBox
	tdCurve
	tdText
)

func classify(cell *tdCell) tdKind {
	shape := strings.ToLower(string(cell.Shape))
	typ := string(cell.Data.Type)
	if typ == "" {
		typ = string(cell.Type)
	}
	switch {
	case shape == "trust-boundary-box" || typ == "tm.BoundaryBox":
		return tdBox
	// trust-broundary-curve is how Threat Dragon 2.0 spelt it.
	case strings.Contains(shape, "curve") || shape == "trust-boundary" || typ == "tm.Boundary":
		return tdCurve
	}
	switch typ {
	case "tm.Actor":
		return tdActor
	case "tm.Process":
		return tdProcess
	case "tm.Store":
		return tdStore
	case "tm.Flow":
		return tdFlow
	case "tm.Text":
		return tdText
	}
	switch shape {
	case "actor":
		return tdActor
	case "process":
		return tdProcess
	case "store":
		return tdStore
	case "flow", "edge":
		return tdFlow
	case "td-text-block", "text", "text-block":
		return tdText
	}
	return tdUnknown
}

// label is the text a cell shows, when data has no name.
func label(attrs json.RawMessage) string {
	var a struct {
		Text struct {
			Text lstr `json:"text"`
		} `json:"text"`
		Label json.RawMessage `json:"label"`
	}
	if json.Unmarshal(attrs, &a) != nil {
		return ""
	}
	if a.Text.Text != "" {
		return string(a.Text.Text)
	}
	var l struct {
		Text lstr `json:"text"`
	}
	if json.Unmarshal(a.Label, &l) == nil && l.Text != "" {
		return string(l.Text)
	}
	var s lstr
	if json.Unmarshal(a.Label, &s) == nil {
		return string(s)
	}
	return ""
}

func (cell *tdCell) name() string {
	if n := oneLine(string(cell.Data.Name)); n != "" {
		return n
	}
	return oneLine(label(cell.Attrs))
}

func (cell *tdCell) box() rect {
	if cell.Position == nil || cell.Size == nil {
		return rect{}
	}
	p, s := cell.Position, cell.Size
	if !p.X.ok || !p.Y.ok || !s.Width.ok || !s.Height.ok {
		return rect{}
	}
	return newRect(p.X.v, p.Y.v, s.Width.v, s.Height.v)
}

func (cell *tdCell) threats() []tdThreat {
	return append(append([]tdThreat(nil), cell.Threats...), cell.Data.Threats...)
}

// tdKey identifies a cell: cell IDs need only be unique in their diagram.
type tdKey struct {
	diagram int
	cell    string
}

// tdTarget is an element or flow of the model with the threats drawn on
// its cell.
type tdTarget struct {
	id, where string
	threats   []tdThreat
}

// ThreatDragon converts an OWASP Threat Dragon v2 model (JSON) and returns
// it with notes, one line each, on what could not be mapped. Actors become
// external entities, processes processes, stores data stores, flows data
// flows (a bidirectional flow two flows), and trust boundary boxes
// boundaries of the elements drawn inside them; threats keep their STRIDE
// type, status (a not-applicable threat with its mitigation or description
// as the reason) and severity (High is important, Medium moderate).
func ThreatDragon(name string, data []byte) (*threatmodel.Model, []string, error) {
	b, err := utf8Text(name, data)
	if err != nil {
		return nil, nil, err
	}
	var td tdModel
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&td); err != nil {
		return nil, nil, fmt.Errorf("%s: not a valid Threat Dragon model: %v", name, err)
	}
	if td.Detail == nil {
		return nil, nil, fmt.Errorf("%s: not a Threat Dragon model: it has no \"detail\"", name)
	}
	c := newConverter(name)
	version := strings.TrimSpace(string(td.Version))
	for _, d := range td.Detail.Diagrams {
		if len(d.DiagramJSON) > 0 && d.Cells == nil {
			return nil, nil, fmt.Errorf("%s: a Threat Dragon 1.x model (version %q); open it in Threat Dragon 2 and save it to upgrade it to the v2 format", name, version)
		}
	}
	if strings.HasPrefix(version, "1.") || version == "1" {
		return nil, nil, fmt.Errorf("%s: a Threat Dragon %s model; open it in Threat Dragon 2 and save it to upgrade it to the v2 format", name, version)
	}
	if len(td.Detail.Diagrams) == 0 {
		return nil, nil, fmt.Errorf("%s: the Threat Dragon model has no diagram", name)
	}
	total := 0
	for _, d := range td.Detail.Diagrams {
		total += len(d.Cells)
	}
	if total > MaxShapes {
		return nil, nil, fmt.Errorf("%s: the model has %d cells, more than the %d allowed", name, total, MaxShapes)
	}
	if r := oneLine(string(td.Detail.Reviewer)); r != "" {
		c.note("detail.reviewer %q: sdlkit records when the model was reviewed (reviewed: YYYY-MM-DD), not by whom; not imported", r)
	}
	var contributors []string
	for _, p := range td.Detail.Contributors {
		if n := oneLine(string(p)); n != "" {
			contributors = append(contributors, n)
		}
	}
	if len(contributors) > 0 {
		c.note("detail.contributors (%s): no place in the sdlkit format; not imported", strings.Join(contributors, ", "))
	}

	skip := map[[2]int]bool{}    // cells not imported: diagram and cell index
	cells := map[tdKey]tdKind{}  // every cell, for flow ends
	elemID := map[tdKey]string{} // element cells to element IDs
	var targets []tdTarget       // elements, then flows, with their threats
	shapes := make([][]shape, len(td.Detail.Diagrams))
	where := make([]string, len(td.Detail.Diagrams))

	// Elements first, so that they get the plain IDs their names make.
	for di := range td.Detail.Diagrams {
		d := &td.Detail.Diagrams[di]
		where[di] = "diagram " + quoted(string(d.Title), "")
		if t := oneLine(string(d.Title)); t == "" {
			where[di] = fmt.Sprintf("diagram %d", di+1)
		}
		if dt := strings.ToUpper(strings.TrimSpace(string(d.DiagramType))); dt != "" && dt != "STRIDE" {
			c.note("%s: a %s diagram; its elements and flows are imported, and threats whose type is not a STRIDE category are listed below", where[di], oneLine(string(d.DiagramType)))
		}
		for ci := range d.Cells {
			cell := &d.Cells[ci]
			key := tdKey{di, string(cell.ID)}
			kind := classify(cell)
			if _, dup := cells[key]; dup {
				c.note("%s: cell %s: its ID is used by an earlier cell; not imported", where[di], quoted(cell.name(), string(cell.ID)))
				c.dropThreats(where[di]+": cell "+quoted(cell.name(), string(cell.ID)), cell.threats(), "its cell is not imported")
				skip[[2]int{di, ci}] = true
				continue
			}
			cells[key] = kind
			var e threatmodel.Element
			switch kind {
			case tdActor:
				e.Kind = threatmodel.External
			case tdProcess:
				e.Kind = threatmodel.Process
			case tdStore:
				e.Kind = threatmodel.Store
			default:
				continue
			}
			e.Name = cell.name()
			e.ID = c.id(e.Name, e.Kind)
			e.Description = text(string(cell.Data.Description))
			c.elementProperties(where[di], cell, &e)
			elemID[key] = e.ID
			c.m.Elements = append(c.m.Elements, e)
			shapes[di] = append(shapes[di], shape{id: e.ID, name: e.Name, box: cell.box()})
			targets = append(targets, tdTarget{id: e.ID, where: where[di] + ": element " + quoted(e.Name, e.ID), threats: cell.threats()})
		}
	}

	// Trust boundaries, then flows, diagram by diagram.
	for di := range td.Detail.Diagrams {
		d := &td.Detail.Diagrams[di]
		var boxes []shape
		for ci := range d.Cells {
			if skip[[2]int{di, ci}] {
				continue
			}
			cell := &d.Cells[ci]
			n := cell.name()
			switch classify(cell) {
			case tdBox:
				id := c.id(n, "boundary")
				boxes = append(boxes, shape{id: id, name: n, box: cell.box()})
				c.dropThreats(where[di]+": trust boundary "+quoted(n, id), cell.threats(), "threats must target an element or a flow")
			case tdCurve:
				c.note("%s: trust boundary curve %s is drawn as a line, so which elements it separates cannot be derived; not imported: draw it as a boundary box, or list its elements under boundaries by hand", where[di], quoted(n, string(cell.ID)))
				c.dropThreats(where[di]+": trust boundary curve "+quoted(n, string(cell.ID)), cell.threats(), "threats must target an element or a flow")
			case tdText:
				c.note("%s: descriptive text %s: not imported", where[di], quoted(n, string(cell.ID)))
			case tdUnknown:
				c.note("%s: cell %s of shape %q is not a Threat Dragon element, flow or boundary; not imported", where[di], quoted(n, string(cell.ID)), oneLine(string(cell.Shape)))
				c.dropThreats(where[di]+": cell "+quoted(n, string(cell.ID)), cell.threats(), "its cell is not imported")
			}
		}
		c.placeElements(where[di], boxes, shapes[di])
	}
	for di := range td.Detail.Diagrams {
		d := &td.Detail.Diagrams[di]
		for ci := range d.Cells {
			cell := &d.Cells[ci]
			if skip[[2]int{di, ci}] || classify(cell) != tdFlow {
				continue
			}
			t, err := c.tdFlow(where[di], di, cell, cells, elemID)
			if err != nil {
				return nil, c.notes, err
			}
			if t.id != "" {
				targets = append(targets, t)
			}
		}
	}

	for _, t := range targets {
		for _, th := range t.threats {
			c.tdThreat(t.where, t.id, th)
		}
	}
	return c.finish(string(td.Summary.Title), string(td.Summary.Owner), string(td.Summary.Description))
}

// elementProperties maps an element's Threat Dragon properties.
func (c *converter) elementProperties(where string, cell *tdCell, e *threatmodel.Element) {
	d := &cell.Data
	what := where + ": element " + quoted(e.Name, e.ID)
	if d.OutOfScope {
		reason := ""
		if r := oneLine(string(d.ReasonOOS)); r != "" {
			reason = " (" + short(r) + ")"
		}
		c.note("%s is out of scope in Threat Dragon%s; sdlkit has no scope flag, so it is imported like the others: remove it, or keep it and assess its threats", what, reason)
	}
	switch e.Kind {
	case threatmodel.External:
		if d.ProvidesAuthentication {
			e.Type = "identity-provider"
		}
	case threatmodel.Process:
		if p := oneLine(string(d.PrivilegeLevel)); p != "" {
			c.note("%s: privilegeLevel %q has no place in the sdlkit format; not imported", what, p)
		}
		if d.IsWebApplication {
			c.note("%s: isWebApplication has no place in the sdlkit format; say whether it is exposed to the internet (exposure) by hand", what)
		}
		if d.HandlesCardPayment {
			c.note("%s: handlesCardPayment: declare the card data as an asset (restricted) and list it under the element's assets", what)
		}
		if d.HandlesGoodsOrServices {
			c.note("%s: handlesGoodsOrServices has no place in the sdlkit format; not imported", what)
		}
	case threatmodel.Store:
		if d.IsEncrypted {
			e.EncryptionAtRest.Enabled = true
		}
		if d.StoresCredentials {
			e.Assets = append(e.Assets, c.credentialsAsset())
			c.note("%s stores credentials: given the asset %q (restricted), which the model declares", what, e.Assets[len(e.Assets)-1])
		}
		if d.IsALog {
			c.note("%s: isALog has no place in the sdlkit format; not imported", what)
		}
		if d.IsSigned {
			c.note("%s: isSigned has no place in the sdlkit format; not imported", what)
		}
		if d.StoresInventory {
			c.note("%s: storesInventory has no place in the sdlkit format; not imported", what)
		}
	}
}

// genericFlowNames are flow names that say nothing a flow ID made of its
// ends would not say better.
var genericFlowNames = map[string]bool{
	"": true, "flow": true, "data-flow": true, "dataflow": true, "new-flow": true,
	"request": true, "response": true, "generic-data-flow": true,
}

// flowID makes a flow's ID from its name, or from its ends when the name is
// empty or generic.
func (c *converter) flowID(name, from, to string) string {
	if genericFlowNames[slug(name)] {
		return c.id(from+"-to-"+to, "flow")
	}
	return c.id(name, "flow")
}

// tdFlow converts a flow cell. A flow whose end is not an element is
// listed and skipped (its ID empty); one whose end names a cell the
// diagram does not have is an error.
func (c *converter) tdFlow(where string, di int, cell *tdCell, cells map[tdKey]tdKind, elemID map[tdKey]string) (tdTarget, error) {
	n := cell.name()
	what := where + ": flow " + quoted(n, string(cell.ID))
	var ends [2]string
	for i, end := range []*tdEnd{cell.Source, cell.Target} {
		side := [2]string{"source", "target"}[i]
		if end == nil || end.Cell == "" {
			c.note("%s: its %s is not connected to an element; not imported", what, side)
			c.dropThreats(what, cell.threats(), "the flow is not imported")
			return tdTarget{}, nil
		}
		key := tdKey{di, string(end.Cell)}
		kind, ok := cells[key]
		if !ok {
			return tdTarget{}, c.errorf("%s: its %s is cell %q, which the diagram does not have", what, side, oneLine(string(end.Cell)))
		}
		id, isElem := elemID[key]
		if !isElem {
			c.note("%s: its %s is not a process, store or actor (a %s); not imported", what, side, kindName(kind))
			c.dropThreats(what, cell.threats(), "the flow is not imported")
			return tdTarget{}, nil
		}
		ends[i] = id
	}
	d := &cell.Data
	f := threatmodel.Flow{From: ends[0], To: ends[1], Protocol: oneLine(string(d.Protocol))}
	f.ID = c.flowID(n, f.From, f.To)
	what = where + ": flow " + quoted(n, f.ID)
	if d.IsEncrypted {
		f.Encryption = "tls1.2"
		c.note("%s is encrypted: encryption set to tls1.2, an assumption (Threat Dragon does not say which protocol); correct it if it is TLS 1.3 or mTLS", what)
	}
	if desc := oneLine(string(d.Description)); desc != "" {
		c.note("%s: its description %q has no place in sdlkit flows; not imported", what, short(desc))
	}
	if d.OutOfScope {
		c.note("%s is out of scope in Threat Dragon; sdlkit has no scope flag, so it is imported like the others", what)
	}
	if d.IsPublicNetwork {
		c.note("%s crosses a public network: sdlkit flows do not record it; set exposure: internet on the process it reaches, if so", what)
	}
	c.m.Flows = append(c.m.Flows, f)
	if d.IsBidirectional {
		back := f
		back.From, back.To = f.To, f.From
		back.ID = c.id(f.ID+"-reverse", "flow")
		c.m.Flows = append(c.m.Flows, back)
		c.note("%s is bidirectional: imported as two flows, %s and %s; its threats are on %s", what, f.ID, back.ID, f.ID)
	}
	return tdTarget{id: f.ID, where: what, threats: cell.threats()}, nil
}

func kindName(k tdKind) string {
	switch k {
	case tdFlow:
		return "flow"
	case tdBox, tdCurve:
		return "trust boundary"
	case tdText:
		return "text"
	}
	return "shape sdlkit does not import"
}

// dropThreats lists the threats of a cell that is not imported.
func (c *converter) dropThreats(where string, threats []tdThreat, why string) {
	for _, t := range threats {
		c.note("%s: threat %s not imported: %s", where, quoted(string(t.Title), tdThreatRef(t)), why)
	}
}

func tdThreatRef(t tdThreat) string {
	if n := strings.TrimSpace(string(t.Number)); n != "" {
		return "#" + n
	}
	return oneLine(string(t.ID))
}

// ciaCategories approximate the CIA triad with STRIDE.
var ciaCategories = map[string]string{
	"confidentiality": threatmodel.InformationDisclosure,
	"integrity":       threatmodel.Tampering,
	"availability":    threatmodel.DenialOfService,
}

// tdThreat converts a threat on the element or flow target.
func (c *converter) tdThreat(where, target string, t tdThreat) {
	title := oneLine(string(t.Title))
	what := where + ": threat " + quoted(title, tdThreatRef(t))
	typ := oneLine(string(t.Type))
	category := stride(typ)
	if category == "" {
		if cat, ok := ciaCategories[strings.ToLower(typ)]; ok {
			category = cat
			c.note("%s: CIA type %q approximated by the STRIDE category %s", what, typ, cat)
		}
	}
	if category == "" {
		model := oneLine(string(t.ModelType))
		if model == "" {
			model = "Threat Dragon"
		}
		c.note("%s not imported: its %s type %q is not a STRIDE category, which sdlkit threats need", what, model, typ)
		return
	}
	th := threatmodel.Threat{
		Title:       title,
		Category:    category,
		Target:      target,
		Description: text(string(t.Description)),
	}
	lvl, known := level(string(t.Severity))
	if !known {
		c.note("%s: severity %q is not Critical, High, Medium or Low; no level set", what, oneLine(string(t.Severity)))
	}
	th.Level = lvl
	mitigation := text(string(t.Mitigation))
	status := strings.ToLower(strings.Join(strings.Fields(string(t.Status)), ""))
	switch status {
	case "open":
		th.Status = threatmodel.Open
	case "mitigated":
		th.Status = threatmodel.Mitigated
	case "notapplicable", "na", "n/a":
		th.Status = threatmodel.NotApplicable
	default:
		th.Status = threatmodel.Open
		c.note("%s: status %q is not Open, Mitigated or NotApplicable; imported as open", what, oneLine(string(t.Status)))
	}
	if th.Status == threatmodel.NotApplicable {
		th.Reason = mitigation
		if th.Reason == "" {
			th.Reason = th.Description
		}
		if th.Reason == "" {
			c.note("%s is not applicable without a reason (no mitigation or description text); give it one", what)
		}
	} else if mitigation != "" {
		th.Mitigations = []threatmodel.Mitigation{{Text: mitigation}}
	}
	if s := oneLine(string(t.Score)); s != "" {
		c.note("%s: score %q has no place in the sdlkit format; not imported", what, s)
	}
	th.ID = c.threatID(string(t.Number), target, category)
	c.m.Threats = append(c.m.Threats, th)
}
