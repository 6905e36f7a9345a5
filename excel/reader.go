package excel

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"de06/internal/oserr"
	"de06/plan"
	"de06/report"
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
}

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
	s := &report.Submission{Path: path, Name: filepath.Base(path), Meta: map[string]string{}}
	fail := failer(s)
	st, err := os.Stat(path)
	if err != nil {
		return fail(report.FileUnreadable, fmt.Sprintf(msgOpenFailed, oserr.Reason(err, oserr.Read)), hintResend)
	}
	if st.Size() > maxFileSize {
		return fail(report.FileTooLarge, fmt.Sprintf(msgFileTooLarge, st.Size()>>20, maxFileSize>>20), hintResend)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return fail(report.FileUnreadable, fmt.Sprintf(msgOpenFailed, oserr.Reason(err, oserr.Read)), hintResend)
	}
	s.Modified = st.ModTime()
	return rd.Read(b, s)
}

// Read reads a workbook from its bytes into s (whose Name is set).
func (rd Reader) Read(b []byte, s *report.Submission) *report.Submission {
	fail := failer(s)
	switch k := sniff(b); k {
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
		conv, err := rd.Soffice.convert(b, s.Name)
		if err != nil {
			return fail(code, fmt.Sprintf(msgLegacyConvertFailed, what, err), hintSaveXLSX)
		}
		s.Add(report.Warning, code, "", "", fmt.Sprintf(msgLegacyConverted, what), hintSaveXLSX)
		b = conv
	}
	f, err := openReader(bytes.NewReader(b))
	if err != nil {
		if strings.Contains(err.Error(), "unzip size") {
			return fail(report.FileTooLarge, msgZipBomb, hintResend)
		}
		if errors.Is(err, excelize.ErrWorkbookFileFormat) || errors.Is(err, excelize.ErrWorkbookPassword) {
			return fail(report.FileEncrypted, msgEncrypted, hintEncrypted)
		}
		return fail(report.FileUnreadable, msgCorrupt, hintResend)
	}
	defer f.Close()
	readWorkbook(f, s, rd.KeepLegacy)
	return s
}

// failer returns a function that rejects the file with an error finding.
func failer(s *report.Submission) func(code report.Code, msg, hint string) *report.Submission {
	return func(code report.Code, msg, hint string) *report.Submission {
		s.Add(report.Error, code, "", "", msg, hint)
		return s
	}
}

// sheetGrid is a sheet's raw values, merged ranges filled in.
type sheetGrid struct {
	name  string
	cells [][]string
}

func (g *sheetGrid) at(col, row int) string { // 1-based
	if row < 1 || row > len(g.cells) || col < 1 || col > len(g.cells[row-1]) {
		return ""
	}
	return g.cells[row-1][col-1]
}

// loadGrid reads a sheet with limits: an absurd sheet is refused early.
func loadGrid(f *excelize.File, sheet string) (*sheetGrid, error) {
	rows, err := f.Rows(sheet)
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
	merges, err := f.GetMergeCells(sheet)
	if err != nil {
		return nil, err
	}
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r2 > len(g.cells) || c2 > maxCols || (r2-r1+1)*(c2-c1+1) > 10000 {
			continue
		}
		v := g.at(c1, r1)
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				if r == r1 && c == c1 {
					continue
				}
				for len(g.cells[r-1]) < c {
					g.cells[r-1] = append(g.cells[r-1], "")
				}
				g.cells[r-1][c-1] = v
			}
		}
	}
	return g, nil
}

var errTooManyRows = errors.New("too many rows")

// findTable locates the table's heading row and maps fields to columns.
func findTable(g *sheetGrid) (row int, cols map[field]int) {
	for r := 1; r <= len(g.cells) && r <= 60; r++ {
		found := map[field]int{}
		for c := 1; c <= len(g.cells[r-1]); c++ {
			raw := g.at(c, r)
			if raw == "" || len(raw) > 80 {
				continue // headings are short
			}
			k := plan.Fold(raw)
			for _, col := range reportColumns {
				if _, done := found[col.field]; done {
					continue
				}
				for _, m := range col.match {
					if k == m {
						found[col.field] = c
						break
					}
				}
			}
		}
		_, hasModel := found[fModel]
		_, hasStatus := found[fStatus]
		if hasModel && hasStatus && len(found) >= 4 {
			return r, found
		}
	}
	return 0, nil
}

func readWorkbook(f *excelize.File, s *report.Submission, keepLegacy bool) {
	readMeta(f, s)
	var grid *sheetGrid
	var head int
	var cols map[field]int
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		s.Add(report.Error, report.FileUnreadable, "", "", msgNoSheets, hintResend)
		return
	}
	if slices.Contains(sheets, sheetSummary) && slices.Contains(sheets, sheetData) {
		s.Add(report.Error, report.FileNotTemplate, "", "", msgIsConsolidated, hintIsConsolidated)
		return
	}
	// The sheet named "Báo cáo" first, then any other.
	order := make([]string, 0, len(sheets))
	for _, sh := range sheets {
		if plan.Fold(sh) == plan.Fold(sheetReport) {
			order = append([]string{sh}, order...)
		} else {
			order = append(order, sh)
		}
	}
	for _, sh := range order {
		if sh == sheetMeta || sh == sheetLists {
			continue
		}
		g, err := loadGrid(f, sh)
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
		if sh == grid.name || sh == sheetMeta || sh == sheetLists || plan.Fold(sh) == plan.Fold(sheetGuide) {
			continue
		}
		if visible, _ := f.GetSheetVisible(sh); visible {
			s.Add(report.Warning, report.SheetExtra, sh, "", fmt.Sprintf(msgExtraSheet, sh), hintExtraSheet)
		}
	}
	cr := &cellReader{f: f, g: grid, s: s, styles: map[int]*excelize.Style{}, keepLegacy: keepLegacy}
	cr.readHeader(head)
	cr.readRows(head, cols)
}

func readMeta(f *excelize.File, s *report.Submission) {
	if props, err := f.GetCustomProps(); err == nil {
		for _, p := range props {
			if k, ok := strings.CutPrefix(p.Name, "de06."); ok {
				s.Meta[k] = fmt.Sprint(p.Value)
			}
		}
	}
	if s.Meta[metaUnit] != "" && s.Meta[metaPeriod] != "" {
		return
	}
	// Some programs drop custom properties; the hidden sheet keeps them.
	if rows, err := f.GetRows(sheetMeta); err == nil {
		for _, r := range rows {
			if len(r) >= 2 && r[0] != "" && len(r[0]) < 40 {
				s.Meta[r[0]] = strings.TrimSpace(r[1])
			}
		}
	}
}
