package report

import (
	"fmt"
	"math"
	"slices"
	"strings"

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
	// Why says, for a unit in Rejected, why its (last) file was not used.
	Why map[string]Rejection
	// Returned lists, for each unit whose file was used, the models whose
	// rows had errors and were left out: sent back to be fixed.
	Returned map[string][]int
	// Sources is, for each unit whose file is of another period than the
	// report's (a week standing in for a month), that period.
	Sources map[string]plan.Period
	// OneSource is that period when every usable file is of it (a month
	// made of the same week throughout): the report says so once, and the
	// units' texts carry no source of their own. Zero otherwise.
	OneSource plan.Period
	// Own is the signer's own unit (the issuing agency), "" when it is none
	// of the plan's units: a report never "returns" a file to its signer.
	Own      string
	Entries  []Entry // accepted, file order
	Findings []Finding
	// Previous is the period compared with (--previous), zero when none.
	Previous plan.Period
	// Signed is the report this goes with, set by the caller when known.
	Signed Signed
}

// Rejection is why a unit's file was not used: the code of its first
// error, the period the file is for, and, for a pre-filled template sent
// back untouched, the period its figures came from.
type Rejection struct {
	Code   Code
	Period plan.Period
	From   plan.Period
}

// Attributed is one unit's text about a model.
type Attributed struct {
	Unit string
	Text string
	// From names the period the text was written for when it is not the
	// report's own ("Tuần 48 năm 2026" in a monthly report).
	From string
}

// ModelSummary is one model's combined state.
type ModelSummary struct {
	Model *plan.Model
	// Status is what the report counts; Claimed is what the units' own
	// statuses combine to. They differ when the model's figures contradict
	// the claim: "done" below its target is counted in progress.
	Status, Claimed Status
	Progress        *float64
	// Indicator: achieved and total summed over units; Percent is
	// achieved/total for a ratio, achieved/target for a count.
	Achieved, Total, Percent                *float64
	Results, Difficulties, Proposals, Tasks []Attributed
	Overdue                                 bool
	Reported                                []string // unit names, plan order
	// Units that had to report on the model and gave no usable row: those
	// that sent nothing, those whose row or file had errors and went back
	// to be fixed, and the signer's own unit in that case (never "sent
	// back" to itself).
	Missing, Returned, Fixing []string
	// Unassessed: the indicator is a sum without its lead unit's count,
	// no result to set against the target (IndicatorStanding).
	Unassessed bool
	// Expected counts the units that had to report on the model: with
	// Missing, Returned and Fixing, how much of the model the figures
	// cover (Coverage).
	Expected int
	// achievedBy is each unit's part of the indicator, "Trạm y tế xã 2",
	// for a message when the sum cannot be right.
	achievedBy []string
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
	out := &Consolidation{Plan: pl, Period: c.Period, Entries: c.Entries(), Findings: c.Findings(), Rejected: map[string][]string{},
		Why: map[string]Rejection{}, Returned: map[string][]int{}, Sources: map[string]plan.Period{}}
	if id, ok := pl.MatchUnit(pl.Header.IssuingAgency); ok {
		out.Own = id
	} else if id, ok := pl.MatchUnit(pl.Document.StandingAgency); ok {
		out.Own = id
	}
	prevByModel := map[int][]PreviousEntry{}
	if prev != nil {
		out.Previous = prev.Period
		out.Findings = append(out.Findings, compareEntries(out.Entries, prev, c.Period.ReportDay(), out.Findings)...)
		for _, pe := range prev.Entries {
			prevByModel[pe.Model] = append(prevByModel[pe.Model], pe)
		}
	}
	out.findMissingUnits(c)
	byModel := map[int][]Entry{}
	for _, e := range out.Entries {
		byModel[e.Model.Number] = append(byModel[e.Model.Number], e)
	}
	for _, g := range pl.Groups {
		gs := GroupSummary{Code: g.Code, Name: g.Name, Models: len(g.Models), ByStatus: map[Status]int{}}
		for _, m := range g.Models {
			ms := out.summarize(m, byModel[m.Number], prevByModel[m.Number])
			if ms.Overdue {
				gs.Overdue++
			}
			gs.ByStatus[ms.Status]++
			out.Models = append(out.Models, ms)
		}
		out.Groups = append(out.Groups, gs)
	}
	SortFindings(out.Findings)
	return out
}

