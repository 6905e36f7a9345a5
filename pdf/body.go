package pdf

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/report"
)

// paraGap is the space after a paragraph: at least 6 pt (2,12 mm) by
// Decree 30/2020.
const paraGap = 2.2

// body writes the report's parts as a Công an xã report is written:
// I. results (who reported, the models, the figures, what is overdue),
// II. difficulties by unit, III. next period's tasks, IV. proposals.
func (b *builder) body(c *report.Consolidation) {
	h := c.Plan.Header
	planRef := fmt.Sprintf(txtPlanRef, c.Plan.Document.Number, c.Plan.Document.Issuer)
	b.para(fmt.Sprintf(txtIntro, planRef, h.IssuingAgency, lowerFirst(c.Period.Label())), body, indent, "J", paraGap)

	b.part(txtPartI)
	b.unitsParagraph(c)
	b.modelsParagraph(c)
	b.chart(c)
	b.figures(c)
	b.overdue(c)
	b.para(txtDetail, Font{"I", 14}, indent, "J", paraGap)

	b.part(txtPartII)
	b.byUnit(c, func(ms *report.ModelSummary) []report.Attributed { return ms.Difficulties }, txtUnitItem)

	b.part(txtPartIII)
	b.tasks(c)

	b.part(txtPartIV)
	b.proposals(c)
}

func (b *builder) part(title string) {
	b.ensure(lineHeight(14) * 3)
	b.para(title, bold, indent, "L", paraGap)
}

// unitsParagraph names the units that sent a report, those that did not,
// and those whose files could not be used.
func (b *builder) unitsParagraph(c *report.Consolidation) {
	notReported := map[string]bool{}
	for _, u := range c.NotReported {
		notReported[u.ID] = true
	}
	var sent, missing, unusable []string
	for _, u := range c.Expected {
		switch {
		case !notReported[u.ID]:
			sent = append(sent, u.Name)
		case len(c.Rejected[u.ID]) > 0:
			unusable = append(unusable, u.Name)
		default:
			missing = append(missing, u.Name)
		}
	}
	text := fmt.Sprintf(txtUnitsSent, count(len(sent)), count(len(c.Expected)), strings.Join(sent, ", "))
	if len(missing) > 0 {
		text += " " + fmt.Sprintf(txtUnitsMissing, strings.Join(missing, ", "))
	}
	if len(unusable) > 0 {
		text += " " + fmt.Sprintf(txtUnitsUnusable, strings.Join(unusable, ", "))
	}
	b.para(text, body, indent, "J", paraGap)
}

func (b *builder) modelsParagraph(c *report.Consolidation) {
	n := c.Counts()
	var parts []string
	for _, s := range report.StatusesWithNone {
		if k := n.ByStatus[s]; k > 0 {
			parts = append(parts, fmt.Sprintf(txtStatusCount, count(k), strings.ToLower(s.String())))
		}
	}
	b.para(fmt.Sprintf(txtModels, count(n.Models), strings.Join(parts, "; ")), body, indent, "J", paraGap)
	if !c.Previous.IsZero() {
		moved := map[int]int{}
		for _, ms := range c.Models {
			moved[ms.Moved()]++
		}
		b.para(fmt.Sprintf(txtCompared, c.Previous.Name(), moved[1], moved[0], moved[-1]), body, indent, "J", paraGap)
	}
}

// figures says the period's indicators in sentences.
func (b *builder) figures(c *report.Consolidation) {
	var lines []string
	for _, ms := range c.Models {
		ind := ms.Model.Indicator
		if ind == nil {
			continue
		}
		target := vi.FormatNumber(ind.Target) + " " + ind.Unit
		if ind.Ratio() {
			target = vi.FormatNumber(ind.Target) + "%"
		}
		got := ms.IndicatorText()
		if got == "" {
			got = txtIndicatorNone
		}
		lines = append(lines, fmt.Sprintf(txtIndicatorItem, ms.Model.Number, lowerFirst(ind.Name), target, got))
	}
	if len(lines) == 0 {
		return
	}
	b.para(txtIndicators, body, indent, "J", paraGap)
	for _, l := range lines {
		b.para(l, body, indent, "J", paraGap)
	}
}

func (b *builder) overdue(c *report.Consolidation) {
	n := c.Counts()
	if n.Overdue == 0 {
		b.para(txtOverdueNone, body, indent, "J", paraGap)
		return
	}
	b.para(fmt.Sprintf(txtOverdue, count(n.Overdue)), body, indent, "J", paraGap)
	for _, ms := range c.Models {
		if ms.Overdue {
			b.para(fmt.Sprintf(txtOverdueItem, ms.Model.Number, ms.Model.Title, vi.OneLine(ms.Model.Deadline.Text), strings.ToLower(ms.Status.String())),
				body, indent, "J", paraGap)
		}
	}
}

