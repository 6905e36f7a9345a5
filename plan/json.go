package plan

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/caongoc/de06/internal/vi"
)

// The JSON form of a plan. Its keys are a contract read by other tools: they
// change only by adding.
type jsonPlan struct {
	ID string `json:"id"`
	// Level is "commune" (the default, also when absent) or "province".
	Level      string       `json:"level"`
	Document   jsonDocument `json:"document"`
	Header     jsonHeader   `json:"header"`
	Collective []string     `json:"collective"`
	Groups     []jsonGroup  `json:"groups"`
	Units      []jsonUnit   `json:"units"`
}

type jsonDocument struct {
	Issuer         string `json:"issuer"`
	Number         string `json:"number"`
	DateText       string `json:"date_text"`
	Title          string `json:"title"`
	StandingAgency string `json:"standing_agency"`
}

type jsonHeader struct {
	ParentAgency    string   `json:"parent_agency"`
	IssuingAgency   string   `json:"issuing_agency"`
	Place           string   `json:"place"`
	Symbol          string   `json:"symbol"`
	Recipients      []string `json:"recipients"`
	Distribution    []string `json:"distribution"`
	SignerAuthority string   `json:"signer_authority"`
	SignerPosition  string   `json:"signer_position"`
	SignerName      string   `json:"signer_name"`
	Province        string   `json:"province"`
	Confirmed       bool     `json:"confirmed"`
}

type jsonGroup struct {
	Code   string      `json:"code"`
	Name   string      `json:"name"`
	Models []jsonModel `json:"models"`
}

type jsonModel struct {
	Number     int            `json:"number"`
	TT         int            `json:"tt,omitempty"`
	Title      string         `json:"title"`
	FullTitle  string         `json:"full_title"`
	Objective  string         `json:"objective"`
	Tasks      string         `json:"tasks,omitempty"`
	Lead       []string       `json:"lead"`
	Coordinate []string       `json:"coordinate"`
	Support    []string       `json:"support"`
	Deadline   jsonDeadline   `json:"deadline"`
	Platforms  []string       `json:"platforms"`
	Indicator  *jsonIndicator `json:"indicator"`
	Note       string         `json:"note,omitempty"`
	Location   string         `json:"location,omitempty"`
}

type jsonDeadline struct {
	Text       string          `json:"text"`
	Kind       string          `json:"kind,omitempty"`
	Due        *string         `json:"due"`
	Milestones []jsonMilestone `json:"milestones,omitempty"`
}

type jsonMilestone struct {
	Text string  `json:"text"`
	Kind string  `json:"kind"`
	Due  *string `json:"due"`
}

type jsonIndicator struct {
	Name    string  `json:"name"`
	Unit    string  `json:"unit"`
	Target  float64 `json:"target"`
	Combine Combine `json:"combine,omitempty"`
	Fixed   bool    `json:"fixed,omitempty"`
	Counted string  `json:"counted,omitempty"`
}

type jsonUnit struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Reports bool     `json:"reports"`
	Short   string   `json:"short,omitempty"`
}

// DecodeJSON reads a plan from JSON. name is used in messages. Deadline kind
// and due date are recomputed from the text: the text is what people edit.
func DecodeJSON(r io.Reader, name string) (*Plan, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var jp jsonPlan
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&jp); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			l, c := lineCol(data, se.Offset)
			return nil, fmt.Errorf(msgJSONSyntax, name, l, c)
		case errors.As(err, &te):
			l, c := lineCol(data, te.Offset)
			return nil, fmt.Errorf(msgJSONType, name, te.Field, te.Type.String(), l, c)
		}
		return nil, fmt.Errorf(msgJSONOther, name)
	}
	p := &Plan{
		ID:         jp.ID,
		Document:   Document(jp.Document),
		Header:     Header(jp.Header),
		Collective: jp.Collective,
	}
	for _, u := range jp.Units {
		p.Units = append(p.Units, Unit(u))
	}
	var errs []string
	level, err := ParseLevel(jp.Level)
	if err != nil {
		errs = append(errs, err.Error())
	}
	p.Level = level
	for _, jg := range jp.Groups {
		g := Group{Code: jg.Code, Name: jg.Name}
		for _, jm := range jg.Models {
			m := &Model{
				Number: jm.Number, TT: jm.TT, Title: jm.Title, FullTitle: jm.FullTitle,
				Objective: jm.Objective, Tasks: jm.Tasks, Lead: jm.Lead, Coordinate: jm.Coordinate,
				Support: jm.Support, Platforms: jm.Platforms, Note: jm.Note, Location: jm.Location,
				Deadline: Deadline{Text: jm.Deadline.Text},
			}
			if jm.Indicator != nil {
				ind := Indicator(*jm.Indicator)
				m.Indicator = &ind
			}
			g.Models = append(g.Models, m)
		}
		p.Groups = append(p.Groups, g)
	}
	if err := p.finish(); err != nil {
		errs = append(errs, err.Error())
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf(msgPlanErrors, name, strings.Join(errs, "\n  - "))
	}
	return p, nil
}