// findMissingUnits lists the units that had to report and sent no file
// that counts, naming their rejected files.
func (out *Consolidation) findMissingUnits(c *Checked) {
	accepted := map[string]bool{}
	for _, f := range c.Files {
		switch {
		case f.Accepted:
			accepted[f.Unit.ID] = true
			if f.Period != c.Period && !f.Period.IsZero() {
				out.Sources[f.Unit.ID] = f.Period
			}
			for _, fd := range f.Findings {
				if fd.Code == ModelDuplicate && f.HasEntry(fd.Model) {
					continue // the model's first row was used; only its copy was not
				}
				if fd.Severity == Error && fd.Model > 0 && !slices.Contains(out.Returned[f.Unit.ID], fd.Model) {
					out.Returned[f.Unit.ID] = append(out.Returned[f.Unit.ID], fd.Model)
				}
			}
		case f.Unit != nil && f.UsedInstead == "":
			out.Rejected[f.Unit.ID] = append(out.Rejected[f.Unit.ID], f.Sub.Name)
			out.Why[f.Unit.ID] = f.rejection()
		}
	}
	for id := range accepted {
		delete(out.Rejected, id)
		delete(out.Why, id)
	}
	out.OneSource = oneSource(accepted, out.Sources)
	for _, ms := range out.Returned {
		slices.Sort(ms)
	}
	for _, u := range out.Plan.ReportingUnits() {
		out.Expected = append(out.Expected, u)
		if accepted[u.ID] {
			continue
		}
		out.NotReported = append(out.NotReported, u)
		msg := fmt.Sprintf(msgNotSubmitted, u.Name)
		if files := out.Rejected[u.ID]; len(files) > 0 {
			msg = fmt.Sprintf(msgNotSubmittedRejected, u.Name, strings.Join(files, ", "))
		}
		out.Findings = append(out.Findings, Finding{Severity: Warning, Code: UnitNotSubmitted, Message: msg, Hint: hintNotSubmitted})
	}
}

// oneSource is the period every accepted unit's file is of, when it is
// not the report's own and is the same for all; zero otherwise.
func oneSource(accepted map[string]bool, sources map[string]plan.Period) plan.Period {
	var one plan.Period
	for id := range accepted {
		src, ok := sources[id]
		if !ok || !one.IsZero() && src != one {
			return plan.Period{}
		}
		one = src
	}
	return one
}

