package excel

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/report"
)

// WriteTemplate renders a unit's report form as a protected workbook: the
// header block and the model rows are locked, the cells the unit fills are
// unlocked, yellow and validated.
func WriteTemplate(w io.Writer, form *report.Form, agency string) error {
	return writeForm(w, form, agency, nil)
}

// writeForm writes the template of form, with what was typed into it
// when typed is not nil.
func writeForm(w io.Writer, form *report.Form, agency string, typed *report.Filled) error {
	f := newBook()
	defer f.Close()
	st := newStyles(f)
	sh := sheetReport
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	writeFormHeader(f, st, form)
	writeFormRows(f, st, form)
	if typed != nil {
		writeTyped(f, typed)
	}
	if err := addValidations(f, rowFirstModel+len(form.Rows)-1, vi.FormatDate(form.Period.ReportDay())); err != nil {
		return err
	}

	// View, print, protection.
	f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: rowTableHead, TopLeftCell: cell(3, rowFirstModel), ActivePane: "bottomRight"})
	if err := printSetup(f, sh, rowTableHead, rowTableHead); err != nil {
		return err
	}
	if err := writeGuide(f, st, form, agency); err != nil {
		return err
	}
	if err := writeMeta(f, form); err != nil {
		return err
	}
	if err := setDocProps(f, tplTitle+" — "+form.Unit.Name+" — "+form.Period.Name(), form.Period.Start()); err != nil {
		return err
	}
	if err := f.ProtectSheet(sh, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true}); err != nil {
		return err
	}
	if err := f.ProtectSheet(sheetGuide, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true}); err != nil {
		return err
	}
	if err := f.ProtectWorkbook(&excelize.WorkbookProtectionOptions{LockStructure: true}); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return writeTo(f, w)
}

// writeFormHeader writes the title and the header block: unit, period,
// report date, reporter and phone.
func writeFormHeader(f *book, st *styles, form *report.Form) {
	sh := sheetReport
	last := len(reportColumns)
	f.MergeCell(sh, "A1", cell(last, rowTitle))
	f.SetCellStr(sh, "A1", tplTitle)
	f.SetCellStyle(sh, "A1", "A1", st.title)
	f.MergeCell(sh, cell(1, rowSubtitle), cell(last, rowSubtitle))
	f.SetCellStr(sh, cell(1, rowSubtitle), fmt.Sprintf(tplSubtitle, form.PlanName))
	f.SetCellStyle(sh, cell(1, rowSubtitle), cell(1, rowSubtitle), st.subtitle)
	f.SetRowHeight(sh, rowTitle, 24)

	label := func(row int, text string) {
		f.SetCellStr(sh, cell(colHdrLabel, row), text)
		f.SetCellStyle(sh, cell(colHdrLabel, row), cell(colHdrLabel, row), st.label)
	}
	label(rowUnit, lblUnit)
	f.MergeCell(sh, cell(colHdrValue, rowUnit), cell(colHdrValue+3, rowUnit))
	f.SetCellStr(sh, cell(colHdrValue, rowUnit), form.Unit.Name)
	f.SetCellStyle(sh, cell(colHdrValue, rowUnit), cell(colHdrValue, rowUnit), st.label)

	label(rowPeriod, lblPeriod)
	// The period in words with its window, in one cell the reader reads.
	f.MergeCell(sh, cell(colHdrValue, rowPeriod), cell(colHdrValue+5, rowPeriod))
	f.SetCellStr(sh, cell(colHdrValue, rowPeriod), form.Period.Label())
	f.SetCellStyle(sh, cell(colHdrValue, rowPeriod), cell(colHdrValue, rowPeriod), st.label)

	label(rowDate, lblDate)
	dateFmt := "dd/mm/yyyy"
	dateStyle, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: fontName, Size: 12}, Border: border(), Fill: fill(colorInput),
		Protection: &excelize.Protection{Locked: false}, CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Horizontal: "center"}})
	// Two columns, so that a date never shows as "###".
	f.MergeCell(sh, cell(colHdrValue, rowDate), cell(colHdrValue+1, rowDate))
	f.SetCellStyle(sh, cell(colHdrValue, rowDate), cell(colHdrValue+1, rowDate), dateStyle)
	f.MergeCell(sh, cell(colHdrValue+2, rowDate), cell(colHdrValue+3, rowDate))
	f.SetCellStr(sh, cell(colHdrValue+2, rowDate), tplDateHint)
	f.SetCellStyle(sh, cell(colHdrValue+2, rowDate), cell(colHdrValue+3, rowDate), st.italic)

	for _, r := range []struct {
		row  int
		text string
	}{{rowReporter, lblReporter}, {rowPhone, lblPhone}} {
		label(r.row, r.text)
		f.MergeCell(sh, cell(colHdrValue, r.row), cell(colHdrValue+2, r.row))
		f.SetCellStyle(sh, cell(colHdrValue, r.row), cell(colHdrValue+2, r.row), st.input)
	}
	f.MergeCell(sh, cell(colHdrValue+4, rowReporter), cell(last, rowPhone))
	f.SetCellStr(sh, cell(colHdrValue+4, rowReporter), tplInputHint)
	f.SetCellStyle(sh, cell(colHdrValue+4, rowReporter), cell(last, rowPhone), st.italic)

	// Values carried over from an earlier period say so, and that they are
	// to be updated: a send left as it was is warned about.
	if !form.PrefilledFrom.IsZero() {
		note := fmt.Sprintf(tplPrefilled, form.PrefilledFrom.Label())
		f.MergeCell(sh, cell(1, rowPrefilled), cell(last, rowPrefilled))
		f.SetCellStr(sh, cell(1, rowPrefilled), note)
		f.SetCellStyle(sh, cell(1, rowPrefilled), cell(last, rowPrefilled), st.notice)
		total := 0.0
		for _, c := range reportColumns {
			total += c.width
		}
		f.SetRowHeight(sh, rowPrefilled, textHeight(note, total, 12, true))
	}
}

