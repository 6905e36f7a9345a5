package pdf

import (
	"fmt"
	"math"
	"strings"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// The appendix's table machinery, shared by every appendix: a heading row
// repeated on every page (a run of columns may sit under one heading, as
// Chủ trì, Phối hợp, Đơn vị hỗ trợ sit under "Phân công thực hiện"), group
// rows that never end a page, and rows that are never split unless taller
// than a page.

// tcol is a column of an appendix table.
type tcol struct {
	col   report.Column // the consolidated table's column, when it is one
	title string        // else its heading
	width float64       // mm
	align string
	group string // the heading over a run of columns, when it sits under one
}

func (c tcol) heading() string {
	if c.title != "" {
		return c.title
	}
	return c.col.Title()
}

// headerHeights are the heights of the table's heading: the common
// headings' row (0 when no columns sit under one) and the row of the
// columns' own headings under it, each as tall as its longest heading and
// at least two lines.
func (b *builder) headerHeights() (upper, lower float64) {
	grouped, lines := false, 2
	for _, c := range b.cols {
		grouped = grouped || c.group != ""
	}
	for _, c := range b.cols {
		if !grouped || c.group != "" {
			lines = max(lines, len(b.m.wrap(c.heading(), headFont, c.width-2*pad)))
		}
	}
	lower = float64(lines)*headLine + 2*pad
	if grouped {
		upper = 2*headLine + 2*pad
	}
	return upper, lower
}

// headerHeight is the height of the table's heading.
func (b *builder) headerHeight() float64 {
	upper, lower := b.headerHeights()
	return upper + lower
}

// useTable makes cols the table that rows go into, and draws its heading.
func (b *builder) useTable(cols []tcol) {
	b.cols = cols
	b.tableHeader()
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
	upper, lower := b.headerHeights()
	rowH := upper + lower
	type span struct {
		text string
		x, w float64
	}
	var spans []span
	for _, col := range b.cols {
		y, hgt := top, rowH
		if col.group != "" {
			y, hgt = top+upper, lower
			if n := len(spans); n > 0 && spans[n-1].text == col.group && math.Abs(spans[n-1].x+spans[n-1].w-x) < 0.01 {
				spans[n-1].w += col.width
			} else {
				spans = append(spans, span{col.group, x, col.width})
			}
		}
		b.page.Items = append(b.page.Items, Item{Kind: KindRect, X: x, Y: y, W: col.width, H: hgt, Fill: &fill, Stroke: true, Role: "header-row"})
		lines := b.m.wrap(col.heading(), headFont, col.width-2*pad)
		ty := y + (hgt-float64(len(lines))*lh)/2
		for _, l := range lines {
			b.page.Items = append(b.page.Items, Item{Kind: KindText, X: x + pad, Y: ty, W: col.width - 2*pad, H: lh, Text: vi.NFC(l), Font: headFont, Align: "C", Role: "header-row"})
			ty += lh
		}
		x += col.width
	}
	for _, s := range spans {
		b.page.Items = append(b.page.Items, Item{Kind: KindRect, X: s.x, Y: top, W: s.w, H: upper, Fill: &fill, Stroke: true, Role: "header-row"})
		b.page.Items = append(b.page.Items, Item{Kind: KindText, X: s.x + pad, Y: top + (upper-lh)/2, W: s.w - 2*pad, H: lh, Text: s.text, Font: headFont, Align: "C", Role: "header-row"})
	}
	b.y = top + rowH
}

// cells wraps a row's texts to the table's columns.
func (b *builder) cells(texts []string) [][]string {
	lines := make([][]string, len(b.cols))
	for i, col := range b.cols {
		lines[i] = b.m.wrap(keepTogether(vi.NFC(texts[i])), cellFont, col.width-2*pad)
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

// groupRow draws a group's row across the table, kept on the page with
// the next mm of the row that follows it.
func (b *builder) groupRow(text, key string, next float64) {
	w := b.width()
	lines := b.m.wrap(text, headFont, w-2*pad)
	rh := float64(len(lines))*headLine + 2*pad
	b.ensureRow(rh + next)
	fill := [3]int{0xF2, 0xF2, 0xF2}
	b.page.Items = append(b.page.Items, Item{Kind: KindRect, X: b.left(), Y: b.y, W: w, H: rh, Fill: &fill, Stroke: true, Role: "group-row", RowKey: key})
	for i, l := range lines {
		b.page.Items = append(b.page.Items, Item{Kind: KindText, X: b.left() + pad, Y: b.y + pad + float64(i)*headLine, W: w - 2*pad, H: headLine,
			Text: vi.NFC(l), Font: headFont, Align: "L", Role: "group-row", RowKey: key})
	}
	b.y += rh
}

// row draws a table row of wrapped cells. Rows are not split across
// pages; a row taller than a whole page is split between lines, continuing
// under a repeated header. bold, when not nil, sets a line of a cell in
// bold: the text stays black (Decree 30), marked by its weight.
func (b *builder) row(key string, lines [][]string, bold func(col int, line string) bool) {
	n := rowLines(lines)
	lh := cellLine
	first := 0
	for first < n {
		avail := int((b.bottom() - b.y - 2*pad) / lh)
		if avail < n-first {
			fresh := int((b.bottom() - marginTop - b.headerHeight() - 2*pad) / lh)
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
				if bold != nil && bold(i, lines[i][j]) {
					it.Font.Style = "B"
				}
				b.page.Items = append(b.page.Items, it)
			}
			x += col.width
		}
		b.y += rh
		first += count
	}
}

// appendixHeading starts an appendix on a new landscape page numbered on
// its own: its label ("PHỤ LỤC", "PHỤ LỤC I"), its title, and the report
// it goes with, "(Kèm theo Báo cáo số … ngày … của …)".
func (b *builder) appendixHeading(label, title string, h plan.Header, opt Options) {
	b.newPart(true)
	w := b.width()
	b.text(b.left(), b.y, w, label, Font{"B", 14}, "C", "appendix-title")
	b.y += lineHeight(14)
	for _, l := range b.m.wrap(title, Font{"B", 13}, w) {
		b.text(b.left(), b.y, w, l, Font{"B", 13}, "C", "appendix-title")
		b.y += lineHeight(13)
	}
	// The number is written in when given; otherwise room is left for it.
	num := fmt.Sprintf(txtAppNumberBlank, h.Symbol)
	if opt.Number > 0 {
		num = strings.TrimPrefix(docNumber(opt.Number, h.Symbol), "Số: ")
	}
	b.text(b.left(), b.y, w, fmt.Sprintf(txtAppRef, num, vi.FormatDate(opt.Date), h.IssuingAgency), Font{"I", 13}, "C", "appendix-ref")
	b.y += lineHeight(13) + 4
}
