package report

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/caongoc/de06/plan"

	"github.com/caongoc/de06/internal/vi"
)

// The words of a model's row in the consolidated table, shared by the
// workbook, the PDF appendix and the desk's table, so the three say the
// same thing. Each rendering joins the lines its own way.

// ModelTitle is "Mô hình 5: …", as tables and templates name a model.
func ModelTitle(m *plan.Model) string { return fmt.Sprintf(cellModel, m.Number, m.Title) }

// RoleText says what a unit does for a model in words a clerk reads:
// "Chủ trì", or "Cùng thực hiện" for a model every unit reports on.
func RoleText(r plan.Role) string {
	if r == plan.RoleCollective {
		return cellRoleShared
	}
	return cellRoleLead
}

// Title is the model's title (ModelTitle).
func (ms *ModelSummary) Title() string { return ModelTitle(ms.Model) }

// ResultLines are what each unit reported it did, then the units whose
// rows had errors, then those that have not reported.
func (ms *ModelSummary) ResultLines() []string {
	lines := attributedLines(ms.Results)
	for _, l := range []struct {
		format string
		units  []string
	}{{cellReturned, ms.Returned}, {cellFixing, ms.Fixing}, {cellNotReported, ms.Missing}} {
		if len(l.units) > 0 {
			lines = append(lines, fmt.Sprintf(l.format, strings.Join(l.units, ", ")))
		}
	}
	return lines
}

// IssueLines are the units' difficulties, then their proposals, each a
// sentence naming its unit ("Trạm y tế xã đề nghị …").
func (ms *ModelSummary) IssueLines() []string {
	lines := attributedLines(ms.Difficulties)
	for _, a := range ms.Proposals {
		lines = append(lines, ProposalSentence(a))
	}
	return lines
}

// ProposalSentence is a unit's proposal as a sentence of its own: "Trạm y
// tế xã đề nghị Trung tâm Y tế hướng dẫn …", whether the unit wrote "Đề
// nghị Trung tâm Y tế …" or "Trung tâm Y tế …".
func ProposalSentence(a Attributed) string {
	return fmt.Sprintf(cellProposes, a.Who(), ProposalBody(a.Text))
}

// ProposalBody is what a proposal asks, without its leading "đề nghị",
// "kiến nghị" or "đề xuất" and closing full stop, to follow "… đề nghị":
// "Đề nghị Trung tâm Y tế hướng dẫn." is "Trung tâm Y tế hướng dẫn" (a name
// keeps its capital), "Cấp thêm máy đọc" is "cấp thêm máy đọc".
func ProposalBody(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), ". ")
	for _, lead := range []string{"đề nghị", "kiến nghị", "đề xuất"} {
		if len(s) > len(lead) && vi.Fold(s[:len(lead)]) == vi.Fold(lead) {
			return strings.TrimLeft(strings.TrimSpace(s[len(lead):]), ":, ")
		}
	}
	return LowerFirst(s)
}

// LowerFirst lowers a text's first letter, to continue a sentence, unless
// it starts an abbreviation ("DVC", "UBND") or the name of a body ("Bưu
// điện xã", "Trung tâm Y tế"), which keeps its capital.
func LowerFirst(s string) string {
	r := []rune(s)
	if len(r) < 2 || unicode.IsUpper(r[1]) || startsWithName(s) {
		return s
	}
	return strings.ToLower(string(r[:1])) + string(r[1:])
}

// bodyWords begin the names of bodies: a text that starts with one starts
// with a name.
var bodyWords = []string{"bộ ", "sở ", "cục ", "chi cục ", "trung tâm ", "ủy ban ", "ubnd ", "đảng ủy ", "công an ", "bưu điện ",
	"ngân hàng ", "trạm ", "trường ", "phòng ", "văn phòng ", "ban ", "tổ ", "hội ", "đoàn ", "bộ phận ", "kho bạc ", "viettel ", "vnpt "}

