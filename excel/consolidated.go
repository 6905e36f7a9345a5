package excel

import (
	"fmt"
	"io"
	"math"
	"strings"
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
	if err := writeChecks(f, st, c.Findings); err != nil {
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
	f.SetActiveSheet(0)
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
		return ms.IndicatorText()
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
		f.SetCellStr(sh, cell(1, row), g.Code)
		f.MergeCell(sh, cell(2, row), cell(last, row))
		f.SetCellStr(sh, cell(2, row), groupText)
		f.SetCellStyle(sh, cell(1, row), cell(last, row), st.group)
		f.SetRowHeight(sh, row, groupH)
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

// checkCols are the columns of "Kiểm tra", widths in characters: the file
// names and the code (for programs, last) as wide as the longest listed, so
// that none breaks mid-word; the message and the hint take what is left.
func checkCols(fs []report.Finding) []struct {
	title string
	width float64
} {
	var codes, files []string
	for _, f := range fs {
		codes = append(codes, string(f.Code))
		files = append(files, f.File)
	}
	cols := []struct {
		title string
		width float64
	}{
		{chkSeverity, 9}, {chkKind, 18}, {chkFile, min(32, wordWidth(files, 12, 16))}, {chkWhere, 12}, {annColModel, 7},
		{chkMessage, 44}, {chkHint, 32}, {chkCode, wordWidth(codes, 12, 6)},
	}
	total := 0.0
	for _, c := range cols {
		total += c.width
	}
	if over := total - fitChars(len(cols)); over > 0 {
		cols[5].width -= math.Ceil(over * 0.6)
		cols[6].width -= math.Ceil(over * 0.4)
	}
	return cols
}

// writeChecks lists every finding, errors first: its kind in words, where,
// what and how to fix it; the code, for other programs, last.
func writeChecks(f *book, st *styles, findings []report.Finding) error {
	sh := sheetChecks
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	cols := checkCols(findings)
	var widths []float64
	headH := 18.0
	for i, col := range cols {
		f.SetCellStr(sh, cell(i+1, 1), col.title)
		f.SetColWidth(sh, colName(i+1), colName(i+1), col.width)
		widths = append(widths, col.width)
		headH = max(headH, textHeight(col.title, col.width, 12, true))
	}
	last := len(cols)
	f.SetCellStyle(sh, "A1", cell(last, 1), st.header)
	f.SetRowHeight(sh, 1, headH)
	for i, fd := range findings {
		r := i + 2
		sev, style := annWarning, st.warnFill
		if fd.Severity == report.Error {
			sev, style = annError, st.errFill
		}
		where := fd.Sheet
		if fd.Cell != "" {
			where = strings.TrimPrefix(where+" › "+fd.Cell, " › ")
		}
		vals := []string{sev, fd.Code.Label(), fd.File, where, "", upperFirst(fd.Message), upperFirst(fd.Hint), string(fd.Code)}
		if fd.Model > 0 {
			vals[4] = fmt.Sprint(fd.Model)
		}
		h := 18.0
		for j, v := range vals {
			f.SetCellStr(sh, cell(j+1, r), v)
			h = max(h, textHeight(v, cols[j].width, 12, false))
		}
		f.SetRowHeight(sh, r, min(h, 409))
		f.SetCellStyle(sh, cell(1, r), cell(last, r), st.wrap)
		f.SetCellStyle(sh, cell(1, r), cell(1, r), style)
	}
	if len(findings) == 0 {
		f.SetCellStr(sh, "A2", chkNone)
	}
	f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	if len(findings) > 0 {
		f.AutoFilter(sh, "A1:"+cell(last, len(findings)+1), nil)
	}
	return printLayout(f, sh, printScale(widths), 1, 1)
}

// upperFirst starts a message as a sentence.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
