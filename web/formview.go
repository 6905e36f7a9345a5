package web

import (
	"fmt"
	"net/http"
	"slices"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// The form page: one block per model, each input with its findings beside
// it, and a summary of them at the top linking to each.

// formInput is one input as the page shows it.
type formInput struct {
	Name, Label, Value string
	Kind               string   // "status", "number", "decimal", "text", "date", "tel", "line"
	Options            []string // a status's choices
	Other              bool     // a status typed outside the choices (by a script, or an old draft)
	Max                int      // a text's longest, in UTF-16 units as maxlength counts
	Findings           []report.Finding
}

// Invalid reports whether an error is about the input.
func (in formInput) Invalid() bool {
	for _, f := range in.Findings {
		if f.Severity == report.Error {
			return true
		}
	}
	return false
}

// formBlock is one model's block.
type formBlock struct {
	Row      report.FormRow
	Number   int
	Title    string
	Role     string
	Target   string // the indicator's target, where the unit reports it
	LeadOnly string // the unit reporting the indicator, where it is another
	Inputs   []formInput
	Findings []report.Finding // about the model as a whole
}

// summaryItem is one finding in the summary: where, and what.
type summaryItem struct {
	Anchor, Where string
	report.Finding
}

// formOutcome is what a POST did.
type formOutcome struct {
	Saved   bool // the draft was saved
	Refused bool // a send refused for its errors
}

var inputKinds = map[report.Field]string{
	report.FieldReportDate: "date", report.FieldReporter: "line", report.FieldPhone: "tel",
	report.FieldStatus: "status", report.FieldProgress: "number", report.FieldAchieved: "decimal", report.FieldTotal: "decimal",
	report.FieldResult: "text", report.FieldDifficulty: "text", report.FieldProposal: "text", report.FieldTasks: "text",
}

func (s *Server) renderForm(w http.ResponseWriter, r *http.Request, u *plan.Unit, st formStart, out *formOutcome) {
	f, p := st.Filled, st.Filled.Form.Period
	pl := s.planFor(p)
	byPlace := map[report.Place][]report.Finding{}
	var summary []summaryItem
	var errs, warns int
	if st.ex != nil {
		fs := append([]report.Finding(nil), st.ex.result().Findings...)
		report.SortFindings(fs)
		errs, warns = report.Count(fs)
		for _, fd := range fs {
			place := report.PlaceOf(st.ex.sub, fd)
			byPlace[place] = append(byPlace[place], fd)
			item := summaryItem{Finding: fd}
			if place != (report.Place{}) {
				item.Where = placeName(place)
				item.Anchor = fieldName(place.Field, place.Model)
				if place.Field == "" {
					item.Anchor = fmt.Sprintf("mo-hinh-%d", place.Model)
				}
			}
			summary = append(summary, item)
		}
	}
	var statuses []string
	for _, st := range report.Statuses {
		statuses = append(statuses, st.String())
	}
	input := func(fl report.Field, model int, value string) formInput {
		in := formInput{Name: fieldName(fl, model), Label: fieldLabels[fl], Value: value, Kind: inputKinds[fl],
			Max: report.MaxCellText, Findings: byPlace[report.Place{Model: model, Field: fl}]}
		if fl == report.FieldStatus {
			in.Options, in.Other = statuses, value != "" && !slices.Contains(statuses, value)
		}
		return in
	}
	var header []formInput
	for _, fl := range report.HeaderFields {
		header = append(header, input(fl, 0, f.Header(fl)))
	}
	var blocks []formBlock
	for i, row := range f.Form.Rows {
		m := row.Model
		b := formBlock{Row: row, Number: m.Number, Title: report.ModelTitle(m), Role: report.RoleText(row.Role),
			Findings: byPlace[report.Place{Model: m.Number}]}
		if row.Indicator {
			b.Target = m.Indicator.Name + ": " + report.TargetText(m.Indicator)
		} else if m.Indicator != nil {
			if lead := pl.Unit(pl.LeadUnit(m)); lead != nil {
				b.LeadOnly = lead.Name
			}
		}
		for _, fl := range row.Fields() {
			b.Inputs = append(b.Inputs, input(fl, m.Number, f.Rows[i].Get(fl)))
		}
		blocks = append(blocks, b)
	}
	var status *desk.UnitStatus
	if b, err := s.boardOf(p); err == nil {
		status = b.Unit(u.ID)
	}
	data := map[string]any{"Unit": u, "Period": p, "Token": r.PathValue("token"), "Deadline": desk.DeadlineText(p, s.now()),
		"Status": status, "Header": header, "Blocks": blocks, "Summary": summary,
		"General": byPlace[report.Place{}], "Checked": st.ex != nil, "Errors": errs, "Warnings": warns,
		"From": st.From, "Outcome": out,
		"Title": fmt.Sprintf(msgFormTitle, p.Name())}
	if !st.DraftAt.IsZero() {
		data["DraftAt"] = sentAt(st.DraftAt)
	}
	data["Opens"], data["Sent"] = desk.FormOpens(status, st.DraftAt, st.From != nil)
	s.render(w, "form.html", data)
}
