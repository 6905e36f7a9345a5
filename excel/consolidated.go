package excel

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// WriteConsolidated renders the commune's consolidated workbook: "Tổng hợp"
// in the plan's appendix layout with the progress columns, "Thống kê" with
// counts and a chart, "Kiểm tra" with every finding, and "Dữ liệu", one
// machine-readable row per unit × model for --previous and the level above.
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
	if err := writeChecks(f, st, c); err != nil {
		return err
	}
	if err := writeData(f, st, c); err != nil {
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
// is one. Narrow enough to print A4 landscape at 80 % or more.
func summaryColumns(c *report.Consolidation) []sumCol {
	cols := []sumCol{
		{report.ColTT, 4}, {report.ColModel, 20}, {report.ColLead, 11}, {report.ColCoordinate, 11}, {report.ColSupport, 10},
		{report.ColDeadline, 9}, {report.ColPlatforms, 9}, {report.ColStatus, 10}, {report.ColProgress, 7},
		{report.ColIndicator, 10}, {report.ColResult, 40}, {report.ColIssues, 22}, {report.ColOverdue, 6},
	}
	if !c.Previous.IsZero() {
		cols = append(cols, sumCol{report.ColChange, 13})
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
		return ms.Status.String()
	case report.ColProgress:
		if ms.Progress != nil {
			return *ms.Progress
		}
	case report.ColIndicator:
		return ms.IndicatorText()
	case report.ColResult:
		return strings.Join(ms.ResultLines(), "\n")
	case report.ColDifficulty:
		return attributed(ms.Difficulties)
	case report.ColProposal:
		return attributed(ms.Proposals)
	case report.ColIssues:
		return strings.Join(ms.IssueLines(), "\n")
	case report.ColOverdue:
		if ms.Overdue {
			return sumOverdueYes
		}
	case report.ColChange:
		return ms.Change()
	}
	return ""
}

func attributed(as []report.Attributed) string {
	var lines []string
	for _, a := range as {
		lines = append(lines, a.Unit+": "+a.Text)
	}
	return strings.Join(lines, "\n")
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
		heights := make([]float64, len(models))
		for i, ms := range models {
			heights[i] = summaryRowHeight(cols, ms)
		}
		// A group heading never ends a page: it goes with its first model.
		if pg.add(groupH, firstOr(heights)) {
			f.InsertPageBreak(sh, cell(1, row))
		}
		f.SetCellStr(sh, cell(1, row), g.Code)
		f.MergeCell(sh, cell(2, row), cell(last, row))
		f.SetCellStr(sh, cell(2, row), groupText)
		f.SetCellStyle(sh, cell(1, row), cell(last, row), st.group)
		f.SetRowHeight(sh, row, groupH)
		row++
		for i, ms := range models {
			if pg.add(heights[i], 0) {
				f.InsertPageBreak(sh, cell(1, row))
			}
			if err := writeSummaryRow(f, st, cols, ms, row); err != nil {
				return err
			}
			f.SetRowHeight(sh, row, heights[i])
			row++
		}
	}
	f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: h2, TopLeftCell: cell(3, h2+1), ActivePane: "bottomRight"})
	return printLayout(f, sh, scale, h1, h2)
}

func firstOr(hs []float64) float64 {
	if len(hs) == 0 {
		return 0
	}
	return hs[0]
}

// summaryRowHeight is the height of a model's row: its tallest cell.
func summaryRowHeight(cols []sumCol, ms *report.ModelSummary) float64 {
	h := 18.0
	for _, col := range cols {
		if s, ok := summaryValue(col.col, ms).(string); ok {
			h = max(h, textHeight(s, col.width, 12, false))
		}
	}
	return min(h, 409) // Excel's largest row
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
	status, progress, overdue := columnIndex(cols, report.ColStatus), columnIndex(cols, report.ColProgress), columnIndex(cols, report.ColOverdue)
	f.SetCellStyle(sh, cell(status, row), cell(status, row), st.statusFill[ms.Status.Key()])
	f.SetCellStyle(sh, cell(progress, row), cell(progress, row), st.number)
	if ms.Overdue {
		f.SetCellStyle(sh, cell(overdue, row), cell(overdue, row), st.errFill)
	}
	return nil
}