// finish normalises text, folds the names the look-ups use, parses
// deadlines and validates: every loader ends here, whatever the format it
// read, and so does whoever changed a loaded plan (Finish).
func (p *Plan) finish() error {
	normalize(p)
	p.idx = newIndex(p)
	p.Level = p.Level.Or()
	var errs []string
	tt := 0
	for _, g := range p.Groups {
		for _, m := range g.Models {
			tt++
			if m.TT == 0 {
				m.TT = tt
			}
			m.Group = g.Code
			d, err := ParseDeadline(m.Deadline.Text)
			if err != nil {
				errs = append(errs, fmt.Sprintf(msgModelField, m.Number, "deadline", err))
			}
			m.Deadline = d
		}
	}
	if p.ID == "" {
		p.ID = vi.Slug(p.Document.Issuer + " " + p.Document.Number)
	}
	for _, err := range p.Validate() {
		errs = append(errs, err.Error())
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "\n  - "))
	}
	return nil
}

// Finish is finish for loaders in other packages (the plan workbook) and
// for whoever changed a loaded plan: it is checked again and its look-ups
// answer for what it holds now.
func (p *Plan) Finish(source string) error {
	if err := p.finish(); err != nil {
		return fmt.Errorf(msgPlanErrors, source, err)
	}
	return nil
}

func lineCol(data []byte, off int64) (int, int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// EncodeJSON writes the plan as indented JSON.
func EncodeJSON(w io.Writer, p *Plan) error {
	jp := jsonPlan{
		ID:         p.ID,
		Level:      string(p.Level.Or()),
		Document:   jsonDocument(p.Document),
		Header:     jsonHeader(p.Header),
		Collective: nonNil(p.Collective),
	}
	jp.Header.Recipients = nonNil(jp.Header.Recipients)
	jp.Header.Distribution = nonNil(jp.Header.Distribution)
	for _, g := range p.Groups {
		jg := jsonGroup{Code: g.Code, Name: g.Name, Models: []jsonModel{}}
		for _, m := range g.Models {
			jm := jsonModel{
				Number: m.Number, TT: m.TT, Title: m.Title, FullTitle: m.FullTitle,
				Objective: m.Objective, Tasks: m.Tasks, Lead: nonNil(m.Lead),
				Coordinate: nonNil(m.Coordinate), Support: nonNil(m.Support),
				Platforms: nonNil(m.Platforms), Note: m.Note, Location: m.Location,
				Deadline: jsonDeadline{Text: m.Deadline.Text, Kind: string(m.Deadline.Kind), Due: jsonDate(m.Deadline.Due)},
			}
			for _, ms := range m.Deadline.Milestones {
				jm.Deadline.Milestones = append(jm.Deadline.Milestones, jsonMilestone{Text: ms.Text, Kind: string(ms.Kind), Due: jsonDate(ms.Due)})
			}
			if m.Indicator != nil {
				ji := jsonIndicator(*m.Indicator)
				jm.Indicator = &ji
			}
			jg.Models = append(jg.Models, jm)
		}
		jp.Groups = append(jp.Groups, jg)
	}
	for _, u := range p.Units {
		ju := jsonUnit(u)
		ju.Aliases = nonNil(ju.Aliases)
		jp.Units = append(jp.Units, ju)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(jp)
}

func jsonDate(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// normalize brings every text of the plan to NFC and trims it.
func normalize(p *Plan) {
	f := func(s *string) { *s = strings.TrimSpace(vi.NFC(*s)) }
	fs := func(ss []string) {
		for i := range ss {
			f(&ss[i])
		}
	}
	f(&p.ID)
	for _, s := range []*string{&p.Document.Issuer, &p.Document.Number, &p.Document.DateText, &p.Document.Title, &p.Document.StandingAgency,
		&p.Header.ParentAgency, &p.Header.IssuingAgency, &p.Header.Place, &p.Header.Symbol,
		&p.Header.SignerAuthority, &p.Header.SignerPosition, &p.Header.SignerName, &p.Header.Province} {
		f(s)
	}
	fs(p.Header.Recipients)
	fs(p.Header.Distribution)
	fs(p.Collective)
	for gi := range p.Groups {
		g := &p.Groups[gi]
		f(&g.Code)
		f(&g.Name)
		for _, m := range g.Models {
			for _, s := range []*string{&m.Title, &m.FullTitle, &m.Objective, &m.Tasks, &m.Note, &m.Location, &m.Deadline.Text} {
				f(s)
			}
			fs(m.Lead)
			fs(m.Coordinate)
			fs(m.Support)
			fs(m.Platforms)
			if m.Indicator != nil {
				f(&m.Indicator.Name)
				f(&m.Indicator.Unit)
				f(&m.Indicator.Counted)
			}
		}
	}
	for i := range p.Units {
		f(&p.Units[i].ID)
		f(&p.Units[i].Name)
		fs(p.Units[i].Aliases)
	}
}
