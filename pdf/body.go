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
	b.para(say("intro", data{"Plan": planRef, "Agency": h.IssuingAgency, "Period": lowerFirst(c.Period.Label())}), body, indent, "J", paraGap)

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
	if !b.byUnit(c, func(ms *report.ModelSummary) []report.Attributed { return ms.Difficulties }) {
		b.para(say("noDifficulties", nil), body, indent, "J", paraGap)
	}

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

// unitsParagraph says who sent a report that was used, whose rows or files
// had errors, who sent nothing, and which weeks a month's figures come from.
func (b *builder) unitsParagraph(c *report.Consolidation) {
	notReported := map[string]bool{}
	for _, u := range c.NotReported {
		notReported[u.ID] = true
	}
	var sent, missing, rejected []string
	var sentences []string
	ownRejected := ""
	for _, u := range c.Expected {
		switch {
		case !notReported[u.ID]:
			sent = append(sent, u.Name)
		case len(c.Rejected[u.ID]) == 0:
			missing = append(missing, u.Name)
		case u.ID == c.Own:
			ownRejected = u.Name
		default:
			rejected = append(rejected, u.Name)
		}
	}
	switch {
	case len(sent) == len(c.Expected):
		sentences = append(sentences, say("unitsAllSent", data{"Expected": len(c.Expected)}))
	case len(sent) > 0:
		sentences = append(sentences, say("unitsSent", data{"Sent": sent, "Expected": len(c.Expected)}))
	}
	for _, u := range c.Expected {
		models := slices.Sorted(slices.Values(c.Returned[u.ID]))
		if len(models) == 0 || notReported[u.ID] {
			continue
		}
		name := "unitRowsReturned"
		if u.ID == c.Own {
			name = "ownRowsFixing"
		}
		sentences = append(sentences, say(name, data{"Unit": u.Name, "N": len(models), "Models": models}))
	}
	sentences = append(sentences, oneOrMany(missing, "unitMissing", "unitsMissing")...)
	sentences = append(sentences, oneOrMany(rejected, "unitRejected", "unitsRejected")...)
	if ownRejected != "" {
		sentences = append(sentences, say("ownRejected", ownRejected))
	}
	sentences = append(sentences, monthSources(c)...)
	b.para(strings.Join(sentences, " "), body, indent, "J", paraGap)
}

// oneOrMany says a sentence about one unit, or its plural about several.
func oneOrMany(units []string, one, many string) []string {
	switch len(units) {
	case 0:
		return nil
	case 1:
		return []string{say(one, units[0])}
	}
	return []string{say(many, units)}
}

// monthSources says, for a month made of weekly reports, which units'
// figures come from which week.
func monthSources(c *report.Consolidation) []string {
	byWeek := map[plan.Period][]string{}
	var weeks []plan.Period
	for _, u := range c.Expected {
		w, ok := c.Sources[u.ID]
		if !ok {
			continue
		}
		if _, seen := byWeek[w]; !seen {
			weeks = append(weeks, w)
		}
		byWeek[w] = append(byWeek[w], u.Name)
	}
	slices.SortFunc(weeks, func(a, b plan.Period) int { return a.Start().Compare(b.Start()) })
	var out []string
	for _, w := range weeks {
		out = append(out, say("monthFromWeek", data{"Units": byWeek[w], "Week": w.Label()}))
	}
	return out
}

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
	for _, ms := range c.Models {
		if ms.Note() != "" {
			sentences = append(sentences, say("claimedDone", data{"N": ms.Model.Number, "Units": ms.Reported,
				"Got": ms.IndicatorText(), "Target": targetText(ms.Model.Indicator)}))
		}
	}
	b.para(strings.Join(sentences, " "), body, indent, "J", paraGap)
	if !c.Previous.IsZero() {
		moved := map[int]int{}
		for _, ms := range c.Models {
			moved[ms.Moved()]++
		}
		b.para(say("compared", data{"Previous": c.Previous.Name(), "Up": moved[1], "Same": moved[0], "Down": moved[-1]}), body, indent, "J", paraGap)
	}
}

// targetText is an indicator's target as the plan sets it: "53 DVC",
// "100%".
func targetText(ind *plan.Indicator) string {
	if ind.Ratio() {
		return vi.FormatNumber(ind.Target) + "%"
	}
	return vi.FormatNumber(ind.Target) + " " + ind.Unit
}

// figures says the period's indicators, one item each.
func (b *builder) figures(c *report.Consolidation) {
	var items []item
	for _, ms := range c.Models {
		ind := ms.Model.Indicator
		if ind == nil {
			continue
		}
		d := data{"N": ms.Model.Number, "Name": lowerFirst(ind.Name), "Target": targetText(ind), "Got": ms.IndicatorText()}
		if ms.IndicatorText() == "" {
			items = append(items, item{"indicatorNone", d})
		} else {
			items = append(items, item{"indicator", d})
		}
	}
	if len(items) == 0 {
		b.para(say("indicatorsNone", nil), body, indent, "J", paraGap)
		return
	}
	b.list(items)
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
				"Deadline": vi.OneLine(ms.Model.Deadline.Text), "Status": ms.StatusPhrase()}})
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

// byUnit lists texts grouped by unit, one item a unit naming the models,
// within maxPartText characters; it reports whether there were any.
func (b *builder) byUnit(c *report.Consolidation, get func(*report.ModelSummary) []report.Attributed) bool {
	var order []string
	byUnit := map[string][]string{}
	for _, ms := range c.Models {
		for _, a := range get(ms) {
			who := a.Who()
			if _, ok := byUnit[who]; !ok {
				order = append(order, who)
			}
			// Each text continues "Unit:" or a semicolon: lower case.
			text := lowerFirst(sentence(a.Text))
			byUnit[who] = append(byUnit[who], say("aboutModel", data{"Text": text, "N": ms.Model.Number}))
		}
	}
	if len(order) == 0 {
		return false
	}
	var items []item
	used, left := 0, 0
	for _, u := range order {
		text := strings.Join(byUnit[u], "; ")
		if used >= maxPartText {
			left += len(byUnit[u])
			continue
		}
		used += utf8.RuneCountInString(text)
		items = append(items, item{"unitItem", data{"Unit": u, "Text": text}})
	}
	b.list(items)
	if left > 0 {
		b.para(say("moreInAppendix", left), Font{"I", 14}, indent, "J", paraGap)
	}
	return true
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
