package excel

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// book is a workbook being written. Its write methods shadow excelize's
// and keep the first error, so that the hundreds of cell writes of a
// workbook need not each be checked and none is lost: WriteTo refuses a
// workbook in which any write failed.
type book struct {
	*excelize.File
	err error
}

// newBook starts a workbook whose default font is the document's (Times
// New Roman, Liberation Serif in LibreOffice): column widths count that
// font's digits, and a default that a machine lacks (Calibri, on Linux)
// would make them wider than designed.
func newBook() *book {
	b := &book{File: excelize.NewFile()}
	b.keep(b.File.SetDefaultFont(fontName))
	return b
}

// keep records err if it is the first one, and returns it.
func (b *book) keep(err error) error {
	if err != nil && b.err == nil {
		b.err = err
	}
	return err
}

// WriteTo saves the workbook to w; a failed write anywhere before is
// returned instead. The caller closes the book (defer, right after
// newBook).
func (b *book) WriteTo(w io.Writer) (int64, error) {
	if b.err != nil {
		return 0, fmt.Errorf("ghi workbook: %w", b.err)
	}
	var buf bytes.Buffer
	if _, err := b.File.WriteTo(&buf); err != nil {
		return 0, fmt.Errorf("ghi workbook: %w", err)
	}
	out, err := canonicalZip(buf.Bytes())
	if err != nil {
		return 0, fmt.Errorf("ghi workbook: %w", err)
	}
	n, err := w.Write(out)
	return int64(n), err
}

