package rollup

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// Rollup is the province's report for one period, put together from the
// communes' counting workbooks: what the province workbook and PDF render.
type Rollup struct {
	Plan    *plan.Plan
	Derived bool // no plan was given: the header is blank, to fill by hand
	Period  plan.Period
	// Communes are the expected communes in the list's order, then those
	// that sent without being on it, by name.
	Communes []*CommuneLine
	Models   []*ModelLine // in the plan's order
	// Groups count commune × model lines by group and status.
	Groups   []report.GroupSummary
	Findings []report.Finding
	Checked  *Checked
	// Signed is the province's report this goes with, set by the caller.
	Signed report.Signed
	// Difficulties and Proposals are what the counting communes' units
	// wrote (Voiced), counted in Opinions; OwnProposals counts those the
	// communes addressed to their own standing body, left out. NoOpinions
	// names the counting communes whose workbook does not carry them.
	Difficulties, Proposals []*Voiced
	Opinions                [2]int // by OpinionKind
	OwnProposals            int
	NoOpinions              []string
}

// CommuneLine is one commune in the province's report.
type CommuneLine struct {
	Unit *plan.Unit
	// Expected: on the province's list (or plan).
	Expected bool
	// Commune is its counting workbook, nil when none counts.
	Commune *Commune
	// Rejected names its files that could not be used, when none counts.
	Rejected []string
}

// Sent reports whether a workbook of the commune counts.
func (cl *CommuneLine) Sent() bool { return cl.Commune != nil }

// ModelLine is one model across the communes.
type ModelLine struct {
	Model *plan.Model
	// Communes counts the counting workbooks that report the model (it is
	// in their commune's plan); ByStatus splits them by the commune's
	// status for it.
	Communes int
	ByStatus map[report.Status]int
	// Progress is the mean of the communes' progress.
	Progress *float64
	// Overdue names the communes overdue on it.
	Overdue []string
	// The indicator summed over the communes whose indicator means the
	// province's (Indicator): Summed of them. Target sums their targets
	// (a count's); Percent is achieved over total (a ratio) or over Target.
	Indicator                        *Indicator
	Achieved, Total, Target, Percent *float64
	Summed                           int
	// NotSummed are the communes whose indicator is not the province's,
	// with what differs.
	NotSummed []NotSummed
}

// NotSummed is a commune whose indicator figures were left out of a
// model's sum, and what differs from the province's indicator.
type NotSummed struct {
	Commune string
	Differs Difference
}

// Roll puts the counting workbooks of c together for the province.
func Roll(pv *Province, c *Checked) *Rollup {
	r := &Rollup{Plan: pv.Plan, Derived: pv.Derived, Period: c.Period, Checked: c}
	r.communes(pv, c)
	var counting []*Commune
	for _, cl := range r.Communes {
		if cl.Sent() {
			counting = append(counting, cl.Commune)
		}
	}
	for _, g := range pv.Plan.Groups {
		gs := report.GroupSummary{Code: g.Code, Name: g.Name, ByStatus: map[report.Status]int{}}
		for _, m := range g.Models {
			ml := modelLine(m, counting)
			for s, n := range ml.ByStatus {
				gs.ByStatus[s] += n
				gs.Models += n
			}
			gs.Overdue += len(ml.Overdue)
			r.Models = append(r.Models, ml)
		}
		r.Groups = append(r.Groups, gs)
	}
	order := map[int]int{}
	for i, m := range pv.Plan.Models() {
		order[m.Number] = i
	}
	r.Difficulties, r.Opinions[Difficulty] = voiced(r.Communes, Difficulty, order)
	r.Proposals, r.Opinions[Proposal] = voiced(r.Communes, Proposal, order)
	for _, cl := range r.Communes {
		if cl.Sent() {
			r.OwnProposals += cl.Commune.OwnProposals
			if !cl.Commune.OpinionsRead {
				r.NoOpinions = append(r.NoOpinions, cl.Unit.Name)
			}
		}
	}
	for _, cm := range c.Communes {
		r.Findings = append(r.Findings, cm.Findings...)
	}
	if pv.Derived {
		r.Findings = append(r.Findings, report.Finding{Severity: report.Warning, Code: report.DocumentBlankHeader, Message: msgBlankHeader, Hint: hintBlankHeader})
	}
	report.SortFindings(r.Findings)
	return r
}

