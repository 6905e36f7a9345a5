package excel

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/rollup"
)

// sampleCommuneBytes is the sample week's consolidated workbook, signed as
// report 05 of 25/11/2026.
func sampleCommuneBytes(t testing.TB) []byte {
	t.Helper()
	c := sampleConsolidation(t)
	c.Signed = report.Signed{Number: 5, Date: vi.Day(2026, 11, 25)}
	return consolidatedBytes(t, c)
}

func communeOf(t testing.TB, rd Reader, b []byte, name string) *rollup.Workbook {
	t.Helper()
	return rd.ReadCommune(b, &report.Submission{Path: name, Name: name})
}

func TestReadCommune(t *testing.T) {
	wb := communeOf(t, Reader{}, sampleCommuneBytes(t), "cao-ngoc.xlsx")
	s := wb.File
	if wb.Kind != rollup.KindConsolidated || len(s.Findings) != 0 {
		t.Fatalf("kind %v, findings %v", wb.Kind, s.Findings)
	}
	if s.Unit.Text != "UBND xã Cao Ngọc" || s.Unit.Cell != "B3" || s.Sheet != sheetInfo || s.ReportDate.Text != "25/11/2026" ||
		wb.ReportNumber != "05/BC-CAX" || wb.Issuing != "Công an xã Cao Ngọc" || wb.Parent != "Công an huyện Ngọc Lặc" || wb.PlanNumber != "39/KH-UBND" {
		t.Errorf("identity: %+v %+v", s, wb)
	}
	if p, ok := plan.ReadPeriod(s.Period.Text); !ok || p != w48 || s.Meta["period"] != "2026-W48" || s.Meta["kind"] != kindConsolidated {
		t.Errorf("period %q, meta %v", s.Period.Text, s.Meta)
	}
	if len(wb.Models) != 20 || wb.Models[0].GroupCode != "I" || wb.Models[0].Model.Text != "Mô hình 1: Triển khai 53 DVC thiết yếu theo Đề án 06" ||
		wb.Models[0].Status.Text != "Đang triển khai" || wb.Models[0].Progress.Text != "78.8" || wb.Models[0].Status.Cell != "H7" {
		t.Errorf("models: %d, first %+v", len(wb.Models), wb.Models[0])
	}
	if wb.UnitsReported != 8 || wb.UnitsExpected != 9 || !wb.UnitsFound || wb.Warnings == 0 || wb.Errors != 0 {
		t.Errorf("units %d/%d, checks %d/%d", wb.UnitsReported, wb.UnitsExpected, wb.Errors, wb.Warnings)
	}
	if len(wb.Data) == 0 || wb.Data[0].IndicatorUnit != "DVC" {
		t.Errorf("data: %d rows, first %+v", len(wb.Data), wb.Data)
	}
	// What the domain makes of it equals the commune's own "Thống kê".
	c := rollup.Examine(wb)
	by, overdue := c.ModelCounts()
	if by[report.StatusDone] != 3 || by[report.StatusRecurring] != 5 || by[report.StatusInProgress] != 10 || by[report.StatusNotStarted] != 1 ||
		by[report.StatusNone] != 1 || overdue != 5 || c.Name != "Xã Cao Ngọc" {
		t.Errorf("counts %v, overdue %d, name %q", by, overdue, c.Name)
	}
}

// The one-pass reader and excelize read the same from every commune
// workbook: de06's own, one without the new sheet, and a unit's report.
func TestReadCommuneFastEqualsExcelize(t *testing.T) {
	inputs := map[string][]byte{
		"cao-ngoc.xlsx": sampleCommuneBytes(t),
		"cu.xlsx":       oldCommuneBytes(t),
		"don-vi.xlsx":   filledTemplate(t, defaultPlan(t), "tram-y-te", filledValues()),
		// An escaped character, which excelize decodes: for excelize.
		"escape.xlsx": editWorkbook(t, sampleCommuneBytes(t), func(f *excelize.File) { f.SetCellStr(sheetData, "K2", "a_x0041_b") }),
	}
	fast := 0
	for name, b := range inputs {
		want := communeOf(t, Reader{path: pathExcelize}, b, name)
		got := communeOf(t, Reader{path: pathFast}, b, name)
		if got == nil {
			continue // not for the fast reader
		}
		fast++
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: fast %+v\nexcelize %+v", name, got, want)
		}
	}
	if fast < 2 {
		t.Errorf("only %d workbooks took the fast path", fast)
	}
}

// oldCommuneBytes is a consolidated workbook as written before "Thông tin
// chung" and its properties: who sent it is only in the subtitle.
func oldCommuneBytes(t testing.TB) []byte {
	return editWorkbook(t, sampleCommuneBytes(t), func(f *excelize.File) {
		if err := f.DeleteSheet(sheetInfo); err != nil {
			t.Fatal(err)
		}
		props, _ := f.GetCustomProps()
		for _, p := range props {
			f.SetCustomProps(excelize.CustomProperty{Name: p.Name})
		}
		rows, _ := f.GetRows(sheetData)
		for r := 1; r <= len(rows); r++ {
			for _, c := range []string{"P", "Q", "R"} {
				f.SetCellValue(sheetData, c+itoa(r), nil)
			}
		}
	})
}

