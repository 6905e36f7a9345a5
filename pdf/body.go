package pdf

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// paraGap is the space after a paragraph: at least 6 pt (2,12 mm) by
// Decree 30/2020.
const paraGap = 2.2

// data is what a sentence of body.tmpl is filled with.
type data = map[string]any

// body writes the report's parts as a Công an xã report is written:
// I. results (who reported, the models, the figures, what is overdue),
// II. difficulties by unit, III. next period's tasks, IV. proposals. Every
// sentence is a template of body.tmpl.
func (b *builder) body(c *report.Consolidation) {
	h := c.Plan.Header
	planRef := fmt.Sprintf(txtPlanRef, c.Plan.Document.Number, c.Plan.Document.Issuer)
	intro := data{"Plan": planRef, "Agency": h.IssuingAgency, "Period": lowerFirst(c.Period.Label()), "Through": ""}
	if d, ok := c.DataThrough(); ok {
		intro["Through"] = vi.FormatDate(d)
	}
	b.para(say("intro", intro), body, indent, "J", paraGap)

	b.part(say("partI", nil))
	b.heading(say("reportingTitle", nil))
	b.unitsParagraph(c)
	b.heading(say("modelsTitle", nil))
	b.modelsParagraph(c)
	b.chart(c.Groups)
	b.heading(say("indicatorsTitle", nil))
	b.figures(c)
	b.heading(say("overdueTitle", nil))
	b.overdue(c)
	b.para(say("detail", nil), Font{"I", 14}, indent, "J", paraGap)

	b.part(say("partII", nil))
	b.difficulties(c)

	b.part(say("partIII", nil))
	b.tasks(c)

	b.part(say("partIV", nil))
	b.proposals(c)
}

func (b *builder) part(title string) {
	b.ensure(lineHeight(14) * 3)
	b.para(title, bold, indent, "L", paraGap)
}

// heading is a numbered heading of part I, kept with what follows it.
func (b *builder) heading(title string) {
	b.ensure(lineHeight(14) * 3)
	b.para(title, bold, indent, "L", paraGap)
}

// item is one entry of a list: a sentence of body.tmpl and its data.
type item struct {
	name string
	data data
}

// list writes items as paragraphs, each ending with ";" and the last with
// ".".
func (b *builder) list(items []item) {
	for i, it := range items {
		it.data["End"] = ";"
		if i == len(items)-1 {
			it.data["End"] = "."
		}
		b.para(say(it.name, it.data), body, indent, "J", paraGap)
	}
}

// unitsParagraph says how many units sent a report and how many of
// those could be used, whose files or rows had errors, who sent nothing,
// and, for a month made of weeks, which weeks its figures come from: the
// counts of one paragraph agree with each other.
func (b *builder) unitsParagraph(c *report.Consolidation) {
	notReported := map[string]bool{}
	for _, u := range c.NotReported {
		notReported[u.ID] = true
	}
	var usable, missing, rejected []string
	ownRejected := ""
	for _, u := range c.Expected {
		switch {
		case !notReported[u.ID]:
			usable = append(usable, u.Name)
		case len(c.Rejected[u.ID]) == 0:
			missing = append(missing, u.Name)
		case u.ID == c.Own:
			ownRejected = u.Name
		default:
			rejected = append(rejected, u.Name)
		}
	}
	sent := len(usable) + len(rejected)
	if ownRejected != "" {
		sent++
	}
	var sentences []string
	switch {
	case len(c.Sources) > 0:
		sentences = append(sentences, monthSources(c))
	case len(usable) == len(c.Expected):
		sentences = append(sentences, say("unitsAllSent", data{"Expected": len(c.Expected)}))
	case sent > len(usable):
		sentences = append(sentences, say("unitsSentSomeUnusable", data{"Senders": sent, "Usable": usable, "Expected": len(c.Expected)}))
	case len(usable) > 0:
		sentences = append(sentences, say("unitsSent", data{"Sent": usable, "Expected": len(c.Expected)}))
	}
	sentences = append(sentences, rejections(c, rejected, ownRejected)...)
	if len(missing) > 0 {
		sentences = append(sentences, say("unitsMissing", missing))
	}
	if s := returnedRows(c, notReported); s != "" {
		sentences = append(sentences, s)
	}
	b.para(strings.Join(sentences, " "), body, indent, "J", paraGap)
}

