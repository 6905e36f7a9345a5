package report

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

// Entry is one accepted report line: a unit's word on one model.
type Entry struct {
	UnitID     string
	Model      *plan.Model
	Status     Status
	Progress   *float64
	Achieved   *float64
	Total      *float64
	Result     string
	Difficulty string
	Proposal   string
	Tasks      string
	File       string
	Sheet      string
	Line       int
	// The cells the status and progress came from, for findings that the
	// consolidation raises about this entry.
	StatusCell, ProgressCell string
	// Source is the period of the file the entry came from: a week, when a
	// month is made of the units' weekly reports.
	Source plan.Period
	// Who filled the report in, as the file's header says.
	Reporter, Phone string
}

// FileResult is what Validate made of one submission.
type FileResult struct {
	Sub        *Submission
	Unit       *plan.Unit // nil when unknown
	Period     plan.Period
	ReportDate *time.Time
	// Accepted is false when a file-level error rejects the whole file, or
	// when another file of the same unit is used instead (UsedInstead).
	Accepted    bool
	UsedInstead string
	Entries     []Entry
	Findings    []Finding
}

// Counts returns the number of errors and warnings of the file.
func (fr *FileResult) Counts() (errs, warns int) { return Count(fr.Findings) }

// Checked is the result of validating every submission of a period.
type Checked struct {
	Period plan.Period
	Files  []*FileResult
}

// Findings returns every finding, sorted.
func (c *Checked) Findings() []Finding {
	var all []Finding
	for _, f := range c.Files {
		all = append(all, f.Findings...)
	}
	SortFindings(all)
	return all
}

// Entries returns the accepted entries of every accepted file.
func (c *Checked) Entries() []Entry {
	var all []Entry
	for _, f := range c.Files {
		if f.Accepted {
			all = append(all, f.Entries...)
		}
	}
	return all
}

// InferPeriod returns the period most submissions name, or fallback.
func InferPeriod(subs []*Submission, fallback plan.Period) plan.Period {
	counts := map[plan.Period]int{}
	for _, s := range subs {
		if p, _, ok := submissionPeriod(s); ok {
			counts[p]++
		}
	}
	best, n := fallback, 0
	for p, c := range counts {
		if c > n || (c == n && p.String() > best.String()) {
			best, n = p, c
		}
	}
	return best
}

// submissionPeriod is the period a file is for: the visible header, else
// the template's metadata (fromMeta).
func submissionPeriod(s *Submission) (p plan.Period, fromMeta, ok bool) {
	if p, ok := plan.ReadPeriod(s.Period.Text); ok {
		return p, false, true
	}
	if p, err := plan.ParsePeriod(s.Meta["period"]); err == nil {
		return p, true, true
	}
	return plan.Period{}, false, false
}

// Validate checks every submission against the plan for period p; today
// is the day of the check (a report dated later is suspect), zero to skip
// that test. Every problem is collected; one bad file never stops the
// others.
func Validate(pl *plan.Plan, subs []*Submission, p plan.Period, today time.Time) *Checked {
	c := &Checked{Period: p, Files: make([]*FileResult, len(subs))}
	// Each file is checked on its own, on every core (the plan is only
	// read); which of a unit's files counts is settled across them after.
	workers := max(1, min(runtime.GOMAXPROCS(0), len(subs)/32))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(subs); i += workers {
				c.Files[i] = validateFile(pl, subs[i], p, today)
			}
		})
	}
	wg.Wait()
	ResolveDuplicates(c.Files)
	return c
}

type fileChecker struct {
	pl    *plan.Plan
	s     *Submission
	fr    *FileResult
	per   plan.Period
	today time.Time
}

func (fc *fileChecker) add(sev Severity, code Code, cell string, model int, msg, hint string) {
	fc.fr.Findings = append(fc.fr.Findings, Finding{
		Severity: sev, Code: code, File: fc.s.Name, Sheet: fc.s.Sheet, Cell: cell, Model: model, Message: msg, Hint: hint,
	})
}

// hintDate says how to write the report date, with the report day of the
// period the file is judged for as its example.
func (fc *fileChecker) hintDate() string {
	d := fc.exampleDay()
	if d.IsZero() {
		return hintDateBare
	}
	return fmt.Sprintf(hintDate, vi.FormatDate(d))
}

// exampleDay is the report day of the period the file is judged for (a
// week standing in for a month: its week's), zero when none is known.
func (fc *fileChecker) exampleDay() time.Time {
	p := fc.per
	if f := fc.fr.Period; !f.IsZero() && (p.IsZero() || p.Covers(f)) {
		p = f
	}
	if p.IsZero() {
		return time.Time{}
	}
	return p.ReportDay()
}