func writeStats(f *book, st *styles, c *report.Consolidation) error {
	sh := sheetStats
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	const top = 3
	r := writeStatsTable(f, st, c, top)
	if err := addStatusChart(f, top, r); err != nil {
		return err
	}
	writeStatsLists(f, st, c, r+22)
	return printLayout(f, sh, 1, top, top)
}

// writeStatsTable writes the counts by group and status from row top; it
// returns the row of the totals.
func writeStatsTable(f *book, st *styles, c *report.Consolidation, top int) int {
	sh := sheetStats
	f.SetCellStr(sh, "A1", fmt.Sprintf(statTitle, c.Period.Label()))
	f.SetCellStyle(sh, "A1", "A1", st.title)
	heads := []string{statGroup, statModels}
	for _, s := range report.StatusesWithNone {
		heads = append(heads, s.String())
	}
	heads = append(heads, report.ColOverdue.Title())
	for i, hd := range heads {
		f.SetCellStr(sh, cell(i+1, top), hd)
	}
	f.SetCellStyle(sh, cell(1, top), cell(len(heads), top), st.header)
	f.SetRowHeight(sh, top, 32)
	r := top + 1
	totals := make([]int, len(heads))
	for _, g := range c.Groups {
		vals := []int{g.Models}
		for _, s := range report.StatusesWithNone {
			vals = append(vals, g.ByStatus[s])
		}
		vals = append(vals, g.Overdue)
		f.SetCellStr(sh, cell(1, r), g.Code)
		for i, v := range vals {
			f.SetCellInt(sh, cell(i+2, r), int64(v))
			totals[i] += v
		}
		f.SetCellStyle(sh, cell(1, r), cell(len(heads), r), st.wrapCenter)
		r++
	}
	f.SetCellStr(sh, cell(1, r), statTotal)
	for i := range len(heads) - 1 {
		f.SetCellInt(sh, cell(i+2, r), int64(totals[i]))
	}
	f.SetCellStyle(sh, cell(1, r), cell(len(heads), r), st.header)
	f.SetColWidth(sh, "A", "A", 12)
	f.SetColWidth(sh, "B", colName(len(heads)), 14)
	return r
}

// addStatusChart draws stacked bars, one per group and a segment per
// status, from the table between row top and the totals row.
func addStatusChart(f *book, top, totals int) error {
	sh := sheetStats
	firstData, lastData, r := top+1, totals-1, totals
	var series []excelize.ChartSeries
	colors := map[report.Status]string{report.StatusDone: colorDone, report.StatusRecurring: colorRecur, report.StatusInProgress: colorProgress,
		report.StatusNotStarted: colorNotYet, report.StatusNone: "BFBFBF"}
	for i, s := range report.StatusesWithNone {
		col := colName(i + 3)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$%d", sh, col, top),
			Categories: fmt.Sprintf("'%s'!$A$%d:$A$%d", sh, firstData, lastData),
			Values:     fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sh, col, firstData, col, lastData),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colors[s]}},
		})
	}
	// Columns left to right in group order I to V, as the table reads;
	// each segment carries its count, so the chart reads in black and
	// white too.
	dark := &excelize.Font{Color: "000000", Size: 10, Family: fontName}
	err := f.AddChart(sh, cell(1, r+2), &excelize.Chart{
		Type:     excelize.ColStacked,
		Series:   series,
		Title:    excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: statChart, Font: &excelize.Font{Color: "000000", Size: 12, Bold: true, Family: fontName}}}},
		Legend:   excelize.ChartLegend{Position: "bottom", Font: dark},
		PlotArea: excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0;-0;;@"}}, // no "0" labels
		Format:   excelize.GraphicOptions{ScaleX: 1.3, ScaleY: 1.2},
		XAxis:    excelize.ChartAxis{Font: *dark},
		YAxis:    excelize.ChartAxis{MajorGridLines: true, Font: *dark},
	})
	return err
}

