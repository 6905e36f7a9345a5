package pdf

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/report"
)

// Parts III and IV of the body: next period's tasks and the proposals.

// toAgency reports whether a proposal asks the standing agency itself.
func toAgency(c *report.Consolidation, text string) bool {
	agency := vi.Fold(c.Plan.Document.StandingAgency)
	return agency != "" && strings.Contains(vi.Fold(text), agency)
}

// withoutSubject drops the agency's name from the start of a proposal's
// words ("Công an xã phối hợp …" → "phối hợp …"), to follow "về việc".
func withoutSubject(text, agency string) string {
	n := len(agency)
	if agency != "" && len(text) > n && vi.Fold(text[:n]) == vi.Fold(agency) && text[n] == ' ' {
		return strings.TrimLeft(text[n:], " ,")
	}
	return report.LowerFirst(text)
}

// bareMonth is "tháng 12" not followed by its year.
var bareMonth = regexp.MustCompile(`(tháng) (1[0-2]|0?[1-9])\b(/\d{4})?`)

// datedMonths names each month a unit wrote without its year with the
// year it meant, as of the day it wrote ("trong tháng 12" written in
// November 2026: "trong tháng 12/2026"; "tháng 1" written in December:
// the next year's), so that last period's words never read as next
// period's.
func datedMonths(text string, written time.Time) string {
	return bareMonth.ReplaceAllStringFunc(text, func(m string) string {
		sub := bareMonth.FindStringSubmatch(m)
		if sub[3] != "" {
			return m
		}
		month, _ := strconv.Atoi(sub[2])
		year := written.Year()
		if month < int(written.Month())-6 {
			year++
		}
		return fmt.Sprintf("%s %d/%d", sub[1], month, year)
	})
}

// tasks lists next period's tasks: what units asked the standing agency
// itself to do, the overdue models to press on (one item a lead), the
// units to remind (naming the next period) or to ask for a corrected file,
// then the units' own.
func (b *builder) tasks(c *report.Consolidation) {
	var items []item
	for _, ms := range c.Models {
		for _, a := range ms.Proposals {
			if toAgency(c, a.Text) {
				// A month made of one week: the proposal was that week's,
				// and its words ("trong tháng 12") are read with it.
				from, written := a.From, c.Period.Start()
				if !c.OneSource.IsZero() {
					from, written = c.OneSource.Short(), c.OneSource.End()
				}
				task := datedMonths(withoutSubject(report.ProposalBody(a.Text), c.Plan.Document.StandingAgency), written)
				items = append(items, item{"taskFromProposal", data{"Agency": c.Plan.Document.StandingAgency, "Task": task, "Unit": a.Unit, "From": from, "N": ms.Model.Number}})
			}
		}
	}
	own, others := overdueByLead(c)
	if len(own) > 0 {
		items = append(items, item{"taskOwnOverdue", data{"Unit": c.Plan.Unit(c.Own).Name, "Models": own}})
	}
	for _, o := range others {
		items = append(items, item{"taskOverdue", data{"Unit": o.unit, "Models": o.models}})
	}
	next := c.Period.Next().Short()
	var remind, resend []string
	ownFile, ownRows := false, []int(nil)
	for _, u := range c.Expected {
		switch {
		case len(c.Rejected[u.ID]) > 0 && u.ID == c.Own:
			ownFile = true
		case len(c.Returned[u.ID]) > 0 && u.ID == c.Own:
			ownRows = slices.Sorted(slices.Values(c.Returned[u.ID]))
		case len(c.Returned[u.ID]) > 0 || len(c.Rejected[u.ID]) > 0:
			resend = append(resend, u.Name)
		case slices.Contains(c.NotReported, u):
			remind = append(remind, u.Name)
		}
	}
	if len(remind) > 0 {
		items = append(items, item{"taskRemind", data{"Units": remind, "Next": next}})
	}
	if weekly := weekStandIns(c); len(weekly) > 0 {
		d := data{"Next": next}
		if len(weekly) < usableUnits(c) {
			d["Units"] = weekly
		}
		items = append(items, item{"taskMonthly", d})
	}
	if len(resend) > 0 {
		items = append(items, item{"taskResend", data{"Units": resend}})
	}
	switch {
	case ownFile:
		items = append(items, item{"taskOwnResend", data{"Unit": c.Plan.Unit(c.Own).Name, "Period": c.Period.Short()}})
	case len(ownRows) > 0:
		items = append(items, item{"taskOwnRows", data{"Unit": c.Plan.Unit(c.Own).Name, "Models": ownRows}})
	}
	items = append(items, item{"taskContinue", data{}})
	b.list(items)
	hasUnitTasks := slices.ContainsFunc(c.Models, func(ms *report.ModelSummary) bool { return len(ms.Tasks) > 0 })
	if hasUnitTasks {
		if c.OneSource.IsZero() {
			b.para(say("tasksOfUnits", nil), body, indent, "J", paraGap)
		} else {
			b.para(say("tasksOfUnitsFrom", c.OneSource.Short()), body, indent, "J", paraGap)
		}
		b.byUnit(c, func(ms *report.ModelSummary) []report.Attributed { return ms.Tasks })
	}
}

