package report

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

// Consolidation is the commune's report for one period, built from the
// accepted entries: what the workbook and the PDF render.
type Consolidation struct {
	Plan   *plan.Plan
	Period plan.Period
	Models []*ModelSummary // plan order
	Groups []GroupSummary  // plan order
	// Units that had to report, and those without an accepted file.
	Expected    []*plan.Unit
	NotReported []*plan.Unit
	// Rejected names the rejected files of units that did not report.
	Rejected map[string][]string
	Entries  []Entry // accepted, file order
	Findings []Finding
	// Previous is the period compared with (--previous), zero when none.
	Previous plan.Period
}

// Attributed is one unit's text about a model.
type Attributed struct {
	Unit string
	Text string
}

// ModelSummary is one model's combined state.
type ModelSummary struct {
	Model    *plan.Model
	Status   Status
	Progress *float64
	// Indicator: achieved and total summed over units; Percent is
	// achieved/total for a ratio, achieved/target for a count.
	Achieved, Total, Percent         *float64
	Results, Difficulties, Proposals []Attributed
	Overdue                          bool
	Reported                         []string // unit names, plan order
	Missing                          []string // units that had to report and did not
	// Previous period, when --previous was given and held this model.
	HasPrevious      bool
	PreviousStatus   Status
	PreviousProgress *float64
}

// GroupSummary counts a group's models by combined status.
type GroupSummary struct {
	Code, Name string
	Models     int
	ByStatus   map[Status]int
	Overdue    int
}

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
}

// CombineStatus merges the statuses units gave for one model:
//   - no report: Chưa báo cáo;
//   - every unit Đã hoàn thành: Đã hoàn thành;
//   - every unit done or running it as routine, at least one routine:
//     Thực hiện thường xuyên;
//   - any unit started (Đang triển khai, or done/routine while others are
//     not): Đang triển khai;
//   - otherwise (all Chưa triển khai): Chưa triển khai.
func CombineStatus(ss []Status) Status {
	if len(ss) == 0 {
		return StatusNone
	}
	all := func(ok func(Status) bool) bool {
		for _, s := range ss {
			if !ok(s) {
				return false
			}
		}
		return true
	}
	switch {
	case all(func(s Status) bool { return s == StatusDone }):
		return StatusDone
	case all(func(s Status) bool { return s == StatusDone || s == StatusRecurring }):
		return StatusRecurring
	case all(func(s Status) bool { return s == StatusNotStarted }):
		return StatusNotStarted
	}
	return StatusInProgress
}

// unitProgress is the progress an entry stands for: the number given, else
// what its status implies (0 for Chưa triển khai, 100 for Đã hoàn thành and
// Thực hiện thường xuyên); Đang triển khai without a number counts for none.
func unitProgress(s Status, p *float64) (float64, bool) {
	if p != nil {
		return *p, true
	}
	switch s {
	case StatusNotStarted:
		return 0, true
	case StatusDone, StatusRecurring:
		return 100, true
	}
	return 0, false
}

// CombineProgress is the plain mean of the units' progress: every unit
// carries its own share of the model, so each weighs the same.
func CombineProgress(ss []Status, ps []*float64) *float64 {
	sum, n := 0.0, 0
	for i, s := range ss {
		if v, ok := unitProgress(s, ps[i]); ok {
			sum += v
			n++
		}
	}
	if n == 0 {
		return nil
	}
	m := math.Round(sum/float64(n)*10) / 10
	return &m
}

