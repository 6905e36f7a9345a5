package pdf

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

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
	doc, b := begin(r.Plan, r.Period, opt)
	b.provinceBody(r)
	b.closing(r.Plan.Header, opt)
	b.communesAppendix(r, opt)
	b.modelsAppendix(r, opt)
	return doc
}

// maxNames is how many communes a sentence names before it counts the
// rest: the report stays a few pages for thousands of communes.
const maxNames = 30

// communeNames joins communes as within a sentence ("xã Minh Sơn,
// phường Hạc Thành"), the first maxNames and then how many more.
func communeNames(names []string) string {
	in := make([]string, 0, min(len(names), maxNames))
	for _, n := range names[:min(len(names), maxNames)] {
		in = append(in, vi.InSentence(n))
	}
	if len(names) <= maxNames {
		return strings.Join(in, ", ")
	}
	return say("provMore", data{"Names": strings.Join(in, ", "), "N": len(names) - maxNames})
}

// who names communes at the head of an item: one by its name, several
// counted with their names.
func who(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return say("provSeveral", data{"N": len(names), "Names": communeNames(names)})
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
	sentences := []string{say("provSentNoList", data{"N": n.Sent})}
	if n.Expected > 0 {
		sentences[0] = say("provSent", data{"N": n.Sent, "Expected": n.Expected})
	}
	if len(missing) > 0 {
		sentences = append(sentences, say("provMissing", data{"Names": communeNames(missing)}))
	}
	if len(unusable) > 0 {
		sentences = append(sentences, say("provUnusable", data{"Names": communeNames(unusable)}))
	}
	b.para(strings.Join(sentences, " "), body, indent, "J", paraGap)
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
	b.heading(say("provVoicedTitle", nil))
	b.provinceVoiced(r)
	b.heading(say("provIssuesTitle", nil))
	b.provinceIssues(r, n, missing, unusable)
	b.part(say("partIII", nil))
	b.provinceTasks(r, n, missing, unusable)
	b.part(say("partIV", nil))
	b.provinceProposals(r)
}

