package report

import (
	"fmt"

	"github.com/caongoc/de06/plan"
)

// TemplateVersion is written into every template; the reader accepts files
// of this version and, by their visible header, files of any other.
const TemplateVersion = "1"

// Form is what one unit is asked to report for one period: the model a
// template is rendered from.
type Form struct {
	PlanID   string
	PlanName string // "Kế hoạch số 39/KH-UBND của UBND xã Cao Ngọc"
	Unit     *plan.Unit
	Period   plan.Period
	Rows     []FormRow
	// PrefilledFrom is the period the rows' values come from (Prefill),
	// zero when the form starts empty.
	PrefilledFrom plan.Period
}

// FormRow is one model the unit reports on.
type FormRow struct {
	Model *plan.Model
	Role  plan.Role
	// Indicator: the unit reports the model's indicator (it has one, and
	// the unit's figure counts: see plan.Indicator.Combine).
	Indicator bool
	// Last is what the unit reported for this model in an earlier period,
	// written into the yellow cells so that the clerk only changes what
	// moved; nil for an empty row.
	Last *PreviousEntry
}

// Prefill starts each row from the unit's entry in prev, an earlier
// period's report, and returns how many rows it filled. Rows the unit did
// not report, or reported as not reported, stay empty.
func (f *Form) Prefill(prev *Previous) (int, error) {
	if !prev.Period.End().Before(f.Period.End()) {
		return 0, fmt.Errorf(msgPreviousNotEarlier, prev.Period.Name(), f.Period.Name())
	}
	byModel := map[int]*PreviousEntry{}
	for i := range prev.Entries {
		e := &prev.Entries[i]
		if e.UnitID == f.Unit.ID && e.Status != StatusNone {
			byModel[e.Model] = e
		}
	}
	n := 0
	for i := range f.Rows {
		if e := byModel[f.Rows[i].Model.Number]; e != nil {
			f.Rows[i].Last = e
			n++
		}
	}
	if n > 0 {
		f.PrefilledFrom = prev.Period
	}
	return n, nil
}

// NewForm builds the form of unit unitID for period p.
func NewForm(pl *plan.Plan, unitID string, p plan.Period) (*Form, error) {
	u := pl.Unit(unitID)
	if u == nil {
		return nil, fmt.Errorf(msgUnknownUnitID, unitID)
	}
	f := &Form{
		PlanID:   pl.ID,
		PlanName: fmt.Sprintf(msgPlanName, pl.Document.Number, pl.Document.Issuer),
		Unit:     u,
		Period:   p,
	}
	for _, a := range pl.Assignments(unitID) {
		f.Rows = append(f.Rows, FormRow{Model: a.Model, Role: a.Role, Indicator: CountsIndicator(pl, a.Model, unitID)})
	}
	if len(f.Rows) == 0 {
		return nil, fmt.Errorf(msgNoAssignments, u.Name)
	}
	return f, nil
}

// CountsIndicator reports whether unit's figures count for model m's
// indicator: every unit's for a sum, the lead unit's alone otherwise.
func CountsIndicator(pl *plan.Plan, m *plan.Model, unit string) bool {
	if m.Indicator == nil {
		return false
	}
	return !m.Indicator.ByLead() || pl.LeadUnit(m) == unit
}

// FileName is the template's ASCII file name: tram-y-te-2026-W48.xlsx.
func (f *Form) FileName() string { return f.Unit.ID + "-" + f.Period.String() + ".xlsx" }
