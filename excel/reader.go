package excel

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/internal/oserr"
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/report"
)

// Reader reads filled report workbooks. It survives what Excel and
// LibreOffice do to a file: moved columns, inserted rows, merged cells,
// formulas, dates as serial numbers, percent formats, decomposed or legacy
// Vietnamese text, and legacy file formats when LibreOffice is installed.
type Reader struct {
	Soffice Soffice
	// KeepLegacy leaves text typed in a legacy encoding (TCVN3, VNI) as it
	// is, with a warning, instead of converting it to Unicode.
	KeepLegacy bool
	// path chooses the reader: both (the fast one, excelize for what it
	// does not take), or one of them alone, for the differential test.
	path readPath
}

type readPath int

const (
	pathBoth readPath = iota
	pathExcelize
	pathFast
)

// ReadAll reads many files in parallel, keeping their order.
func (rd Reader) ReadAll(paths []string) []*report.Submission {
	out := make([]*report.Submission, len(paths))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(paths))) {
		wg.Go(func() {
			for i := range jobs {
				out[i] = rd.ReadFile(paths[i])
			}
		})
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

// ReadFile reads one file. It never fails: what goes wrong becomes a
// file-level finding of the submission.
func (rd Reader) ReadFile(path string) *report.Submission {
	s, b := loadFile(path)
	if b == nil {
		return s
	}
	defer putBuf(b) // nothing read keeps the file's bytes
	return rd.Read(b, s)
}

// loadFile reads the file at path within the size limit, in one open,
// into a buffer of the pool; when it cannot, b is nil and the submission
// says why.
func loadFile(path string) (s *report.Submission, b []byte) {
	s = &report.Submission{Path: path, Name: filepath.Base(path), Meta: map[string]string{}}
	fail := failer(s)
	f, err := os.Open(path)
	if err != nil {
		return fail(report.FileUnreadable, fmt.Sprintf(msgOpenFailed, oserr.Reason(err, oserr.Read)), hintResend), nil
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fail(report.FileUnreadable, fmt.Sprintf(msgOpenFailed, oserr.Reason(err, oserr.Read)), hintResend), nil
	}
	if st.Size() > maxFileSize {
		return fail(report.FileTooLarge, fmt.Sprintf(msgFileTooLarge, st.Size()>>20, maxFileSize>>20), hintResend), nil
	}
	if b, _, err = readAll(f, st.Size()); err != nil {
		return fail(report.FileUnreadable, fmt.Sprintf(msgOpenFailed, oserr.Reason(err, oserr.Read)), hintResend), nil
	}
	s.Modified = st.ModTime()
	return s, b
}

// Read reads a workbook from its bytes into s (whose Name is set).
func (rd Reader) Read(b []byte, s *report.Submission) *report.Submission {
	return rd.ReadContext(context.Background(), b, s)
}

// ReadContext is Read that stops when ctx ends: LibreOffice is stopped at
// once, and the reader (whose own work is bounded by its limits) is not
// started; the file is then refused as unreadable, saying why.
func (rd Reader) ReadContext(ctx context.Context, b []byte, s *report.Submission) *report.Submission {
	fail := failer(s)
	b, zr := rd.xlsxBytes(ctx, b, s)
	if b == nil {
		return s
	}
	fs, err := openFastZip(b, zr)
	if le := (*limitError)(nil); errors.As(err, &le) {
		return fail(report.FileTooLarge, le.msg, hintResend)
	}
	if rd.path != pathExcelize {
		if err == nil {
			scratch := *s
			scratch.Meta = maps.Clone(s.Meta)
			scratch.Findings = slices.Clone(s.Findings)
			readWorkbook(fs, &scratch, rd.KeepLegacy)
			fs.release()
			if fs.declined == nil {
				*s = scratch
				return s
			}
		}
		if rd.path == pathFast {
			return nil
		}
	}
	f, err := openReader(bytes.NewReader(b))
	if err != nil {
		openFailed(s, err)
		return s
	}
	defer f.Close()
	readWorkbook(&excelSource{f: f, styles: map[int]*excelize.Style{}}, s, rd.KeepLegacy)
	return s
}

// xlsxBytes sniffs b: the bytes of an .xlsx workbook, converted through
// LibreOffice from .xls or .ods, with their zip directory when sniffing
// read it; nil when b cannot be one (or ctx ended), with the finding saying
// why added to s.
func (rd Reader) xlsxBytes(ctx context.Context, b []byte, s *report.Submission) ([]byte, *zip.Reader) {
	fail := func(code report.Code, msg, hint string) ([]byte, *zip.Reader) {
		s.Add(report.Error, code, "", "", msg, hint)
		return nil, nil
	}
	if ctx.Err() != nil {
		return fail(report.FileUnreadable, msgStopped, hintResend)
	}
	k, zr := sniffZip(b)
	switch k {
	case kindEmpty:
		return fail(report.FileUnreadable, msgEmptyFile, hintResend)
	case kindEncrypted:
		return fail(report.FileEncrypted, msgEncrypted, hintEncrypted)
	case kindOther:
		return fail(report.FileUnreadable, msgNotWorkbook, hintSaveXLSX)
	case kindXLS, kindODS:
		code, what := report.FileLegacyXLS, ".xls"
		if k == kindODS {
			code, what = report.FileODS, ".ods"
		}
		if rd.Soffice.Path == "" {
			return fail(code, fmt.Sprintf(msgLegacyNoSoffice, what), hintSaveXLSX)
		}
		conv, err := rd.Soffice.convert(ctx, b, s.Name)
		if err != nil {
			return fail(code, fmt.Sprintf(msgLegacyConvertFailed, what, err), hintSaveXLSX)
		}
		s.Add(report.Warning, code, "", "", fmt.Sprintf(msgLegacyConverted, what), hintSaveXLSX)
		if ctx.Err() != nil {
			return fail(report.FileUnreadable, msgStopped, hintResend)
		}
		return conv, nil
	}
	return b, zr
}

// openFailed says why excelize could not open the workbook.
func openFailed(s *report.Submission, err error) {
	fail := failer(s)
	switch {
	case strings.Contains(err.Error(), "unzip size"):
		fail(report.FileTooLarge, msgZipBomb, hintResend)
	case errors.Is(err, excelize.ErrWorkbookFileFormat) || errors.Is(err, excelize.ErrWorkbookPassword):
		fail(report.FileEncrypted, msgEncrypted, hintEncrypted)
	default:
		fail(report.FileUnreadable, msgCorrupt, hintResend)
	}
}

// failer returns a function that rejects the file with an error finding.
func failer(s *report.Submission) func(code report.Code, msg, hint string) *report.Submission {
	return func(code report.Code, msg, hint string) *report.Submission {
		s.Add(report.Error, code, "", "", msg, hint)
		return s
	}
}

// findTable locates the table's heading row and maps fields to columns.
// It folds each short cell of the rows it searches once, and keeps the
// folds in g.labels for the header block above the table.
func findTable(g *sheetGrid) (row int, cols map[field]int) {
	g.labels = nil
	for r := 1; r <= len(g.cells) && r <= 60; r++ {
		keys := make([]string, len(g.cells[r-1]))
		for c, raw := range g.cells[r-1] {
			keys[c] = labelKey(raw)
		}
		g.labels = append(g.labels, keys)
		var found [fTasks + 1]int // each field's column, 0 until found
		n := 0
		for c, k := range keys {
			if k == "" {
				continue
			}
			for _, col := range reportColumns {
				if found[col.field] == 0 && slices.Contains(col.match, k) {
					found[col.field] = c + 1
					n++
				}
			}
		}
		if found[fModel] > 0 && found[fStatus] > 0 && n >= 4 {
			cols := map[field]int{}
			for fl, c := range found {
				if c > 0 {
					cols[field(fl)] = c
				}
			}
			return r, cols
		}
	}
	return 0, nil
}

// labelKey is a cell's text folded for matching headings and labels, which
// are short; "" for an empty or a long cell.
func labelKey(raw string) string {
	if raw == "" || len(raw) > 80 {
		return ""
	}
	return vi.Fold(raw)
}

// The sheets de06's templates name, folded once: a sheet's name is matched
// whatever its case and diacritics.
var (
	reportSheetKey   = vi.Fold(sheetReport)
	guideSheetKey    = vi.Fold(sheetGuide)
	findingsSheetKey = vi.Fold(sheetFindings)
)

func readWorkbook(src source, s *report.Submission, keepLegacy bool) {
	readMeta(src, s)
	var grid *sheetGrid
	var head int
	var cols map[field]int
	sheets := src.sheetList()
	if len(sheets) == 0 {
		s.Add(report.Error, report.FileUnreadable, "", "", msgNoSheets, hintResend)
		return
	}
	if slices.Contains(sheets, sheetSummary) && slices.Contains(sheets, sheetData) {
		s.Add(report.Error, report.FileNotTemplate, "", "", msgIsConsolidated, hintIsConsolidated)
		return
	}
	keys := make(map[string]string, len(sheets))
	for _, sh := range sheets {
		keys[sh] = vi.Fold(sh)
	}
	// The sheet named "Báo cáo" first, then any other.
	order := make([]string, 0, len(sheets))
	for _, sh := range sheets {
		if keys[sh] == reportSheetKey {
			order = append([]string{sh}, order...)
		} else {
			order = append(order, sh)
		}
	}
	for _, sh := range order {
		if sh == sheetMeta || sh == sheetLists {
			continue
		}
		g, err := src.grid(sh)
		if errors.Is(err, errTooManyRows) {
			s.Add(report.Error, report.FileTooLarge, sh, "", fmt.Sprintf(msgTooManyRows, maxRows), hintResend)
			return
		}
		if err != nil {
			continue
		}
		if r, c := findTable(g); r > 0 {
			grid, head, cols = g, r, c
			break
		}
	}
	if grid == nil {
		s.Add(report.Error, report.FileNotTemplate, "", "", msgNotTemplate, hintUseTemplate)
		return
	}
	s.Sheet = grid.name
	for _, sh := range sheets {
		// The guide, and the list of findings de06 adds to a copy it sends
		// back, belong to the report.
		if sh == grid.name || sh == sheetMeta || sh == sheetLists || keys[sh] == guideSheetKey || keys[sh] == findingsSheetKey {
			continue
		}
		if src.sheetVisible(sh) {
			s.Add(report.Warning, report.SheetExtra, sh, "", fmt.Sprintf(msgExtraSheet, vi.Shorten(sh, 60)), hintExtraSheet)
		}
	}
	cr := &cellReader{src: src, g: grid, s: s, keepLegacy: keepLegacy}
	cr.readHeader(head)
	cr.readRows(head, cols)
}

func readMeta(src source, s *report.Submission) {
	if props, err := src.customProps(); err == nil {
		for name, v := range props {
			if k, ok := strings.CutPrefix(name, "de06."); ok {
				s.Meta[k] = v
			}
		}
	}
	if s.Meta[metaUnit] != "" && s.Meta[metaPeriod] != "" {
		return
	}
	// Some programs drop custom properties; the hidden sheet keeps them.
	for _, r := range src.metaRows() {
		if len(r) >= 2 && r[0] != "" && len(r[0]) < 40 {
			s.Meta[r[0]] = strings.TrimSpace(r[1])
		}
	}
}

// sprint prints a custom property's value as excelize typed it.
func sprint(v any) string { return fmt.Sprint(v) }
