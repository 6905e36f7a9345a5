package excel

import (
	"errors"
	"strings"

	"github.com/xuri/excelize/v2"
)

// source is a workbook as the report reader sees it. Two stand behind it:
// excelize's model of the whole workbook (excelSource), and the one-pass
// reader (fastSource) which answers the same for the workbooks it accepts
// and hands every other workbook to excelize.
type source interface {
	sheetList() []string
	sheetVisible(sheet string) bool
	// grid is the sheet's raw values, merged ranges filled in.
	grid(sheet string) (*sheetGrid, error)
	// customProps are the document's custom properties, values printed.
	customProps() (map[string]string, error)
	// metaRows are the rows of the hidden metadata sheet.
	metaRows() [][]string
	cellType(sheet, ref string) excelize.CellType
	// cellStyle is the cell's font name and whether it shows a percentage.
	cellStyle(sheet, ref string) (font string, percent bool)
	// formulaValue computes a formula cell that has no cached value.
	formulaValue(sheet, ref string) string
}

var errTooManyRows = errors.New("too many rows")

// excelSource is a workbook opened by excelize.
type excelSource struct {
	f      *excelize.File
	styles map[int]*excelize.Style
}

func (x *excelSource) sheetList() []string { return x.f.GetSheetList() }

func (x *excelSource) sheetVisible(sheet string) bool {
	v, _ := x.f.GetSheetVisible(sheet)
	return v
}

// grid reads a sheet with limits: an absurd sheet is refused early.
func (x *excelSource) grid(sheet string) (*sheetGrid, error) {
	rows, err := x.f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	g := &sheetGrid{name: sheet}
	for rows.Next() {
		if len(g.cells) >= maxRows {
			return nil, errTooManyRows
		}
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		if len(cols) > maxCols {
			cols = cols[:maxCols]
		}
		g.cells = append(g.cells, cols)
	}
	if err := rows.Error(); err != nil {
		return nil, err
	}
	merges, err := x.f.GetMergeCells(sheet)
	if err != nil {
		return nil, err
	}
	var ranges []mergeRange
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 == nil && err2 == nil {
			ranges = append(ranges, mergeRange{c1, r1, c2, r2})
		}
	}
	g.fillMerges(ranges)
	return g, nil
}

func (x *excelSource) customProps() (map[string]string, error) {
	props, err := x.f.GetCustomProps()
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, p := range props {
		out[p.Name] = sprint(p.Value)
	}
	return out, nil
}

func (x *excelSource) metaRows() [][]string {
	rows, _ := x.f.GetRows(sheetMeta)
	return rows
}

func (x *excelSource) cellType(sheet, ref string) excelize.CellType {
	t, err := x.f.GetCellType(sheet, ref)
	if err != nil {
		return excelize.CellTypeUnset
	}
	return t
}

func (x *excelSource) cellStyle(sheet, ref string) (string, bool) {
	id, err := x.f.GetCellStyle(sheet, ref)
	if err != nil {
		return "", false
	}
	st, ok := x.styles[id]
	if !ok {
		if st, err = x.f.GetStyle(id); err != nil {
			st = nil
		}
		x.styles[id] = st
	}
	if st == nil {
		return "", false
	}
	font := ""
	if st.Font != nil {
		font = st.Font.Family
	}
	return font, isPercent(st)
}

func isPercent(st *excelize.Style) bool {
	if st.NumFmt == 9 || st.NumFmt == 10 {
		return true
	}
	return st.CustomNumFmt != nil && strings.Contains(*st.CustomNumFmt, "%")
}

func (x *excelSource) formulaValue(sheet, ref string) string {
	if fml, err := x.f.GetCellFormula(sheet, ref); err == nil && fml != "" {
		if v, err := x.f.CalcCellValue(sheet, ref, excelize.Options{RawCellValue: true}); err == nil {
			return v
		}
	}
	return ""
}

// sheetGrid is a sheet's raw values, merged ranges filled in.
type sheetGrid struct {
	name  string
	cells [][]string
	// labels are the short cells of the rows findTable searched, folded
	// once for the table's headings and the header block's labels.
	labels [][]string
}

// label is the folded text of a short cell findTable searched, else "".
func (g *sheetGrid) label(col, row int) string { // 1-based
	if row < 1 || row > len(g.labels) || col < 1 || col > len(g.labels[row-1]) {
		return ""
	}
	return g.labels[row-1][col-1]
}

func (g *sheetGrid) at(col, row int) string { // 1-based
	if row < 1 || row > len(g.cells) || col < 1 || col > len(g.cells[row-1]) {
		return ""
	}
	return g.cells[row-1][col-1]
}

// mergeRange is a merged range's corners, 1-based.
type mergeRange struct{ c1, r1, c2, r2 int }

// fillMerges copies each merged range's value into all its cells, so that a
// label or value is found whichever cell of the range is looked at. Ranges
// beyond the rows read, the columns kept or a sane area are left alone.
func (g *sheetGrid) fillMerges(ranges []mergeRange) {
	for _, m := range ranges {
		if m.r2 > len(g.cells) || m.c2 > maxCols || (m.r2-m.r1+1)*(m.c2-m.c1+1) > 10000 {
			continue
		}
		v := g.at(m.c1, m.r1)
		for r := m.r1; r <= m.r2; r++ {
			for c := m.c1; c <= m.c2; c++ {
				if r == m.r1 && c == m.c1 {
					continue
				}
				for len(g.cells[r-1]) < c {
					g.cells[r-1] = append(g.cells[r-1], "")
				}
				g.cells[r-1][c-1] = v
			}
		}
	}
}
