// Package plan is the commune's Đề án 06 plan as data: the groups and models
// of the plan's appendix, the units that carry them out, their deadlines and
// indicators, the report header, and the reporting periods.
//
// It imports the standard library, golang.org/x/text, the text helpers of
// internal/vi and the embedded default plan (assets); file formats live in
// the excel and pdf adapters.
package plan

import (
	"fmt"
	"slices"
	"strings"

	"github.com/caongoc/de06/internal/vi"
)

// Plan is one commune's plan: the models it assigns and who reports on them.
type Plan struct {
	ID string
	// Level says whose plan it is (a commune's or a province's), and so what
	// its reporting units send; the zero value is a commune's.
	Level    Level
	Document Document
	Header   Header
	// Collective lists lead names that mean "every unit, each for its own
	// field" ("Các cơ quan, ban, ngành, đoàn thể xã").
	Collective []string
	Groups     []Group
	Units      []Unit

	// idx is made when the plan is loaded (finish): a plan is read-only
	// afterwards, and one who changes it calls Finish again.
	idx *index
}

// Document describes the plan document itself.
type Document struct {
	Issuer         string
	Number         string
	DateText       string
	Title          string
	StandingAgency string
}

// Header is the data of the consolidated report's letterhead and closing:
// it changes when the administrative map does, so it is data, never code.
type Header struct {
	ParentAgency    string
	IssuingAgency   string
	Place           string
	Symbol          string   // "BC-CAX", the part after "Số: 05/"
	Recipients      []string // "Kính gửi"
	Distribution    []string // "Nơi nhận", ending with "Lưu: VT, …"
	SignerAuthority string   // "KT. TRƯỞNG CÔNG AN XÃ" or empty
	SignerPosition  string
	SignerName      string
	// Province is the province (or centrally governed city) the commune
	// belongs to, with its level: "tỉnh Thanh Hóa". It names the successors
	// of district bodies (see Defunct).
	Province string
	// Confirmed is set when the officer has read the header and said it is
	// right; until then every report is a draft (see DraftReasons).
	Confirmed bool
}

// Group is one of the appendix's groups (I–V).
type Group struct {
	Code   string
	Name   string
	Models []*Model
}

// Model is one Đề án 06 model, numbered as in the national list (1…44).
type Model struct {
	Number     int
	TT         int // row number in the appendix
	Title      string
	FullTitle  string
	Objective  string
	Tasks      string
	Lead       []string
	Coordinate []string
	Support    []string
	Deadline   Deadline
	Platforms  []string
	Indicator  *Indicator
	Note       string
	Location   string
	Group      string // code of its group
}

// Indicator is a model's measurable target.
type Indicator struct {
	Name   string
	Unit   string // "%" for a ratio, else the unit counted ("DVC")
	Target float64
	// Combine says how the units' figures make the model's: CombineSum
	// (each unit counts its own part; the default) or CombineLead (only the
	// first lead unit's figure counts; the others are not asked).
	Combine Combine
	// Fixed: the target is all there is (53 essential public services), so
	// the units' sum can never exceed it; else it is a minimum to reach.
	Fixed bool
	// Counted is what a ratio counts ("đối tượng", "cơ sở"), so that a
	// figure reads with its unit: "312/326 đối tượng".
	Counted string
}

// Combine is how units' indicator figures are combined.
type Combine string

const (
	CombineSum  Combine = "sum"
	CombineLead Combine = "lead"
)

// ByLead reports whether only the lead unit reports the indicator.
func (i *Indicator) ByLead() bool { return i != nil && i.Combine == CombineLead }

// LeadUnit is the unit whose figure counts for a CombineLead indicator:
// the model's first lead that is a unit (m is one of the plan's models).
func (p *Plan) LeadUnit(m *Model) string { return p.ix().leadUnit[m] }

// Ratio reports whether units report achieved out of a total (a percentage
// target) rather than a count.
func (i *Indicator) Ratio() bool { return i != nil && i.Unit == "%" }

