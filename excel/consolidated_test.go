package excel

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/internal/metrics"
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/report"
)

// sampleConsolidation merges samples/tuan-48-2026, the README's first job.
func sampleConsolidation(t testing.TB) *report.Consolidation {
	t.Helper()
	p := defaultPlan(t)
	paths, _ := filepath.Glob(filepath.Join("..", "samples", "tuan-48-2026", "*.xlsx"))
	sort.Strings(paths)
	if len(paths) != 8 {
		t.Fatalf("%d sample files, want 8", len(paths))
	}
	c := report.Validate(p, Reader{}.ReadAll(paths), w48, time.Time{})
	return report.Consolidate(p, c, nil)
}

func consolidatedBytes(t testing.TB, c *report.Consolidation) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteConsolidated(&buf, c); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestConsolidatedGolden(t *testing.T) {
	c := sampleConsolidation(t)
	c.Signed = report.Signed{Number: 5, Date: vi.Day(2026, 11, 25)}
	b := consolidatedBytes(t, c)
	dump := dumpBytes(t, b)
	golden(t, "consolidated-2026-W48.txt", dump)
	for _, want := range []string{
		"Tổng hợp!C4=Phân công thực hiện", "Tổng hợp!C5=Chủ trì", "Tổng hợp!D5=Phối hợp", "Tổng hợp!E5=Đơn vị hỗ trợ",
		"Tổng hợp!A6=I", "Thống kê!A4=I", "Dữ liệu!A1=ky_bao_cao", "Dữ liệu!R1=chi_tieu",
		"Thông tin chung!A3=Cơ quan ban hành kế hoạch", "Thông tin chung!B3=UBND xã Cao Ngọc",
		"Thông tin chung!B16=05/BC-CAX", "Thông tin chung!B17=25/11/2026",
	} {
		if !strings.Contains(dump, want+"\n") {
			t.Errorf("dump lacks %q", want)
		}
	}
	f, _ := excelize.OpenReader(bytes.NewReader(b))
	defer f.Close()
	if sheets := f.GetSheetList(); strings.Join(sheets, ",") != "Tổng hợp,Thống kê,Kiểm tra,Dữ liệu,Thông tin chung" {
		t.Errorf("sheets = %v", sheets)
	}
	charts := 0
	f.Pkg.Range(func(k, _ any) bool {
		if strings.HasPrefix(k.(string), "xl/charts/chart") {
			charts++
		}
		return true
	})
	if charts != 1 {
		t.Errorf("%d charts, want 1", charts)
	}
	props, _ := f.GetCustomProps()
	got := map[string]any{}
	for _, p := range props {
		got[p.Name] = p.Value
	}
	if got["de06.kind"] != kindConsolidated || got["de06.issuer"] != "UBND xã Cao Ngọc" || got["de06.report_date"] != "2026-11-25" {
		t.Errorf("custom properties %v", got)
	}
	for _, sh := range []string{sheetSummary, sheetStats, sheetChecks, sheetInfo} {
		layout, _ := f.GetPageLayout(sh)
		if *layout.Orientation != "landscape" || layout.AdjustTo == nil || *layout.AdjustTo < 80 {
			t.Errorf("%s: page layout %+v, want landscape at 80 %% or more", sh, layout)
		}
	}
	// The data sheet, for programs, is hidden: never printed.
	if visible, _ := f.GetSheetVisible(sheetData); visible {
		t.Error("the data sheet is visible")
	}
}