// canonicalZip makes a workbook the same bytes for the same content:
// excelize lists the content types in map order, so they are sorted, and
// writes streamed sheets in map order, so the parts are put in order of
// name ([Content_Types].xml first, as Office writes it); every other part
// is copied as it is.
func canonicalZip(b []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	files := slices.Clone(zr.File)
	slices.SortStableFunc(files, func(a, b *zip.File) int {
		ca, cb := a.Name == "[Content_Types].xml", b.Name == "[Content_Types].xml"
		if ca != cb {
			if ca {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range files {
		if f.Name != "[Content_Types].xml" {
			raw, err := f.OpenRaw()
			if err != nil {
				return nil, err
			}
			dst, err := zw.CreateRaw(&f.FileHeader)
			if err != nil {
				return nil, err
			}
			if _, err := io.Copy(dst, raw); err != nil {
				return nil, err
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		ct, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		h := f.FileHeader
		dst, err := zw.CreateHeader(&h)
		if err != nil {
			return nil, err
		}
		ct = sortRun(sortRun(ct, "<Default ", "</Default>"), "<Override ", "</Override>")
		if _, err := dst.Write(ct); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// sortRun orders a run of elements (<Default …></Default>, <Override …>
// </Override>) that excelize writes in map order.
func sortRun(ct []byte, open, end string) []byte {
	first := bytes.Index(ct, []byte(open))
	last := bytes.LastIndex(ct, []byte(end))
	if first < 0 || last < first {
		return ct
	}
	body := string(ct[first : last+len(end)])
	parts := strings.SplitAfter(body, end)
	if parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	for _, p := range parts {
		if !strings.HasPrefix(p, open) {
			return ct // not the layout excelize writes: leave it
		}
	}
	slices.Sort(parts)
	var out bytes.Buffer
	out.Write(ct[:first])
	out.WriteString(strings.Join(parts, ""))
	out.Write(ct[last+len(end):])
	return out.Bytes()
}

// NewSheet adds a sheet; see excelize.
func (b *book) NewSheet(sheet string) (int, error) {
	i, err := b.File.NewSheet(sheet)
	return i, b.keep(err)
}

// NewStyle adds a style; see excelize.
func (b *book) NewStyle(style *excelize.Style) (int, error) {
	i, err := b.File.NewStyle(style)
	return i, b.keep(err)
}

// SetCellStr is excelize's, keeping the first error.
func (b *book) SetCellStr(sheet, cell, value string) error {
	return b.keep(b.File.SetCellStr(sheet, cell, value))
}

// SetCellStyle is excelize's, keeping the first error.
func (b *book) SetCellStyle(sheet, topLeft, bottomRight string, styleID int) error {
	return b.keep(b.File.SetCellStyle(sheet, topLeft, bottomRight, styleID))
}

// SetColWidth is excelize's, keeping the first error.
func (b *book) SetColWidth(sheet, startCol, endCol string, width float64) error {
	return b.keep(b.File.SetColWidth(sheet, startCol, endCol, width))
}

// MergeCell is excelize's, keeping the first error.
func (b *book) MergeCell(sheet, topLeft, bottomRight string) error {
	return b.keep(b.File.MergeCell(sheet, topLeft, bottomRight))
}

// SetCellValue is excelize's, keeping the first error.
func (b *book) SetCellValue(sheet, cell string, value any) error {
	return b.keep(b.File.SetCellValue(sheet, cell, value))
}

// SetRowHeight is excelize's, keeping the first error. A height over
// Excel's limit (409 pt) is set to the limit: the text still wraps and the
// cell still holds it all.
func (b *book) SetRowHeight(sheet string, row int, height float64) error {
	return b.keep(b.File.SetRowHeight(sheet, row, min(height, excelize.MaxRowHeight)))
}

// SetSheetName is excelize's, keeping the first error.
func (b *book) SetSheetName(source, target string) error {
	return b.keep(b.File.SetSheetName(source, target))
}

// SetCellInt is excelize's, keeping the first error.
func (b *book) SetCellInt(sheet, cell string, value int64) error {
	return b.keep(b.File.SetCellInt(sheet, cell, value))
}

// SetPanes is excelize's, keeping the first error.
func (b *book) SetPanes(sheet string, panes *excelize.Panes) error {
	return b.keep(b.File.SetPanes(sheet, panes))
}

// AddDataValidation is excelize's, keeping the first error.
func (b *book) AddDataValidation(sheet string, dv *excelize.DataValidation) error {
	return b.keep(b.File.AddDataValidation(sheet, dv))
}

// SetCellFloat is excelize's, keeping the first error.
func (b *book) SetCellFloat(sheet, cell string, value float64, precision, bitSize int) error {
	return b.keep(b.File.SetCellFloat(sheet, cell, value, precision, bitSize))
}

// SetSheetVisible is excelize's, keeping the first error.
func (b *book) SetSheetVisible(sheet string, visible bool, veryHidden ...bool) error {
	return b.keep(b.File.SetSheetVisible(sheet, visible, veryHidden...))
}

// SetSheetProps is excelize's, keeping the first error.
func (b *book) SetSheetProps(sheet string, opts *excelize.SheetPropsOptions) error {
	return b.keep(b.File.SetSheetProps(sheet, opts))
}

// SetPageMargins is excelize's, keeping the first error.
func (b *book) SetPageMargins(sheet string, opts *excelize.PageLayoutMarginsOptions) error {
	return b.keep(b.File.SetPageMargins(sheet, opts))
}

// SetPageLayout is excelize's, keeping the first error.
func (b *book) SetPageLayout(sheet string, opts *excelize.PageLayoutOptions) error {
	return b.keep(b.File.SetPageLayout(sheet, opts))
}

// SetCellFormula is excelize's, keeping the first error.
func (b *book) SetCellFormula(sheet, cell, formula string, opts ...excelize.FormulaOpts) error {
	return b.keep(b.File.SetCellFormula(sheet, cell, formula, opts...))
}

// ProtectSheet is excelize's, keeping the first error.
func (b *book) ProtectSheet(sheet string, opts *excelize.SheetProtectionOptions) error {
	return b.keep(b.File.ProtectSheet(sheet, opts))
}

// InsertRows is excelize's, keeping the first error.
func (b *book) InsertRows(sheet string, row, n int) error {
	return b.keep(b.File.InsertRows(sheet, row, n))
}

// DeleteSheet is excelize's, keeping the first error.
func (b *book) DeleteSheet(sheet string) error {
	return b.keep(b.File.DeleteSheet(sheet))
}

// SetDocProps is excelize's, keeping the first error.
func (b *book) SetDocProps(props *excelize.DocProperties) error {
	return b.keep(b.File.SetDocProps(props))
}

// SetDefinedName is excelize's, keeping the first error.
func (b *book) SetDefinedName(name *excelize.DefinedName) error {
	return b.keep(b.File.SetDefinedName(name))
}

// SetCustomProps is excelize's, keeping the first error.
func (b *book) SetCustomProps(prop excelize.CustomProperty) error {
	return b.keep(b.File.SetCustomProps(prop))
}

// ProtectWorkbook is excelize's, keeping the first error.
func (b *book) ProtectWorkbook(opts *excelize.WorkbookProtectionOptions) error {
	return b.keep(b.File.ProtectWorkbook(opts))
}

// InsertCols is excelize's, keeping the first error.
func (b *book) InsertCols(sheet, col string, n int) error {
	return b.keep(b.File.InsertCols(sheet, col, n))
}

// DeleteComment is excelize's, keeping the first error.
func (b *book) DeleteComment(sheet, cell string) error {
	return b.keep(b.File.DeleteComment(sheet, cell))
}

// AutoFilter is excelize's, keeping the first error.
func (b *book) AutoFilter(sheet, rangeRef string, opts []excelize.AutoFilterOptions) error {
	return b.keep(b.File.AutoFilter(sheet, rangeRef, opts))
}

// AddComment is excelize's, keeping the first error.
func (b *book) AddComment(sheet string, opts excelize.Comment) error {
	return b.keep(b.File.AddComment(sheet, opts))
}

// AddChart is excelize's, keeping the first error.
func (b *book) AddChart(sheet, cell string, chart *excelize.Chart, combo ...*excelize.Chart) error {
	return b.keep(b.File.AddChart(sheet, cell, chart, combo...))
}

// InsertPageBreak is excelize's, keeping the first error.
func (b *book) InsertPageBreak(sheet, cell string) error {
	return b.keep(b.File.InsertPageBreak(sheet, cell))
}

// SetHeaderFooter is excelize's, keeping the first error.
func (b *book) SetHeaderFooter(sheet string, opts *excelize.HeaderFooterOptions) error {
	return b.keep(b.File.SetHeaderFooter(sheet, opts))
}