// weekStandIns names the units whose figures for a month come from a
// week's report, in the plan's order.
func weekStandIns(c *report.Consolidation) []string {
	var out []string
	for _, u := range c.Expected {
		if _, ok := c.Sources[u.ID]; ok {
			out = append(out, u.Name)
		}
	}
	return out
}

// leadModels is a lead and the overdue models it leads.
type leadModels struct {
	unit   string
	models []int
}

// overdueByLead gives the overdue models the signer's own unit leads, and
// the other leads with their overdue models, in the order first met.
func overdueByLead(c *report.Consolidation) (own []int, others []leadModels) {
	at := map[string]int{}
	for _, ms := range c.Models {
		if !ms.Overdue {
			continue
		}
		for _, l := range ms.Model.Lead {
			name := l
			if id, ok := c.Plan.MatchUnit(l); ok {
				if id == c.Own {
					own = append(own, ms.Model.Number)
					continue
				}
				name = c.Plan.Unit(id).Name
			}
			i, ok := at[name]
			if !ok {
				i = len(others)
				at[name] = i
				others = append(others, leadModels{unit: name})
			}
			others[i].models = append(others[i].models, ms.Model.Number)
		}
	}
	return own, others
}

// proposals lists what units propose to others, each a sentence naming the
// unit (the signer's own unit speaks in the first person); what they ask
// of the standing agency is a task above. A proposal that points back to
// the unit's difficulty is preceded by it.
func (b *builder) proposals(c *report.Consolidation) {
	var items []item
	found, used, left := false, 0, 0
	own := ""
	if c.Own != "" {
		own = c.Plan.Unit(c.Own).Name
	}
	for _, ms := range c.Models {
		for _, a := range ms.Proposals {
			if toAgency(c, a.Text) {
				continue
			}
			found = true
			if used >= maxPartText {
				left++
				continue
			}
			used += utf8.RuneCountInString(a.Text)
			d := data{"Unit": a.Unit, "From": a.From, "Text": report.ProposalBody(a.Text), "N": ms.Model.Number}
			name := "proposal"
			if a.Unit == own {
				name = "proposalOwn"
			}
			if report.RefersBack(a.Text) {
				for _, diff := range ms.Difficulties {
					if diff.Unit == a.Unit {
						d["Difficulty"] = lowerFirst(sentence(diff.Text))
						name += "WithDifficulty"
						break
					}
				}
			}
			items = append(items, item{name, d})
		}
	}
	if !found {
		b.para(say("noProposals", nil), body, indent, "J", paraGap)
	} else {
		b.list(items)
	}
	if left > 0 {
		b.para(say("moreInAppendix", left), Font{"I", 14}, indent, "J", paraGap)
	}
	b.opinionsPartial(c)
}