func validateFile(pl *plan.Plan, s *Submission, p plan.Period, today time.Time) *FileResult {
	fr := &FileResult{Sub: s, Findings: append([]Finding(nil), s.Findings...)}
	fc := &fileChecker{pl: pl, s: s, fr: fr, per: p, today: today}
	if s.HasFileError() {
		return fr
	}
	fileOK := fc.checkUnit() && fc.checkPeriod()
	fc.checkDate()
	if !fileOK {
		return fr
	}
	if !fc.anyInput() {
		fc.add(Error, StatusMissing, "", 0, msgNothingFilled, hintNothingFilled)
		return fr
	}
	fr.Accepted = true
	fc.checkRows()
	fc.checkPrefill()
	return fr
}

// anyInput reports whether the unit typed anything in the table: a blank
// template sent back is one problem, not one per row.
func (fc *fileChecker) anyInput() bool {
	for _, r := range fc.s.Rows {
		for _, v := range []Value{r.Status, r.Progress, r.Achieved, r.Total, r.Result, r.Difficulty, r.Proposal, r.Tasks} {
			if !v.Empty() {
				return true
			}
		}
	}
	return false
}

func (fc *fileChecker) checkUnit() bool {
	s := fc.s
	if id, ok := fc.pl.MatchUnit(s.Unit.Text); ok {
		fc.fr.Unit = fc.pl.Unit(id)
	} else if hint := fc.pl.Unit(s.Meta["unit_id"]); hint != nil {
		fc.fr.Unit = hint
		if s.Unit.Text != "" {
			fc.add(Warning, UnitUnknown, s.Unit.Cell, 0, fmt.Sprintf(msgUnitFromMeta, echo(s.Unit.Text), hint.Name), hintUnitName)
		}
	}
	if fc.fr.Unit == nil {
		msg := msgUnitMissing
		if s.Unit.Text != "" {
			msg = fmt.Sprintf(msgUnitUnknown, echo(s.Unit.Text))
		}
		fc.add(Error, UnitUnknown, s.Unit.Cell, 0, msg, fmt.Sprintf(hintUnitUnknown, suggestion(fc.pl, s.Unit.Text)))
		return false
	}
	if !fc.fr.Unit.Reports {
		fc.add(Error, UnitNotReporting, s.Unit.Cell, 0, fmt.Sprintf(msgUnitNoReport, fc.fr.Unit.Name), hintUnitName)
		return false
	}
	return true
}

func suggestion(pl *plan.Plan, typed string) string {
	var names []string
	for _, u := range pl.SuggestUnits(typed) {
		if u.Reports {
			names = append(names, u.Name)
		}
		if len(names) == 3 {
			break
		}
	}
	return strings.Join(names, "; ")
}

// CheckPeriod judges the period a file declares (its visible period, else
// its metadata) against p, the period being put together, by the rule a
// unit's report is judged by: the period it is for, its findings, and
// whether it can be used. A consolidated workbook sent to the level above
// is judged by it too.
func CheckPeriod(s *Submission, p plan.Period) (plan.Period, []Finding, bool) {
	fc := &fileChecker{s: s, fr: &FileResult{Sub: s}, per: p}
	ok := fc.checkPeriod()
	return fc.fr.Period, fc.fr.Findings, ok
}

func (fc *fileChecker) checkPeriod() bool {
	s := fc.s
	per, fromMeta, ok := submissionPeriod(s)
	if fromMeta && s.Period.Text != "" {
		fc.add(Warning, PeriodMissing, s.Period.Cell, 0, fmt.Sprintf(msgPeriodFromMeta, echo(s.Period.Text), per.String()), hintPeriodForm)
	}
	if !ok {
		msg := msgPeriodMissing
		if s.Period.Text != "" {
			msg = fmt.Sprintf(msgPeriodUnreadable, echo(s.Period.Text))
		}
		fc.add(Error, PeriodMissing, s.Period.Cell, 0, msg, hintPeriodForm)
		return false
	}
	fc.fr.Period = per
	if per != fc.per && fc.per.Covers(per) {
		// Units report weekly; a month may be made of their last week.
		fc.add(Warning, WeekForMonth, s.Period.Cell, 0, fmt.Sprintf(msgWeekForMonth, per.Name(), fc.per.Name()), hintWeekForMonth)
		return true
	}
	if per != fc.per {
		fc.add(Error, PeriodMismatch, s.Period.Cell, 0, fmt.Sprintf(msgPeriodMismatch, per.Label(), fc.per.Label()),
			fmt.Sprintf(hintPeriodMismatch, fc.per.Short()))
		return false
	}
	return true
}

