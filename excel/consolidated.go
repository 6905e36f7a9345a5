package excel

import (
	"fmt"
	"io"
	"math"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/report"
)

// WriteConsolidated renders the commune's consolidated workbook: "Tổng hợp"
// in the plan's appendix layout with the progress columns, "Thống kê" with
// counts and a chart, "Kiểm tra" with every finding, "Dữ liệu", one
// machine-readable row per unit × model for --previous and the level above,
// and "Thông tin chung", whose workbook it is (infosheet.go).
func WriteConsolidated(w io.Writer, c *report.Consolidation) error {
	// "Kiểm tra" is measured while the other sheets are written.
	checks := make(chan []checkRow, 1)
	cols := checkCols(c.Findings)
	go func() { checks <- measureChecks(c.Findings, cols) }()
	f := newBook()
	defer f.Close()
	st := newStyles(f)
	if err := f.SetSheetName("Sheet1", sheetSummary); err != nil {
		return err
	}
	if err := writeSummary(f, st, c); err != nil {
		return err
	}
	if err := writeStats(f, st, c); err != nil {
		return err
	}
	if err := makeStreamedSheets(f); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	if err := streamChecks(f, st, cols, <-checks); err != nil {
		return err
	}
	if err := writeData(f, st, c); err != nil {
		return err
	}
	if err := writeInfo(f, st, c); err != nil {
		return err
	}
	if err := setDocProps(f, sumTitle+" — "+c.Period.Name(), c.Period.ReportDay()); err != nil {
		return err
	}
	return writeTo(f, w)
}

// sumCol is a column of "Tổng hợp" with its width in characters.
type sumCol struct {
	col   report.Column
	width float64
}

// summaryColumns are the columns of "Tổng hợp": the plan's appendix, the
// progress columns, and the change since the previous report when there
// is one. An overdue model says so in its status cell, as in the PDF. The
// columns print on A4 landscape at 80 % or more: with the change column,
// the results and difficulties give it room.
func summaryColumns(c *report.Consolidation) []sumCol {
	cols := []sumCol{
		{report.ColTT, 4}, {report.ColModel, 20}, {report.ColLead, 11}, {report.ColCoordinate, 11}, {report.ColSupport, 10},
		{report.ColDeadline, 11}, {report.ColPlatforms, 11}, {report.ColStatus, 11}, {report.ColProgress, 7},
		{report.ColIndicator, 12}, {report.ColResult, 36}, {report.ColIssues, 24},
	}
	if !c.Previous.IsZero() {
		cols = append(cols, sumCol{report.ColChange, 12})
	}
	total := 0.0
	for _, col := range cols {
		total += col.width
	}
	if over := total - fitChars(len(cols)); over > 0 {
		for i := range cols {
			switch cols[i].col {
			case report.ColResult:
				cols[i].width -= math.Ceil(over * 0.6)
			case report.ColIssues:
				cols[i].width -= math.Ceil(over * 0.4)
			}
		}
	}
	return cols
}

// columnIndex is the 1-based column of c among cols.
func columnIndex(cols []sumCol, c report.Column) int {
	for i, sc := range cols {
		if sc.col == c {
			return i + 1
		}
	}
	return 0
}

// summaryValue is a model's cell in column c: text, or a number.
func summaryValue(c report.Column, ms *report.ModelSummary) any {
	m := ms.Model
	switch c {
	case report.ColTT:
		return m.TT
	case report.ColModel:
		return ms.Title()
	case report.ColLead:
		return strings.Join(m.Lead, ";\n")
	case report.ColCoordinate:
		return strings.Join(m.Coordinate, ";\n")
	case report.ColSupport:
		return strings.Join(m.Support, ";\n")
	case report.ColDeadline:
		return m.Deadline.Text
	case report.ColPlatforms:
		return strings.Join(m.Platforms, ";\n")
	case report.ColStatus:
		return strings.Join(ms.StatusLines(), "\n")
	case report.ColProgress:
		if ms.Progress != nil {
			return *ms.Progress
		}
	case report.ColIndicator:
		return ms.IndicatorStanding()
	case report.ColResult:
		return strings.Join(ms.ResultLines(), "\n")
	case report.ColIssues:
		return strings.Join(ms.IssueLines(), "\n")
	case report.ColChange:
		return ms.Change()
	}
	return ""
}