// writeFormRows writes the table's heading and one row per model the unit
// reports on: locked description, yellow inputs.
func writeFormRows(f *book, st *styles, form *report.Form) {
	sh := sheetReport
	last := len(reportColumns)
	for i, c := range reportColumns {
		f.SetCellStr(sh, cell(i+1, rowTableHead), c.title)
		f.SetColWidth(sh, colName(i+1), colName(i+1), c.width)
	}
	f.SetCellStyle(sh, cell(1, rowTableHead), cell(last, rowTableHead), st.header)
	f.SetRowHeight(sh, rowTableHead, 32)

	for i, r := range form.Rows {
		row := rowFirstModel + i
		m := r.Model
		set := func(fl field, v string, style int) {
			c := cell(columnOf(fl), row)
			f.SetCellStr(sh, c, v)
			f.SetCellStyle(sh, c, c, style)
		}
		f.SetCellInt(sh, cell(columnOf(fTT), row), int64(i+1))
		f.SetCellStyle(sh, cell(columnOf(fTT), row), cell(columnOf(fTT), row), st.wrapCenter)
		set(fModel, report.ModelTitle(m), st.wrap)
		set(fRole, report.RoleText(r.Role), st.wrapCenter)
		set(fDeadline, m.Deadline.Text, st.wrap)
		set(fStatus, "", st.input)
		set(fProgress, "", st.inputNum)
		for _, fl := range []field{fResult, fDifficulty, fProposal, fTasks} {
			set(fl, "", st.input)
		}
		if r.Indicator {
			set(fIndicator, fmt.Sprintf(tplTarget, m.Indicator.Name, report.TargetText(m.Indicator)), st.wrap)
			set(fAchieved, "", st.inputNum)
			if m.Indicator.Ratio() {
				set(fTotal, "", st.inputNum)
			} else {
				set(fTotal, "", st.locked)
			}
		} else if m.Indicator != nil {
			set(fIndicator, tplLeadReports, st.locked)
			set(fAchieved, "", st.locked)
			set(fTotal, "", st.locked)
		} else {
			set(fIndicator, tplNoTarget, st.locked)
			set(fAchieved, "", st.locked)
			set(fTotal, "", st.locked)
		}
		if r.Last != nil {
			prefill(f, row, r) // after the empty yellow cells are laid
		}
		var e report.PreviousEntry
		if r.Last != nil {
			e = *r.Last // last period's words must show whole when the clerk opens it
		}
		f.SetRowHeight(sh, row, rowHeight(f, row, r, e.Result, e.Difficulty, e.Proposal, e.Tasks))
	}
}

