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
}

// FormRow is one model the unit reports on.
type FormRow struct {
	Model *plan.Model
	Role  plan.Role
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
		f.Rows = append(f.Rows, FormRow{Model: a.Model, Role: a.Role})
	}
	if len(f.Rows) == 0 {
		return nil, fmt.Errorf(msgNoAssignments, u.Name)
	}
	return f, nil
}

// FileName is the template's ASCII file name: tram-y-te-2026-W48.xlsx.
func (f *Form) FileName() string { return f.Unit.ID + "-" + f.Period.String() + ".xlsx" }
