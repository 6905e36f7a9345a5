package excel

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

func readBytes(t testing.TB, b []byte, name string) *report.Submission {
	t.Helper()
	return Reader{Soffice: FindSoffice()}.Read(b, &report.Submission{Path: name, Name: name, Meta: map[string]string{}})
}

// check validates one submission for week 48 and returns the file result.
func check(t testing.TB, p *plan.Plan, s *report.Submission) *report.FileResult {
	t.Helper()
	return report.Validate(p, []*report.Submission{s}, plan.Period{Kind: plan.Weekly, Year: 2026, N: 48}, time.Time{}).Files[0]
}

func entryMap(fr *report.FileResult) map[int]report.Entry {
	m := map[int]report.Entry{}
	for _, e := range fr.Entries {
		m[e.Model.Number] = e
	}
	return m
}

func describe(e report.Entry) string {
	f := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprint(*p)
	}
	return fmt.Sprintf("%s|%s|%s/%s|%s|%s|%s", e.Status, f(e.Progress), f(e.Achieved), f(e.Total), e.Result, e.Difficulty, e.Proposal)
}

// wantEntries is what filledValues reads back as.
var wantEntries = map[int]string{
	1:  "Đang triển khai|75|40/-|Hướng dẫn 40 lượt người dân nộp hồ sơ trực tuyến||",
	5:  "Đang triển khai|60|-/-|Tuyên truyền cài đặt VNeID tại trạm||",
	6:  "Thực hiện thường xuyên|100|1/1|100% lượt khám dùng CCCD gắn chíp||",
	11: "Đã hoàn thành|100|-/-|Đã khai báo lưu trú qua ASM||",
	34: "Chưa triển khai|0|-/-||Chưa có hướng dẫn của ngành|Đề nghị Sở Y tế hướng dẫn",
	36: "Đang triển khai|30|-/-|Số hóa 120 hồ sơ sức khỏe||",
}

// withEntry is wantEntries with model n's entry replaced.
func withEntry(n int, entry string) map[int]string {
	m := maps.Clone(wantEntries)
	m[n] = entry
	return m
}

func assertEntries(t *testing.T, fr *report.FileResult, want map[int]string) {
	t.Helper()
	got := entryMap(fr)
	for n, w := range want {
		e, ok := got[n]
		if !ok {
			t.Errorf("model %d: no entry (findings %v)", n, fr.Findings)
			continue
		}
		if d := describe(e); d != w {
			t.Errorf("model %d:\n got %s\nwant %s", n, d, w)
		}
	}
}

func TestReadFilledTemplate(t *testing.T) {
	p := defaultPlan(t)
	s := readBytes(t, filledTemplate(t, p, "tram-y-te", filledValues()), "tram-y-te-2026-W48.xlsx")
	fr := check(t, p, s)
	if len(fr.Findings) != 0 || !fr.Accepted {
		t.Fatalf("findings %v, accepted %v", fr.Findings, fr.Accepted)
	}
	if fr.Unit.ID != "tram-y-te" || s.Reporter.Text != "Lê Thị Hoa" || s.Phone.Text != "0912 345 678" {
		t.Errorf("header: unit %v reporter %q phone %q", fr.Unit, s.Reporter.Text, s.Phone.Text)
	}
	if fr.ReportDate == nil || vi.FormatDate(*fr.ReportDate) != "25/11/2026" {
		t.Errorf("report date = %v", fr.ReportDate)
	}
	if s.Meta["unit_id"] != "tram-y-te" || s.Meta["period"] != "2026-W48" || s.Meta["template_version"] != report.TemplateVersion {
		t.Errorf("meta = %v", s.Meta)
	}
	assertEntries(t, fr, wantEntries)
}

