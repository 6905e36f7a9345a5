package excel

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/rollup"
)

// WriteProvince renders the province's workbook from the communes'
// workbooks: "Các xã" (a row per commune, sent or not, with its counts),
// "Các mô hình" (a row per model across the communes), "Xã chưa gửi",
// "Kiểm tra" (every finding), "Dữ liệu" (a machine-readable row per commune
// × model, in the columns of a commune's "Dữ liệu" where they mean the
// same) and "Thông tin chung". Sheets that grow with the communes are
// streamed, so that thousands of communes fit in little memory.
func WriteProvince(w io.Writer, r *rollup.Rollup) error {
	f := newBook()
	defer f.Close()
	st := newStyles(f)
	if err := f.SetSheetName("Sheet1", sheetCommunes); err != nil {
		return err
	}
	// Every sheet made, in order, and Dữ liệu hidden before any is
	// streamed: hiding a sheet reads every sheet, a streamed one back from
	// its XML (the writers below find their sheets made).
	for _, sh := range []string{sheetModels, sheetMissing, sheetOpinions} {
		if _, err := f.NewSheet(sh); err != nil {
			return err
		}
	}
	if err := makeStreamedSheets(f); err != nil {
		return err
	}
	for _, write := range []func(*book, *styles, *rollup.Rollup) error{writeCommunes, writeModels, writeMissing, writeOpinions} {
		if err := write(f, st, r); err != nil {
			return err
		}
	}
	if err := writeChecks(f, st, r.Findings); err != nil {
		return err
	}
	if err := writeProvinceData(f, st, r); err != nil {
		return err
	}
	if err := writeIdentity(f, st, r.Plan, r.Period, r.Signed, kindProvince); err != nil {
		return err
	}
	if err := setDocProps(f, provTitle+" — "+r.Period.Name(), r.Period.ReportDay()); err != nil {
		return err
	}
	// "Các xã", the first sheet, is the active one as the workbook was
	// made: SetActiveSheet would decode every sheet, the streamed ones too.
	return writeTo(f, w)
}

// column is a column of a province sheet: its heading and width.
type provCol struct {
	title string
	width float64
}

func widthsOf(cols []provCol) []float64 {
	ws := make([]float64, len(cols))
	for i, c := range cols {
		ws[i] = c.width
	}
	return ws
}

// statusCols are the columns of the statuses, in the order reports give.
func statusCols(width float64) []provCol {
	var cols []provCol
	for _, s := range report.StatusesWithNone {
		cols = append(cols, provCol{s.String(), width})
	}
	return cols
}

func communeCols() []provCol {
	cols := []provCol{{provColTT, 4}, {provColCommune, 22}, {provColSent, 12}, {provColReport, 14}, {provColUnits, 9}, {provColModels, 7}}
	cols = append(cols, statusCols(9)...)
	return append(cols, provCol{report.ColOverdue.Title(), 7}, provCol{provColOwn, 13}, provCol{provColFile, 20})
}

// subtitle says the period and who puts the communes together.
func provinceSubtitle(r *rollup.Rollup) string {
	if r.Derived {
		return fmt.Sprintf(provSubtitleBare, r.Period.Label())
	}
	return fmt.Sprintf(provSubtitle, r.Period.Label(), r.Plan.Header.IssuingAgency, r.Plan.Document.Number, r.Plan.Document.Issuer)
}