func writeSummary(f *book, st *styles, c *report.Consolidation) error {
	sh := sheetSummary
	cols := summaryColumns(c)
	last := len(cols)
	var widths []float64
	for _, col := range cols {
		widths = append(widths, col.width)
	}
	scale := printScale(widths)
	total := 0.0
	for _, w := range widths {
		total += w
	}
	h := c.Plan.Header
	f.MergeCell(sh, "A1", cell(last, 1))
	f.SetCellStr(sh, "A1", sumTitle)
	f.SetCellStyle(sh, "A1", "A1", st.title)
	f.SetRowHeight(sh, 1, textHeight(sumTitle, total, 14, true))
	subtitle := fmt.Sprintf(sumSubtitle, c.Period.Label(), h.IssuingAgency, c.Plan.Document.Number, c.Plan.Document.Issuer)
	f.MergeCell(sh, "A2", cell(last, 2))
	f.SetCellStr(sh, "A2", subtitle)
	f.SetCellStyle(sh, "A2", "A2", st.subtitle)
	f.SetRowHeight(sh, 2, textHeight(subtitle, total, 12, false))

	const h1, h2 = 4, 5
	aFirst, aLast := 0, 0 // the assignment columns, under one heading
	headH := 0.0
	for i, col := range cols {
		ref := cell(i+1, h1)
		title := col.col.Title()
		if col.col == report.ColChange {
			title = c.ChangeTitle()
		}
		if col.col.Assignment() {
			f.SetCellStr(sh, cell(i+1, h2), title)
			if aFirst == 0 {
				aFirst = i + 1
			}
			aLast = i + 1
		} else {
			f.MergeCell(sh, ref, cell(i+1, h2))
			f.SetCellStr(sh, ref, title)
		}
		headH = max(headH, textHeight(title, col.width, 12, true))
		f.SetColWidth(sh, colName(i+1), colName(i+1), col.width)
	}
	f.MergeCell(sh, cell(aFirst, h1), cell(aLast, h1))
	f.SetCellStr(sh, cell(aFirst, h1), report.AssignmentTitle)
	f.SetCellStyle(sh, cell(1, h1), cell(last, h2), st.header)
	f.SetRowHeight(sh, h1, 18)
	f.SetRowHeight(sh, h2, max(18, headH-18))

	top := textHeight(sumTitle, total, 14, true) + textHeight(subtitle, total, 12, false) + 15 + max(36, headH)
	pg := newPager(top, max(36, headH), scale)
	row := h2 + 1
	for _, g := range c.Plan.Groups {
		var models []*report.ModelSummary
		for _, ms := range c.Models {
			if ms.Model.Group == g.Code {
				models = append(models, ms)
			}
		}
		groupText := fmt.Sprintf(sumGroup, g.Name, len(g.Models))
		groupH := textHeight(groupText, total-cols[0].width, 12, true)
		rows := make([]modelRows, len(models))
		for i, ms := range models {
			rows[i] = layoutModelRows(cols, ms)
		}
		first := 0.0
		if len(rows) > 0 {
			first = rows[0].heights[0]
		}
		// A group heading never ends a page: it goes with its first model.
		if pg.add(groupH, first) {
			f.InsertPageBreak(sh, cell(1, row))
		}
		groupRow(f, st, sh, row, last, g.Code, groupText, groupH)
		row++
		for _, mr := range rows {
			if err := mr.write(f, st, cols, row, pg); err != nil {
				return err
			}
			row += len(mr.heights)
		}
	}
	f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: h2, TopLeftCell: cell(3, h2+1), ActivePane: "bottomRight"})
	return printLayout(f, sh, scale, h1, h2)
}

func writeSummaryRow(f *book, st *styles, cols []sumCol, ms *report.ModelSummary, row int) error {
	sh := sheetSummary
	last := len(cols)
	for i, col := range cols {
		if err := f.SetCellValue(sh, cell(i+1, row), summaryValue(col.col, ms)); err != nil {
			return err
		}
	}
	f.SetCellStyle(sh, cell(1, row), cell(last, row), st.wrap)
	f.SetCellStyle(sh, cell(1, row), cell(1, row), st.wrapCenter)
	status, progress := columnIndex(cols, report.ColStatus), columnIndex(cols, report.ColProgress)
	style := st.statusFill[ms.Status.Key()]
	if ms.Overdue {
		style = st.overdueFill
	}
	f.SetCellStyle(sh, cell(status, row), cell(status, row), style)
	f.SetCellStyle(sh, cell(progress, row), cell(progress, row), st.number)
	return nil
}

// makeStreamedSheets makes "Kiểm tra" and "Dữ liệu", in that order, and
// hides "Dữ liệu" — before either is streamed: hiding a sheet, like setting
// the active one, reads every sheet, a streamed one back from its XML.
// "Dữ liệu" is for programs (--previous, the level above): hidden, it is
// never printed with the workbook; a person reads the same in the other
// sheets, and can unhide it.
func makeStreamedSheets(f *book) error {
	for _, sh := range []string{sheetChecks, sheetData} {
		if _, err := f.NewSheet(sh); err != nil {
			return err
		}
	}
	return f.SetSheetVisible(sheetData, false)
}

// checkCol is a column of "Kiểm tra", its width in characters.
type checkCol struct {
	title string
	width float64
}

// checkCols are the columns of "Kiểm tra", widths in characters: the file
// names and the code (for programs, last) as wide as the longest listed, so
// that none breaks mid-word; the message and the hint take what is left.
func checkCols(fs []report.Finding) []checkCol {
	var codes, files []string
	for _, f := range fs {
		codes = append(codes, string(f.Code))
		files = append(files, f.File)
	}
	cols := []checkCol{
		{chkSeverity, 9}, {chkKind, 18}, {chkFile, min(32, wordWidth(files, 12, 16))}, {chkWhere, 12}, {annColModel, 7},
		{chkMessage, 44}, {chkHint, 32}, {chkCode, wordWidth(codes, 12, 6)},
	}
	// The code, for programs, is outside the print area: the printed
	// columns fit the page without it.
	total := 0.0
	for _, c := range cols[:len(cols)-1] {
		total += c.width
	}
	if over := total - fitChars(len(cols)-1); over > 0 {
		cols[5].width -= math.Ceil(over * 0.6)
		cols[6].width -= math.Ceil(over * 0.4)
	}
	return cols
}