// rowHeight is the height of model row row: its own words (the indicator's
// as written) and the texts in its yellow cells show whole, with room to
// type a few lines.
func rowHeight(f *book, row int, r report.FormRow, result, difficulty, proposal, tasks string) float64 {
	texts := map[field]string{fModel: report.ModelTitle(r.Model), fDeadline: r.Model.Deadline.Text, fRole: report.RoleText(r.Role),
		fResult: result, fDifficulty: difficulty, fProposal: proposal, fTasks: tasks}
	if v, err := f.GetCellValue(sheetReport, cell(columnOf(fIndicator), row)); err == nil {
		texts[fIndicator] = v
	}
	h := 18.0
	for fl, text := range texts {
		h = max(h, textHeight(text, reportColumns[columnOf(fl)-1].width, 12, false))
	}
	return max(h, 60)
}

// prefill writes last period's values into the yellow cells of one row.
func prefill(f *book, row int, r report.FormRow) {
	sh, e := sheetReport, r.Last
	text := func(fl field, v string) {
		if v != "" {
			f.SetCellStr(sh, cell(columnOf(fl), row), v)
		}
	}
	num := func(fl field, v *float64) {
		if v != nil {
			f.SetCellFloat(sh, cell(columnOf(fl), row), *v, -1, 64)
		}
	}
	text(fStatus, e.Status.String())
	num(fProgress, e.Progress)
	text(fResult, e.Result)
	text(fDifficulty, e.Difficulty)
	text(fProposal, e.Proposal)
	text(fTasks, e.Tasks)
	if r.Indicator {
		num(fAchieved, e.Achieved)
		if r.Model.Indicator.Ratio() {
			num(fTotal, e.Total)
		}
	}
}

// addValidations adds the status drop-down and the checks on numbers and
// the date, for the model rows up to lastRow.
func addValidations(f *book, lastRow int, example string) error {
	sh := sheetReport
	if err := writeLists(f); err != nil {
		return err
	}
	rng := func(fl field) string {
		return cell(columnOf(fl), rowFirstModel) + ":" + cell(columnOf(fl), lastRow)
	}
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(rng(fStatus))
	dv.SetSqrefDropList(fmt.Sprintf("'%s'!$A$1:$A$%d", sheetLists, len(report.Statuses)))
	dv.SetError(excelize.DataValidationErrorStyleStop, tplStatusErrT, tplStatusErr)
	dv.SetInput(tplStatusPT, tplStatusP)
	if err := f.AddDataValidation(sh, dv); err != nil {
		return err
	}
	dv = excelize.NewDataValidation(true)
	dv.SetSqref(rng(fProgress))
	dv.SetRange(0, 100, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween)
	dv.SetError(excelize.DataValidationErrorStyleStop, tplPctErrT, tplPctErr)
	if err := f.AddDataValidation(sh, dv); err != nil {
		return err
	}
	dv = excelize.NewDataValidation(true)
	dv.SetSqref(rng(fAchieved) + " " + rng(fTotal))
	dv.SetRange(0, 1e12, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
	dv.SetError(excelize.DataValidationErrorStyleStop, tplNumErrT, tplNumErr)
	if err := f.AddDataValidation(sh, dv); err != nil {
		return err
	}
	dv = excelize.NewDataValidation(true)
	dv.SetSqref(cell(colHdrValue, rowDate))
	dv.SetRange("36526", "73051", excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween) // 2000–2099
	dv.SetError(excelize.DataValidationErrorStyleStop, tplDateErrT, fmt.Sprintf(tplDateErr, example))
	if err := f.AddDataValidation(sh, dv); err != nil {
		return err
	}

	return nil
}

func colName(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}

// rowHeight estimates the height a wrapped text needs in a column of width
// characters, at least min points: excelize cannot measure text, and Excel
// does not grow rows on opening.

// printSetup prints A4 landscape, one page wide, with rows first..last
// repeated on every page.
func printSetup(f *book, sh string, first, last int) error {
	size, orient, fitW, fitH, fit := 9, "landscape", 1, 0, true
	if err := f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &fitW, FitToHeight: &fitH}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	l, r, t, b := 0.4, 0.4, 0.6, 0.6
	if err := f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{Left: &l, Right: &r, Top: &t, Bottom: &b}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{OddFooter: footerPages}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sh, first, last),
		Scope:    sh,
	})
}

