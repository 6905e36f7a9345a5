package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

// Row-level checks: which model a row is about, and its values.

func (fc *fileChecker) checkRows() {
	unit := fc.fr.Unit
	assignments := fc.pl.Assignments(unit.ID)
	assigned := map[int]bool{}
	for _, a := range assignments {
		assigned[a.Model.Number] = true
	}
	seen := map[int]int{} // model → line
	for _, r := range fc.s.Rows {
		if r.Blank() {
			continue
		}
		m := fc.rowModel(r)
		if m == nil {
			continue
		}
		if line, dup := seen[m.Number]; dup {
			fc.add(Error, ModelDuplicate, r.Model.Cell, m.Number, fmt.Sprintf(msgModelDuplicate, m.Number, line), hintModelDuplicate)
			continue
		}
		seen[m.Number] = r.Line
		if !assigned[m.Number] {
			fc.add(Warning, ModelNotAssigned, r.Model.Cell, m.Number, fmt.Sprintf(msgModelNotAssigned, m.Number, unit.Name), hintModelNotAssigned)
		}
		if e, ok := fc.checkRow(r, m); ok {
			fc.fr.Entries = append(fc.fr.Entries, e)
		}
	}
	for _, a := range assignments {
		if _, ok := seen[a.Model.Number]; !ok {
			fc.add(Error, ModelMissing, "", a.Model.Number, fmt.Sprintf(msgModelMissing, a.Model.Number, a.Model.Title), hintModelMissing)
		}
	}
}

// rowModel finds the model a row is about: "Mô hình 6: …" in the model
// column, or a plan title without its number.
func (fc *fileChecker) rowModel(r Row) *plan.Model {
	if n, ok := ModelNumber(r.Model.Text); ok {
		if m := fc.pl.Model(n); m != nil {
			return m
		}
		fc.add(Error, ModelUnknown, r.Model.Cell, 0, fmt.Sprintf(msgModelUnknownNum, n), hintModelUnknown)
		return nil
	}
	// A title without its number: match the plan's titles.
	if m := fc.pl.ModelTitled(r.Model.Text); m != nil {
		return m
	}
	// The first column only counts rows (older templates held the plan's
	// TT there): it never says which model a row is.
	cell := r.Model.Cell
	if cell == "" {
		cell = r.TT.Cell
	}
	text := r.Model.Text
	if text == "" {
		text = r.TT.Text
	}
	fc.add(Error, ModelUnknown, cell, 0, fmt.Sprintf(msgModelUnknown, echo(text)), hintModelUnknown)
	return nil
}