// rejections say why the files of units named in rejected (and the
// signer's own, ownRejected) were not used: a wrong period and a
// pre-filled template sent back untouched by name, any other error as
// "có lỗi".
func rejections(c *report.Consolidation, rejected []string, ownRejected string) []string {
	byName := map[string]*plan.Unit{}
	for _, u := range c.Expected {
		byName[u.Name] = u
	}
	period := c.Period.Short()
	var out, erred []string
	notUpdated := map[plan.Period][]string{}
	var froms []plan.Period
	for _, name := range append(slices.Clone(rejected), ownRejected) {
		if name == "" {
			continue
		}
		u := byName[name]
		why := c.Why[u.ID]
		own := u.ID == c.Own
		switch {
		case why.Code == report.PeriodMismatch && !why.Period.IsZero():
			out = append(out, say("unitWrongPeriod", data{"Unit": name, "Sent": why.Period.Short(), "Period": period, "Own": own}))
		case why.Code == report.ReportNotUpdated && !why.From.IsZero():
			if _, seen := notUpdated[why.From]; !seen {
				froms = append(froms, why.From)
			}
			notUpdated[why.From] = append(notUpdated[why.From], name)
		case own:
			out = append(out, say("ownRejected", data{"Unit": name, "Period": period}))
		default:
			erred = append(erred, name)
		}
	}
	if len(erred) > 0 {
		out = append([]string{say("unitsRejected", erred)}, out...)
	}
	for _, f := range froms {
		out = append(out, say("unitsNotUpdated", data{"Units": notUpdated[f], "From": f.Short(), "Period": period}))
	}
	return out
}

// returnedRows says, in one sentence, which usable reports had rows left
// out for errors.
func returnedRows(c *report.Consolidation, notReported map[string]bool) string {
	var parts []string
	rows := 0
	for _, u := range c.Expected {
		models := slices.Sorted(slices.Values(c.Returned[u.ID]))
		if len(models) == 0 || notReported[u.ID] {
			continue
		}
		rows += len(models)
		parts = append(parts, say("rowsOf", data{"Models": models, "Unit": u.Name}))
	}
	if rows == 0 {
		return ""
	}
	return say("rowsReturned", data{"N": rows, "List": strings.Join(parts, "; ")})
}

// monthSources says, for a month made of weekly reports, how many units
// sent a monthly report and whose figures come from which week: once, in
// part I.
func monthSources(c *report.Consolidation) string {
	notReported := map[string]bool{}
	for _, u := range c.NotReported {
		notReported[u.ID] = true
	}
	byWeek := map[plan.Period][]string{}
	var weeks []plan.Period
	var monthly []string
	usable := 0
	for _, u := range c.Expected {
		if notReported[u.ID] {
			continue
		}
		usable++
		w, ok := c.Sources[u.ID]
		if !ok {
			monthly = append(monthly, u.Name)
			continue
		}
		if _, seen := byWeek[w]; !seen {
			weeks = append(weeks, w)
		}
		byWeek[w] = append(byWeek[w], u.Name)
	}
	slices.SortFunc(weeks, func(a, b plan.Period) int { return a.Start().Compare(b.Start()) })
	var clauses []string
	for _, w := range weeks {
		d := data{"N": len(byWeek[w]), "Expected": len(c.Expected), "Week": w.Short(),
			"From": vi.FormatDate(w.Start()), "To": vi.FormatDate(w.End())}
		if len(byWeek[w]) < usable {
			d["Units"] = byWeek[w]
		}
		clauses = append(clauses, say("monthWeek", d))
	}
	weekText := strings.Join(clauses, "; ")
	if len(monthly) == 0 {
		return say("monthNone", data{"Weeks": weekText})
	}
	return say("monthSome", data{"Monthly": monthly, "Expected": len(c.Expected), "Weeks": weekText})
}

// usableUnits counts the units whose report was used.
func usableUnits(c *report.Consolidation) int { return len(c.Expected) - len(c.NotReported) }

func (b *builder) modelsParagraph(c *report.Consolidation) {
	n := c.Counts()
	var parts []string
	for _, s := range report.StatusesWithNone {
		k := n.ByStatus[s]
		if k == 0 {
			continue
		}
		var which []int
		if s == report.StatusNone {
			for _, ms := range c.Models {
				if ms.NoData() {
					which = append(which, ms.Model.Number)
				}
			}
		}
		parts = append(parts, say("statusCount", data{"N": k, "Status": strings.ToLower(s.String()), "Which": which}))
	}
	sentences := []string{say("models", data{"Total": n.Models, "Parts": strings.Join(parts, "; ")})}
	if u := usableUnits(c); u < len(c.Expected) {
		sentences = append(sentences, say("modelsPartial", data{"N": u, "Expected": len(c.Expected)}))
	}
	for _, ms := range c.Models {
		if ms.Note() != "" {
			sentences = append(sentences, say("claimedDone", data{"N": ms.Model.Number, "Units": ms.Reported,
				"Got": ms.IndicatorText(), "Target": targetText(ms.Model.Indicator)}))
		}
	}
	b.para(strings.Join(sentences, " "), body, indent, "J", paraGap)
	if !c.Previous.IsZero() {
		b.para(compared(c), body, indent, "J", paraGap)
	}
}

