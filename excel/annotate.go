package excel

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/report"
)

// Annotate writes a copy of a submitted workbook with every finding marked:
// the cell filled red (error) or orange (warning) with a comment saying what
// is wrong and how to fix it, and a sheet "Lỗi cần sửa" listing them all. The
// copy goes back to the unit; the original file is only read. It runs
// within AnnotateTimeout.
func Annotate(w io.Writer, b []byte, name string, findings []report.Finding, soffice Soffice) error {
	ctx, cancel := context.WithTimeout(context.Background(), AnnotateTimeout)
	defer cancel()
	return AnnotateContext(ctx, w, b, name, findings, soffice)
}

// AnnotateTimeout bounds an annotated copy made by Annotate.
const AnnotateTimeout = 30 * time.Second

// AnnotateContext is Annotate within ctx. The workbook is held to the
// reader's limits before excelize opens it (a file the reader refused as
// too large is refused here too, with the same message), and LibreOffice
// stops when ctx ends.
func AnnotateContext(ctx context.Context, w io.Writer, b []byte, name string, findings []report.Finding, soffice Soffice) error {
	if len(b) > maxFileSize {
		return fmt.Errorf(msgFileTooLarge, len(b)>>20, maxFileSize>>20)
	}
	switch sniff(b) {
	case kindXLS, kindODS:
		if soffice.Path == "" {
			return fmt.Errorf(msgLegacyNoSoffice, ".xls")
		}
		var err error
		if b, err = soffice.convert(ctx, b, name); err != nil {
			return err
		}
	case kindXLSX:
	default:
		return errors.New(msgNotWorkbook)
	}
	if le := (*limitError)(nil); errors.As(checkPackage(b), &le) {
		return le
	}
	if ctx.Err() != nil {
		return errors.New(msgStopped)
	}
	ef, err := openReader(bytes.NewReader(b))
	if err != nil {
		return errors.New(msgCorrupt)
	}
	f := &book{File: ef}
	defer f.Close()
	// A copy that comes back fixed starts clean: the marks of the last
	// round are not the findings of this one.
	if err := clearMarks(f); err != nil {
		return err
	}
	var marks []mark

	byCell := map[string][]report.Finding{}
	var order []string
	for _, fd := range findings {
		if fd.Cell == "" || fd.Sheet == "" {
			continue
		}
		key := fd.Sheet + "!" + fd.Cell
		if _, ok := byCell[key]; !ok {
			order = append(order, key)
		}
		byCell[key] = append(byCell[key], fd)
	}
	for _, key := range order {
		if ctx.Err() != nil {
			return errors.New(msgStopped)
		}
		fs := byCell[key]
		sheet, ref := fs[0].Sheet, fs[0].Cell
		color := colorWarning
		var lines []string
		for _, fd := range fs {
			if fd.Severity == report.Error {
				color = colorError
			}
			lines = append(lines, findingText(fd))
		}
		was, err := fillCell(f, sheet, ref, color)
		if err != nil {
			return err
		}
		marks = append(marks, mark{Sheet: sheet, Cell: ref, Fill: was})
		f.DeleteComment(sheet, ref)
		if err := f.AddComment(sheet, excelize.Comment{Cell: ref, Author: annAuthor, Paragraph: []excelize.RichTextRun{{Text: strings.Join(lines, "\n")}}}); err != nil {
			return err
		}
	}
	if err := saveMarks(f, marks); err != nil {
		return err
	}
	// A marked row, and every row of the report's table, shows all it
	// holds (the unit may have typed more than the template's height); the
	// report prints its page numbers.
	marked := map[string]map[int]bool{}
	for _, m := range marks {
		if _, row, err := excelize.CellNameToCoordinates(m.Cell); err == nil {
			if marked[m.Sheet] == nil {
				marked[m.Sheet] = map[int]bool{}
			}
			marked[m.Sheet][row] = true
		}
	}
	for sh, rows := range marked {
		fitRows(f, sh, rows, 0)
	}
	if idx, err := f.GetSheetIndex(sheetReport); err == nil && idx >= 0 {
		fitRows(f, sheetReport, nil, rowFirstModel)
		if err := f.SetHeaderFooter(sheetReport, &excelize.HeaderFooterOptions{OddFooter: footerPages}); err != nil {
			return err
		}
	}
	if err := addFindingsSheet(f, findings); err != nil {
		return err
	}
	return writeTo(f, w)
}

