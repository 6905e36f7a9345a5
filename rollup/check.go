package rollup

import (
	"fmt"
	"strings"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// Checked is the communes' workbooks of one period, judged.
type Checked struct {
	Period   plan.Period
	Communes []*Commune // in the order given
}

// Report is the check in the shape of the units' check, for what prints
// it, writes it as JSON or shows it on the desk's board: a file per
// commune workbook, the commune as its unit.
func (c *Checked) Report() *report.Checked {
	out := &report.Checked{Period: c.Period}
	for _, cm := range c.Communes {
		out.Files = append(out.Files, cm.FileResult)
	}
	return out
}

// InferPeriod is the period most workbooks are for, or fallback.
func InferPeriod(cs []*Commune, fallback plan.Period) plan.Period {
	subs := make([]*report.Submission, 0, len(cs))
	for _, c := range cs {
		if c.Kind == KindConsolidated {
			subs = append(subs, c.Sub)
		}
	}
	return report.InferPeriod(subs, fallback)
}

// Check judges examined workbooks for period p: which of the province's
// communes each is, whether it is for p, what its models are in the
// province's plan and whether its indicators add up with the province's;
// then, of a commune's several files, the one that counts. It may be
// called again on the same communes (the desk checks each upload, then
// all of a period's): what it decided before is decided anew.
func Check(pv *Province, cs []*Commune, p plan.Period) *Checked {
	out := &Checked{Period: p, Communes: cs}
	ix := newIndex(pv.Communes)
	for _, c := range cs {
		c.reset()
		c.check(pv, ix, p)
	}
	files := make([]*report.FileResult, len(cs))
	for i, c := range cs {
		files[i] = c.FileResult
	}
	report.ResolveDuplicates(files)
	markSummed(pv, cs)
	return out
}

// reset forgets what a previous Check decided, keeping what Examine found.
func (c *Commune) reset() {
	fr := c.FileResult
	fr.Unit, fr.Period, fr.Accepted, fr.UsedInstead, fr.Entries = nil, plan.Period{}, false, "", nil
	fr.Findings = append([]report.Finding(nil), c.examined...)
	for i := range c.Lines {
		c.Lines[i].Summed = false
	}
}

func (c *Commune) check(pv *Province, ix index, p plan.Period) {
	if c.HasErrors() {
		return
	}
	if !c.recognise(pv, ix) {
		return
	}
	per, fs, ok := report.CheckPeriod(c.Sub, p)
	for i := range fs {
		if fs[i].Code == report.PeriodMismatch {
			fs[i].Hint = fmt.Sprintf(hintPeriod, p.Short())
		}
	}
	c.Findings = append(c.Findings, fs...)
	c.Period = per
	if !ok {
		return
	}
	c.checkHeader(p)
	for i := range c.Lines {
		l := &c.Lines[i]
		m := pv.Plan.Model(l.Model)
		if m == nil {
			c.add(report.Warning, report.ModelUnknown, c.modelSheet, "", l.Model, fmt.Sprintf(msgModelNotInPlan, l.Model, vi.Shorten(l.Title, 80)), hintModelNotInPlan)
			continue
		}
		c.Entries = append(c.Entries, report.Entry{UnitID: c.Unit.ID, Model: m, Status: l.Status, Progress: l.Progress,
			Achieved: l.Achieved, Total: l.Total, File: c.Sub.Name, Sheet: c.modelSheet, Line: l.Row, StatusCell: l.StatusCell})
	}
	c.Accepted = true
}

// HasErrors reports whether a finding so far rejects the file.
func (c *Commune) HasErrors() bool {
	errs, _ := report.Count(c.Findings)
	return errs > 0
}

// recognise finds which commune the workbook is: one of the province's
// when it keeps a list (else an error naming the closest), or the commune
// the workbook names.
func (c *Commune) recognise(pv *Province, ix index) bool {
	if len(c.names) == 0 {
		c.add(report.Error, report.UnitUnknown, c.Sub.Sheet, c.Sub.Unit.Cell, 0, msgNoCommune, hintNoCommune)
		return false
	}
	if len(pv.Communes) == 0 {
		c.Unit = &plan.Unit{ID: vi.Slug(c.Name), Name: c.Name, Reports: true}
		return true
	}
	if u := ix.match(c.names); u != nil {
		c.Unit = u
		return true
	}
	c.add(report.Error, report.UnitUnknown, c.Sub.Sheet, c.Sub.Unit.Cell, 0, fmt.Sprintf(msgCommuneUnknown, strings.Join(c.names, "; ")),
		fmt.Sprintf(hintCommuneUnknown, closest(pv.Communes, c.Name)))
	return false
}

// closest names the three communes of the list nearest to name.
func closest(units []*plan.Unit, name string) string {
	p := &plan.Plan{}
	for _, u := range units {
		p.Units = append(p.Units, *u)
	}
	var names []string
	for _, u := range p.SuggestUnits(name) {
		names = append(names, u.Name)
		if len(names) == 3 {
			break
		}
	}
	return strings.Join(names, "; ")
}

// checkHeader warns when the commune's report names bodies that no longer
// existed on its date (the district's, after 2025): its plan's header is
// out of date. plan.Header.Defunct is the rule.
func (c *Commune) checkHeader(p plan.Period) {
	day := p.ReportDay()
	if c.ReportDate != nil {
		day = *c.ReportDate
	}
	var bodies []string
	for _, d := range c.header.Defunct(day) {
		bodies = append(bodies, fmt.Sprintf(msgDefunctBody, d.Text, vi.FormatDate(d.Ended)))
	}
	if len(bodies) > 0 {
		c.add(report.Warning, report.DocumentDistrict, c.Sub.Sheet, "", 0, fmt.Sprintf(msgDistrict, c.Unit.Name, strings.Join(bodies, "; ")), hintDistrict)
	}
}

// markSummed decides, model by model, whose indicator figures the province
// adds up: those of counting workbooks whose indicator means the province's
// (the plan's, else the one most communes have): the same unit of measure,
// and the same name where both say one, abbreviations spelt out ("DVC" is
// "dịch vụ công"). The others are named in a warning saying what differs,
// and left out of the sum.
func markSummed(pv *Province, cs []*Commune) {
	ref := commonIndicators(cs)
	for _, m := range pv.Plan.Models() {
		if ind := m.Indicator; ind != nil {
			t := ind.Target
			ref[m.Number] = &Indicator{Name: ind.Name, Unit: ind.Unit, Target: &t}
		}
	}
	for _, c := range cs {
		if !c.Accepted {
			continue
		}
		for i := range c.Lines {
			l := &c.Lines[i]
			if l.Indicator == nil || pv.Plan.Model(l.Model) == nil {
				continue
			}
			r := ref[l.Model]
			d := compareIndicators(l.Indicator, r)
			if d.Same() {
				l.Summed = l.Achieved != nil
				continue
			}
			l.Differs = d
			if l.Achieved != nil {
				c.add(report.Warning, report.IndicatorNotComparable, c.modelSheet, "", l.Model,
					fmt.Sprintf(msgNotComparable, l.Model, c.Unit.Name, d.Describe()), hintNotComparable)
			}
		}
	}
}

// commonIndicators is, model by model, the indicator most counting
// workbooks give (the first of them, of those that mean the same, stands
// for them; ties go to the one met first).
func commonIndicators(cs []*Commune) map[int]*Indicator {
	type tally struct {
		ind *Indicator
		n   int
	}
	byModel := map[int][]*tally{}
	for _, c := range cs {
		if !c.Accepted {
			continue
		}
		for _, l := range c.Lines {
			if l.Indicator == nil {
				continue
			}
			found := false
			for _, t := range byModel[l.Model] {
				if compareIndicators(t.ind, l.Indicator).Same() {
					t.n++
					if t.ind.Name == "" {
						t.ind = l.Indicator // one that says its name speaks for all
					}
					found = true
					break
				}
			}
			if !found {
				byModel[l.Model] = append(byModel[l.Model], &tally{l.Indicator, 1})
			}
		}
	}
	out := map[int]*Indicator{}
	for m, ts := range byModel {
		best := ts[0]
		for _, t := range ts[1:] {
			if t.n > best.n {
				best = t
			}
		}
		out[m] = best.ind
	}
	return out
}

// DifferKind says what differs between two indicators.
type DifferKind int

const (
	Same        DifferKind = iota
	DiffersIn              // one is a ratio (%), the other a count
	DiffersUnit            // the unit of measure
	DiffersName            // the name
)

// Difference is how a commune's indicator differs from the province's:
// what differs, and the commune's and the province's words for it.
type Difference struct {
	Kind         DifferKind
	Theirs, Ours string
}

// Same reports whether the two indicators mean the same.
func (d Difference) Same() bool { return d.Kind == Same }

// Describe says the difference in a sentence's words: "ghi đơn vị tính
// “lượt”, tỉnh ghi “DVC”".
func (d Difference) Describe() string {
	switch d.Kind {
	case DiffersIn:
		if d.Theirs == "%" {
			return msgDiffersRatio
		}
		return fmt.Sprintf(msgDiffersCount, d.Theirs)
	case DiffersUnit:
		return fmt.Sprintf(msgDiffersUnit, d.Theirs, d.Ours)
	case DiffersName:
		return fmt.Sprintf(msgDiffersName, d.Theirs, d.Ours)
	}
	return ""
}

// compareIndicators says how theirs differs from ours: the unit of measure
// (a ratio or a count, then which unit), then the name when both give one.
// Words are compared folded, abbreviations spelt out.
func compareIndicators(theirs, ours *Indicator) Difference {
	switch {
	case theirs.Ratio() != ours.Ratio():
		return Difference{Kind: DiffersIn, Theirs: theirs.Unit, Ours: ours.Unit}
	case spelt(theirs.Unit) != spelt(ours.Unit):
		return Difference{Kind: DiffersUnit, Theirs: theirs.Unit, Ours: ours.Unit}
	case theirs.Name != "" && ours.Name != "" && spelt(theirs.Name) != spelt(ours.Name):
		return Difference{Kind: DiffersName, Theirs: theirs.Name, Ours: ours.Name}
	}
	return Difference{}
}

// spelt is s folded, its punctuation dropped and its common abbreviations
// spelt out: "DVC thiết yếu" and "dịch vụ công thiết yếu" are the same.
func spelt(s string) string {
	words := strings.FieldsFunc(vi.Fold(s), func(r rune) bool { return r == ' ' || r == ',' || r == '.' || r == '(' || r == ')' })
	for i, w := range words {
		if long, ok := abbreviations[w]; ok {
			words[i] = long
		}
	}
	return strings.Join(words, " ")
}

// abbreviations are the ones Đề án 06 plans write for what their
// indicators count, folded.
var abbreviations = map[string]string{
	"dvc": "dich vu cong", "dvctt": "dich vu cong truc tuyen", "tthc": "thu tuc hanh chinh", "csdl": "co so du lieu",
	"cccd": "can cuoc cong dan", "kcb": "kham chua benh", "asxh": "an sinh xa hoi", "hs": "ho so", "tk": "tai khoan",
}
