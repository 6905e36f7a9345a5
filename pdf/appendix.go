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
type tcol struct {
	col   report.Column
	width float64 // mm
	align string
}

// The columns, 252 mm in all: the landscape page's text width. The
// commune's units are written by their short names (plan.Unit.Short), so
// the assignment columns stay narrow and the room goes to the results.
var tableCols = []tcol{
	{report.ColTT, 6, "C"}, {report.ColModel, 30, "L"}, {report.ColLead, 14, "L"}, {report.ColCoordinate, 15, "L"},
	{report.ColSupport, 16, "L"}, {report.ColDeadline, 15, "L"}, {report.ColPlatforms, 16, "L"}, {report.ColStatus, 14, "C"},
	{report.ColStanding, 18, "C"}, {report.ColResult, 72, "L"}, {report.ColIssues, 36, "L"},
}

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
	b.cols = b.fitColumns(c)
	b.newPart(true)
	w := b.width()
	h := c.Plan.Header
	b.text(b.left(), b.y, w, txtAppendix, Font{"B", 14}, "C", "appendix-title")
	b.y += lineHeight(14)
	b.text(b.left(), b.y, w, txtAppTitle, Font{"B", 13}, "C", "appendix-title")
	b.y += lineHeight(13)
	// The number is written in when given; otherwise room is left for it.
	num := fmt.Sprintf(txtAppNumberBlank, h.Symbol)
	if opt.Number > 0 {
		num = strings.TrimPrefix(docNumber(opt.Number, h.Symbol), "Số: ")
	}
	b.text(b.left(), b.y, w, fmt.Sprintf(txtAppRef, num, vi.FormatDate(opt.Date), h.IssuingAgency), Font{"I", 13}, "C", "appendix-ref")
	b.y += lineHeight(13) + 4

	b.tableHeader()
	for _, g := range c.Plan.Groups {
		text := fmt.Sprintf(txtAppGroup, g.Code, g.Name, len(g.Models))
		lines := b.m.wrap(text, headFont, w-2*pad)
		rh := float64(len(lines))*headLine + 2*pad
		// A group row never ends a page: keep it with its first model.
		next := 0.0
		for _, ms := range c.Models {
			if ms.Model.Group == g.Code {
				next = b.rowHeight(b.rowCells(ms))
				break
			}
		}
		b.ensureRow(rh + next)
		fill := [3]int{0xF2, 0xF2, 0xF2}
		b.page.Items = append(b.page.Items, Item{Kind: KindRect, X: b.left(), Y: b.y, W: w, H: rh, Fill: &fill, Stroke: true, Role: "group-row", RowKey: "group-" + g.Code})
		for i, l := range lines {
			b.page.Items = append(b.page.Items, Item{Kind: KindText, X: b.left() + pad, Y: b.y + pad + float64(i)*headLine, W: w - 2*pad, H: headLine,
				Text: vi.NFC(l), Font: headFont, Align: "L", Role: "group-row", RowKey: "group-" + g.Code})
		}
		b.y += rh
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
// it, in the plan's order of units, in the plan's own words.
func (b *builder) abbreviationKey(pl *plan.Plan) {
	var parts []string
	for _, u := range pl.Units {
		if written, ok := b.abbreviated[u.ID]; ok {
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

// ensureRow starts a new landscape page with the header row when h mm do
// not fit.
func (b *builder) ensureRow(h float64) {
	if b.y+h > b.bottom() {
		b.newPage(true)
		b.tableHeader()
	}
}

func (b *builder) tableHeader() {
	x := b.left()
	lh := headLine
	fill := [3]int{0xDC, 0xE6, 0xF1}
	top := b.y
	rowH := 2 * (2*lh + 2*pad) // two header rows, each up to two lines
	half := rowH / 2
	ax, aw := 0.0, 0.0 // the assignment columns, under one heading
	for _, col := range b.cols {
		y, hgt := top, rowH
		if col.col.Assignment() {
			y, hgt = top+half, half
			if aw == 0 {
				ax = x
			}
			aw += col.width
		}
		b.page.Items = append(b.page.Items, Item{Kind: KindRect, X: x, Y: y, W: col.width, H: hgt, Fill: &fill, Stroke: true, Role: "header-row"})
		lines := b.m.wrap(col.col.Title(), headFont, col.width-2*pad)
		ty := y + (hgt-float64(len(lines))*lh)/2
		for _, l := range lines {
			b.page.Items = append(b.page.Items, Item{Kind: KindText, X: x + pad, Y: ty, W: col.width - 2*pad, H: lh, Text: vi.NFC(l), Font: headFont, Align: "C", Role: "header-row"})
			ty += lh
		}
		x += col.width
	}
	// "Phân công thực hiện" over Chủ trì, Phối hợp, Đơn vị hỗ trợ.
	b.page.Items = append(b.page.Items, Item{Kind: KindRect, X: ax, Y: top, W: aw, H: half, Fill: &fill, Stroke: true, Role: "header-row"})
	b.page.Items = append(b.page.Items, Item{Kind: KindText, X: ax + pad, Y: top + (half-lh)/2, W: aw - 2*pad, H: lh, Text: report.AssignmentTitle, Font: headFont, Align: "C", Role: "header-row"})
	b.y = top + rowH
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
	lines := make([][]string, len(b.cols))
	for i, col := range b.cols {
		lines[i] = b.m.wrap(keepTogether(vi.NFC(text[col.col])), cellFont, col.width-2*pad)
	}
	return lines
}

func rowLines(lines [][]string) int {
	n := 1
	for _, l := range lines {
		n = max(n, len(l))
	}
	return n
}

// rowHeight is the height of a row whose cells hold lines.
func (b *builder) rowHeight(lines [][]string) float64 {
	return float64(rowLines(lines))*cellLine + 2*pad
}

func (b *builder) modelRow(ms *report.ModelSummary) {
	m := ms.Model
	lines := b.rowCells(ms)
	n := rowLines(lines)
	lh := cellLine
	key := fmt.Sprintf("model-%d", m.Number)
	// Rows are not split across pages; a row taller than a whole page is
	// split between lines, continuing under a repeated header.
	first := 0
	for first < n {
		avail := int((b.bottom() - b.y - 2*pad) / lh)
		if avail < n-first {
			fresh := int((b.bottom() - marginTop - 2*(2*lh+2*pad)*1 - 2*pad) / lh)
			if first == 0 && n <= fresh || avail < 1 {
				b.newPage(true)
				b.tableHeader()
				continue
			}
		}
		count := min(n-first, avail)
		rh := float64(count)*lh + 2*pad
		x := b.left()
		for i, col := range b.cols {
			b.page.Items = append(b.page.Items, Item{Kind: KindRect, X: x, Y: b.y, W: col.width, H: rh, Stroke: true, Role: "cell", RowKey: key})
			for j := first; j < first+count && j < len(lines[i]); j++ {
				it := Item{Kind: KindText, X: x + pad, Y: b.y + pad + float64(j-first)*lh, W: col.width - 2*pad, H: lh,
					Text: lines[i][j], Font: cellFont, Align: col.align, Role: "cell", RowKey: key}
				if col.col == report.ColStatus && ms.Overdue && lines[i][j] == report.OverdueMark {
					it.Color = [3]int{0xC0, 0, 0}
				}
				b.page.Items = append(b.page.Items, it)
			}
			x += col.width
		}
		b.y += rh
		first += count
	}
}