// communes makes a line per expected commune, then one per commune that
// sent without being expected, and says which expected ones did not send.
func (r *Rollup) communes(pv *Province, c *Checked) {
	counting := map[string]*Commune{}
	rejected := map[string][]string{}
	var others []*CommuneLine
	for _, cm := range c.Communes {
		switch {
		case cm.Unit == nil:
		case cm.Accepted:
			counting[cm.Unit.ID] = cm
		case cm.UsedInstead == "":
			rejected[cm.Unit.ID] = append(rejected[cm.Unit.ID], cm.Sub.Name)
		}
	}
	expected := map[string]bool{}
	for _, u := range pv.Communes {
		expected[u.ID] = true
		cl := &CommuneLine{Unit: u, Expected: true, Commune: counting[u.ID]}
		if !cl.Sent() {
			cl.Rejected = rejected[u.ID]
			msg := fmt.Sprintf(msgNotSent, u.Name)
			if len(cl.Rejected) > 0 {
				msg = fmt.Sprintf(msgSentUnusable, u.Name, strings.Join(cl.Rejected, ", "))
			}
			r.Findings = append(r.Findings, report.Finding{Severity: report.Warning, Code: report.UnitNotSubmitted, Message: msg, Hint: hintNotSent})
		}
		r.Communes = append(r.Communes, cl)
	}
	for id, cm := range counting {
		if !expected[id] {
			others = append(others, &CommuneLine{Unit: cm.Unit, Commune: cm})
		}
	}
	slices.SortFunc(others, func(a, b *CommuneLine) int {
		return cmp.Or(cmp.Compare(vi.Fold(a.Unit.Name), vi.Fold(b.Unit.Name)), cmp.Compare(a.Unit.ID, b.Unit.ID))
	})
	r.Communes = append(r.Communes, others...)
}

// modelLine puts model m together over the counting workbooks, in the
// communes' order.
func modelLine(m *plan.Model, counting []*Commune) *ModelLine {
	ml := &ModelLine{Model: m, ByStatus: map[report.Status]int{}}
	var progress float64
	var withProgress int
	for _, cm := range counting {
		l := cm.line(m.Number)
		if l == nil {
			continue
		}
		ml.Communes++
		ml.ByStatus[l.Status]++
		if l.Overdue {
			ml.Overdue = append(ml.Overdue, cm.Unit.Name)
		}
		if l.Progress != nil {
			progress += *l.Progress
			withProgress++
		}
		switch {
		case l.Summed:
			ml.Summed++
			if ml.Indicator == nil {
				ml.Indicator = l.Indicator
			}
			ml.Achieved = addPtr(ml.Achieved, l.Achieved)
			ml.Total = addPtr(ml.Total, l.Total)
			if !l.Indicator.Ratio() {
				ml.Target = addPtr(ml.Target, l.Indicator.Target)
			}
		case l.Indicator != nil && l.Achieved != nil:
			ml.NotSummed = append(ml.NotSummed, NotSummed{Commune: cm.Unit.Name, Differs: l.Differs})
		}
	}
	if withProgress > 0 {
		p := math.Round(progress/float64(withProgress)*10) / 10
		ml.Progress = &p
	}
	if ind := m.Indicator; ind != nil && ml.Indicator == nil {
		t := ind.Target
		ml.Indicator = &Indicator{Name: ind.Name, Unit: ind.Unit, Target: &t}
	}
	ml.Percent = percent(ml)
	return ml
}