func findingText(fd report.Finding) string {
	label := annWarning
	if fd.Severity == report.Error {
		label = annError
	}
	s := label + ": " + fd.Message
	if fd.Hint != "" {
		s += ". " + annHint + ": " + fd.Hint
	}
	return s
}

// fillCell keeps the cell's style (borders, number format, lock) and only
// changes its fill to color ("" for none); it returns the fill the cell had.
func fillCell(f *book, sheet, ref, color string) (excelize.Fill, error) {
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		return excelize.Fill{}, err
	}
	st, err := f.GetStyle(id)
	if err != nil || st == nil {
		st = &excelize.Style{}
	}
	was := st.Fill
	if color == "" {
		st.Fill = excelize.Fill{}
	} else {
		st.Fill = fill(color)
	}
	return was, setStyle(f, sheet, ref, st)
}

// setStyle gives the cell a style read from the workbook, its colours made
// RGB as excelize writes them: excelize prefixes every colour with "FF",
// so an ARGB colour read back as another program wrote it ("00000000", as
// openpyxl writes black) would become ten digits, which Excel repairs and
// openpyxl refuses. A colour with no value (a border in the automatic
// colour) is written black, a font's left automatic.
func setStyle(f *book, sheet, ref string, st *excelize.Style) error {
	for i := range st.Border {
		st.Border[i].Color = rgbOf(st.Border[i].Color, "000000")
	}
	if st.Font != nil {
		st.Font.Color = rgbOf(st.Font.Color, "")
	}
	for i, c := range st.Fill.Color {
		st.Fill.Color[i] = rgbOf(c, "FFFFFF")
	}
	nid, err := f.NewStyle(st)
	if err != nil {
		return err
	}
	return f.SetCellStyle(sheet, ref, ref, nid)
}

// fitRows makes rows of sheet tall enough for every cell's text that
// wraps, within Excel's 409 points (rows, or all from row from when rows
// is nil); it never makes a row shorter. A cell merged across columns is measured on their width, one
// merged across rows is left as it is.
func fitRows(f *book, sheet string, rows map[int]bool, from int) {
	all, err := f.GetRows(sheet)
	if err != nil {
		return
	}
	span := map[string]int{}  // top-left of a merge → its last column
	skip := map[string]bool{} // cells inside a merge, and merges over rows
	if ms, err := f.GetMergeCells(sheet); err == nil {
		for _, m := range ms {
			c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
			if err1 != nil || err2 != nil {
				continue
			}
			for r := r1; r <= r2; r++ {
				for c := c1; c <= c2; c++ {
					skip[cell(c, r)] = r2 > r1 || c != c1
				}
			}
			span[m.GetStartAxis()] = c2
		}
	}
	widths := map[int]float64{}
	width := func(c int) float64 {
		if w, ok := widths[c]; ok {
			return w
		}
		w, _ := f.GetColWidth(sheet, colName(c))
		widths[c] = w
		return w
	}
	fonts := map[int][2]any{}
	fontOf := func(ref string) (float64, bool) {
		id, err := f.GetCellStyle(sheet, ref)
		if err != nil {
			return 11, false
		}
		if ft, ok := fonts[id]; ok {
			return ft[0].(float64), ft[1].(bool)
		}
		size, bold := 11.0, false
		if st, err := f.GetStyle(id); err == nil && st != nil && st.Font != nil {
			if st.Font.Size > 0 {
				size = st.Font.Size
			}
			bold = st.Font.Bold
		}
		fonts[id] = [2]any{size, bold}
		return size, bold
	}
	for ri, row := range all {
		r := ri + 1
		if rows != nil && !rows[r] || rows == nil && r < from {
			continue
		}
		need := 0.0
		for ci, v := range row {
			ref := cell(ci+1, r)
			if v == "" || skip[ref] {
				continue
			}
			w := width(ci + 1)
			for c := ci + 2; c <= span[ref]; c++ {
				w += width(c)
			}
			// A text on one line shows at any height the row has.
			if size, bold := fontOf(ref); textHeight(v, w, size, bold) > textHeight("", w, size, bold) {
				need = max(need, textHeight(v, w, size, bold))
			}
		}
		if h, err := f.GetRowHeight(sheet, r); err == nil && need > h {
			f.SetRowHeight(sheet, r, min(need, 409))
		}
	}
}