// streamHead starts a streamed sheet: a title and a subtitle merged over
// the columns, a heading row at row 4, columns and panes set; it returns
// the stream and the print scale.
func streamHead(f *book, st *styles, sh, title, subtitle string, cols []provCol) (*excelize.StreamWriter, error) {
	widths := widthsOf(cols)
	scale := printScale(widths)
	total := 0.0
	for _, w := range widths {
		total += w
	}
	// Layout before streaming: the stream writes the sheet as it stands.
	if err := printLayout(f, sh, scale, 4, 4); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sh)
	if err != nil {
		return nil, err
	}
	for i, w := range widths {
		sw.SetColWidth(i+1, i+1, w)
	}
	sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 2, YSplit: 4, TopLeftCell: "C5", ActivePane: "bottomRight"})
	last := cell(len(cols), 1)
	sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: title}}, excelize.RowOpts{Height: textHeight(title, total, 14, true)})
	sw.SetRow("A2", []any{excelize.Cell{StyleID: st.italic, Value: subtitle}}, excelize.RowOpts{Height: textHeight(subtitle, total, 12, false)})
	sw.MergeCell("A1", last)
	sw.MergeCell("A2", cell(len(cols), 2))
	head := make([]any, len(cols))
	h := 18.0
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: st.header, Value: c.title}
		h = max(h, textHeight(c.title, c.width, 12, true))
	}
	return sw, sw.SetRow("A4", head, excelize.RowOpts{Height: h})
}

// writeCommunes writes "Các xã": a row per commune, its counts as its own
// "Thống kê" gives them, and a total.
func writeCommunes(f *book, st *styles, r *rollup.Rollup) error {
	cols := communeCols()
	sw, err := streamHead(f, st, sheetCommunes, provTitle, provinceSubtitle(r), cols)
	if err != nil {
		return err
	}
	totals := make([]int, len(report.StatusesWithNone)+3)
	row := 5
	for i, cl := range r.Communes {
		vals := []any{i + 1, cl.Unit.Name}
		sent, sentStyle := provSent, st.statusFill[report.StatusDone.Key()]
		switch {
		case !cl.Sent() && len(cl.Rejected) > 0:
			sent, sentStyle = provUnusable, st.errFill
		case !cl.Sent():
			sent, sentStyle = provNotSent, st.errFill
		}
		cells := []any{excelize.Cell{StyleID: st.wrapCenter, Value: vals[0]}, excelize.Cell{StyleID: st.wrap, Value: vals[1]},
			excelize.Cell{StyleID: sentStyle, Value: sent}}
		h := max(18, textHeight(cl.Unit.Name, cols[1].width, 12, false), textHeight(sent, cols[2].width, 12, false))
		if c := cl.Commune; c != nil {
			by, overdue := c.ModelCounts()
			counts := []int{c.UnitsReported, len(c.Lines)}
			for _, s := range report.StatusesWithNone {
				counts = append(counts, by[s])
			}
			counts = append(counts, overdue)
			for k, n := range counts[1:] {
				totals[k] += n
			}
			doc := communeReport(c)
			cells = append(cells, excelize.Cell{StyleID: st.wrap, Value: doc},
				excelize.Cell{StyleID: st.wrapCenter, Value: fmt.Sprintf(provUnitsOf, c.UnitsReported, c.UnitsExpected)})
			for _, n := range counts[1:] {
				cells = append(cells, excelize.Cell{StyleID: st.wrapCenter, Value: n})
			}
			own := fmt.Sprintf(provOwn, c.Errors, c.Warnings)
			cells = append(cells, excelize.Cell{StyleID: st.wrap, Value: own}, excelize.Cell{StyleID: st.wrap, Value: c.Sub.Name})
			h = max(h, textHeight(doc, cols[3].width, 12, false), textHeight(c.Sub.Name, cols[len(cols)-1].width, 12, false))
		} else {
			for range len(cols) - 3 {
				cells = append(cells, excelize.Cell{StyleID: st.wrap})
			}
			if len(cl.Rejected) > 0 {
				files := strings.Join(cl.Rejected, ", ")
				cells[len(cells)-1] = excelize.Cell{StyleID: st.wrap, Value: files}
				h = max(h, textHeight(files, cols[len(cols)-1].width, 12, false))
			}
		}
		if err := sw.SetRow(cell(1, row), cells, excelize.RowOpts{Height: min(h, 409)}); err != nil {
			return err
		}
		row++
	}
	n := r.Counts()
	total := []any{excelize.Cell{StyleID: st.header}, excelize.Cell{StyleID: st.header, Value: provTotal},
		excelize.Cell{StyleID: st.header, Value: fmt.Sprintf(provUnitsOf, n.Sent, max(n.Expected, n.Sent))}, excelize.Cell{StyleID: st.header},
		excelize.Cell{StyleID: st.header}}
	for _, t := range totals[:len(report.StatusesWithNone)+2] {
		total = append(total, excelize.Cell{StyleID: st.header, Value: t})
	}
	total = append(total, excelize.Cell{StyleID: st.header}, excelize.Cell{StyleID: st.header})
	if err := sw.SetRow(cell(1, row), total, excelize.RowOpts{Height: 18}); err != nil {
		return err
	}
	return sw.Flush()
}