// Consolidate merges the accepted entries of c for the plan. prev is an
// earlier report to compare with (nil for none).
func Consolidate(pl *plan.Plan, c *Checked, prev *Previous) *Consolidation {
	out := &Consolidation{Plan: pl, Period: c.Period, Entries: c.Entries(), Findings: c.Findings(), Rejected: map[string][]string{}}
	var previous []PreviousEntry
	if prev != nil {
		out.Previous, previous = prev.Period, prev.Entries
		out.Findings = append(out.Findings, compareEntries(out.Entries, prev)...)
	}
	reportDay := c.Period.ReportDay()

	accepted := map[string]bool{}
	for _, f := range c.Files {
		if f.Accepted {
			accepted[f.Unit.ID] = true
		} else if f.Unit != nil {
			out.Rejected[f.Unit.ID] = append(out.Rejected[f.Unit.ID], f.Sub.Name)
		}
	}
	for _, u := range pl.ReportingUnits() {
		out.Expected = append(out.Expected, u)
		if !accepted[u.ID] {
			out.NotReported = append(out.NotReported, u)
			msg := fmt.Sprintf(msgNotSubmitted, u.Name)
			if files := out.Rejected[u.ID]; len(files) > 0 {
				msg = fmt.Sprintf(msgNotSubmittedRejected, u.Name, strings.Join(files, ", "))
			}
			out.Findings = append(out.Findings, Finding{Severity: Warning, Code: UnitNotSubmitted, Message: msg, Hint: hintNotSubmitted})
		}
	}

	byModel := map[int][]Entry{}
	for _, e := range out.Entries {
		byModel[e.Model.Number] = append(byModel[e.Model.Number], e)
	}
	prevByModel := map[int][]PreviousEntry{}
	for _, pe := range previous {
		prevByModel[pe.Model] = append(prevByModel[pe.Model], pe)
	}
	unitName := func(id string) string {
		if u := pl.Unit(id); u != nil {
			return u.Name
		}
		return id
	}
	for _, g := range pl.Groups {
		gs := GroupSummary{Code: g.Code, Name: g.Name, Models: len(g.Models), ByStatus: map[Status]int{}}
		for _, m := range g.Models {
			es := byModel[m.Number]
			// Units in plan order, so texts read the same every time.
			slices.SortStableFunc(es, func(a, b Entry) int { return unitIndex(pl, a.UnitID) - unitIndex(pl, b.UnitID) })
			ms := &ModelSummary{Model: m}
			omitted := map[*[]Attributed]int{}
			var ss []Status
			var ps []*float64
			reported := map[string]bool{}
			for _, e := range es {
				ss = append(ss, e.Status)
				ps = append(ps, e.Progress)
				reported[e.UnitID] = true
				ms.Reported = append(ms.Reported, unitName(e.UnitID))
				add := func(dst *[]Attributed, text, what string) {
					if text == "" {
						return
					}
					used := 0
					for _, a := range *dst {
						used += utf8.RuneCountInString(a.Text)
					}
					if used+MinReportText > MaxModelText {
						omitted[dst]++
						return
					}
					shown, cut := ShortenForReport(text, MaxModelText-used)
					if cut {
						out.Findings = append(out.Findings, Finding{Severity: Warning, Code: TextTooLong, File: e.File, Sheet: e.Sheet, Model: e.Model.Number,
							Message: fmt.Sprintf(msgTextTooLong, what, e.Model.Number, utf8.RuneCountInString(text)), Hint: hintTextTooLong})
					}
					*dst = append(*dst, Attributed{Unit: unitName(e.UnitID), Text: shown})
				}
				add(&ms.Results, e.Result, wordResult)
				add(&ms.Difficulties, e.Difficulty, wordDifficulty)
				add(&ms.Proposals, e.Proposal, wordProposal)
				if e.Achieved != nil {
					ms.Achieved = addPtr(ms.Achieved, *e.Achieved)
				}
				if e.Total != nil {
					ms.Total = addPtr(ms.Total, *e.Total)
				}
			}
			for _, list := range []*[]Attributed{&ms.Results, &ms.Difficulties, &ms.Proposals} {
				if n := omitted[list]; n > 0 {
					*list = append(*list, Attributed{Unit: msgOtherUnits, Text: fmt.Sprintf(msgTextsOmitted, n)})
				}
			}
			for _, id := range pl.Reporters(m) {
				if !reported[id] {
					ms.Missing = append(ms.Missing, unitName(id))
				}
			}
			ms.Status = CombineStatus(ss)
			ms.Progress = CombineProgress(ss, ps)
			ms.Percent = indicatorPercent(m, ms.Achieved, ms.Total)
			if d := m.Deadline.Due; d != nil && d.Before(reportDay) && ms.Status != StatusDone {
				ms.Overdue = true
				gs.Overdue++
				out.Findings = append(out.Findings, Finding{Severity: Warning, Code: ModelOverdue, Model: m.Number,
					Message: fmt.Sprintf(msgOverdue, m.Number, m.Deadline.Text, vi.FormatDate(*d), ms.Status), Hint: hintOverdue})
			}
			if pes, ok := prevByModel[m.Number]; ok {
				var pss []Status
				var pps []*float64
				for _, pe := range pes {
					if pe.Status != StatusNone {
						pss = append(pss, pe.Status)
						pps = append(pps, pe.Progress)
					}
				}
				ms.HasPrevious = true
				ms.PreviousStatus = CombineStatus(pss)
				ms.PreviousProgress = CombineProgress(pss, pps)
			}
			gs.ByStatus[ms.Status]++
			out.Models = append(out.Models, ms)
		}
		out.Groups = append(out.Groups, gs)
	}
	SortFindings(out.Findings)
	return out
}

