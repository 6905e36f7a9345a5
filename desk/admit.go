package desk

import (
	"fmt"
	"slices"
	"time"

	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// Period decides which period a file is filed under and checked for: the
// period it declares, when it declares one that is open at now; else
// requested (the page the file was sent from). The error says why a
// declared period is not open (before the plan, or still to come): the file
// is then checked for requested and refused with that reason (Refuse).
func Period(pl *plan.Plan, sub *report.Submission, requested plan.Period, now time.Time) (plan.Period, error) {
	declared := report.InferPeriod([]*report.Submission{sub}, plan.Period{})
	if declared.IsZero() {
		return requested, nil
	}
	if err := OpenFor(pl, declared, now); err != nil {
		return requested, err
	}
	return declared, nil
}

// Refuse marks a checked file as not usable, for the reason given as a
// finding: a file of a period not open is kept, never counted.
func Refuse(fr *report.FileResult, code report.Code, msg, hint string) {
	fr.Accepted = false
	fr.Findings = append(fr.Findings, report.Finding{Severity: report.Error, Code: code, File: fr.Sub.Name, Sheet: fr.Sub.Sheet,
		Cell: fr.Sub.Period.Cell, Message: msg, Hint: hint})
}

// RefusePeriod refuses a file whose declared period is not open, with the
// hint of level l (where its period is written).
func RefusePeriod(fr *report.FileResult, why error, l plan.Level) {
	Refuse(fr, report.PeriodNotOpen, why.Error(), WordsOf(l).hintPeriod)
}

// Admit decides which unit a checked file is filed for. Sent through a
// unit's link (linkUnit non-empty), it is that unit's send whatever it
// names; a file naming another unit is refused for linkUnit, with a
// finding, and never filed to the other unit. Dropped by the officer
// (linkUnit empty), it goes to the unit it names ("" when none).
func Admit(pl *plan.Plan, linkUnit string, fr *report.FileResult) string {
	if linkUnit == "" {
		if fr.Unit != nil {
			return fr.Unit.ID
		}
		return ""
	}
	if fr.Unit != nil && fr.Unit.ID != linkUnit {
		own := linkUnit
		if u := pl.Unit(linkUnit); u != nil {
			own = u.Name
		}
		w := WordsOf(pl.Level)
		fr.Accepted = false
		fr.Findings = append(fr.Findings, report.Finding{Severity: report.Error, Code: report.UnitOther, File: fr.Sub.Name,
			Sheet: fr.Sub.Sheet, Cell: fr.Sub.Unit.Cell,
			Message: fmt.Sprintf(msgOtherUnit, w.Report, fr.Unit.Name, own), Hint: fmt.Sprintf(hintOtherUnit, fr.Unit.Name, w.Unit)})
	}
	return linkUnit
}

// MayWithdraw checks that a clerk may withdraw send id of a unit for a
// period: only the unit's own last send (through its link or the form)
// that is not withdrawn yet.
func MayWithdraw(u *UnitStatus, id int64) error {
	if u == nil || u.Latest == nil || u.Latest.ID != id {
		return fmt.Errorf(msgNotLastSend)
	}
	if u.Latest.Via == ViaOfficer {
		return fmt.Errorf(msgSentByOfficer)
	}
	return nil
}

// Withdrawing is l as it would be once send id is withdrawn at at: the
// status it gives says what the withdrawal brings back (the send that
// would count again, with its errors), before the clerk confirms.
func (l Ledger) Withdrawing(id int64, at time.Time) Ledger {
	out := l
	out.Sends = slices.Clone(l.Sends)
	for i := range out.Sends {
		if out.Sends[i].ID == id {
			out.Sends[i].Withdrawn, out.Sends[i].WithdrawnAt = true, at
		}
	}
	return out
}

// MayChoose checks that the officer may make send id count for a unit and
// period: one of the unit's usable sends of that period, not withdrawn.
func MayChoose(u *UnitStatus, id int64) error {
	if u == nil {
		return fmt.Errorf(msgNoSuchSend)
	}
	for _, s := range u.Sends {
		if s.ID != id {
			continue
		}
		if s.Withdrawn {
			return fmt.Errorf(msgChooseWithdrawn)
		}
		if !s.Usable {
			return fmt.Errorf(msgChooseUnusable)
		}
		return nil
	}
	return fmt.Errorf(msgNoSuchSend)
}
