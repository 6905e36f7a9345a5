// Package excel is de06's Excel adapter, built on excelize: it writes the plan
// workbook, the units' report templates and the consolidated workbook, and
// reads plans and filled reports back into the domain types of packages plan
// and report. It never imports the pdf adapter.
package excel

import (
	"errors"
	"fmt"
	"io"
	"os"
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
)

func openOptions() excelize.Options {
	return excelize.Options{UnzipSizeLimit: maxUnzipSize, UnzipXMLSizeLimit: maxUnzipXMLSize}
}

// openReader opens a workbook from r with the limits above.
func openReader(r io.Reader) (*excelize.File, error) {
	return excelize.OpenReader(r, openOptions())
}

// writeTo saves f to w and closes it.
func writeTo(f *excelize.File, w io.Writer) error {
	defer f.Close()
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("ghi workbook: %w", err)
	}
	return nil
}

// FileError says in Vietnamese why a file could not be opened, read or
// written: "không có tệp này" rather than the system's English.
func FileError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, os.ErrNotExist):
		return msgNoSuchFile
	case errors.Is(err, os.ErrPermission):
		return msgNoPermission
	}
	return err.Error()
}

func openFile(path string) (*excelize.File, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return openReader(fh)
}

// cell names a cell from 1-based column and row.
func cell(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// setDocProps names de06 as the author and dates the workbook by its
// period, so the same inputs always give the same file.
func setDocProps(f *excelize.File, title string, day time.Time) error {
	t := day.UTC().Format(time.RFC3339)
	return f.SetDocProps(&excelize.DocProperties{Creator: "de06", LastModifiedBy: "de06", Title: title, Created: t, Modified: t, Language: "vi-VN"})
}