// Unit is a commune unit that leads or coordinates models.
type Unit struct {
	ID      string
	Name    string
	Aliases []string
	// Reports is true for units that send a report every period.
	Reports bool
	// Short is the unit's abbreviation ("CA xã") where space is tight:
	// the PDF appendix's assignment columns, with a key below the table.
	Short string
}

// Models returns every model in plan order.
func (p *Plan) Models() []*Model {
	var ms []*Model
	for _, g := range p.Groups {
		ms = append(ms, g.Models...)
	}
	return ms
}

// Model returns the model with that number, or nil.
func (p *Plan) Model(number int) *Model {
	for _, g := range p.Groups {
		for _, m := range g.Models {
			if m.Number == number {
				return m
			}
		}
	}
	return nil
}

// Unit returns the unit with that id, or nil.
func (p *Plan) Unit(id string) *Unit {
	for i := range p.Units {
		if p.Units[i].ID == id {
			return &p.Units[i]
		}
	}
	return nil
}

// ReportingUnits returns the units that must send a report, in plan order.
func (p *Plan) ReportingUnits() []*Unit {
	var us []*Unit
	for i := range p.Units {
		if p.Units[i].Reports {
			us = append(us, &p.Units[i])
		}
	}
	return us
}

// IsCollective reports whether a lead name means every reporting unit.
func (p *Plan) IsCollective(name string) bool { return p.ix().collective[vi.Fold(name)] }

// ModelTitled returns the model whose title or full title a text is,
// whatever its case, diacritics and spacing, or nil.
func (p *Plan) ModelTitled(text string) *Model { return p.ix().titles[vi.Fold(text)] }

// Role is what a unit does for a model.
type Role string

const (
	RoleLead       Role = "chủ trì"
	RoleCollective Role = "chủ trì (chung)"
)

// Assignment is one model a unit must report on.
type Assignment struct {
	Model *Model
	Role  Role
}

// Assignments returns the models unit id must report on, in plan order: the
// models it leads by name and every collectively led model.
func (p *Plan) Assignments(unitID string) []Assignment {
	return slices.Clone(p.ix().assigned[unitID])
}

// Reporters returns the ids of the units that must report on model m, one
// of the plan's models.
func (p *Plan) Reporters(m *Model) []string {
	return slices.Clone(p.ix().reporters[m])
}

// Validate checks the plan's internal consistency and returns every problem.
func (p *Plan) Validate() []error {
	var errs []error
	add := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	if len(p.Groups) == 0 {
		add(msgNoGroups)
	}
	seenModel := map[int]bool{}
	for _, g := range p.Groups {
		if strings.TrimSpace(g.Code) == "" {
			add(msgGroupNoCode, g.Name)
		}
		for _, m := range g.Models {
			if m.Number <= 0 {
				add(msgModelNumber, m.Title)
			}
			if seenModel[m.Number] {
				add(msgModelDuplicate, m.Number)
			}
			seenModel[m.Number] = true
			if strings.TrimSpace(m.Title) == "" {
				add(msgModelNoTitle, m.Number)
			}
			if len(m.Lead) == 0 {
				add(msgModelNoLead, m.Number)
			}
			for _, l := range m.Lead {
				if _, ok := p.MatchUnit(l); !ok && !p.IsCollective(l) {
					add(msgLeadUnknown, m.Number, l)
				}
			}
		}
	}
	seenUnit := map[string]bool{}
	for _, u := range p.Units {
		if u.ID == "" || vi.Slug(u.ID) != u.ID {
			add(msgUnitID, u.ID, u.Name)
		}
		if seenUnit[u.ID] {
			add(msgUnitDuplicate, u.ID)
		}
		seenUnit[u.ID] = true
	}
	if len(p.ReportingUnits()) == 0 {
		add(msgNoReporters)
	}
	return errs
}
