package pdf

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/rollup"
)

// BuildProvince lays out the province's report put together from its
// communes' workbooks: the same letterhead and closing as a commune's
// report, from the province's plan; parts I–IV from what the workbooks
// say; then two appendices, the communes (Phụ lục I) and the models
// (Phụ lục II), each numbered on its own.
func BuildProvince(r *rollup.Rollup, opt Options) *Document {
	h := r.Plan.Header
	doc := &Document{
		Title:   txtKind + " " + strings.ToLower(txtSummary[:1]) + txtSummary[1:] + " — " + r.Period.Name(),
		Author:  h.IssuingAgency,
		Subject: r.Period.Label(),
		Created: opt.Created,
	}
	b := newBuilder(doc)
	b.draft = opt.Draft
	b.newPage(false)
	b.letterhead(r.Plan, r.Period, opt)
	b.provinceBody(r)
	b.closing(h, opt)
	b.communesAppendix(r, opt)
	b.modelsAppendix(r, opt)
	return doc
}

// maxNames is how many communes a sentence names before it counts the
// rest: the report stays a few pages for thousands of communes.
const maxNames = 30

func communeNames(names []string) string {
	if len(names) <= maxNames {
		return strings.Join(names, ", ")
	}
	return say("provMore", data{"Names": strings.Join(names[:maxNames], ", "), "N": len(names) - maxNames})
}

// provinceBody writes parts I–IV from what the communes' workbooks say;
// every sentence is a template of province.tmpl.
func (b *builder) provinceBody(r *rollup.Rollup) {
	h := r.Plan.Header
	n := r.Counts()
	period := lowerFirst(r.Period.Label())
	if r.Plan.Document.Number != "" {
		planRef := fmt.Sprintf(txtPlanRef, r.Plan.Document.Number, r.Plan.Document.Issuer)
		b.para(say("provIntro", data{"Plan": planRef, "Agency": h.IssuingAgency, "Period": period}), body, indent, "J", paraGap)
	} else {
		b.para(say("provIntroNoPlan", data{"Agency": h.IssuingAgency, "Period": period}), body, indent, "J", paraGap)
	}

	b.part(say("partI", nil))
	b.heading(say("reportingTitle", nil))
	var missing, unusable []string
	for _, cl := range r.Communes {
		switch {
		case cl.Sent() || !cl.Expected:
		case len(cl.Rejected) > 0:
			unusable = append(unusable, cl.Unit.Name)
		default:
			missing = append(missing, cl.Unit.Name)
		}
	}
	if n.Expected > 0 {
		b.para(say("provSent", data{"N": n.Sent, "Expected": n.Expected}), body, indent, "J", paraGap)
	} else {
		b.para(say("provSentNoList", data{"N": n.Sent}), body, indent, "J", paraGap)
	}
	if len(missing) > 0 {
		b.para(say("provMissing", data{"Names": communeNames(missing)}), body, indent, "J", paraGap)
	}
	if len(unusable) > 0 {
		b.para(say("provUnusable", data{"Names": communeNames(unusable)}), body, indent, "J", paraGap)
	}
	b.heading(say("modelsTitle", nil))
	var parts []string
	for _, s := range report.StatusesWithNone {
		if k := n.ByStatus[s]; k > 0 {
			parts = append(parts, say("provStatusCount", data{"N": k, "Status": strings.ToLower(s.String())}))
		}
	}
	b.para(say("provModels", data{"N": n.Lines, "Parts": strings.Join(parts, "; ")}), body, indent, "J", paraGap)
	if n.Lines > 0 {
		b.chart(r.Groups)
	}
	b.heading(say("indicatorsTitle", nil))
	b.provinceFigures(r)
	b.heading(say("overdueTitle", nil))
	b.provinceOverdue(r, n)
	b.para(say("provDetail", nil), Font{"I", 14}, indent, "J", paraGap)

	b.part(say("partII", nil))
	b.provinceIssues(r, n, missing, unusable)
	b.part(say("partIII", nil))
	b.provinceTasks(r, n)
	b.part(say("partIV", nil))
	b.para(say("provNoProposals", nil), body, indent, "J", paraGap)
}

