package report

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

// The previous report: its period judged against the current one, and how
// each model and each unit moved since.

// Previous is an earlier consolidated report read back: its period and its
// data, one entry per unit × model.
type Previous struct {
	Period  plan.Period
	Entries []PreviousEntry
}

// CheckPrevious judges the period of the report given as the previous one:
// it must end before cur does (an error otherwise, naming both); one that
// is not the period just before cur gives a warning.
func CheckPrevious(cur, prev plan.Period) (*Finding, error) {
	if !prev.End().Before(cur.End()) {
		return nil, fmt.Errorf(msgPreviousNotEarlier, prev.Name(), cur.Name())
	}
	if prev != cur.Previous() {
		return &Finding{Severity: Warning, Code: PreviousNotPreceding,
			Message: fmt.Sprintf(msgPreviousNotPreceding, prev.Name(), cur.Name(), cur.Previous().Name()), Hint: hintPreviousNotPreceding}, nil
	}
	return nil, nil
}

// PreviousEntry is one unit × model line of an earlier report's data sheet.
type PreviousEntry struct {
	UnitID   string
	Model    int
	Status   Status
	Progress *float64
	// What a unit wrote, for a template pre-filled with last period's
	// values; empty when the data sheet has no such column.
	Achieved, Total                     *float64
	Result, Difficulty, Proposal, Tasks string
}

func (pe PreviousEntry) fingerprint() string {
	return fingerprint(pe.Status, pe.Progress, pe.Achieved, pe.Total, pe.Result, pe.Difficulty, pe.Proposal, pe.Tasks)
}

// PreviousOf turns the accepted entries of a unit's submission into the
// entries a pre-filled template starts from.
func PreviousOf(entries []Entry) []PreviousEntry {
	out := make([]PreviousEntry, 0, len(entries))
	for _, e := range entries {
		out = append(out, PreviousEntry{UnitID: e.UnitID, Model: e.Model.Number, Status: e.Status, Progress: e.Progress,
			Achieved: e.Achieved, Total: e.Total, Result: e.Result, Difficulty: e.Difficulty, Proposal: e.Proposal, Tasks: e.Tasks})
	}
	return out
}

// Change says how a model moved since the previous report, "" when there
// is nothing to compare.
func (ms *ModelSummary) Change() string {
	if !ms.HasPrevious {
		return ""
	}
	var parts []string
	if ms.PreviousStatus != ms.Status {
		parts = append(parts, fmt.Sprintf(msgChangeStatus, ms.PreviousStatus, ms.Status))
	}
	if d := ms.ProgressDelta(); d != nil {
		switch {
		case *d > 0:
			parts = append(parts, fmt.Sprintf(msgChangeUp, vi.FormatNumber(*d)))
		case *d < 0:
			parts = append(parts, fmt.Sprintf(msgChangeDown, vi.FormatNumber(-*d)))
		}
	}
	if len(parts) == 0 {
		return msgChangeNone
	}
	return strings.Join(parts, "; ")
}

// Moved says how the model moved since the previous report: +1 forward
// (status further on, or progress up), -1 back, 0 unchanged or unknown.
func (ms *ModelSummary) Moved() int {
	if !ms.HasPrevious {
		return 0
	}
	if r, pr := ms.Status.rank(), ms.PreviousStatus.rank(); r != pr {
		if r > pr {
			return 1
		}
		return -1
	}
	if d := ms.ProgressDelta(); d != nil && *d != 0 {
		if *d > 0 {
			return 1
		}
		return -1
	}
	return 0
}

// ProgressDelta is the progress change in points, if both are known.
func (ms *ModelSummary) ProgressDelta() *float64 {
	if !ms.HasPrevious || ms.Progress == nil || ms.PreviousProgress == nil {
		return nil
	}
	d := math.Round((*ms.Progress-*ms.PreviousProgress)*10) / 10
	return &d
}

// compareEntries warns where a unit's word on a model went backwards since
// the previous report (a status further from done, or a lower progress),
// and where it repeats the previous report word for word on a model past
// its deadline on day (unless a pre-filled template already said so, in
// known).
func compareEntries(entries []Entry, prev *Previous, day time.Time, known []Finding) []Finding {
	said := map[[2]any]bool{}
	for _, f := range known {
		if f.Code == ReportUnchanged {
			said[[2]any{f.File, f.Model}] = true
		}
	}
	type key struct {
		unit  string
		model int
	}
	before := map[key]PreviousEntry{}
	for _, pe := range prev.Entries {
		before[key{pe.UnitID, pe.Model}] = pe
	}
	var out []Finding
	for _, e := range entries {
		pe, ok := before[key{e.UnitID, e.Model.Number}]
		if !ok || pe.Status == StatusNone {
			continue
		}
		n := e.Model.Number
		switch {
		case e.Status.rank() < pe.Status.rank():
			out = append(out, Finding{Severity: Warning, Code: ProgressBackwards, File: e.File, Sheet: e.Sheet, Cell: e.StatusCell, Model: n,
				Message: fmt.Sprintf(msgStatusBackwards, n, e.Status, prev.Period.Name(), pe.Status), Hint: hintBackwards})
		case e.Progress != nil && pe.Progress != nil && *e.Progress < *pe.Progress:
			out = append(out, Finding{Severity: Warning, Code: ProgressBackwards, File: e.File, Sheet: e.Sheet, Cell: e.ProgressCell, Model: n,
				Message: fmt.Sprintf(msgProgressDropped, n, vi.FormatNumber(*pe.Progress), prev.Period.Name(), vi.FormatNumber(*e.Progress)), Hint: hintBackwards})
		case !said[[2]any{e.File, n}] && e.fingerprint() == pe.fingerprint() && stale(e, day):
			f := unchangedFinding(e, prev.Period)
			f.Message = fmt.Sprintf(msgUnchangedPrevious, n, prev.Period.Name(), e.Model.Deadline.Text)
			out = append(out, f)
		}
	}
	return out
}