func (fc *fileChecker) checkDate() {
	s := fc.s
	d := s.ReportDate.Date
	if d == nil && s.ReportDate.Text != "" {
		if t, ok := vi.ParseDate(s.ReportDate.Text); ok {
			d = &t
		} else {
			fc.add(Warning, DateInvalid, s.ReportDate.Cell, 0, fmt.Sprintf(msgDateInvalid, echo(s.ReportDate.Text)), fc.hintDate())
			return
		}
	}
	if d == nil {
		fc.add(Warning, DateMissing, s.ReportDate.Cell, 0, msgDateMissing, fc.hintDate())
		return
	}
	fc.fr.ReportDate = d
	if !fc.today.IsZero() && d.After(vi.Day(fc.today.Year(), fc.today.Month(), fc.today.Day())) {
		fc.add(Warning, DateFuture, s.ReportDate.Cell, 0, fmt.Sprintf(msgDateFuture, vi.FormatDate(*d), vi.FormatDate(fc.today)), fc.hintDate())
		return
	}
	if !fc.per.IsZero() && fc.fr.Period == fc.per && !fc.per.Contains(*d) {
		// Reports often come a day late: only say so, never drop the data.
		fc.add(Warning, DateOutside, s.ReportDate.Cell, 0, fmt.Sprintf(msgDateOutside, vi.FormatDate(*d), fc.per.Label()), fc.hintDate())
	}
}

// ResolveDuplicates keeps one file per unit when a unit sent several: the
// one with the latest report date, then the one saved last. The others are
// marked not used, with a message that says exactly why and names both
// files; none of their data is merged. When nothing tells which is newer,
// the choice is an error the officer must settle. It is the one rule for a
// unit's several files, whatever the unit: a commune sending its
// consolidated workbook twice to the province is judged by it too.
func ResolveDuplicates(files []*FileResult) {
	byUnit := map[string][]*FileResult{}
	var units []string
	for _, f := range files {
		if f.Accepted && f.Unit != nil {
			if _, ok := byUnit[f.Unit.ID]; !ok {
				units = append(units, f.Unit.ID)
			}
			byUnit[f.Unit.ID] = append(byUnit[f.Unit.ID], f)
		}
	}
	for _, id := range units {
		fs := byUnit[id]
		if len(fs) < 2 {
			continue
		}
		slices.SortStableFunc(fs, newerFirst)
		kept := fs[0]
		for _, old := range fs[1:] {
			old.Accepted = false
			old.UsedInstead = kept.Sub.Name
			sev, msg := duplicateReason(kept, old)
			old.Findings = append(old.Findings, Finding{
				Severity: sev, Code: UnitDuplicate, File: old.Sub.Name, Sheet: old.Sub.Sheet, Cell: old.Sub.ReportDate.Cell,
				Message: msg, Hint: hintUnitDuplicate,
			})
		}
	}
}

// newerFirst orders a unit's files: later report date, then later saved,
// then name (only so that the order is stable).
func newerFirst(a, b *FileResult) int {
	da, db := a.ReportDate, b.ReportDate
	switch {
	case da != nil && db != nil && !da.Equal(*db):
		return db.Compare(*da)
	case (da == nil) != (db == nil):
		if da != nil {
			return -1
		}
		return 1
	case !a.Sub.Modified.Equal(b.Sub.Modified):
		return b.Sub.Modified.Compare(a.Sub.Modified)
	}
	return cmp.Compare(b.Sub.Name, a.Sub.Name)
}

// duplicateReason says why old is not used while kept is.
func duplicateReason(kept, old *FileResult) (Severity, string) {
	unit, k := kept.Unit.Name, kept.Sub.Name
	dk, do := kept.ReportDate, old.ReportDate
	switch {
	case sameContent(kept, old):
		return Warning, fmt.Sprintf(msgDupIdentical, unit, k)
	case dk != nil && do != nil && !dk.Equal(*do):
		return Warning, fmt.Sprintf(msgDupLaterDate, unit, k, vi.FormatDate(*dk), vi.FormatDate(*do))
	case dk != nil && do == nil:
		return Warning, fmt.Sprintf(msgDupNoDate, unit, k, vi.FormatDate(*dk))
	case !kept.Sub.Modified.Equal(old.Sub.Modified):
		return Warning, fmt.Sprintf(msgDupLaterSaved, unit, dateOrNone(dk), k, formatTime(kept.Sub.Modified), formatTime(old.Sub.Modified))
	}
	return Error, fmt.Sprintf(msgDupUndecided, unit, k)
}

func dateOrNone(d *time.Time) string {
	if d == nil {
		return msgNoDate
	}
	return vi.FormatDate(*d)
}

func formatTime(t time.Time) string { return t.Format("15:04:05 02/01/2006") }

// sameContent reports whether two files of a unit say the same things:
// every entry equal, whatever the file names and rows.
func sameContent(a, b *FileResult) bool {
	if len(a.Entries) != len(b.Entries) {
		return false
	}
	for i := range a.Entries {
		if !a.Entries[i].sameAs(b.Entries[i]) {
			return false
		}
	}
	return true
}

func (e Entry) sameAs(o Entry) bool {
	eq := func(x, y *float64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return e.Model.Number == o.Model.Number && e.Status == o.Status && eq(e.Progress, o.Progress) &&
		eq(e.Achieved, o.Achieved) && eq(e.Total, o.Total) &&
		e.Result == o.Result && e.Difficulty == o.Difficulty && e.Proposal == o.Proposal && e.Tasks == o.Tasks
}
