package report

import (
	"fmt"
	"slices"
	"time"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

// What a report counts follows the evidence, not only the units' words: a
// "done" its own figures contradict is in progress, a model without usable
// data is judged neither late nor done, a row sent back is not "not
// reported".

// countedStatus is the status a report counts for a model whose units
// claim claimed: "done" while the model's own indicator is below its
// target is in progress; the evidence wins over the word.
func countedStatus(m *plan.Model, claimed Status, percent *float64) Status {
	ind := m.Indicator
	if claimed != StatusDone || ind == nil || percent == nil {
		return claimed
	}
	target := 100.0
	if ind.Ratio() {
		target = ind.Target
	}
	if *percent < target {
		return StatusInProgress
	}
	return claimed
}

// countedProgress is the progress a report counts: the units' own
// estimate, except for a model they call done that its own figures say is
// not. Their estimate (100) is then contradicted, and the figures measure
// something else: no progress is given, and the indicator speaks alone.
func countedProgress(claimed, counted Status, progress *float64) *float64 {
	if counted != claimed {
		return nil
	}
	return progress
}

// Coverage is how many of the units that had to report on the model gave
// a usable row (got) out of how many had to (want).
func (ms *ModelSummary) Coverage() (got, want int) {
	return ms.Expected - len(ms.Missing) - len(ms.Returned) - len(ms.Fixing), ms.Expected
}

// Partial reports whether the model's figures come from only some of the
// units that had to report on it.
func (ms *ModelSummary) Partial() bool {
	got, want := ms.Coverage()
	return got > 0 && got < want
}

// overdueOn reports whether the model is late on day: its deadline passed
// while it is still being carried out or not started. A model without
// usable data is not judged (it is "chưa có số liệu"); one done or run as
// routine is on time.
func (ms *ModelSummary) overdueOn(day time.Time) bool {
	d := ms.Model.Deadline.Due
	return d != nil && d.Before(day) && (ms.Status == StatusInProgress || ms.Status == StatusNotStarted)
}

// returned reports whether unit id's row about model n, or its whole file,
// had errors and was left out.
func (out *Consolidation) returned(id string, n int) bool {
	return len(out.Rejected[id]) > 0 || slices.Contains(out.Returned[id], n)
}

// NoData reports whether the report has no usable data on the model.
func (ms *ModelSummary) NoData() bool { return ms.Status == StatusNone }

// IndicatorText is the indicator with its unit and percentage: "4.512/5.130
// người (88%)", "22/20 DVC (110%)", or "".
func (ms *ModelSummary) IndicatorText() string {
	s := ms.IndicatorCount()
	if s != "" && ms.Percent != nil {
		s += " (" + vi.FormatNumber(*ms.Percent) + "%)"
	}
	return s
}

// IndicatorCount is the indicator's figures with their unit: "312/326 đối
// tượng", "50/53 DVC", or "".
func (ms *ModelSummary) IndicatorCount() string {
	ind := ms.Model.Indicator
	if ind == nil || ms.Achieved == nil {
		return ""
	}
	var s string
	switch {
	case !ind.Ratio():
		s = vi.FormatNumber(*ms.Achieved) + "/" + vi.FormatNumber(ind.Target) + " " + ind.Unit
	case ms.Total == nil:
		s = vi.FormatNumber(*ms.Achieved)
	default:
		s = vi.FormatNumber(*ms.Achieved) + "/" + vi.FormatNumber(*ms.Total)
	}
	if ind.Ratio() && ind.Counted != "" {
		s += " " + ind.Counted
	}
	return s
}

// MaxNamedWithout is how many units without data a note names before it
// only counts them.
const MaxNamedWithout = 3

// unassessed reports whether a model's count is a sum of the units' own
// counts that lacks its lead unit's (or, when no one unit leads, more
// units' than a note names): a lower bound, no result of the commune's to
// set against the target.
func (ms *ModelSummary) unassessed(pl *plan.Plan) bool {
	ind := ms.Model.Indicator
	if ind == nil || ind.Combine == plan.CombineLead || ind.Ratio() || ms.Achieved == nil || !ms.Partial() {
		return false
	}
	without := slices.Concat(ms.Missing, ms.Returned, ms.Fixing)
	leads := 0
	for _, l := range ms.Model.Lead {
		id, ok := pl.MatchUnit(l)
		if !ok {
			continue
		}
		leads++
		if slices.Contains(without, pl.Unit(id).Name) {
			return true
		}
	}
	// Led by no one unit ("các cơ quan, đơn vị có …"): every unit's count
	// is part of the result. With a few missing, named in the note, the
	// sum still says where the commune stands; with more, it does not.
	return leads == 0 && len(without) > MaxNamedWithout
}

// IndicatorStanding is the indicator as the tables say it, in the body's
// words: "chưa đủ số liệu để đánh giá (…)" for a sum without its lead's
// count, "22 DVC, vượt chỉ tiêu (20 DVC)" for a count past its target,
// else IndicatorText.
func (ms *ModelSummary) IndicatorStanding() string {
	ind := ms.Model.Indicator
	if ind == nil || ms.Achieved == nil || ind.Ratio() {
		return ms.IndicatorText()
	}
	a, t := vi.FormatNumber(*ms.Achieved)+" "+ind.Unit, vi.FormatNumber(ind.Target)+" "+ind.Unit
	switch {
	case ms.Unassessed:
		got, want := ms.Coverage()
		return fmt.Sprintf(cellUnassessed, got, want, ms.IndicatorCount())
	case *ms.Achieved > ind.Target:
		return fmt.Sprintf(cellOverTarget, a, t)
	case *ms.Achieved == ind.Target:
		return fmt.Sprintf(cellAtTarget, a)
	}
	return ms.IndicatorText()
}