// byUnit lists texts grouped by unit, each unit's texts in one paragraph
// naming the models, within maxPartText characters.
func (b *builder) byUnit(c *report.Consolidation, get func(*report.ModelSummary) []report.Attributed, format string) {
	type item struct{ unit, text string }
	var order []string
	byUnit := map[string][]string{}
	for _, ms := range c.Models {
		for _, a := range get(ms) {
			if _, ok := byUnit[a.Unit]; !ok {
				order = append(order, a.Unit)
			}
			byUnit[a.Unit] = append(byUnit[a.Unit], fmt.Sprintf(txtAboutModel, sentence(a.Text), ms.Model.Number))
		}
	}
	if len(order) == 0 {
		b.para(txtNothing, body, indent, "J", paraGap)
		return
	}
	used, left := 0, 0
	for _, u := range order {
		text := strings.Join(byUnit[u], "; ")
		if used >= maxPartText {
			left += len(byUnit[u])
			continue
		}
		used += utf8.RuneCountInString(text)
		b.para(fmt.Sprintf(format, u, text), body, indent, "J", paraGap)
	}
	if left > 0 {
		b.para(fmt.Sprintf(txtMoreInAppendix, left), Font{"I", 14}, indent, "J", paraGap)
	}
}

// tasks lists next period's tasks: what units plan, what they ask the
// standing agency itself to do, and the overdue models to press on.
func (b *builder) tasks(c *report.Consolidation) {
	agency := vi.Fold(c.Plan.Document.StandingAgency)
	var lines []string
	for _, ms := range c.Models {
		for _, a := range ms.Proposals {
			if agency != "" && strings.Contains(vi.Fold(a.Text), agency) {
				lines = append(lines, fmt.Sprintf(txtTaskFromProposal, a.Unit, proposalText(a.Text), ms.Model.Number))
			}
		}
	}
	var overdue []string
	for _, ms := range c.Models {
		if ms.Overdue {
			overdue = append(overdue, fmt.Sprint(ms.Model.Number))
		}
	}
	if len(overdue) > 0 {
		lines = append(lines, fmt.Sprintf(txtTaskOverdue, strings.Join(overdue, ", ")))
	}
	if len(c.NotReported) > 0 {
		lines = append(lines, txtTaskRemind)
	}
	lines = append(lines, txtTaskContinue)
	hasUnitTasks := false
	for _, ms := range c.Models {
		if len(ms.Tasks) > 0 {
			hasUnitTasks = true
		}
	}
	for _, l := range lines {
		b.para(l, body, indent, "J", paraGap)
	}
	if hasUnitTasks {
		b.para(txtTasksOfUnits, body, indent, "J", paraGap)
		b.byUnit(c, func(ms *report.ModelSummary) []report.Attributed { return ms.Tasks }, txtUnitItem)
	}
}

// proposals lists what units propose to others, attributed ("Trạm y tế xã
// đề nghị …"); what they ask of the standing agency is a task above.
func (b *builder) proposals(c *report.Consolidation) {
	agency := vi.Fold(c.Plan.Document.StandingAgency)
	found, used, left := false, 0, 0
	for _, ms := range c.Models {
		for _, a := range ms.Proposals {
			if agency != "" && strings.Contains(vi.Fold(a.Text), agency) {
				continue
			}
			found = true
			if used >= maxPartText {
				left++
				continue
			}
			used += utf8.RuneCountInString(a.Text)
			b.para(fmt.Sprintf(txtProposalItem, a.Unit, proposalText(a.Text), ms.Model.Number), body, indent, "J", paraGap)
		}
	}
	if left > 0 {
		b.para(fmt.Sprintf(txtMoreInAppendix, left), Font{"I", 14}, indent, "J", paraGap)
	}
	if !found {
		b.para(txtNothing, body, indent, "J", paraGap)
	}
}

// proposalText puts a unit's proposal after "<unit> đề nghị": "Đề nghị Sở
// Y tế hướng dẫn." becomes "Sở Y tế hướng dẫn".
func proposalText(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), ". ")
	for _, lead := range []string{"đề nghị", "kiến nghị", "đề xuất"} {
		if len(s) > len(lead) && vi.Fold(s[:len(lead)]) == vi.Fold(lead) {
			return strings.TrimSpace(s[len(lead):])
		}
	}
	return lowerFirst(s)
}

// count writes a count as the appendix does: two digits below ten.
func count(n int) string { return fmt.Sprintf("%02d", n) }

// sentence trims a unit's text of its closing full stop, for joining.
func sentence(s string) string { return strings.TrimRight(strings.TrimSpace(s), ". ") }