// provinceFigures says each summed indicator.
func (b *builder) provinceFigures(r *rollup.Rollup) {
	var items []item
	for _, ml := range r.Models {
		got := ml.IndicatorText()
		if got == "" {
			continue
		}
		name := ml.Model.Title
		if ml.Indicator != nil && ml.Indicator.Name != "" {
			name = lowerFirst(ml.Indicator.Name)
		}
		d := data{"Model": ml.Model.Number, "Name": name, "Got": got, "N": ml.Summed}
		if len(ml.NotSummed) > 0 {
			d["Other"], d["Names"] = len(ml.NotSummed), communeNames(ml.NotSummed)
			items = append(items, item{"provIndicatorNot", d})
		} else {
			items = append(items, item{"provIndicator", d})
		}
	}
	if len(items) == 0 {
		b.para(say("provIndicatorsNone", nil), body, indent, "J", paraGap)
		return
	}
	b.list(items)
}

func (b *builder) provinceOverdue(r *rollup.Rollup, n rollup.Counts) {
	if n.Overdue == 0 {
		b.para(say("provOverdueNone", nil), body, indent, "J", paraGap)
		return
	}
	b.para(say("provOverdue", data{"N": n.OverdueCommunes, "Lines": n.Overdue}), body, indent, "J", paraGap)
	var items []item
	for _, ml := range r.Models {
		if len(ml.Overdue) > 0 {
			items = append(items, item{"provOverdueItem", data{"Model": ml.Model.Number, "N": len(ml.Overdue), "Names": communeNames(ml.Overdue)}})
		}
	}
	b.list(items)
}

// provinceIssues lists what held the roll-up back, as the data says it.
func (b *builder) provinceIssues(r *rollup.Rollup, n rollup.Counts, missing, unusable []string) {
	var items []item
	if len(missing) > 0 {
		items = append(items, item{"provIssueMissing", data{"N": len(missing)}})
	}
	if len(unusable) > 0 {
		items = append(items, item{"provIssueUnusable", data{"N": len(unusable), "Names": communeNames(unusable)}})
	}
	var withErrors, defunct []string
	for _, cl := range r.Communes {
		if c := cl.Commune; c != nil {
			if c.Errors > 0 {
				withErrors = append(withErrors, cl.Unit.Name)
			}
			if slices.ContainsFunc(c.Findings, func(f report.Finding) bool { return f.Code == report.DocumentDistrict }) {
				defunct = append(defunct, cl.Unit.Name)
			}
		}
	}
	if len(withErrors) > 0 {
		items = append(items, item{"provIssueErrors", data{"N": len(withErrors), "Names": communeNames(withErrors)}})
	}
	if len(defunct) > 0 {
		items = append(items, item{"provIssueDefunct", data{"N": len(defunct), "Names": communeNames(defunct)}})
	}
	if ms := notSummedModels(r); len(ms) > 0 {
		items = append(items, item{"provIssueIndicator", data{"Which": ms}})
	}
	if n.Overdue > 0 {
		items = append(items, item{"provIssueOverdue", data{"N": n.Overdue, "Communes": n.OverdueCommunes}})
	}
	if len(items) == 0 {
		b.para(say("provNoIssues", nil), body, indent, "J", paraGap)
		return
	}
	b.list(items)
}

// notSummedModels are the models some commune's indicator was left out of.
func notSummedModels(r *rollup.Rollup) []int {
	var ms []int
	for _, ml := range r.Models {
		if len(ml.NotSummed) > 0 {
			ms = append(ms, ml.Model.Number)
		}
	}
	return ms
}

func (b *builder) provinceTasks(r *rollup.Rollup, n rollup.Counts) {
	var items []item
	if n.Missing+n.Unusable > 0 {
		items = append(items, item{"provTaskMissing", data{}})
	}
	var overdue []int
	for _, ml := range r.Models {
		if len(ml.Overdue) > 0 {
			overdue = append(overdue, ml.Model.Number)
		}
	}
	if len(overdue) > 0 {
		items = append(items, item{"provTaskOverdue", data{"Which": overdue}})
	}
	if slices.ContainsFunc(r.Findings, func(f report.Finding) bool { return f.Code == report.DocumentDistrict && f.File != "" }) {
		items = append(items, item{"provTaskDefunct", data{}})
	}
	if len(notSummedModels(r)) > 0 {
		items = append(items, item{"provTaskIndicator", data{}})
	}
	items = append(items, item{"provTaskContinue", data{}})
	b.list(items)
}

// statusColumns are one column per status, under a common heading.
func statusColumns(width float64, group string) []tcol {
	var cols []tcol
	for _, s := range report.StatusesWithNone {
		cols = append(cols, tcol{title: s.String(), width: width, align: "C", group: group})
	}
	return cols
}