func startsWithName(s string) bool {
	l := strings.ToLower(s)
	for _, w := range bodyWords {
		if strings.HasPrefix(l, w) {
			return true
		}
	}
	return false
}

// Who names a text's unit, and the period it was written for when that is
// not the report's: "Trạm y tế xã (báo cáo Tuần 48 năm 2026)".
func (a Attributed) Who() string {
	if a.From == "" {
		return a.Unit
	}
	return fmt.Sprintf(cellFrom, a.Unit, a.From)
}

// StatusPhrase is the status within a sentence: "đang triển khai", or with
// the units' own word when it differs: "đang triển khai, đơn vị báo đã hoàn
// thành nhưng chỉ tiêu mới đạt 312/326 đối tượng".
func (ms *ModelSummary) StatusPhrase() string {
	s := strings.ToLower(ms.Status.String())
	if ms.Note() != "" {
		s += ", " + fmt.Sprintf(phraseClaimedDone, ms.IndicatorCount())
	}
	return s
}

// Note says why the status counted is not the units' own word, "" when it
// is.
func (ms *ModelSummary) Note() string {
	if ms.Claimed == ms.Status {
		return ""
	}
	return fmt.Sprintf(cellClaimedDone, ms.IndicatorCount())
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
	if ind := ms.IndicatorStanding(); ind != "" {
		lines = append(lines, fmt.Sprintf(cellIndicator, ind))
	}
	return lines
}

// StatusLines are the status, then in one parenthesis the note when the
// units said otherwise and the mark when the model is overdue.
func (ms *ModelSummary) StatusLines() []string {
	lines := []string{ms.Status.String()}
	switch n := ms.Note(); {
	case n != "" && ms.Overdue:
		// One parenthesis, never "(…) (quá hạn)".
		lines = append(lines, fmt.Sprintf(cellNoteOverdue, n))
	case n != "":
		lines = append(lines, "("+n+")")
	case ms.Overdue:
		lines = append(lines, OverdueMark)
	}
	return lines
}

func attributedLines(as []Attributed) []string {
	var lines []string
	for _, a := range as {
		lines = append(lines, a.Who()+": "+a.Text)
	}
	return lines
}

// MissingRow says why unit id has no usable row about model n, in the words
// of the table: its row or file had errors (sent back, or being fixed when
// it is the signer's own), or it sent nothing.
func (c *Consolidation) MissingRow(id string, n int) string {
	switch {
	case !c.returned(id, n):
		return rowNotReported
	case id == c.Own:
		return rowFixing
	}
	return rowReturned
}

// DeadlineWords is a deadline within a sentence: its milestones lower
// case, joined by commas ("trong năm 2024 đối với …, giai đoạn 2023 - 2025
// đối với …"). The body's overdue list and the workbook's say it alike.
func DeadlineWords(text string) string {
	parts := strings.Split(vi.OneLine(text), ";")
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, LowerFirst(p))
		}
	}
	return strings.Join(out, ", ")
}

// RefersBack reports whether a text points back to something said before
// it ("các đối tượng này", "nói trên"): quoted alone, it needs what it
// points to.
func RefersBack(s string) bool {
	l := strings.ToLower(s)
	for _, w := range pointers {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// IsOverdueLine reports whether a line of a status cell (StatusLines)
// marks the model overdue: the mark alone, or closing the note's
// parenthesis.
func IsOverdueLine(line string) bool {
	line = strings.TrimSpace(line)
	return line == OverdueMark || strings.HasPrefix(line, "(") && strings.HasSuffix(line, overdueClose)
}

// IsClaimedDoneLine reports whether a line of a status cell is the note of
// a "done" its figures contradict (Note).
func IsClaimedDoneLine(line string) bool {
	claimed, _, _ := strings.Cut(cellClaimedDone, ";")
	return strings.HasPrefix(strings.TrimSpace(line), "("+claimed)
}