// rgbOf is an RGB or ARGB colour as the six digits excelize expects, or
// otherwise when it is no colour at all.
func rgbOf(c, otherwise string) string {
	c = strings.TrimPrefix(c, "#")
	if !validColor(c) {
		return otherwise
	}
	if len(c) == 8 {
		c = c[2:] // the alpha, which Excel ignores
	}
	return strings.ToUpper(c)
}

// addFindingsSheet lists the findings for the unit: where, what, how to
// fix it, printed A4 landscape at 80 % or more with its heading on every
// page. The codes are for programs, and no program reads this sheet.
func addFindingsSheet(f *book, findings []report.Finding) error {
	sh := sheetFindings
	idx, err := f.GetSheetIndex(sh)
	if err != nil {
		return err
	}
	if idx >= 0 {
		if err := f.DeleteSheet(sh); err != nil {
			return err
		}
	}
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	st := newStyles(f)
	cols := []struct {
		title string
		width float64
	}{{annColSeverity, 10}, {annColWhere, 16}, {annColModel, 8}, {annColMessage, 62}, {annColHint, 50}}
	var widths []float64
	headH := 18.0
	for i, c := range cols {
		f.SetCellStr(sh, cell(i+1, 1), c.title)
		f.SetColWidth(sh, colName(i+1), colName(i+1), c.width)
		widths = append(widths, c.width)
		headH = max(headH, textHeight(c.title, c.width, 12, true))
	}
	f.SetCellStyle(sh, "A1", cell(len(cols), 1), st.header)
	f.SetRowHeight(sh, 1, headH)
	fs := append([]report.Finding(nil), findings...)
	report.SortFindings(fs)
	for i, fd := range fs {
		r := i + 2
		sev, style := annWarning, st.warnFill
		if fd.Severity == report.Error {
			sev, style = annError, st.errFill
		}
		where := fd.Sheet
		if fd.Cell != "" {
			where += " › " + fd.Cell
		}
		model := ""
		if fd.Model > 0 {
			model = fmt.Sprint(fd.Model)
		}
		vals := []string{sev, where, model, upperFirst(fd.Message), upperFirst(fd.Hint)}
		h := 18.0
		for j, v := range vals {
			f.SetCellStr(sh, cell(j+1, r), v)
			h = max(h, textHeight(v, cols[j].width, 12, false))
		}
		f.SetRowHeight(sh, r, min(h, 409))
		f.SetCellStyle(sh, cell(2, r), cell(len(cols), r), st.wrap)
		f.SetCellStyle(sh, cell(1, r), cell(1, r), style)
	}
	if idx, err = f.GetSheetIndex(sh); err != nil {
		return err
	}
	f.SetActiveSheet(idx)
	return printLayout(f, sh, printScale(widths), 1, 1)
}

// validColor: RGB or ARGB in hex digits, with or without "#".
func validColor(c string) bool {
	c = strings.TrimPrefix(c, "#")
	if len(c) != 6 && len(c) != 8 {
		return false
	}
	for _, r := range c {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
}

// checkPackage holds a workbook's package to the reader's limits: a
// limitError when it is beyond them.
func checkPackage(b []byte) error {
	_, err := inflateParts(b, nil)
	return err
}