// communeColumns are Phụ lục I's columns, 252 mm in all.
func communeColumns() []tcol {
	cols := []tcol{{col: report.ColTT, width: 8, align: "C"}, {title: txtProvColCommune, width: 46, align: "L"},
		{title: txtProvColReport, width: 34, align: "L"}, {title: txtProvColUnits, width: 16, align: "C"}, {title: txtProvColModels, width: 14, align: "C"}}
	cols = append(cols, statusColumns(14, txtProvByStatusModels)...)
	return append(cols, tcol{col: report.ColOverdue, width: 14, align: "C"}, tcol{title: txtProvColNote, width: 50, align: "L"})
}

// communesAppendix is Phụ lục I: a row per commune, sent or not.
func (b *builder) communesAppendix(r *rollup.Rollup, opt Options) {
	b.appendixHeading(txtProvAppendix1, txtProvAppTitle1, r.Plan.Header, opt)
	b.useTable(communeColumns())
	listed := r.Counts().Expected > 0
	for i, cl := range r.Communes {
		texts := make([]string, len(b.cols))
		texts[0], texts[1] = strconv.Itoa(i+1), cl.Unit.Name
		note := &texts[len(texts)-1]
		red := false
		switch c := cl.Commune; {
		case c != nil:
			var doc []string
			if c.Number != "" {
				doc = append(doc, fmt.Sprintf(txtProvReportNo, c.Number))
			}
			if c.ReportDate != nil {
				doc = append(doc, fmt.Sprintf(txtProvReportDate, vi.FormatDate(*c.ReportDate)))
			}
			texts[2] = upperFirst(strings.Join(doc, " "))
			texts[3] = fmt.Sprintf(txtProvUnitsOf, c.UnitsReported, c.UnitsExpected)
			by, overdue := c.ModelCounts()
			texts[4] = strconv.Itoa(len(c.Lines))
			for k, s := range report.StatusesWithNone {
				texts[5+k] = strconv.Itoa(by[s])
			}
			texts[5+len(report.StatusesWithNone)] = strconv.Itoa(overdue)
			if c.Errors > 0 {
				*note = fmt.Sprintf(txtProvNoteErrors, c.Errors)
			}
		case len(cl.Rejected) > 0:
			*note, red = fmt.Sprintf(txtProvNoteUnusable, strings.Join(cl.Rejected, ", ")), true
		case listed:
			*note, red = txtProvNoteNotSent, true
		}
		last := len(texts) - 1
		b.row("commune-"+cl.Unit.ID, b.cells(texts), func(col int, line string) [3]int {
			if red && col == last {
				return [3]int{0xC0, 0, 0}
			}
			return [3]int{}
		})
	}
}

// modelColumns are Phụ lục II's columns, 252 mm in all.
func modelColumns() []tcol {
	cols := []tcol{{col: report.ColTT, width: 8, align: "C"}, {col: report.ColModel, width: 60, align: "L"}, {title: txtProvColHave, width: 14, align: "C"}}
	cols = append(cols, statusColumns(13, txtProvByStatusXa)...)
	return append(cols, tcol{title: txtProvColProgress, width: 15, align: "C"}, tcol{title: txtProvColIndicator, width: 36, align: "C"},
		tcol{title: txtProvColOverdue, width: 54, align: "L"})
}

// modelsAppendix is Phụ lục II: the plan's groups, a row per model.
func (b *builder) modelsAppendix(r *rollup.Rollup, opt Options) {
	b.appendixHeading(txtProvAppendix2, txtProvAppTitle2, r.Plan.Header, opt)
	b.useTable(modelColumns())
	cells := func(ml *rollup.ModelLine) [][]string {
		texts := []string{strconv.Itoa(ml.Model.TT), report.ModelTitle(ml.Model), strconv.Itoa(ml.Communes)}
		for _, s := range report.StatusesWithNone {
			texts = append(texts, strconv.Itoa(ml.ByStatus[s]))
		}
		progress := ""
		if ml.Progress != nil {
			progress = vi.FormatNumber(*ml.Progress)
		}
		return b.cells(append(texts, progress, ml.IndicatorText(), communeNames(ml.Overdue)))
	}
	for _, g := range r.Plan.Groups {
		var models []*rollup.ModelLine
		for _, ml := range r.Models {
			if ml.Model.Group == g.Code {
				models = append(models, ml)
			}
		}
		next := 0.0
		if len(models) > 0 {
			next = b.rowHeight(cells(models[0]))
		}
		b.groupRow(fmt.Sprintf(txtAppGroup, g.Code, g.Name, len(g.Models)), "group-"+g.Code, next)
		for _, ml := range models {
			b.row(fmt.Sprintf("model-%d", ml.Model.Number), cells(ml), nil)
		}
	}
}