// communeReport cites a commune's report: "Số 05/BC-CAX ngày 25/11/2026".
func communeReport(c *rollup.Commune) string {
	var parts []string
	if c.Number != "" {
		parts = append(parts, fmt.Sprintf(provReportNo, c.Number))
	}
	if c.ReportDate != nil {
		parts = append(parts, fmt.Sprintf(provReportDate, vi.FormatDate(*c.ReportDate)))
	}
	return upperFirst(strings.Join(parts, " "))
}

func modelCols() []provCol {
	cols := []provCol{{provColTT, 4}, {provColModel, 26}, {provColHave, 8}}
	cols = append(cols, statusCols(8)...)
	return append(cols, provCol{provColProgress, 8}, provCol{provColIndicator, 16}, provCol{provColSummed, 7},
		provCol{provColOverdueN, 7}, provCol{provColOverdue, 24}, provCol{provColNote, 18})
}

// maxNames is how many communes a cell names before it counts the rest:
// a cell stays readable (and within Excel's limit) at any scale.
const maxNames = 30

// names joins commune names, the first maxNames of them.
func names(ns []string) string {
	if len(ns) <= maxNames {
		return strings.Join(ns, ", ")
	}
	return strings.Join(ns[:maxNames], ", ") + " " + fmt.Sprintf(provMore, len(ns)-maxNames)
}

// modelValues are a model's cells in "Các mô hình".
func modelValues(ml *rollup.ModelLine) []any {
	vals := []any{ml.Model.TT, report.ModelTitle(ml.Model), ml.Communes}
	for _, s := range report.StatusesWithNone {
		vals = append(vals, ml.ByStatus[s])
	}
	var progress any = ""
	if ml.Progress != nil {
		progress = *ml.Progress
	}
	var notes []string
	for _, ns := range ml.NotSummed {
		notes = append(notes, fmt.Sprintf(provNotSummed, vi.InSentence(ns.Commune), ns.Differs.Describe()))
	}
	note := strings.Join(notes, "\n")
	return append(vals, progress, ml.IndicatorStanding(), ml.Summed, len(ml.Overdue), names(ml.Overdue), note)
}