func unitIndex(pl *plan.Plan, id string) int {
	for i, u := range pl.Units {
		if u.ID == id {
			return i
		}
	}
	return len(pl.Units)
}

func addPtr(p *float64, v float64) *float64 {
	if p == nil {
		return &v
	}
	s := *p + v
	return &s
}

func indicatorPercent(m *plan.Model, achieved, total *float64) *float64 {
	if m.Indicator == nil || achieved == nil {
		return nil
	}
	den := m.Indicator.Target
	if m.Indicator.Ratio() {
		if total == nil {
			return nil
		}
		den = *total
	}
	if den <= 0 {
		return nil
	}
	p := math.Round(*achieved/den*1000) / 10
	return &p
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

// IndicatorText is "4.512/5.130 (88 %)", "22/20 DVC (110 %)" or "".
func (ms *ModelSummary) IndicatorText() string {
	ind := ms.Model.Indicator
	if ind == nil || ms.Achieved == nil {
		return ""
	}
	var s string
	if ind.Ratio() {
		if ms.Total == nil {
			return vi.FormatNumber(*ms.Achieved)
		}
		s = vi.FormatNumber(*ms.Achieved) + "/" + vi.FormatNumber(*ms.Total)
	} else {
		s = vi.FormatNumber(*ms.Achieved) + "/" + vi.FormatNumber(ind.Target) + " " + ind.Unit
	}
	if ms.Percent != nil {
		s += " (" + vi.FormatNumber(*ms.Percent) + "%)"
	}
	return s
}

// Counts are the headline numbers of the report.
type Counts struct {
	ByStatus      map[Status]int
	Overdue       int
	UnitsReported int
	UnitsExpected int
	Models        int
	WithIndicator int
}

// Counts sums the consolidation for the report's part I.
func (c *Consolidation) Counts() Counts {
	n := Counts{ByStatus: map[Status]int{}, UnitsExpected: len(c.Expected), UnitsReported: len(c.Expected) - len(c.NotReported)}
	for _, m := range c.Models {
		n.Models++
		n.ByStatus[m.Status]++
		if m.Overdue {
			n.Overdue++
		}
		if m.Model.Indicator != nil {
			n.WithIndicator++
		}
	}
	return n
}

// How much of the units' texts the consolidated table and the PDF print;
// the data sheet keeps them whole. One unit's text about one model is cut
// at MaxReportText characters; a model's texts of one kind (results,
// difficulties, proposals) share MaxModelText, and once fewer than
// MinReportText are left the other units' texts are only counted. This
// keeps the signed document within a few dozen pages whatever units type;
// real texts are a few lines.
const (
	MaxReportText = 400
	MaxModelText  = 700
	MinReportText = 100
)

// ShortenForReport cuts text beyond limit characters (at most
// MaxReportText) at a word, with a visible marker saying how much was left
// out.
func ShortenForReport(text string, limit int) (string, bool) {
	limit = min(limit, MaxReportText)
	r := []rune(text)
	if len(r) <= limit {
		return text, false
	}
	cut := limit
	for cut > limit*3/4 && !unicode.IsSpace(r[cut]) {
		cut--
	}
	return strings.TrimSpace(string(r[:cut])) + fmt.Sprintf(msgTextCut, len(r)-cut), true
}

// compareEntries warns where a unit's word on a model went backwards since
// the previous report: a status further from done, or a lower progress.
func compareEntries(entries []Entry, prev *Previous) []Finding {
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
		}
	}
	return out
}

// StatusesWithNone lists every status including "not reported", in the
// order reports show them.
var StatusesWithNone = []Status{StatusDone, StatusRecurring, StatusInProgress, StatusNotStarted, StatusNone}