func TestReadOldCommune(t *testing.T) {
	wb := communeOf(t, Reader{}, oldCommuneBytes(t), "cu.xlsx")
	s := wb.File
	if wb.Kind != rollup.KindConsolidated || s.Unit.Text != "UBND xã Cao Ngọc" || s.Unit.Cell != "A2" || wb.Issuing != "Công an xã Cao Ngọc" ||
		wb.PlanNumber != "39/KH-UBND" || s.ReportDate.Text != "" || len(wb.Models) != 20 {
		t.Fatalf("old workbook: %+v, %d models", s, len(wb.Models))
	}
	if p, ok := plan.ReadPeriod(s.Period.Text); !ok || p != w48 {
		t.Errorf("period %q", s.Period.Text)
	}
	// Its indicators are read from "Tổng hợp".
	c := rollup.Examine(wb)
	if l := c.Lines[0]; l.Indicator == nil || l.Indicator.Unit != "DVC" || *l.Indicator.Target != 53 || *l.Achieved != 50 {
		t.Errorf("model 1: %+v", l)
	}
}

func TestReadCommuneKinds(t *testing.T) {
	var planBook bytes.Buffer
	if err := WritePlan(&planBook, defaultPlan(t)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		b    []byte
		kind rollup.Kind
		code report.Code
	}{
		{"don-vi.xlsx", filledTemplate(t, defaultPlan(t), "tram-y-te", filledValues()), rollup.KindUnitReport, ""},
		{"ke-hoach.xlsx", planBook.Bytes(), rollup.KindOther, ""},
		{"hong.xlsx", sampleCommuneBytes(t)[:4000], rollup.KindOther, report.FileUnreadable},
		{"rong.xlsx", nil, rollup.KindOther, report.FileUnreadable},
		{"thu.xlsx", []byte("Kính gửi: …"), rollup.KindOther, report.FileUnreadable},
	} {
		wb := communeOf(t, Reader{}, tc.b, tc.name)
		code := report.Code("")
		if len(wb.File.Findings) > 0 {
			code = wb.File.Findings[0].Code
		}
		if wb.Kind != tc.kind || code != tc.code {
			t.Errorf("%s: kind %v, finding %q; want %v, %q", tc.name, wb.Kind, code, tc.kind, tc.code)
		}
	}
}

// A workbook re-saved by LibreOffice reads the same as de06 wrote it.
func TestReadCommuneSavedByLibreOffice(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "cao-ngoc.xlsx")
	os.MkdirAll(filepath.Dir(in), 0o755)
	b := sampleCommuneBytes(t)
	if err := os.WriteFile(in, b, 0o644); err != nil {
		t.Fatal(err)
	}
	convert(t, "xlsx:Calc MS Excel 2007 XML", dir, in)
	saved := Reader{}.ReadCommuneFile(filepath.Join(dir, "cao-ngoc.xlsx"))
	orig := communeOf(t, Reader{}, b, "cao-ngoc.xlsx")
	a, o := rollup.Examine(saved), rollup.Examine(orig)
	if len(a.Findings) != 0 || a.Name != o.Name || a.Number != o.Number || !reflect.DeepEqual(a.Lines, o.Lines) ||
		a.UnitsReported != o.UnitsReported || a.Warnings != o.Warnings || a.Sub.Meta["issuer"] != "UBND xã Cao Ngọc" {
		t.Errorf("saved by LibreOffice: %+v\nas written: %+v", a, o)
	}
	if *a.ReportDate != *o.ReportDate || a.Sub.Period.Text != o.Sub.Period.Text {
		t.Errorf("date %v, period %q", a.ReportDate, a.Sub.Period.Text)
	}
}

// A province's list kept in a workbook: the first text of each row, a TT
// column left out.
func TestReadList(t *testing.T) {
	f := excelize.NewFile()
	for i, row := range [][]any{{"STT", "Tên xã, phường"}, {1, "Xã Minh Sơn"}, {2, "Phường Hạc Thành", "ghi chú"}, {nil, nil}, {3, "Xã Ngọc Lặc"}} {
		f.SetSheetRow("Sheet1", cell(1, i+1), &row)
	}
	var b bytes.Buffer
	f.WriteTo(&b)
	got, err := ReadList(bytes.NewReader(b.Bytes()), "xa.xlsx")
	if err != nil || strings.Join(got, "|") != "STT|Xã Minh Sơn|Phường Hạc Thành|Xã Ngọc Lặc" {
		t.Errorf("ReadList = %q, %v", got, err)
	}
	if _, err := ReadList(strings.NewReader("Xã Minh Sơn"), "xa.xlsx"); err == nil || !strings.Contains(err.Error(), "xa.xlsx") {
		t.Errorf("a text file as a workbook: %v", err)
	}
}

// A commune's workbook written before the progress column said whose
// estimate it is ("Tiến độ (%)") still gives its progress to the roll-up.
func TestReadCommuneOldProgressTitle(t *testing.T) {
	b := editWorkbook(t, sampleCommuneBytes(t), func(f *excelize.File) {
		rows, _ := f.GetRows(sheetSummary)
		for r, row := range rows {
			for c, v := range row {
				if v == report.ColProgress.Title() {
					f.SetCellValue(sheetSummary, cell(c+1, r+1), "Tiến độ (%)")
					return
				}
			}
		}
		t.Fatal("no progress column")
	})
	for _, rd := range []Reader{{path: pathFast}, {path: pathExcelize}} {
		wb := communeOf(t, rd, b, "cu.xlsx")
		if len(wb.Models) == 0 || wb.Models[0].Progress.Text != "78.8" {
			t.Errorf("%+v: first model %+v", rd, wb.Models)
		}
	}
}