// summarize combines the units' entries about model m, and the previous
// report's, into the model's line of the report.
func (out *Consolidation) summarize(m *plan.Model, es []Entry, prev []PreviousEntry) *ModelSummary {
	pl := out.Plan
	// Units in plan order, so texts read the same every time.
	slices.SortStableFunc(es, func(a, b Entry) int { return unitIndex(pl, a.UnitID) - unitIndex(pl, b.UnitID) })
	ms := &ModelSummary{Model: m}
	texts := textBudget{out: out}
	var ss []Status
	var ps []*float64
	reported := map[string]bool{}
	for _, e := range es {
		ss, ps = append(ss, e.Status), append(ps, e.Progress)
		reported[e.UnitID] = true
		ms.Reported = append(ms.Reported, out.unitName(e.UnitID))
		texts.add(&ms.Results, e, e.Result, wordResult)
		texts.add(&ms.Difficulties, e, e.Difficulty, wordDifficulty)
		texts.add(&ms.Proposals, e, e.Proposal, wordProposal)
		texts.add(&ms.Tasks, e, e.Tasks, wordTasks)
		if e.Achieved != nil {
			ms.Achieved = addPtr(ms.Achieved, *e.Achieved)
			ms.achievedBy = append(ms.achievedBy, out.unitName(e.UnitID)+" "+vi.FormatNumber(*e.Achieved))
		}
		if e.Total != nil {
			ms.Total = addPtr(ms.Total, *e.Total)
		}
	}
	texts.close(&ms.Results, &ms.Difficulties, &ms.Proposals, &ms.Tasks)
	ms.Expected = len(pl.Reporters(m))
	for _, id := range pl.Reporters(m) {
		if reported[id] {
			continue
		}
		switch name := out.unitName(id); {
		case !out.returned(id, m.Number):
			ms.Missing = append(ms.Missing, name)
		case id == out.Own:
			ms.Fixing = append(ms.Fixing, name)
		default:
			ms.Returned = append(ms.Returned, name)
		}
	}
	ms.Unassessed = ms.unassessed(pl)
	ms.Claimed = CombineStatus(ss)
	ms.Progress = CombineProgress(ss, ps)
	ms.Percent = indicatorPercent(m, ms.Achieved, ms.Total)
	ms.Status = countedStatus(m, ms.Claimed, ms.Percent)
	ms.Progress = countedProgress(ms.Claimed, ms.Status, ms.Progress)
	out.checkIndicator(ms)
	if ms.overdueOn(out.Period.ReportDay()) {
		ms.Overdue = true
		out.Findings = append(out.Findings, Finding{Severity: Warning, Code: ModelOverdue, Model: m.Number,
			Message: fmt.Sprintf(msgOverdue, m.Number, vi.OneLine(m.Deadline.Text), vi.FormatDate(*m.Deadline.Due), ms.StatusPhrase()), Hint: hintOverdue})
	}
	if prev != nil {
		var pss []Status
		var pps []*float64
		var pa, pt *float64
		for _, pe := range prev {
			if pe.Status != StatusNone {
				pss, pps = append(pss, pe.Status), append(pps, pe.Progress)
				if pe.Achieved != nil {
					pa = addPtr(pa, *pe.Achieved)
				}
				if pe.Total != nil {
					pt = addPtr(pt, *pe.Total)
				}
			}
		}
		ms.HasPrevious = true
		claimed, percent := CombineStatus(pss), indicatorPercent(m, pa, pt)
		ms.PreviousStatus = countedStatus(m, claimed, percent)
		ms.PreviousProgress = countedProgress(claimed, ms.PreviousStatus, CombineProgress(pss, pps))
	}
	return ms
}

// checkIndicator flags a model's combined indicator that cannot be right
// (a sum above a total that is all there is: some unit counted another's
// part) or that contradicts a done status.
func (out *Consolidation) checkIndicator(ms *ModelSummary) {
	ind, n := ms.Model.Indicator, ms.Model.Number
	if ind == nil || ms.Achieved == nil {
		return
	}
	if ind.Fixed && *ms.Achieved > ind.Target {
		out.Findings = append(out.Findings, Finding{Severity: Error, Code: IndicatorInvalid, Model: n,
			Message: fmt.Sprintf(msgIndicatorOverFixed, n, vi.FormatNumber(*ms.Achieved), vi.FormatNumber(ind.Target), ind.Unit, strings.Join(ms.achievedBy, ", ")), Hint: hintIndicatorOverFixed})
	}
	target := 100.0
	if ind.Ratio() {
		target = ind.Target
	}
	if ms.Claimed == StatusDone && ms.Percent != nil && *ms.Percent < target {
		out.Findings = append(out.Findings, Finding{Severity: Warning, Code: IndicatorMismatch, Model: n,
			Message: fmt.Sprintf(msgDoneModelBelowTarget, n, ms.IndicatorText()), Hint: hintDoneBelowTarget})
	}
}

func (out *Consolidation) unitName(id string) string {
	if u := out.Plan.Unit(id); u != nil {
		return u.Name
	}
	return id
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

// StatusesWithNone lists every status including "not reported", in the
// order reports show them.
var StatusesWithNone = []Status{StatusDone, StatusRecurring, StatusInProgress, StatusNotStarted, StatusNone}

// HasEntry reports whether the file gave an entry for model n.
func (fr *FileResult) HasEntry(n int) bool {
	return slices.ContainsFunc(fr.Entries, func(e Entry) bool { return e.Model.Number == n })
}

// rejection says why a file that was not used was not: its first error.
func (fr *FileResult) rejection() Rejection {
	r := Rejection{Period: fr.Period}
	for _, fd := range fr.Findings {
		if fd.Severity == Error {
			r.Code = fd.Code
			break
		}
	}
	if r.Code == ReportNotUpdated {
		r.From, _ = plan.ParsePeriod(fr.Sub.Meta[MetaPrefillPeriod])
	}
	return r
}
