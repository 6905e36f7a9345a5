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
		if err := fillCell(f, sheet, ref, color); err != nil {
			return err
		}
		f.DeleteComment(sheet, ref)
		if err := f.AddComment(sheet, excelize.Comment{Cell: ref, Author: "de06", Paragraph: []excelize.RichTextRun{{Text: strings.Join(lines, "\n")}}}); err != nil {
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
// changes its fill.
func fillCell(f *book, sheet, ref, color string) error {
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		return err
	}
	st, err := f.GetStyle(id)
	if err != nil || st == nil {
		st = &excelize.Style{}
	}
	st.Fill = fill(color)
	// A border drawn in the automatic colour reads back with no colour,
	// which excelize would write as the invalid ARGB value "FF".
	for i := range st.Border {
		if !validColor(st.Border[i].Color) {
			st.Border[i].Color = "000000"
		}
	}
	if st.Font != nil && st.Font.Color != "" && !validColor(st.Font.Color) {
		st.Font.Color = ""
	}
	nid, err := f.NewStyle(st)
	if err != nil {
		return err
	}
	return f.SetCellStyle(sheet, ref, ref, nid)
}

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
	for i, h := range []string{annColSeverity, annColWhere, annColModel, annColMessage, annColHint, annColCode} {
		f.SetCellStr(sh, cell(i+1, 1), h)
	}
	f.SetCellStyle(sh, "A1", "F1", st.header)
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
		f.SetCellStr(sh, cell(1, r), sev)
		f.SetCellStr(sh, cell(2, r), where)
		if fd.Model > 0 {
			f.SetCellInt(sh, cell(3, r), int64(fd.Model))
		}
		f.SetCellStr(sh, cell(4, r), fd.Message)
		f.SetCellStr(sh, cell(5, r), fd.Hint)
		f.SetCellStr(sh, cell(6, r), string(fd.Code))
		f.SetCellStyle(sh, cell(1, r), cell(1, r), style)
		f.SetCellStyle(sh, cell(2, r), cell(6, r), st.wrap)
	}
	for col, wd := range map[string]float64{"A": 10, "B": 22, "C": 9, "D": 60, "E": 50, "F": 24} {
		f.SetColWidth(sh, col, col, wd)
	}
	if idx, err = f.GetSheetIndex(sh); err != nil {
		return err
	}
	f.SetActiveSheet(idx)
	return nil
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
	_, err := inflateParts(b)
	return err
}