// checkRow judges one model row; an error leaves the row out.
func (fc *fileChecker) checkRow(r Row, m *plan.Model) (Entry, bool) {
	ok := true
	e := Entry{UnitID: fc.fr.Unit.ID, Model: m, File: fc.s.Name, Sheet: fc.s.Sheet, Line: r.Line,
		Result: r.Result.Text, Difficulty: r.Difficulty.Text, Proposal: r.Proposal.Text, Tasks: r.Tasks.Text,
		StatusCell: r.Status.Cell, ProgressCell: r.Progress.Cell,
		Source: fc.fr.Period, Reporter: fc.s.Reporter.Text, Phone: fc.s.Phone.Text}
	n := m.Number
	fc.checkCellTexts(r, n)

	key := vi.Fold(r.Status.Text)
	st, known := parseStatusKey(key)
	switch {
	case r.Status.Text == "" && r.Status.Num == nil:
		fc.add(Error, StatusMissing, r.Status.Cell, n, fmt.Sprintf(msgStatusMissing, n), hintStatus)
		ok = false
	case !known:
		fc.add(Error, StatusInvalid, r.Status.Cell, n, fmt.Sprintf(msgStatusInvalid, echo(r.Status.Text), n), hintStatus)
		ok = false
	case key != statusKeys[st]:
		// Read, but say what it was read as, so nobody is surprised.
		fc.add(Warning, StatusInvalid, r.Status.Cell, n, fmt.Sprintf(msgStatusRead, echo(r.Status.Text), st), hintStatus)
	}
	e.Status = st

	if !r.Progress.Empty() {
		pg, good := ParseProgress(r.Progress)
		switch {
		case !good:
			fc.add(Error, ProgressInvalid, r.Progress.Cell, n, fmt.Sprintf(msgProgressNaN, echo(r.Progress.Text), n), hintProgress)
			ok = false
		case pg < 0 || pg > 100:
			fc.add(Error, ProgressInvalid, r.Progress.Cell, n, fmt.Sprintf(msgProgressRange, vi.FormatExact(pg), n), hintProgress)
			ok = false
		default:
			e.Progress = &pg
			// Read, but said: 0,8 may be 80 % or a slip for 8.
			if progressFraction(r.Progress) {
				shown := r.Progress.Text
				if r.Progress.Num != nil {
					shown = vi.FormatExact(*r.Progress.Num)
				}
				fc.add(Warning, ProgressInvalid, r.Progress.Cell, n, fmt.Sprintf(msgProgressFraction, n, shown, vi.FormatExact(pg)), hintProgress)
			}
		}
	}
	if known && e.Progress != nil {
		pg := *e.Progress
		switch {
		case st == StatusDone && pg < 100:
			fc.add(Warning, ProgressMismatch, r.Progress.Cell, n, fmt.Sprintf(msgDoneBelow, n, vi.FormatExact(pg)), hintMismatch)
		case pg == 100 && st != StatusDone && st != StatusRecurring:
			fc.add(Warning, ProgressMismatch, r.Status.Cell, n, fmt.Sprintf(msgFullNotDone, n, st), hintMismatch)
		case st == StatusNotStarted && pg > 0:
			fc.add(Warning, ProgressMismatch, r.Progress.Cell, n, fmt.Sprintf(msgNotStartedProgress, n, vi.FormatExact(pg)), hintMismatch)
		}
	}

	if !fc.checkIndicator(r, m, &e) {
		return e, false
	}
	if known && m.Indicator != nil {
		fc.checkIndicatorStatus(r, m, st, e.Achieved, e.Total)
	}
	return e, ok
}

// checkIndicator reads a row's achieved and total into e; false when one
// is not a usable number (the row is left out).
func (fc *fileChecker) checkIndicator(r Row, m *plan.Model, e *Entry) bool {
	n := m.Number
	if m.Indicator != nil && !CountsIndicator(fc.pl, m, fc.fr.Unit.ID) {
		if !r.Achieved.Empty() || !r.Total.Empty() {
			cell := r.Achieved.Cell
			if r.Achieved.Empty() {
				cell = r.Total.Cell
			}
			lead := fc.pl.Unit(fc.pl.LeadUnit(m))
			fc.add(Warning, IndicatorNotApplied, cell, n, fmt.Sprintf(msgIndicatorLeadOnly, n, lead.Name), "")
		}
		return true
	}
	if m.Indicator == nil {
		if !r.Achieved.Empty() || !r.Total.Empty() {
			cell := r.Achieved.Cell
			if r.Achieved.Empty() {
				cell = r.Total.Cell
			}
			fc.add(Warning, IndicatorNotApplied, cell, n, fmt.Sprintf(msgIndicatorNone, n), "")
		}
		return true
	}
	num := func(v Value, what string) (*float64, bool) {
		if v.Empty() {
			return nil, true
		}
		x, good := ParseNumber(v)
		if !good {
			fc.add(Error, IndicatorInvalid, v.Cell, n, fmt.Sprintf(msgIndicatorNaN, what, echo(v.Text), n), hintIndicator)
			return nil, false
		}
		if x < 0 {
			fc.add(Error, IndicatorInvalid, v.Cell, n, fmt.Sprintf(msgIndicatorNeg, what, vi.FormatExact(x), n), hintIndicator)
			return nil, false
		}
		return &x, true
	}
	a, okA := num(r.Achieved, wordAchieved)
	t, okT := num(r.Total, wordTotal)
	if !okA || !okT {
		return false
	}
	if a != nil && t != nil && *a > *t {
		fc.add(Error, IndicatorInvalid, r.Achieved.Cell, n, fmt.Sprintf(msgIndicatorOver, vi.FormatExact(*a), vi.FormatExact(*t), n), hintIndicatorOver)
		return false
	}
	if m.Indicator.Ratio() && a != nil && t == nil {
		fc.add(Warning, IndicatorInvalid, r.Total.Cell, n, fmt.Sprintf(msgIndicatorNoTotal, n), hintIndicatorNoTotal)
	}
	e.Achieved, e.Total = a, t
	return true
}