// The data sheet reads back as the previous report: nothing changed.
func TestPreviousRoundTrip(t *testing.T) {
	c := sampleConsolidation(t)
	prev, err := ReadPrevious(bytes.NewReader(consolidatedBytes(t, c)), "prev.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	per, entries := prev.Period, prev.Entries
	if per != w48 {
		t.Errorf("period %v", per)
	}
	want := 0
	for _, u := range c.Expected {
		want += len(c.Plan.Assignments(u.ID))
	}
	if len(entries) != want {
		t.Errorf("%d entries, want %d (one per unit × model)", len(entries), want)
	}
	p := defaultPlan(t)
	paths, _ := filepath.Glob(filepath.Join("..", "samples", "tuan-48-2026", "*.xlsx"))
	again := report.Consolidate(p, report.Validate(p, Reader{}.ReadAll(paths), w48, time.Time{}), prev)
	for _, ms := range again.Models {
		if ms.Status != report.StatusNone && ms.Change() != "không đổi" {
			t.Errorf("model %d change = %q", ms.Model.Number, ms.Change())
		}
	}
}

// LibreOffice opens the consolidated workbook and prints it landscape.
func TestConsolidatedOpensInLibreOffice(t *testing.T) {
	pdfinfo := needTool(t, "pdfinfo")
	dir := t.TempDir()
	path := filepath.Join(dir, "tong-hop.xlsx")
	os.WriteFile(path, consolidatedBytes(t, sampleConsolidation(t)), 0o644)
	convert(t, "pdf", dir, path)
	info, err := exec.Command(pdfinfo, filepath.Join(dir, "tong-hop.pdf")).CombinedOutput()
	if err != nil || !strings.Contains(string(info), "841.89 x 595.") {
		t.Errorf("not landscape A4 (%v):\n%s", err, info)
	}
}

func TestReadPreviousErrors(t *testing.T) {
	dir := t.TempDir()
	tpl := filepath.Join(dir, "tpl.xlsx")
	os.WriteFile(tpl, writeTemplateBytes(t, defaultPlan(t), "cong-an", "2026-W48"), 0o644)
	bad := filepath.Join(dir, "bad.xlsx")
	os.WriteFile(bad, editWorkbook(t, consolidatedBytes(t, sampleConsolidation(t)), func(f *excelize.File) {
		f.SetCellStr(sheetData, "A2", "tuần 48")
	}), 0o644)
	pdfLike := filepath.Join(dir, "report.pdf")
	os.WriteFile(pdfLike, []byte("%PDF-1.4\n"), 0o644)
	for path, want := range map[string]string{tpl: `không có trang "Dữ liệu"`, bad: "dòng 2", pdfLike: "không phải tệp Excel"} {
		b, _ := os.ReadFile(path)
		if _, err := ReadPrevious(bytes.NewReader(b), filepath.Base(path)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", filepath.Base(path), err, want)
		}
	}
}

// BenchmarkMerge500 is the Wednesday job at scale: 500 unit files read in
// parallel, validated, consolidated and written as the workbook.
func BenchmarkMerge500(b *testing.B) {
	paths := benchFiles(b, 500)
	p := defaultPlan(b)
	// As the de06 command runs (cmd/de06 sets the same).
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		c := report.Validate(p, Reader{}.ReadAll(paths), w48, time.Time{})
		cons := report.Consolidate(p, c, nil)
		var buf bytes.Buffer
		if err := WriteConsolidated(&buf, cons); err != nil {
			b.Fatal(err)
		}
	}
}

// No word of a "Tổng hợp" cell is wider than its column, so none is cut in
// two when printed ("30/9/202 | 4" was).
func TestSummaryWordsFitTheirColumns(t *testing.T) {
	c := sampleConsolidation(t)
	for _, sc := range summaryColumns(c) {
		width := columnPoints(sc.width)*0.92 - cellPadding
		for _, ms := range c.Models {
			v, ok := summaryValue(sc.col, ms).(string)
			if !ok || sc.col == report.ColResult || sc.col == report.ColIssues || sc.col == report.ColModel {
				continue // long prose, with room
			}
			for _, w := range strings.Fields(v) {
				if metrics.Width(w, "", 12) > width {
					t.Errorf("column %s, model %d: %q is wider than the column", sc.col, ms.Model.Number, w)
				}
			}
		}
	}
}