// compared says how the models moved since the previous report, naming
// those that moved and how those that went back did.
func compared(c *report.Consolidation) string {
	var up []int
	var down []string
	same := 0
	for _, ms := range c.Models {
		switch ms.Moved() {
		case 1:
			up = append(up, ms.Model.Number)
		case -1:
			down = append(down, say(downWords(ms), downData(ms)))
		default:
			same++
		}
	}
	var parts []string
	if len(up) > 0 {
		parts = append(parts, say("movedUp", up))
	}
	if len(down) > 0 {
		parts = append(parts, say("movedDown", data{"N": len(down), "List": strings.Join(down, "; ")}))
	}
	if same > 0 {
		parts = append(parts, say("movedSame", same))
	}
	return say("compared", data{"Previous": c.Previous.Short(), "Parts": strings.Join(parts, ", ")})
}

// downWords and downData say how a model went back: its status, else its
// progress.
func downWords(ms *report.ModelSummary) string {
	if ms.Status != ms.PreviousStatus {
		return "downStatus"
	}
	return "downProgress"
}

func downData(ms *report.ModelSummary) data {
	d := data{"N": ms.Model.Number, "From": strings.ToLower(ms.PreviousStatus.String()), "To": strings.ToLower(ms.Status.String())}
	if ms.Status == ms.PreviousStatus && ms.Progress != nil && ms.PreviousProgress != nil {
		d["From"], d["To"] = vi.FormatNumber(*ms.PreviousProgress), vi.FormatNumber(*ms.Progress)
	}
	return d
}

// targetText is an indicator's target as the plan sets it: "53 DVC",
// "100%".
func targetText(ind *plan.Indicator) string {
	if ind.Ratio() {
		return vi.FormatNumber(ind.Target) + "%"
	}
	return vi.FormatNumber(ind.Target) + " " + ind.Unit
}

// figures says the period's indicators, one item each: a count against
// its target ("50/53 DVC (94,3%)", or how far past it), a ratio with its
// target, each with whose figures they are when not every unit's.
func (b *builder) figures(c *report.Consolidation) {
	var items []item
	for _, ms := range c.Models {
		ind := ms.Model.Indicator
		if ind == nil {
			continue
		}
		d := data{"N": ms.Model.Number, "Name": lowerFirst(ind.Name), "Target": targetText(ind), "Got": ms.IndicatorText()}
		note := ""
		if ind.Combine != plan.CombineLead && len(ms.Reported) > 1 && !ind.Ratio() {
			note = say("sumNote", nil)
		}
		d["Note"] = note + partialNote(ms)
		switch {
		case ms.IndicatorText() == "":
			items = append(items, item{"indicatorNone", d})
		case ms.Unassessed:
			got, want := ms.Coverage()
			d["Have"], d["Want"] = got, want
			d["Got"] = vi.FormatNumber(*ms.Achieved) + "/" + vi.FormatNumber(ind.Target) + " " + ind.Unit
			items = append(items, item{"indicatorPartial", d})
		case ind.Ratio():
			items = append(items, item{"indicatorRatio", d})
		default:
			d["Got"] = countGot(*ms.Achieved, ind.Target, ind.Unit, ms.IndicatorText())
			items = append(items, item{"indicatorCount", d})
		}
	}
	if len(items) == 0 {
		b.para(say("indicatorsNone", nil), body, indent, "J", paraGap)
		return
	}
	b.list(items)
}

// countGot says a count against its target: got ("50/53 DVC (94,3%)")
// below it, the figure and the target once at or past it ("22 DVC, vượt
// chỉ tiêu (20 DVC)").
func countGot(achieved, target float64, unit, got string) string {
	d := data{"Achieved": vi.FormatNumber(achieved) + " " + unit, "Target": vi.FormatNumber(target) + " " + unit}
	switch {
	case achieved > target:
		return say("gotOver", d)
	case achieved == target:
		return say("gotMet", d)
	}
	return got
}

// maxWithout is how many units without data a note names before it only
// counts them.
const maxWithout = report.MaxNamedWithout

// partialNote says whose figures a model's are, when not every unit that
// had to report on it gave a usable row; "" when all did.
func partialNote(ms *report.ModelSummary) string {
	if !ms.Partial() {
		return ""
	}
	got, want := ms.Coverage()
	d := data{"Have": got, "Want": want}
	without := slices.Concat(ms.Missing, ms.Returned, ms.Fixing)
	if len(without) <= maxWithout {
		d["Without"] = without
	}
	return say("partialNote", d)
}