// writeStatsLists lists, from row r below the chart, the overdue models
// and the units that did not report.
func writeStatsLists(f *book, st *styles, c *report.Consolidation, r int) {
	sh := sheetStats
	const lastCol = 8 // the table's width
	width := 12.0 + 7*14
	line := func(text string, style int) {
		f.MergeCell(sh, cell(1, r), cell(lastCol, r))
		f.SetCellStr(sh, cell(1, r), text)
		f.SetCellStyle(sh, cell(1, r), cell(lastCol, r), style)
		f.SetRowHeight(sh, r, textHeight(text, width, 12, style == st.label))
		r++
	}
	line(statOverdueTitle, st.label)
	found := false
	for _, ms := range c.Models {
		if ms.Overdue {
			found = true
			line(fmt.Sprintf(statOverdueLine, ms.Model.Number, ms.Model.Title, vi.OneLine(ms.Model.Deadline.Text), ms.Status), st.text)
		}
	}
	if !found {
		line(statNone, st.text)
	}
	r++
	line(fmt.Sprintf(statUnitsTitle, len(c.Expected)-len(c.NotReported), len(c.Expected)), st.label)
	if len(c.NotReported) == 0 {
		line(statAllReported, st.text)
	}
	for _, u := range c.NotReported {
		text := "- " + u.Name
		if files := c.Rejected[u.ID]; len(files) > 0 {
			text += fmt.Sprintf(statRejected, strings.Join(files, ", "))
		}
		line(text, st.text)
	}
}

// checkCols are the columns of "Kiểm tra", widths in characters.
var checkCols = []struct {
	title string
	width float64
}{
	{chkSeverity, 9}, {chkKind, 18}, {chkFile, 22}, {chkWhere, 12}, {annColModel, 6}, {chkMessage, 40}, {chkHint, 30}, {chkCode, 12},
}

