package pdf

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// The appendix table: the plan's appendix layout with the progress columns.

// tableCols are the columns, 252 mm in all: the landscape page's text
// width. The commune's units are written by their short names
// (plan.Unit.Short), so the assignment columns stay narrow and the room
// goes to the results; they sit under "Phân công thực hiện".
var tableCols = func() []tcol {
	cols := []tcol{
		{col: report.ColTT, width: 6, align: "C"}, {col: report.ColModel, width: 30, align: "L"}, {col: report.ColLead, width: 14, align: "L"},
		{col: report.ColCoordinate, width: 15, align: "L"}, {col: report.ColSupport, width: 16, align: "L"}, {col: report.ColDeadline, width: 15, align: "L"},
		{col: report.ColPlatforms, width: 16, align: "L"}, {col: report.ColStatus, width: 14, align: "C"}, {col: report.ColStanding, width: 18, align: "C"},
		{col: report.ColResult, width: 72, align: "L"}, {col: report.ColIssues, width: 36, align: "L"},
	}
	for i := range cols {
		if cols[i].col.Assignment() {
			cols[i].group = report.AssignmentTitle
		}
	}
	return cols
}()

var cellFont = Font{"", 8}
var headFont = Font{"B", 8}

// Table lines are set a little tighter than body text (1.15 rather than
// 1.25 of the size): still within Decree 30's single spacing.
var (
	cellLine = cellFont.Size * 0.3528 * 1.15
	headLine = headFont.Size * 0.3528 * 1.15
)

const pad = 1.0

func (b *builder) appendix(c *report.Consolidation, opt Options) {
	b.plan = c.Plan
	b.appendixHeading(txtAppendix, txtAppTitle, c.Plan.Header, opt)
	if w := c.OneSource; !w.IsZero() {
		b.y -= 2
		b.text(b.left(), b.y, b.width(), say("appendixSource", data{"Week": w.Short(), "From": vi.FormatDate(w.Start()), "To": vi.FormatDate(w.End())}),
			Font{"I", 11}, "C", "appendix-source")
		b.y += lineHeight(11) + 2
	}
	b.useTable(b.fitColumns(c))
	for _, g := range c.Plan.Groups {
		// A group row never ends a page: keep it with its first model.
		next := 0.0
		for _, ms := range c.Models {
			if ms.Model.Group == g.Code {
				next = b.rowHeight(b.rowCells(ms))
				break
			}
		}
		b.groupRow(fmt.Sprintf(txtAppGroup, g.Code, g.Name, len(g.Models)), "group-"+g.Code, next)
		for _, ms := range c.Models {
			if ms.Model.Group == g.Code {
				b.modelRow(ms)
			}
		}
	}
	b.abbreviationKey(c.Plan)
}

// labels writes the units of a model's list by their short names where
// the plan gives them, noting which were shortened. A short name is one
// word: it never breaks across lines.
func (b *builder) labels(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		label, u := b.plan.Label(n)
		if u != nil {
			if b.abbreviated == nil {
				b.abbreviated = map[string]string{}
			}
			if _, ok := b.abbreviated[u.ID]; !ok {
				b.abbreviated[u.ID] = n
			}
			label = strings.ReplaceAll(label, " ", "\u00a0")
		}
		out[i] = label
	}
	return strings.Join(out, "; ")
}

// fitColumns widens each assignment column to its widest short name, so
// that none is cut, taking the room from the results.
func (b *builder) fitColumns(c *report.Consolidation) []tcol {
	cols := slices.Clone(tableCols)
	lists := map[report.Column]func(m *plan.Model) []string{
		report.ColLead:       func(m *plan.Model) []string { return m.Lead },
		report.ColCoordinate: func(m *plan.Model) []string { return m.Coordinate },
		report.ColSupport:    func(m *plan.Model) []string { return m.Support },
	}
	extra := 0.0
	for i, col := range cols {
		get, ok := lists[col.col]
		if !ok {
			continue
		}
		need := 0.0
		for _, ms := range c.Models {
			for _, n := range get(ms.Model) {
				if label, u := c.Plan.Label(n); u != nil {
					need = max(need, b.m.width(label, cellFont)+2*pad+0.5)
				}
			}
		}
		if need > col.width {
			extra += need - col.width
			cols[i].width = need
		}
	}
	for i := range cols {
		if cols[i].col == report.ColResult {
			cols[i].width -= extra
		}
	}
	return cols
}

// abbreviationKey spells out, under the table, every short name used in
// it, in the plan's order of units, in the plan's own words; not one the
// words spell out no further ("Ban ATGT: Ban ATGT xã").
func (b *builder) abbreviationKey(pl *plan.Plan) {
	var parts []string
	for _, u := range pl.Units {
		if written, ok := b.abbreviated[u.ID]; ok && !strings.Contains(vi.Fold(written), vi.Fold(u.Short)) {
			parts = append(parts, u.Short+": "+written)
		}
	}
	if len(parts) == 0 {
		return
	}
	font := Font{"I", 10}
	lines := b.m.wrap(keepTogether(txtAbbreviations+strings.Join(parts, "; ")+"."), font, b.width())
	b.y += 2
	b.ensure(float64(len(lines)) * lineHeight(font.Size))
	for _, l := range lines {
		b.text(b.left(), b.y, b.width(), l, font, "L", "abbreviations")
		b.y += lineHeight(font.Size)
	}
}

// rowCells gives a model row's cell texts, wrapped to their columns.
func (b *builder) rowCells(ms *report.ModelSummary) [][]string {
	m := ms.Model
	text := map[report.Column]string{
		report.ColTT: strconv.Itoa(m.TT), report.ColModel: ms.Title(),
		report.ColLead: b.labels(m.Lead), report.ColCoordinate: b.labels(m.Coordinate),
		report.ColSupport: b.labels(m.Support), report.ColDeadline: m.Deadline.Text,
		report.ColPlatforms: strings.Join(m.Platforms, "; "), report.ColStatus: strings.Join(ms.StatusLines(), "\n"),
		report.ColStanding: strings.Join(ms.StandingLines(), "\n"),
		report.ColResult:   strings.Join(ms.ResultLines(), "\n"), report.ColIssues: strings.Join(ms.IssueLines(), "\n"),
	}
	texts := make([]string, len(b.cols))
	for i, col := range b.cols {
		texts[i] = text[col.col]
	}
	return b.cells(texts)
}

// modelRow draws a model's row; an overdue mark is bold, with the note it
// shares its parenthesis with (from the line that opens it on).
func (b *builder) modelRow(ms *report.ModelSummary) {
	status := slices.IndexFunc(b.cols, func(c tcol) bool { return c.col == report.ColStatus })
	open := false // the status cell's lines come in order
	b.row(fmt.Sprintf("model-%d", ms.Model.Number), b.rowCells(ms), func(col int, line string) bool {
		if col != status || !ms.Overdue {
			return false
		}
		open = open || strings.HasPrefix(line, "(")
		return open
	})
}