func (b *builder) overdue(c *report.Consolidation) {
	n := c.Counts()
	if n.Overdue == 0 {
		b.para(say("overdueNone", nil), body, indent, "J", paraGap)
	} else {
		b.para(say("overdue", n.Overdue), body, indent, "J", paraGap)
		var items []item
		for _, ms := range c.Models {
			if !ms.Overdue {
				continue
			}
			items = append(items, item{"overdueItem", data{"N": ms.Model.Number, "Title": ms.Model.Title,
				"Deadline": report.DeadlineWords(ms.Model.Deadline.Text), "Status": ms.StatusPhrase(), "Note": partialNote(ms)}})
		}
		b.list(items)
	}
	var late []int
	for _, ms := range c.Models {
		if d := ms.Model.Deadline.Due; ms.NoData() && d != nil && d.Before(c.Period.ReportDay()) {
			late = append(late, ms.Model.Number)
		}
	}
	if len(late) > 0 {
		b.para(say("lateNoData", late), body, indent, "J", paraGap)
	}
}

// difficulties is part II: each unit's difficulties, in part I's order,
// then the models that went back since the previous report; and whose
// words are missing.
func (b *builder) difficulties(c *report.Consolidation) {
	items, left := unitItems(c, func(ms *report.ModelSummary) []report.Attributed { return ms.Difficulties })
	for _, ms := range c.Models {
		if ms.Moved() >= 0 {
			continue
		}
		how := say("regressedProgress", downData(ms))
		if ms.Status != ms.PreviousStatus {
			how = say("regressedStatus", downData(ms))
		}
		items = append(items, item{"regressed", data{"N": ms.Model.Number, "Previous": c.Previous.Short(), "How": how,
			"NoReason": len(ms.Difficulties) == 0}})
	}
	if len(items) == 0 {
		b.para(say("noDifficulties", nil), body, indent, "J", paraGap)
	} else {
		b.list(items)
	}
	if left > 0 {
		b.para(say("moreInAppendix", left), Font{"I", 14}, indent, "J", paraGap)
	}
	b.opinionsPartial(c)
}

// opinionsPartial says, under parts II and IV, how many units' words are
// not there because their report is missing or unusable.
func (b *builder) opinionsPartial(c *report.Consolidation) {
	if len(c.NotReported) == 0 {
		return
	}
	d := data{"Absent": len(c.NotReported), "Expected": len(c.Expected)}
	var names []string
	for _, u := range c.NotReported {
		names = append(names, u.Name)
		if len(c.Rejected[u.ID]) > 0 {
			d["Rejected"] = true
		} else {
			d["Missing"] = true
		}
	}
	if len(names) <= maxWithout {
		d["Units"] = names
	}
	b.para(say("opinionsPartial", d), Font{"I", 14}, indent, "J", paraGap)
}

// byUnit lists texts grouped by unit, as unitItems does.
func (b *builder) byUnit(c *report.Consolidation, get func(*report.ModelSummary) []report.Attributed) bool {
	items, left := unitItems(c, get)
	if len(items) == 0 {
		return false
	}
	b.list(items)
	if left > 0 {
		b.para(say("moreInAppendix", left), Font{"I", 14}, indent, "J", paraGap)
	}
	return true
}

// unitItems groups texts by unit, in the plan's order of units (part I's),
// one item a unit naming the models, within maxPartText characters; left
// counts the texts past it.
func unitItems(c *report.Consolidation, get func(*report.ModelSummary) []report.Attributed) (items []item, left int) {
	type key struct{ unit, from string }
	var order []key
	byUnit := map[key][]string{}
	for _, ms := range c.Models {
		for _, a := range get(ms) {
			k := key{a.Unit, a.From}
			if _, ok := byUnit[k]; !ok {
				order = append(order, k)
			}
			// Each text continues "Unit:" or a semicolon: lower case.
			text := lowerFirst(sentence(a.Text))
			byUnit[k] = append(byUnit[k], say("aboutModel", data{"Text": text, "N": ms.Model.Number}))
		}
	}
	rank := map[string]int{}
	for i, u := range c.Expected {
		rank[u.Name] = i + 1
	}
	at := func(name string) int {
		if r, ok := rank[name]; ok {
			return r
		}
		return len(c.Expected) + 1 // others ("Các đơn vị khác") last
	}
	slices.SortStableFunc(order, func(a, b key) int { return at(a.unit) - at(b.unit) })
	used := 0
	for _, k := range order {
		text := strings.Join(byUnit[k], "; ")
		if used >= maxPartText {
			left += len(byUnit[k])
			continue
		}
		used += utf8.RuneCountInString(text)
		items = append(items, item{"unitItem", data{"Unit": k.unit, "From": k.from, "Text": text}})
	}
	return items, left
}

// count writes a count as the appendix does: two digits below ten.
func count(n int) string { return fmt.Sprintf("%02d", n) }

// sentence trims a unit's text of its closing full stop, for joining.
func sentence(s string) string { return strings.TrimRight(strings.TrimSpace(s), ". ;") }

func lowerFirst(s string) string { return report.LowerFirst(s) }

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return strings.ToUpper(string(r)) + s[n:]
}