// checkIndicatorStatus warns where the status and the indicator disagree:
// done while a ratio indicator is below its target, or not started while
// something was achieved. A count indicator is shared among units, so one
// unit's part below the target says nothing; the consolidation checks the
// sum.
func (fc *fileChecker) checkIndicatorStatus(r Row, m *plan.Model, st Status, a, t *float64) {
	n := m.Number
	switch {
	case st == StatusDone && m.Indicator.Ratio() && a != nil && t != nil && *t > 0 && *a / *t * 100 < m.Indicator.Target:
		fc.add(Warning, IndicatorMismatch, r.Achieved.Cell, n, fmt.Sprintf(msgDoneBelowTarget, n, vi.FormatExact(*a), vi.FormatExact(*t),
			vi.FormatNumber(math.Round(*a / *t * 1000)/10), vi.FormatExact(m.Indicator.Target)), hintDoneBelowTarget)
	case st == StatusNotStarted && a != nil && *a > 0:
		fc.add(Warning, IndicatorMismatch, r.Achieved.Cell, n, fmt.Sprintf(msgNotStartedAchieved, n, vi.FormatExact(*a)), hintMismatch)
	}
}

// ModelNumber reads the model a table names: 6 in "Mô hình 6: …" (also
// "MH6", any case, with or without diacritics). Only the first words are
// folded; the whole text only when they do not settle it.
func ModelNumber(text string) (int, bool) {
	const head = 24 // runes: "Mô hình 12:" and more
	cut, runes := len(text), 0
	for i := range text {
		if runes == head {
			cut = i
			break
		}
		runes++
	}
	// The fold of a prefix is a prefix of the fold: a number followed by
	// more text there is the whole text's number.
	k := vi.Fold(text[:cut])
	n, end, ok := modelNumber(k)
	if cut < len(text) && (!ok || end == len(k)) {
		n, _, ok = modelNumber(vi.Fold(text))
	}
	return n, ok
}

// modelNumber reads "mo hinh 6" or "mh6" at the start of a folded text:
// the number, and where it ends.
func modelNumber(k string) (n, end int, ok bool) {
	rest, found := strings.CutPrefix(k, "mo hinh")
	if !found {
		rest, found = strings.CutPrefix(k, "mh")
	}
	if !found {
		return 0, 0, false
	}
	rest = strings.TrimPrefix(rest, " ")
	digits := 0
	for digits < len(rest) && '0' <= rest[digits] && rest[digits] <= '9' {
		digits++
	}
	if digits == 0 {
		return 0, 0, false
	}
	n, err := strconv.Atoi(rest[:digits])
	return n, len(k) - len(rest) + digits, err == nil
}

// checkCellTexts warns of a text longer than a cell holds (MaxCellText):
// read whole here, it is cut to a cell's length wherever the desk writes
// it again (the consolidated workbook, the next period's template, the
// form), and the unit is told which, not left to find it lost.
func (fc *fileChecker) checkCellTexts(r Row, model int) {
	for _, t := range []struct {
		v    Value
		what string
	}{{r.Result, wordResult}, {r.Difficulty, wordDifficulty}, {r.Proposal, wordProposal}, {r.Tasks, wordTasks}} {
		if n := CellTextLen(t.v.Text); n > MaxCellText {
			fc.add(Warning, TextTooLong, t.v.Cell, model, fmt.Sprintf(msgCellTextCut, t.what, model, n, MaxCellText), hintCellTextCut)
		}
	}
}
