// Package excel is de06's Excel adapter, built on excelize: it writes the plan
// workbook, the units' report templates and the consolidated workbook, and
// reads plans and filled reports back into the domain types of packages plan
// and report. It never imports the pdf adapter.
package excel

import (
	"io"
	"time"

	"github.com/xuri/excelize/v2"
)

// Limits for reading untrusted workbooks. excelize's defaults let a small
// file inflate to gigabytes; a unit's report is a few hundred kilobytes.
const (
	maxUnzipSize    = 64 << 20 // whole archive, uncompressed
	maxUnzipXMLSize = 16 << 20 // one part kept in memory, the rest spills to disk
	maxFileSize     = 20 << 20 // on disk
	maxRows         = 5000     // a report has a few dozen
	maxCols         = 200
	// Counted in the inflated parts before any parsing, so that no file
	// makes either reader slow: a report has a few hundred cells, a few
	// dozen merged ranges, shared strings and styles.
	maxCells         = 100_000
	maxMerges        = 2_000
	maxSharedStrings = 100_000
	maxStyles        = 20_000
	maxCellChars     = 32_767 // Excel's own limit for one cell
)

func openOptions() excelize.Options {
	return excelize.Options{UnzipSizeLimit: maxUnzipSize, UnzipXMLSizeLimit: maxUnzipXMLSize}
}

// openReader opens a workbook from r with the limits above.
func openReader(r io.Reader) (*excelize.File, error) {
	return excelize.OpenReader(r, openOptions())
}

// writeTo saves f to w.
func writeTo(f *book, w io.Writer) error {
	_, err := f.WriteTo(w)
	return err
}

// cell names a cell from 1-based column and row.
func cell(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// setDocProps names de06 as the author and dates the workbook by its
// period, so the same inputs always give the same file.
func setDocProps(f *book, title string, day time.Time) error {
	t := day.UTC().Format(time.RFC3339)
	return f.SetDocProps(&excelize.DocProperties{Creator: "de06", LastModifiedBy: "de06", Title: title, Created: t, Modified: t, Language: "vi-VN"})
}