// writeChecks lists every finding, errors first: its kind in words, where,
// what and how to fix it; the code, for other programs, last.
func writeChecks(f *book, st *styles, c *report.Consolidation) error {
	sh := sheetChecks
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	var widths []float64
	headH := 18.0
	for i, col := range checkCols {
		f.SetCellStr(sh, cell(i+1, 1), col.title)
		f.SetColWidth(sh, colName(i+1), colName(i+1), col.width)
		widths = append(widths, col.width)
		headH = max(headH, textHeight(col.title, col.width, 12, true))
	}
	last := len(checkCols)
	f.SetCellStyle(sh, "A1", cell(last, 1), st.header)
	f.SetRowHeight(sh, 1, headH)
	for i, fd := range c.Findings {
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
			h = max(h, textHeight(v, checkCols[j].width, 12, false))
		}
		f.SetRowHeight(sh, r, min(h, 409))
		f.SetCellStyle(sh, cell(1, r), cell(last, r), st.wrap)
		f.SetCellStyle(sh, cell(1, r), cell(1, r), style)
	}
	if len(c.Findings) == 0 {
		f.SetCellStr(sh, "A2", chkNone)
	}
	f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	if len(c.Findings) > 0 {
		f.AutoFilter(sh, "A1:"+cell(last, len(c.Findings)+1), nil)
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

// dataHeader is the machine-readable contract of "Dữ liệu": ASCII names,
// one row per unit × model. Columns are only ever added at the end.
var dataHeader = []string{"ky_bao_cao", "ma_don_vi", "don_vi", "mo_hinh", "tinh_trang", "ma_tinh_trang", "tien_do", "dat", "tong",
	"ket_qua", "kho_khan", "de_xuat", "tep", "dong", "nhiem_vu_ky_toi"}

func writeData(f *book, st *styles, c *report.Consolidation) error {
	sh := sheetData
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	// For machines and the level above; printed at full size, across as
	// many pages as it takes. (Set before streaming: the stream writes
	// the sheet as it stands.)
	if err := printLayout(f, sh, 1, 1, 1); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sh)
	if err != nil {
		return err
	}
	head := make([]any, len(dataHeader))
	for i, h := range dataHeader {
		head[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	num := func(p *float64) any {
		if p == nil {
			return nil
		}
		return *p
	}
	have := map[[2]any]bool{}
	r := 2
	for _, e := range c.Entries {
		have[[2]any{e.UnitID, e.Model.Number}] = true
		name := e.UnitID
		if u := c.Plan.Unit(e.UnitID); u != nil {
			name = u.Name
		}
		row := []any{c.Period.String(), e.UnitID, name, e.Model.Number, e.Status.String(), e.Status.Key(), num(e.Progress), num(e.Achieved), num(e.Total),
			e.Result, e.Difficulty, e.Proposal, e.File, e.Line, e.Tasks}
		if err := sw.SetRow(cell(1, r), row); err != nil {
			return err
		}
		r++
	}
	// What had to be reported and was not: a row each, so that the level
	// above sees the gaps.
	for _, u := range c.Expected {
		for _, a := range c.Plan.Assignments(u.ID) {
			if have[[2]any{u.ID, a.Model.Number}] {
				continue
			}
			row := []any{c.Period.String(), u.ID, u.Name, a.Model.Number, report.StatusNone.String(), report.StatusNone.Key()}
			if err := sw.SetRow(cell(1, r), row); err != nil {
				return err
			}
			r++
		}
	}
	for i, wd := range []float64{11, 20, 30, 9, 20, 12, 9, 9, 9, 50, 40, 40, 30, 6, 40} {
		sw.SetColWidth(i+1, i+1, wd)
	}
	return sw.Flush()
}

// ReadPrevious reads the "Dữ liệu" sheet of a workbook written by an earlier
// merge: its period and one entry per unit × model.
func ReadPrevious(r io.Reader, name string) (*report.Previous, error) {
	f, err := openReader(r)
	if err != nil {
		return nil, fmt.Errorf(msgPrevNotWorkbook, name)
	}
	defer f.Close()
	rows, err := f.GetRows(sheetData)
	if err != nil || len(rows) == 0 {
		return nil, fmt.Errorf(msgPrevNoData, name, sheetData)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.TrimSpace(h)] = i
	}
	for _, need := range []string{"ky_bao_cao", "ma_don_vi", "mo_hinh", "ma_tinh_trang", "tien_do"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf(msgPrevColumn, name, sheetData, need)
		}
	}
	get := func(row []string, name string) string {
		if i := col[name]; i < len(row) {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	keys := map[string]report.Status{}
	for _, s := range report.StatusesWithNone {
		keys[s.Key()] = s
	}
	var per plan.Period
	var out []report.PreviousEntry
	for i, row := range rows[1:] {
		p, err := plan.ParsePeriod(get(row, "ky_bao_cao"))
		if err != nil {
			return nil, fmt.Errorf(msgPrevRow, name, sheetData, i+2, err.Error())
		}
		per = p
		n, err := strconv.Atoi(get(row, "mo_hinh"))
		if err != nil {
			return nil, fmt.Errorf(msgPrevRow, name, sheetData, i+2, fmt.Sprintf(msgPrevModel, get(row, "mo_hinh")))
		}
		pe := report.PreviousEntry{UnitID: get(row, "ma_don_vi"), Model: n, Status: keys[get(row, "ma_tinh_trang")]}
		num := func(name string) *float64 {
			if v, ok := report.ParseNumber(report.Value{Text: get(row, name)}); ok {
				return &v
			}
			return nil
		}
		pe.Progress, pe.Achieved, pe.Total = num("tien_do"), num("dat"), num("tong")
		pe.Result, pe.Difficulty, pe.Proposal, pe.Tasks = get(row, "ket_qua"), get(row, "kho_khan"), get(row, "de_xuat"), get(row, "nhiem_vu_ky_toi")
		out = append(out, pe)
	}
	if per.IsZero() {
		return nil, fmt.Errorf(msgPrevNoData, name, sheetData)
	}
	return &report.Previous{Period: per, Entries: out}, nil
}