// writeChecks lists every finding in the sheet "Kiểm tra", which the
// caller has made (streamChecks).
func writeChecks(f *book, st *styles, findings []report.Finding) error {
	cols := checkCols(findings)
	return streamChecks(f, st, cols, measureChecks(findings, cols))
}

// streamChecks lists every finding, errors first: its kind in words, where,
// what and how to fix it; the code, for other programs, last. One row a
// finding makes it the sheet that grows with the files, so its rows are
// measured beforehand (measureChecks) and streamed. Any sheet hidden and
// the active sheet are set before: either reads every sheet, a streamed
// one back from its XML.
func streamChecks(f *book, st *styles, cols []checkCol, rows []checkRow) error {
	sh := sheetChecks
	var widths []float64
	head := make([]any, len(cols))
	headH := 18.0
	for i, col := range cols {
		head[i] = excelize.Cell{StyleID: st.header, Value: col.title}
		f.SetColWidth(sh, colName(i+1), colName(i+1), col.width)
		widths = append(widths, col.width)
		headH = max(headH, textHeight(col.title, col.width, 12, true))
	}
	last := len(cols)
	// Set before streaming: the stream writes the sheet as it stands.
	f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	if len(rows) > 0 {
		f.AutoFilter(sh, "A1:"+cell(last, len(rows)+1), nil)
	}
	// The code column, English words for programs, is not printed.
	if err := printLayout(f, sh, printScale(widths[:last-1]), 1, 1); err != nil {
		return err
	}
	err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area",
		RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", sh, colName(last-1), max(2, len(rows)+1)), Scope: sh})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sh)
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{Height: min(headH, excelize.MaxRowHeight)}); err != nil {
		return err
	}
	vals := make([]any, len(cols))
	for i, r := range rows {
		for j, v := range r.vals {
			vals[j] = excelize.Cell{StyleID: st.wrap, Value: v}
		}
		sev := st.warnFill
		if r.error {
			sev = st.errFill
		}
		vals[0] = excelize.Cell{StyleID: sev, Value: r.vals[0]}
		if err := sw.SetRow(cell(1, i+2), vals, excelize.RowOpts{Height: r.height}); err != nil {
			return err
		}
	}
	if len(rows) == 0 {
		if err := sw.SetRow("A2", []any{chkNone}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// checkRow is a row of "Kiểm tra": its texts, the height they need and
// whether the finding is an error.
type checkRow struct {
	vals   []string
	height float64
	error  bool
}

// measureChecks makes the rows of "Kiểm tra", on every core: measuring the
// texts for the rows' heights is most of the sheet's work. The texts a
// worker has measured once (the kinds, the hints) it does not measure again.
func measureChecks(fs []report.Finding, cols []checkCol) []checkRow {
	rows := make([]checkRow, len(fs))
	workers := max(1, min(runtime.GOMAXPROCS(0), len(fs)/64))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			measured := map[textCol]float64{}
			for i := w; i < len(fs); i += workers {
				rows[i] = checkRowOf(fs[i], cols, measured)
			}
		})
	}
	wg.Wait()
	return rows
}

type textCol struct {
	text string
	col  int
}

func checkRowOf(fd report.Finding, cols []checkCol, measured map[textCol]float64) checkRow {
	sev, isErr := annWarning, fd.Severity == report.Error
	if isErr {
		sev = annError
	}
	where := fd.Sheet
	if fd.Cell != "" {
		where = strings.TrimPrefix(where+" › "+fd.Cell, " › ")
	}
	vals := []string{sev, fd.Code.Label(), fd.File, where, "", upperFirst(fd.Message), upperFirst(fd.Hint), string(fd.Code)}
	if fd.Model > 0 {
		vals[4] = strconv.Itoa(fd.Model)
	}
	h := 18.0
	for j, v := range vals {
		k := textCol{v, j}
		vh, ok := measured[k]
		if !ok {
			vh = textHeight(v, cols[j].width, 12, false)
			measured[k] = vh
		}
		h = max(h, vh)
	}
	return checkRow{vals: vals, height: min(h, excelize.MaxRowHeight), error: isErr}
}

// upperFirst starts a message as a sentence.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// groupRow writes a group's heading row of a models table: its code, then
// its text across the other columns up to last, height h.
func groupRow(f *book, st *styles, sh string, row, last int, code, text string, h float64) {
	f.SetCellStr(sh, cell(1, row), code)
	f.MergeCell(sh, cell(2, row), cell(last, row))
	f.SetCellStr(sh, cell(2, row), text)
	f.SetCellStyle(sh, cell(1, row), cell(last, row), st.group)
	f.SetRowHeight(sh, row, h)
}