// provinceFigures says each summed indicator, and whose figures were left
// out of it.
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
		if ind := ml.Indicator; ind != nil && !ind.Ratio() && ml.Target != nil && ml.Achieved != nil {
			got = countGot(*ml.Achieved, *ml.Target, ind.Unit, got)
		}
		d := data{"Model": ml.Model.Number, "Name": name, "Got": got, "N": ml.Summed}
		if len(ml.NotSummed) > 0 {
			d["Names"] = communeNames(notSummedNames(ml))
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

func notSummedNames(ml *rollup.ModelLine) []string {
	var out []string
	for _, ns := range ml.NotSummed {
		out = append(out, ns.Commune)
	}
	return out
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

// maxVoiced is how many characters of the communes' texts parts II and
// IV of the province's report quote each, before counting the rest: the
// body stays a few pages for the country's communes.
const maxVoiced = 2000

// voicedItems are the communes' texts of one kind as items of name, one a
// text with the communes that wrote it, within maxVoiced characters; left
// counts those past it.
func voicedItems(vs []*rollup.Voiced, name string) (items []item, left int) {
	used := 0
	for _, v := range vs {
		if used >= maxVoiced {
			left++
			continue
		}
		text := sentence(v.Text)
		if v.Kind == rollup.Proposal {
			text = report.ProposalBody(v.Text)
		} else {
			text = lowerFirst(text)
		}
		used += utf8.RuneCountInString(text)
		d := data{"Who": who(v.Communes), "Text": text, "Model": v.Model}
		if v.Kind == rollup.Proposal && v.Context != "" && report.RefersBack(v.Text) {
			// "… cho các đối tượng này": the difficulty of the same row.
			d["Difficulty"] = lowerFirst(sentence(v.Context))
			items = append(items, item{name + "WithDifficulty", d})
			continue
		}
		items = append(items, item{name, d})
	}
	return items, left
}

// provinceVoiced is part II, 1: the difficulties the communes' units
// wrote, or why they are not there.
func (b *builder) provinceVoiced(r *rollup.Rollup) {
	if b.opinionsMissing(r) {
		return
	}
	if len(r.Difficulties) == 0 {
		b.para(say("provNoDifficulties", nil), body, indent, "J", paraGap)
		return
	}
	b.para(say("provDifficulties", r.Opinions[rollup.Difficulty]), body, indent, "J", paraGap)
	items, left := voicedItems(r.Difficulties, "provDifficulty")
	b.list(items)
	if left > 0 {
		b.para(say("provVoicedMore", left), Font{"I", 14}, indent, "J", paraGap)
	}
}

// opinionsMissing says which communes' workbooks do not carry their
// units' words; it reports whether none does.
func (b *builder) opinionsMissing(r *rollup.Rollup) bool {
	switch sent := r.Counts().Sent; {
	case len(r.NoOpinions) == 0:
		return false
	case len(r.NoOpinions) == sent:
		b.para(say("provOpinionsNone", nil), body, indent, "J", paraGap)
		return true
	}
	b.para(say("provOpinionsSome", data{"Names": communeNames(r.NoOpinions), "N": len(r.NoOpinions)}), body, indent, "J", paraGap)
	return false
}

// provinceProposals is part IV: the proposals the communes' units wrote.
func (b *builder) provinceProposals(r *rollup.Rollup) {
	if len(r.NoOpinions) > 0 && len(r.NoOpinions) == r.Counts().Sent {
		b.para(say("provOpinionsNone", nil), body, indent, "J", paraGap)
		return
	}
	if len(r.Proposals) == 0 {
		b.para(say("provNoProposals", r.OwnProposals), body, indent, "J", paraGap)
		return
	}
	b.para(say("provProposals", data{"N": r.Opinions[rollup.Proposal], "Own": r.OwnProposals}), body, indent, "J", paraGap)
	items, left := voicedItems(r.Proposals, "provProposal")
	b.list(items)
	if left > 0 {
		b.para(say("provVoicedMore", left), Font{"I", 14}, indent, "J", paraGap)
	}
}

// provinceIssues lists what held the roll-up back, as the data says it.
func (b *builder) provinceIssues(r *rollup.Rollup, n rollup.Counts, missing, unusable []string) {
	var items []item
	if len(missing) > 0 {
		items = append(items, item{"provIssueMissing", data{"Names": communeNames(missing)}})
	}
	if len(unusable) > 0 {
		items = append(items, item{"provIssueUnusable", data{"Who": who(unusable)}})
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
		items = append(items, item{"provIssueErrors", data{"Who": who(withErrors)}})
	}
	if len(defunct) > 0 {
		items = append(items, item{"provIssueDefunct", data{"Who": who(defunct)}})
	}
	for _, ml := range r.Models {
		// One item a model and a difference: "Chỉ tiêu mô hình 1 của
		// phường Hạc Thành ghi đơn vị tính “lượt”, tỉnh ghi “DVC”, …".
		byWhy := map[string][]string{}
		var whys []string
		for _, ns := range ml.NotSummed {
			why := ns.Differs.Describe()
			if _, ok := byWhy[why]; !ok {
				whys = append(whys, why)
			}
			byWhy[why] = append(byWhy[why], ns.Commune)
		}
		for _, why := range whys {
			items = append(items, item{"provIssueIndicator", data{"Model": ml.Model.Number, "Names": communeNames(byWhy[why]), "Why": why}})
		}
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

func (b *builder) provinceTasks(r *rollup.Rollup, n rollup.Counts, missing, unusable []string) {
	var items []item
	if late := slices.Concat(missing, unusable); len(late) > 0 {
		items = append(items, item{"provTaskMissing", data{"Names": communeNames(late), "Next": r.Period.Next().Short()}})
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
	var defunct []string
	for _, cl := range r.Communes {
		if c := cl.Commune; c != nil && slices.ContainsFunc(c.Findings, func(f report.Finding) bool { return f.Code == report.DocumentDistrict }) {
			defunct = append(defunct, cl.Unit.Name)
		}
	}
	if len(defunct) > 0 {
		items = append(items, item{"provTaskDefunct", data{"Names": communeNames(defunct)}})
	}
	if slices.ContainsFunc(r.Models, func(ml *rollup.ModelLine) bool { return len(ml.NotSummed) > 0 }) {
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
		missing := false
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
			*note = fmt.Sprintf(txtProvNoteUnusable, strings.Join(cl.Rejected, ", "))
		case listed:
			*note, missing = txtProvNoteNotSent, true
		}
		last := len(texts) - 1
		b.row("commune-"+cl.Unit.ID, b.cells(texts), func(col int, line string) bool {
			return missing && col == last && line == txtProvNoteNotSent
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
		return b.cells(append(texts, progress, ml.IndicatorStanding(), communeNames(ml.Overdue)))
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
