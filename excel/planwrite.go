package excel

import (
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/plan"
)

// planWidths are the widths of the plan sheet's columns, by heading, and
// planPages the headings that start a printed page: the sheet prints on
// three pages across at 80 %, each with TT, number and model repeated at
// its left, so that no column stands alone.
var (
	planWidths = map[string]float64{
		colTT: 5, colNumber: 7, colTitle: 26, colFullTitle: 30, colObjective: 45, colTasks: 52,
		colLead: 25, colCoordinate: 25, colSupport: 25, colDeadline: 18, colPlatforms: 22,
		colIndName: 22, colIndUnit: 8, colIndCounted: 12, colIndTarget: 8, colIndCombine: 14, colIndFixed: 9, colNote: 30, colLocation: 18,
	}
	planPages = map[string]bool{colLead: true, colIndName: true}
)

// planTitleCols are the columns repeated on every printed page across.
const planTitleCols = 3

// WritePlan writes the plan as an editable workbook that also prints:
// every sheet on A4 landscape at 80 % or more.
func WritePlan(w io.Writer, p *plan.Plan) error {
	f := newBook()
	defer f.Close()
	st := newStyles(f)
	if err := f.SetSheetName("Sheet1", sheetPlan); err != nil {
		return err
	}
	if err := writePlanSheet(f, st, p); err != nil {
		return err
	}
	if err := writeUnitsSheet(f, st, p); err != nil {
		return err
	}
	if err := writeHeaderSheet(f, st, p); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return writeTo(f, w)
}

func writePlanSheet(f *book, st *styles, p *plan.Plan) error {
	sh := sheetPlan
	cols := planColumns()
	widths := make([]float64, len(cols))
	f.SetCellValue(sh, "A1", p.Document.Number+" — "+p.Document.Issuer)
	f.SetCellStyle(sh, "A1", "A1", st.title)
	headH := 18.0
	for i, c := range cols {
		widths[i] = planWidths[c.title]
		f.SetCellValue(sh, cell(i+1, 3), c.title)
		f.SetColWidth(sh, colName(i+1), colName(i+1), widths[i])
		headH = max(headH, textHeight(c.title, widths[i], 12, true))
		if planPages[c.title] {
			f.InsertPageBreak(sh, cell(i+1, 1))
		}
	}
	f.SetCellStyle(sh, "A3", cell(len(cols), 3), st.header)
	f.SetRowHeight(sh, 3, headH)
	row := 4
	for _, g := range p.Groups {
		f.SetCellValue(sh, cell(1, row), g.Code)
		f.SetCellValue(sh, cell(3, row), g.Name)
		f.SetCellStyle(sh, cell(1, row), cell(len(cols), row), st.group)
		f.SetRowHeight(sh, row, textHeight(g.Name, widths[2], 12, true))
		row++
		for _, m := range g.Models {
			h := 18.0
			for i, c := range cols {
				v := c.get(m)
				switch {
				case i < 2:
					n, _ := strconv.Atoi(v)
					f.SetCellInt(sh, cell(i+1, row), int64(n))
				case c.title == colIndTarget && v != "":
					t, _ := strconv.ParseFloat(v, 64)
					f.SetCellFloat(sh, cell(i+1, row), t, -1, 64)
				default:
					f.SetCellStr(sh, cell(i+1, row), v)
					h = max(h, textHeight(v, widths[i], 12, false))
				}
			}
			f.SetCellStyle(sh, cell(1, row), cell(len(cols), row), st.wrap)
			f.SetRowHeight(sh, row, min(h, 409))
			row++
		}
	}
	f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: planTitleCols, YSplit: 3, TopLeftCell: cell(planTitleCols+1, 4), ActivePane: "bottomRight"})
	if err := printLayout(f, sh, minScale, 0, 0); err != nil {
		return err
	}
	// The title columns too, beside the heading row.
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: "'" + sh + "'!$A:$" + colName(planTitleCols) + ",'" + sh + "'!$3:$3", Scope: sh})
}

func writeUnitsSheet(f *book, st *styles, p *plan.Plan) error {
	sh := sheetUnits
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	heads := []string{colUnitID, colUnitName, colUnitAliases, colUnitReports, colUnitShort}
	widths := []float64{22, 40, 42, 10, 16}
	headH := 18.0
	for i, t := range heads {
		f.SetCellValue(sh, cell(i+1, 1), t)
		f.SetColWidth(sh, colName(i+1), colName(i+1), widths[i])
		headH = max(headH, textHeight(t, widths[i], 12, true))
	}
	f.SetCellStyle(sh, "A1", cell(len(heads), 1), st.header)
	f.SetRowHeight(sh, 1, headH)
	for i, u := range p.Units {
		r := i + 2
		vals := []string{u.ID, u.Name, joinLines(u.Aliases), yesNo(u.Reports), u.Short}
		h := 18.0
		for j, v := range vals {
			f.SetCellStr(sh, cell(j+1, r), v)
			h = max(h, textHeight(v, widths[j], 12, false))
		}
		f.SetCellStyle(sh, cell(1, r), cell(len(heads), r), st.wrap)
		f.SetRowHeight(sh, r, h)
	}
	return printLayout(f, sh, printScale(widths), 1, 1)
}

func writeHeaderSheet(f *book, st *styles, p *plan.Plan) error {
	sh := sheetHeader
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	widths := writeFields(f, st, sh, p, headerFields(), nil)
	return printLayout(f, sh, printScale(widths), 1, 1)
}
