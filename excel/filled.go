package excel

import (
	"io"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/report"
)

// WriteFilled writes a form filled in the browser as the workbook its
// template becomes when a clerk types the same into it: the template
// (WriteTemplate: pre-filled, with its notice and its record of the
// pre-filled rows, when the form was) with each input's cell holding what
// was typed — a plain number as a number, the report date as a date,
// everything else as the text typed, an emptied input empty. Reading it
// back gives what reading the typed text gives (report.TypedNumber), so a
// form is checked by the reader and Validate like any workbook.
func WriteFilled(w io.Writer, typed *report.Filled, agency string) error {
	return writeForm(w, typed.Form, agency, typed)
}

// writeTyped types what was typed into the template's cells, over what
// the template held, and makes each row tall enough to show its texts.
func writeTyped(f *book, typed *report.Filled) {
	sh := sheetReport
	if d := typed.ReportDate; d != "" {
		ref := cell(colHdrValue, rowDate)
		// Excel turns a typed day into a date from 1900 on, else keeps the text.
		if t, ok := vi.ParseDate(d); ok && t.Year() >= 1900 {
			f.SetCellValue(sh, ref, t)
		} else {
			f.SetCellStr(sh, ref, d)
		}
	}
	if typed.Reporter != "" {
		f.SetCellStr(sh, cell(colHdrValue, rowReporter), typed.Reporter)
	}
	if typed.Phone != "" {
		f.SetCellStr(sh, cell(colHdrValue, rowPhone), typed.Phone)
	}
	cols := map[report.Field]field{report.FieldStatus: fStatus, report.FieldProgress: fProgress, report.FieldAchieved: fAchieved,
		report.FieldTotal: fTotal, report.FieldResult: fResult, report.FieldDifficulty: fDifficulty, report.FieldProposal: fProposal,
		report.FieldTasks: fTasks}
	for i, r := range typed.Form.Rows {
		row, v := rowFirstModel+i, typed.Rows[i]
		for _, fl := range r.Fields() {
			s := v.Get(fl)
			ref := cell(columnOf(cols[fl]), row)
			if x, ok := report.TypedNumber(s); ok && fl.Numeric() {
				f.SetCellFloat(sh, ref, x, -1, 64)
			} else {
				f.SetCellStr(sh, ref, s)
			}
		}
		f.SetRowHeight(sh, row, rowHeight(f, row, r, v.Result, v.Difficulty, v.Proposal, v.Tasks))
	}
}
