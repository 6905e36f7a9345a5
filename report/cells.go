package report

import (
	"fmt"
	"strings"

	"github.com/caongoc/de06/plan"

	"github.com/caongoc/de06/internal/vi"
)

// The words of a model's row in the consolidated table, shared by the
// workbook, the PDF appendix and the desk's table, so the three say the
// same thing. Each rendering joins the lines its own way.

// ModelTitle is "Mô hình 5: …", as tables and templates name a model.
func ModelTitle(m *plan.Model) string { return fmt.Sprintf(cellModel, m.Number, m.Title) }

// Title is the model's title (ModelTitle).
func (ms *ModelSummary) Title() string { return ModelTitle(ms.Model) }

// ResultLines are what each unit reported it did, then who has not reported.
func (ms *ModelSummary) ResultLines() []string {
	lines := attributedLines(ms.Results)
	if len(ms.Missing) > 0 {
		lines = append(lines, fmt.Sprintf(cellNotReported, strings.Join(ms.Missing, ", ")))
	}
	return lines
}

// IssueLines are the units' difficulties, then their proposals.
func (ms *ModelSummary) IssueLines() []string {
	lines := attributedLines(ms.Difficulties)
	for _, a := range ms.Proposals {
		lines = append(lines, fmt.Sprintf(cellProposes, a.Unit, a.Text))
	}
	return lines
}

// StandingLines are the progress (with its move since the previous report)
// and the indicator, each labelled.
func (ms *ModelSummary) StandingLines() []string {
	var lines []string
	if ms.Progress != nil {
		p := vi.FormatNumber(*ms.Progress) + "%"
		if d := ms.ProgressDelta(); d != nil && *d != 0 {
			sign := "+"
			if *d < 0 {
				sign = ""
			}
			p += " (" + sign + vi.FormatNumber(*d) + ")"
		}
		lines = append(lines, fmt.Sprintf(cellProgress, p))
	}
	if ind := ms.IndicatorText(); ind != "" {
		lines = append(lines, fmt.Sprintf(cellIndicator, ind))
	}
	return lines
}

// StatusLines are the status, then a mark when the model is overdue.
func (ms *ModelSummary) StatusLines() []string {
	if ms.Overdue {
		return []string{ms.Status.String(), OverdueMark}
	}
	return []string{ms.Status.String()}
}

func attributedLines(as []Attributed) []string {
	var lines []string
	for _, a := range as {
		lines = append(lines, a.Unit+": "+a.Text)
	}
	return lines
}