func (c *Commune) line(model int) *Line {
	for i := range c.Lines {
		if c.Lines[i].Model == model {
			return &c.Lines[i]
		}
	}
	return nil
}

func addPtr(sum, v *float64) *float64 {
	if v == nil {
		return sum
	}
	s := *v
	if sum != nil {
		s += *sum
	}
	return &s
}

func percent(ml *ModelLine) *float64 {
	den := ml.Target
	if ml.Indicator.Ratio() {
		den = ml.Total
	}
	if ml.Achieved == nil || den == nil || *den <= 0 {
		return nil
	}
	p := math.Round(*ml.Achieved / *den * 1000) / 10
	return &p
}

// IndicatorText is the model's summed indicator as tables write it:
// "45.120/51.300 (88%)" for a ratio, "290/318 DVC (91,2%)" for a count;
// "" when nothing was summed.
func (ml *ModelLine) IndicatorText() string {
	if ml.Achieved == nil || ml.Indicator == nil {
		return ""
	}
	s := vi.FormatNumber(*ml.Achieved)
	switch {
	case ml.Indicator.Ratio() && ml.Total != nil:
		s += "/" + vi.FormatNumber(*ml.Total)
	case !ml.Indicator.Ratio() && ml.Target != nil:
		s += "/" + vi.FormatNumber(*ml.Target) + " " + ml.Indicator.Unit
	case !ml.Indicator.Ratio():
		s += " " + ml.Indicator.Unit
	}
	if ml.Indicator.Ratio() && ml.Model.Indicator != nil && ml.Model.Indicator.Counted != "" {
		s += " " + ml.Model.Indicator.Counted // "1.248/1.304 đối tượng"
	}
	if ml.Percent != nil {
		s += " (" + vi.FormatNumber(*ml.Percent) + "%)"
	}
	return s
}

// Counts are the headline numbers of the province's report.
type Counts struct {
	// Communes expected, that sent a counting workbook (on the list or
	// not), that sent only unusable files, and that sent nothing.
	Expected, Sent, Unusable, Missing int
	// Lines counts commune × model lines; ByStatus and Overdue split them.
	Lines    int
	ByStatus map[report.Status]int
	Overdue  int
	// OverdueCommunes counts the communes with a model overdue.
	OverdueCommunes int
}

// Counts sums the report for its part I.
func (r *Rollup) Counts() Counts {
	n := Counts{ByStatus: map[report.Status]int{}}
	for _, cl := range r.Communes {
		if cl.Expected {
			n.Expected++
		}
		switch {
		case cl.Sent():
			n.Sent++
			by, overdue := cl.Commune.ModelCounts()
			for s, k := range by {
				n.ByStatus[s] += k
				n.Lines += k
			}
			n.Overdue += overdue
			if overdue > 0 {
				n.OverdueCommunes++
			}
		case len(cl.Rejected) > 0:
			n.Unusable++
		default:
			n.Missing++
		}
	}
	return n
}

// IndicatorStanding is the summed indicator as the report's body words it:
// "đạt 110 DVC, vượt chỉ tiêu (100 DVC)" for a count past its summed
// target, "đạt 100 DVC, bằng chỉ tiêu" at it, else IndicatorText.
func (ml *ModelLine) IndicatorStanding() string {
	ind := ml.Indicator
	if ind == nil || ind.Ratio() || ml.Achieved == nil || ml.Target == nil {
		return ml.IndicatorText()
	}
	a, t := vi.FormatNumber(*ml.Achieved)+" "+ind.Unit, vi.FormatNumber(*ml.Target)+" "+ind.Unit
	switch {
	case *ml.Achieved > *ml.Target:
		return fmt.Sprintf(cellOverTarget, a, t)
	case *ml.Achieved == *ml.Target:
		return fmt.Sprintf(cellAtTarget, a)
	}
	return ml.IndicatorText()
}
