package excel

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/rollup"
)

// Reading communes' consolidated workbooks for the roll-up: who sent it
// ("Thông tin chung", or the "Tổng hợp" subtitle of workbooks written
// before it), the models of "Tổng hợp", the figures of "Dữ liệu", the units
// line of "Thống kê" and the rows of "Kiểm tra". As for reports, the
// one-pass reader reads what it can and excelize the rest; both give the
// same (commune_test.go).

// ReadCommuneFile reads one file given to the roll-up. It never fails:
// what goes wrong is a finding on the workbook's File.
func (rd Reader) ReadCommuneFile(path string) *rollup.Workbook {
	s, b := loadFile(path)
	if b == nil {
		return &rollup.Workbook{File: s}
	}
	return rd.ReadCommune(b, s)
}

// ReadCommunes reads files in parallel and hands each workbook to fn as
// soon as it is read, with its index, so that the caller keeps only what it
// needs of thousands. fn is called from several goroutines.
func (rd Reader) ReadCommunes(paths []string, fn func(i int, wb *rollup.Workbook)) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(paths))) {
		wg.Go(func() {
			for i := range jobs {
				fn(i, rd.ReadCommuneFile(paths[i]))
			}
		})
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

// ReadCommune reads a workbook from its bytes; s names the file (Name,
// Path, Modified) and becomes the workbook's File.
func (rd Reader) ReadCommune(b []byte, s *report.Submission) *rollup.Workbook {
	return rd.ReadCommuneContext(context.Background(), b, s)
}

// ReadCommuneContext is ReadCommune that stops when ctx ends, as
// ReadContext does.
func (rd Reader) ReadCommuneContext(ctx context.Context, b []byte, s *report.Submission) *rollup.Workbook {
	if s.Meta == nil {
		s.Meta = map[string]string{}
	}
	b, zr := rd.xlsxBytes(ctx, b, s)
	if b == nil {
		return &rollup.Workbook{File: s}
	}
	fresh := func() *rollup.Workbook {
		sub := *s
		sub.Meta, sub.Findings = maps.Clone(s.Meta), slices.Clone(s.Findings)
		return &rollup.Workbook{File: &sub}
	}
	done := func(wb *rollup.Workbook) *rollup.Workbook {
		*s = *wb.File
		wb.File = s
		return wb
	}
	if rd.path != pathExcelize {
		fs, err := openParts(b, zr)
		if le := (*limitError)(nil); errors.As(err, &le) {
			failer(s)(report.FileTooLarge, le.msg, hintResend)
			return &rollup.Workbook{File: s}
		}
		if err == nil {
			wb := fresh()
			readCommune(fs, wb)
			if fs.declined == nil {
				return done(wb)
			}
		}
		if rd.path == pathFast {
			return nil
		}
	}
	f, err := openReader(bytes.NewReader(b))
	if err != nil {
		openFailed(s, err)
		return &rollup.Workbook{File: s}
	}
	defer f.Close()
	wb := fresh()
	readCommune(&excelSource{f: f, styles: map[int]*excelize.Style{}}, wb)
	return done(wb)
}

// readCommune reads what the roll-up needs from a workbook.
func readCommune(src source, wb *rollup.Workbook) {
	s := wb.File
	readMeta(src, s)
	sheets := src.sheetList()
	has := func(name string) bool { return slices.Contains(sheets, name) }
	switch {
	case has(sheetSummary) && has(sheetData):
		wb.Kind = rollup.KindConsolidated
	case s.Meta[metaUnit] != "" || has(sheetMeta) || slices.ContainsFunc(sheets, func(sh string) bool { return vi.Fold(sh) == vi.Fold(sheetReport) }):
		wb.Kind = rollup.KindUnitReport
		return
	default:
		return
	}
	grid := func(sh string) *sheetGrid {
		if !has(sh) {
			return nil
		}
		g, err := src.grid(sh)
		if errors.Is(err, errTooManyRows) {
			s.Add(report.Error, report.FileTooLarge, sh, "", fmt.Sprintf(msgTooManyRows, maxRows), hintResend)
		}
		if err != nil {
			return nil
		}
		return g
	}
	summary := grid(sheetSummary)
	if info := grid(sheetInfo); info != nil {
		readInfoSheet(info, wb)
	} else if summary != nil {
		readSubtitle(summary, wb)
	}
	if summary != nil {
		readSummaryRows(summary, wb)
	}
	if data := grid(sheetData); data != nil {
		readDataRows(data, wb)
	}
	if stats := grid(sheetStats); stats != nil {
		readUnitsLine(stats, wb)
	}
	if checks := grid(sheetChecks); checks != nil {
		for r := 2; r <= len(checks.cells); r++ {
			switch vi.Fold(checks.at(1, r)) {
			case vi.Fold(annError):
				wb.Errors++
			case vi.Fold(annWarning):
				wb.Warnings++
			}
		}
	}
}

// readInfoSheet reads "Thông tin chung": the plan's fields and the report's.
func readInfoSheet(g *sheetGrid, wb *rollup.Workbook) {
	var p plan.Plan
	rows := readFields(g.cells, &p, infoFields(), nil)
	at := func(label string) report.Value {
		v, ok := rows[vi.Fold(label)]
		if !ok {
			return report.Value{}
		}
		return report.Value{Text: vi.NFC(v.text), Cell: cell(2, v.row)}
	}
	s := wb.File
	s.Sheet = g.name
	s.Unit = at(hdrIssuer)
	s.Period = at(infoPeriod)
	s.ReportDate = at(infoReportDate)
	wb.Issuing, wb.Parent, wb.Place, wb.Province = p.Header.IssuingAgency, p.Header.ParentAgency, p.Header.Place, p.Header.Province
	wb.PlanNumber, wb.Recipients, wb.Distribution = p.Document.Number, p.Header.Recipients, p.Header.Distribution
	wb.ReportNumber = at(infoReportNumber).Text
}

// reFormat turns one of this package's formats into a pattern that reads
// its %s back (and its %d, %02d as numbers): the whole text, or (prefix)
// its start.
func reFormat(format string, prefix bool) *regexp.Regexp {
	q := regexp.QuoteMeta(format)
	q = strings.NewReplacer("%s", "(.+?)", "%02d", `(\d+)`, "%d", `(\d+)`).Replace(q)
	if !prefix {
		q += "$"
	}
	return regexp.MustCompile("^" + q)
}

var (
	reSubtitle  = reFormat(sumSubtitle, false)
	reGroupRow  = reFormat(sumGroup, false)
	reContinued = reFormat(sumContinued, false)
	// The units line as workbooks say it, and as older ones said it.
	reUnitsLines = []*regexp.Regexp{reFormat(statUnitsTitle, true), reFormat(statUnitsTitleV1, true)}
)

// readSubtitle reads who sent a workbook written before "Thông tin chung"
// from its visible subtitle: "<period> — <body> tổng hợp theo Kế hoạch số
// <number> của <issuer>".
func readSubtitle(g *sheetGrid, wb *rollup.Workbook) {
	for r := 1; r <= min(4, len(g.cells)); r++ {
		m := reSubtitle.FindStringSubmatch(vi.NFC(strings.TrimSpace(g.at(1, r))))
		if m == nil {
			continue
		}
		ref := cell(1, r)
		s := wb.File
		s.Sheet = g.name
		s.Period = report.Value{Text: m[1], Cell: ref}
		wb.Issuing, wb.PlanNumber = m[2], m[3]
		s.Unit = report.Value{Text: m[4], Cell: ref}
		return
	}
}

// readSummaryRows reads the models of "Tổng hợp": the columns are found by
// their headings, group rows ("I" | "<name> (03 mô hình)") name the group
// of the rows under them.
func readSummaryRows(g *sheetGrid, wb *rollup.Workbook) {
	wb.ModelSheet = g.name
	want := map[report.Column]int{report.ColModel: 0, report.ColStatus: 0, report.ColProgress: 0, report.ColIndicator: 0, report.ColOverdue: 0}
	head := 0
	for r := 1; r <= min(12, len(g.cells)) && head == 0; r++ {
		for c := 1; c <= len(g.cells[r-1]); c++ {
			k := vi.Fold(g.at(c, r))
			for col := range want {
				if want[col] == 0 && (k == vi.Fold(col.Title()) || slices.ContainsFunc(summaryOldTitles[col], func(t string) bool { return k == vi.Fold(t) })) {
					want[col] = c
				}
			}
		}
		if want[report.ColModel] > 0 && want[report.ColStatus] > 0 {
			head = r
		}
	}
	if head == 0 {
		return
	}
	value := func(col report.Column, r int) report.Value {
		c := want[col]
		if c == 0 {
			return report.Value{}
		}
		return report.Value{Text: vi.NFC(strings.TrimSpace(g.at(c, r))), Cell: cell(c, r)}
	}
	code, name := "", ""
	modelTitle := vi.Fold(report.ColModel.Title())
	for r := head + 1; r <= len(g.cells); r++ {
		model := value(report.ColModel, r)
		if model.Text == "" || vi.Fold(model.Text) == modelTitle || reContinued.MatchString(model.Text) {
			continue // a model's results continued on a second row
		}
		if _, ok := report.ModelNumber(model.Text); !ok {
			if a := strings.TrimSpace(g.at(1, r)); a != "" && len(a) <= 6 {
				code, name = a, model.Text
				if m := reGroupRow.FindStringSubmatch(name); m != nil {
					name = m[1]
				}
				continue
			}
		}
		wb.Models = append(wb.Models, rollup.ModelRow{Line: r, GroupCode: code, GroupName: name, Model: model,
			Status: value(report.ColStatus, r), Progress: value(report.ColProgress, r),
			Indicator: value(report.ColIndicator, r), Overdue: value(report.ColOverdue, r)})
	}
}

// readDataRows reads "Dữ liệu" by its column names.
func readDataRows(g *sheetGrid, wb *rollup.Workbook) {
	if len(g.cells) == 0 {
		return
	}
	col := map[string]int{}
	for i, h := range g.cells[0] {
		col[strings.TrimSpace(h)] = i + 1
	}
	if col["mo_hinh"] == 0 {
		return
	}
	for r := 2; r <= len(g.cells); r++ {
		get := func(name string) string {
			if c := col[name]; c > 0 {
				return strings.TrimSpace(g.at(c, r))
			}
			return ""
		}
		wb.Data = append(wb.Data, rollup.DataRow{Line: r, Unit: get("ma_don_vi"), UnitName: get("don_vi"), Model: get("mo_hinh"),
			StatusKey: get("ma_tinh_trang"), Progress: get("tien_do"), Achieved: get("dat"), Total: get("tong"),
			IndicatorName: vi.NFC(get("chi_tieu")), IndicatorUnit: vi.NFC(get("don_vi_tinh")), IndicatorTarget: get("muc_chi_tieu"),
			Difficulty: vi.NFC(get("kho_khan")), Proposal: vi.NFC(get("de_xuat"))})
	}
	wb.HasOpinions = col["kho_khan"] > 0 && col["de_xuat"] > 0
}

// readUnitsLine reads the units that reported and were expected from
// "Thống kê": "… được dùng để tổng hợp (08/09)", or "Đơn vị đã báo cáo:
// 8/9." in older workbooks.
func readUnitsLine(g *sheetGrid, wb *rollup.Workbook) {
	for r := 1; r <= len(g.cells); r++ {
		text := vi.NFC(strings.TrimSpace(g.at(1, r)))
		for _, re := range reUnitsLines {
			if m := re.FindStringSubmatch(text); m != nil {
				wb.UnitsReported, _ = strconv.Atoi(m[1])
				wb.UnitsExpected, _ = strconv.Atoi(m[2])
				wb.UnitsFound = true
				return
			}
		}
	}
}

// ReadList reads a list kept in a workbook (a province's communes): the
// first text of each row of its first sheet, numbers (a TT column) left
// out; name is used in messages.
func ReadList(r io.Reader, name string) ([]string, error) {
	f, err := openReader(r)
	if err != nil {
		return nil, fmt.Errorf(msgListNotWorkbook, name)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf(msgListNotWorkbook, name)
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		return nil, fmt.Errorf(msgListNotWorkbook, name)
	}
	var out []string
	for _, row := range rows {
		for _, v := range row {
			v = strings.TrimSpace(v)
			if _, err := strconv.ParseFloat(v, 64); v != "" && err != nil {
				out = append(out, v)
				break
			}
		}
	}
	return out, nil
}
