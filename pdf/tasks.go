package pdf

import (
	"slices"
	"strings"
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

// tasks lists next period's tasks: what units asked the standing agency
// itself to do, the overdue models to press on (naming their units), the
// units to remind or to ask for a corrected file, then the units' own.
func (b *builder) tasks(c *report.Consolidation) {
	var items []item
	for _, ms := range c.Models {
		for _, a := range ms.Proposals {
			if toAgency(c, a.Text) {
				items = append(items, item{"taskFromProposal", data{"Task": upperFirst(report.ProposalBody(a.Text)), "Unit": a.Who(), "N": ms.Model.Number}})
			}
		}
	}
	own, others := overdueByLead(c)
	if len(own) > 0 {
		items = append(items, item{"taskOwnOverdue", data{"Unit": c.Plan.Unit(c.Own).Name, "Models": own}})
	}
	if len(others) > 0 {
		items = append(items, item{"taskOverdue", data{"Units": others}})
	}
	var remind, resend []string
	ownResend := false
	for _, u := range c.Expected {
		returned := len(c.Returned[u.ID]) > 0 || len(c.Rejected[u.ID]) > 0
		switch {
		case returned && u.ID == c.Own:
			ownResend = true
		case returned:
			resend = append(resend, u.Name)
		case slices.Contains(c.NotReported, u):
			remind = append(remind, u.Name)
		}
	}
	if len(remind) > 0 {
		items = append(items, item{"taskRemind", data{"Units": remind}})
	}
	if len(resend) > 0 {
		items = append(items, item{"taskResend", data{"Units": resend}})
	}
	if ownResend {
		items = append(items, item{"taskOwnResend", data{"Unit": c.Plan.Unit(c.Own).Name}})
	}
	items = append(items, item{"taskContinue", data{}})
	b.list(items)
	hasUnitTasks := slices.ContainsFunc(c.Models, func(ms *report.ModelSummary) bool { return len(ms.Tasks) > 0 })
	if hasUnitTasks {
		b.para(say("tasksOfUnits", nil), body, indent, "J", paraGap)
		b.byUnit(c, func(ms *report.ModelSummary) []report.Attributed { return ms.Tasks })
	}
}

// overdueByLead gives the overdue models the signer's own unit leads, and
// the other leads with their overdue models: "Công chức Văn hóa – xã hội
// (mô hình 24, 26)".
func overdueByLead(c *report.Consolidation) (own []int, others []string) {
	var order []string
	byLead := map[string][]int{}
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
			if _, ok := byLead[name]; !ok {
				order = append(order, name)
			}
			byLead[name] = append(byLead[name], ms.Model.Number)
		}
	}
	for _, name := range order {
		others = append(others, name+" ("+say("modelsOf", byLead[name])+")")
	}
	return own, others
}

// refersBack reports whether a text points back to something said before
// it ("các đối tượng này", "nói trên").
func refersBack(s string) bool {
	l := strings.ToLower(s)
	for _, w := range pointers {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// proposals lists what units propose to others, each a sentence naming the
// unit; what they ask of the standing agency is a task above. A proposal
// that points back to the unit's difficulty carries it.
func (b *builder) proposals(c *report.Consolidation) {
	var items []item
	found, used, left := false, 0, 0
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
			d := data{"Unit": a.Who(), "Text": report.ProposalBody(a.Text), "N": ms.Model.Number}
			name := "proposal"
			if refersBack(a.Text) {
				for _, diff := range ms.Difficulties {
					if diff.Unit == a.Unit {
						d["Difficulty"] = lowerFirst(sentence(diff.Text))
						name = "proposalWithDifficulty"
						break
					}
				}
			}
			items = append(items, item{name, d})
		}
	}
	if !found {
		b.para(say("noProposals", nil), body, indent, "J", paraGap)
		return
	}
	b.list(items)
	if left > 0 {
		b.para(say("moreInAppendix", left), Font{"I", 14}, indent, "J", paraGap)
	}
}