// What Excel and LibreOffice users do to a file, and what must still read.
func TestReadTolerance(t *testing.T) {
	p := defaultPlan(t)
	base := filledTemplate(t, p, "tram-y-te", filledValues())
	sh := sheetReport
	tests := []struct {
		name  string
		edit  func(f *excelize.File)
		want  map[int]string
		codes []report.Code // warnings expected
	}{
		{"columns moved", func(f *excelize.File) {
			f.InsertCols(sh, "E", 1) // a new column before Tình trạng
			f.SetCellStr(sh, "E10", "Ghi chú riêng")
		}, wantEntries, nil},
		{"rows inserted", func(f *excelize.File) {
			f.InsertRows(sh, 12, 2)
			f.InsertRows(sh, 3, 1)
		}, wantEntries, nil},
		{"status typed by hand", func(f *excelize.File) {
			f.SetCellStr(sh, "E14", "hoan thanh") // model 11
			f.SetCellStr(sh, "E11", "ĐANG THỰC HIỆN")
		}, map[int]string{11: "Đã hoàn thành|100|-/-|Đã khai báo lưu trú qua ASM||", 1: "Đang triển khai|75|40/-|Hướng dẫn 40 lượt người dân nộp hồ sơ trực tuyến||"}, []report.Code{report.StatusInvalid}},
		{"progress as percent and fraction", func(f *excelize.File) {
			f.SetCellStr(sh, "F11", "75%")
			f.SetCellFloat(sh, "F12", 0.6, -1, 64)
			pct, _ := f.NewStyle(&excelize.Style{NumFmt: 9})
			f.SetCellFloat(sh, "F16", 0.3, -1, 64)
			f.SetCellStyle(sh, "F16", "F16", pct)
		}, wantEntries, []report.Code{report.ProgressInvalid}}, // 0.6 read as 60 %, said
		{"formulas, cached or not", func(f *excelize.File) {
			f.SetCellFormula(sh, "F11", "=50+25")
			f.SetCellFormula(sh, "H11", "=20*2")
		}, wantEntries, nil},
		{"date as text", func(f *excelize.File) { f.SetCellStr(sh, "C6", "25/11/2026") }, wantEntries, nil},
		{"decomposed text and spaces", func(f *excelize.File) {
			f.SetCellStr(sh, "J12", "  Tuyên truyê\u0300n ca\u0300i đặt VNeID ta\u0323i tra\u0323m  ")
			f.SetCellStr(sh, "E12", "Đang triê\u0309n khai")
		}, wantEntries, nil},
		{"merged cells", func(f *excelize.File) {
			f.SetCellStr(sh, "E11", "Đang triển khai")
			f.MergeCell(sh, "E11", "E12") // one status for two models
		}, map[int]string{5: "Đang triển khai|60|-/-|Tuyên truyền cài đặt VNeID tại trạm||"}, nil},
		{"legacy TCVN3 text", func(f *excelize.File) {
			f.SetCellStr(sh, "K15", "Ch­a cã h­íng dÉn cña ngµnh")
			vn, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: ".VnTime"}})
			f.SetCellStyle(sh, "K15", "K15", vn)
		}, wantEntries, []report.Code{report.TextLegacy}},
		{"legacy VNI text", func(f *excelize.File) { f.SetCellStr(sh, "L15", "Ñeà nghò Sôû Y teá höôùng daãn") }, wantEntries, []report.Code{report.TextLegacy}},
		{"thousands separators", func(f *excelize.File) { f.SetCellStr(sh, "H11", "1.250") }, withEntry(1, "Đang triển khai|75|1250/-|Hướng dẫn 40 lượt người dân nộp hồ sơ trực tuyến||"), nil},
		{"decimal comma", func(f *excelize.File) { f.SetCellStr(sh, "H11", "12,5") }, withEntry(1, "Đang triển khai|75|12.5/-|Hướng dẫn 40 lượt người dân nộp hồ sơ trực tuyến||"), nil},
		{"stray sheet", func(f *excelize.File) { f.NewSheet("Sheet2"); f.SetCellStr("Sheet2", "A1", "nháp") }, wantEntries, []report.Code{report.SheetExtra}},
		{"metadata gone", func(f *excelize.File) { f.DeleteSheet(sheetMeta) }, wantEntries, nil},
		{"report sheet renamed", func(f *excelize.File) { f.SetSheetName(sh, "Sheet1") }, wantEntries, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := readBytes(t, editWorkbook(t, base, tt.edit), "x.xlsx")
			fr := check(t, p, s)
			errs, _ := fr.Counts()
			if errs > 0 {
				t.Fatalf("errors: %v", fr.Findings)
			}
			assertEntries(t, fr, tt.want)
			for _, code := range tt.codes {
				found := false
				for _, f := range fr.Findings {
					found = found || f.Code == code
				}
				if !found {
					t.Errorf("no %s warning: %v", code, fr.Findings)
				}
			}
			if len(tt.codes) == 0 && len(fr.Findings) > 0 {
				t.Errorf("unexpected findings: %v", fr.Findings)
			}
		})
	}
}