func writeLists(f *book) error {
	if _, err := f.NewSheet(sheetLists); err != nil {
		return err
	}
	for i, s := range report.Statuses {
		f.SetCellStr(sheetLists, cell(1, i+1), s.String())
	}
	return f.SetSheetVisible(sheetLists, false)
}

// guideWidth is the guide's one column, in characters: a landscape page's
// width.
const guideWidth = 120

func writeGuide(f *book, st *styles, form *report.Form, agency string) error {
	sh := sheetGuide
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	f.SetColWidth(sh, "A", "A", guideWidth)
	f.SetCellStr(sh, "A1", guideTitle)
	f.SetCellStyle(sh, "A1", "A1", st.title)
	row := 3
	wrapStyle, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: fontName, Size: 12}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	for _, line := range guideLines(form.Unit.Name, form.Period.Label(), vi.FormatDate(form.Period.ReportDay()), agency) {
		if line == guideStatuses {
			for _, s := range report.Statuses {
				text := "   - " + s.String() + ": " + s.Meaning()
				f.SetCellStr(sh, cell(1, row), text)
				f.SetCellStyle(sh, cell(1, row), cell(1, row), wrapStyle)
				f.SetRowHeight(sh, row, textHeight(text, guideWidth, 12, false))
				row++
			}
			continue
		}
		f.SetCellStr(sh, cell(1, row), line)
		f.SetCellStyle(sh, cell(1, row), cell(1, row), wrapStyle)
		f.SetRowHeight(sh, row, textHeight(line, guideWidth, 12, false))
		row++
	}
	// A4 landscape, as every sheet de06 writes, with its page numbers; on
	// one page, which the guide's few paragraphs fill.
	landscape, a4, one, fit := "landscape", 9, 1, true
	f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &one})
	l, r, t, b := 0.7, 0.5, 0.7, 0.7
	f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{Left: &l, Right: &r, Top: &t, Bottom: &b})
	f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{OddFooter: footerPages})
	return f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit})
}

func writeMeta(f *book, form *report.Form) error {
	meta := [][2]string{
		{metaVersion, report.TemplateVersion},
		{metaPlan, form.PlanID},
		{metaUnit, form.Unit.ID},
		{metaPeriod, form.Period.String()},
	}
	if pm := form.PrefillMeta(); pm != nil {
		meta = append(meta, [2]string{report.MetaPrefillPeriod, pm[report.MetaPrefillPeriod]}, [2]string{report.MetaPrefill, pm[report.MetaPrefill]})
	}
	if _, err := f.NewSheet(sheetMeta); err != nil {
		return err
	}
	for i, kv := range meta {
		f.SetCellStr(sheetMeta, cell(1, i+1), kv[0])
		f.SetCellStr(sheetMeta, cell(2, i+1), kv[1])
		if err := f.SetCustomProps(excelize.CustomProperty{Name: "de06." + kv[0], Value: kv[1]}); err != nil {
			return err
		}
	}
	f.SetCellStr(sheetMeta, cell(1, len(meta)+2), tplMetaNote)
	return f.SetSheetVisible(sheetMeta, false)
}