// writeModels writes "Các mô hình": the plan's groups, a row per model.
func writeModels(f *book, st *styles, r *rollup.Rollup) error {
	sh := sheetModels
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	cols := modelCols()
	widths := widthsOf(cols)
	scale := printScale(widths)
	last := len(cols)
	total := 0.0
	for _, w := range widths {
		total += w
	}
	title := fmt.Sprintf(provModelsTitle, r.Period.Label())
	f.MergeCell(sh, "A1", cell(last, 1))
	f.SetCellStr(sh, "A1", title)
	f.SetCellStyle(sh, "A1", "A1", st.title)
	f.SetRowHeight(sh, 1, textHeight(title, total, 14, true))
	headH := 18.0
	for i, c := range cols {
		f.SetCellStr(sh, cell(i+1, 3), c.title)
		f.SetColWidth(sh, colName(i+1), colName(i+1), c.width)
		headH = max(headH, textHeight(c.title, c.width, 12, true))
	}
	f.SetCellStyle(sh, "A3", cell(last, 3), st.header)
	f.SetRowHeight(sh, 3, headH)
	pg := newPager(textHeight(title, total, 14, true)+15+headH, headH, scale)
	row := 4
	progress := 3 + len(report.StatusesWithNone) + 1
	for _, g := range r.Plan.Groups {
		var models []*rollup.ModelLine
		for _, ml := range r.Models {
			if ml.Model.Group == g.Code {
				models = append(models, ml)
			}
		}
		heights := make([]float64, len(models))
		for i, ml := range models {
			heights[i] = 18
			for j, v := range modelValues(ml) {
				if s, ok := v.(string); ok {
					heights[i] = max(heights[i], textHeight(s, cols[j].width, 12, false))
				}
			}
			heights[i] = min(heights[i], 409)
		}
		text := fmt.Sprintf(provGroup, g.Name, len(g.Models))
		groupH := textHeight(text, total-cols[0].width, 12, true)
		first := 0.0
		if len(heights) > 0 {
			first = heights[0]
		}
		if pg.add(groupH, first) {
			f.InsertPageBreak(sh, cell(1, row))
		}
		groupRow(f, st, sh, row, last, g.Code, text, groupH)
		row++
		for i, ml := range models {
			if pg.add(heights[i], 0) {
				f.InsertPageBreak(sh, cell(1, row))
			}
			for j, v := range modelValues(ml) {
				f.SetCellValue(sh, cell(j+1, row), v)
			}
			f.SetCellStyle(sh, cell(1, row), cell(last, row), st.wrap)
			f.SetCellStyle(sh, cell(1, row), cell(1, row), st.wrapCenter)
			f.SetCellStyle(sh, cell(3, row), cell(progress-1, row), st.wrapCenter)
			f.SetCellStyle(sh, cell(progress, row), cell(progress, row), st.number)
			f.SetCellStyle(sh, cell(progress+2, row), cell(progress+3, row), st.wrapCenter)
			if len(ml.Overdue) > 0 {
				f.SetCellStyle(sh, cell(progress+3, row), cell(progress+3, row), st.errFill)
			}
			f.SetRowHeight(sh, row, heights[i])
			row++
		}
	}
	f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 3, TopLeftCell: "C4", ActivePane: "bottomRight"})
	return printLayout(f, sh, scale, 3, 3)
}

// writeMissing lists the expected communes that sent no counting
// workbook, and why when they sent one that could not be used.
func writeMissing(f *book, st *styles, r *rollup.Rollup) error {
	cols := []provCol{{provColTT, 5}, {provColCommune, 40}, {provColReason, 80}}
	if _, err := f.NewSheet(sheetMissing); err != nil {
		return err
	}
	sw, err := streamHead(f, st, sheetMissing, provMissingTitle, provinceSubtitle(r), cols)
	if err != nil {
		return err
	}
	row, n := 5, 0
	for _, cl := range r.Communes {
		if cl.Sent() || !cl.Expected {
			continue
		}
		n++
		note := ""
		if len(cl.Rejected) > 0 {
			note = fmt.Sprintf(provUnusableFiles, strings.Join(cl.Rejected, ", "))
		}
		h := max(18, textHeight(cl.Unit.Name, cols[1].width, 12, false), textHeight(note, cols[2].width, 12, false))
		err := sw.SetRow(cell(1, row), []any{excelize.Cell{StyleID: st.wrapCenter, Value: n}, excelize.Cell{StyleID: st.wrap, Value: cl.Unit.Name},
			excelize.Cell{StyleID: st.wrap, Value: note}}, excelize.RowOpts{Height: min(h, 409)})
		if err != nil {
			return err
		}
		row++
	}
	if n == 0 {
		text := provAllSent
		if r.Counts().Expected == 0 {
			text = provNoList
		}
		if err := sw.SetRow("A5", []any{excelize.Cell{StyleID: st.text, Value: text}}); err != nil {
			return err
		}
		sw.MergeCell("A5", "C5")
	}
	return sw.Flush()
}