// A filled template saved by LibreOffice (another program than excelize)
// reads the same, as .xlsx and as .xls.
func TestReadAfterLibreOffice(t *testing.T) {
	p := defaultPlan(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "src", "tram-y-te-2026-W48.xlsx")
	os.MkdirAll(filepath.Dir(src), 0o755)
	os.WriteFile(src, filledTemplate(t, p, "tram-y-te", filledValues()), 0o644)
	for _, format := range []string{"xlsx", "xls", "ods"} {
		out := filepath.Join(dir, format)
		convert(t, format, out, src)
		path := filepath.Join(out, "tram-y-te-2026-W48."+format)
		s := Reader{Soffice: FindSoffice()}.ReadFile(path)
		fr := check(t, p, s)
		if errs, _ := fr.Counts(); errs > 0 || !fr.Accepted {
			t.Fatalf("%s: %v", format, fr.Findings)
		}
		assertEntries(t, fr, wantEntries)
		if format != "xlsx" {
			code := report.FileLegacyXLS
			if format == "ods" {
				code = report.FileODS
			}
			if len(fr.Findings) == 0 || fr.Findings[0].Code != code || fr.Findings[0].Severity != report.Warning {
				t.Errorf("%s: want a %s warning, got %v", format, code, fr.Findings)
			}
		}
	}
}

// Each malformed file in testdata/malformed gets its own finding code.
func TestReadMalformed(t *testing.T) {
	tests := map[string]report.Code{
		"empty.xlsx":         report.FileUnreadable,
		"csv-renamed.xlsx":   report.FileUnreadable,
		"truncated.xlsx":     report.FileUnreadable,
		"zip-bomb.xlsx":      report.FileTooLarge,
		"encrypted.xlsx":     report.FileEncrypted,
		"no-sheets.xlsx":     report.FileUnreadable,
		"not-a-report.xlsx":  report.FileNotTemplate,
		"word-document.xlsx": report.FileUnreadable,
		"legacy.xls":         report.FileLegacyXLS,
		"too-many-rows.xlsx": report.FileTooLarge,
	}
	for name, code := range tests {
		t.Run(name, func(t *testing.T) {
			rd := Reader{} // no LibreOffice: .xls must say how to fix it
			s := rd.ReadFile(filepath.Join("testdata", "malformed", name))
			if len(s.Findings) == 0 {
				t.Fatalf("no finding for %s", name)
			}
			f := s.Findings[0]
			if f.Code != code || f.Severity != report.Error || f.Message == "" || f.Hint == "" || f.File != name {
				t.Errorf("finding = %+v, want an error %s with message and hint", f, code)
			}
		})
	}
	s := Reader{}.ReadFile(filepath.Join("testdata", "malformed", "does-not-exist.xlsx"))
	if len(s.Findings) != 1 || !strings.Contains(s.Findings[0].Message, "không có tệp hoặc thư mục này") {
		t.Errorf("missing file: %v", s.Findings)
	}
}
