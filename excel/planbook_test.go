package excel

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/plan"
)

var w48 = plan.Period{Kind: plan.Weekly, Year: 2026, N: 48}

func defaultPlanErr() (*plan.Plan, error) { return plan.Default() }

func defaultPlan(t testing.TB) *plan.Plan {
	t.Helper()
	p, err := plan.Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPlanWorkbookRoundTrip(t *testing.T) {
	p := defaultPlan(t)
	p.Header.Confirmed = true    // the officer's mark goes there and back
	p.Level = plan.LevelProvince // and the plan's level
	var wb1, wb2, j1, j2 bytes.Buffer
	if err := WritePlan(&wb1, p); err != nil {
		t.Fatal(err)
	}
	q, err := ReadPlan(bytes.NewReader(wb1.Bytes()), "ke-hoach.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	plan.EncodeJSON(&j1, p)
	plan.EncodeJSON(&j2, q)
	if j1.String() != j2.String() {
		t.Error("plan → workbook → plan changed the plan")
	}
	if err := WritePlan(&wb2, q); err != nil {
		t.Fatal(err)
	}
	d1, d2 := dumpBytes(t, wb1.Bytes()), dumpBytes(t, wb2.Bytes())
	if d1 != d2 {
		t.Error("workbook → plan → workbook changed the workbook")
	}
	if q.Level != plan.LevelProvince {
		t.Errorf("read back as a plan of level %q", q.Level)
	}
	if !q.Header.Confirmed || q.Header.Province != "tỉnh Thanh Hóa" || q.Model(37).Indicator.Counted != "đối tượng" {
		t.Errorf("read back: confirmed %v, province %q, counted %q", q.Header.Confirmed, q.Header.Province, q.Model(37).Indicator.Counted)
	}
	for _, want := range []string{"Kế hoạch!A4=I", "Kế hoạch!C4=Nhóm tiện ích phục vụ giải quyết TTHC", "Đơn vị!A2=cong-an", "Thông tin chung!A2=Mã kế hoạch",
		"Thông tin chung!B3=Tỉnh", "Thông tin chung!B19=Có"} {
		if !strings.Contains(d1, want) {
			t.Errorf("workbook dump lacks %q", want)
		}
	}
}

// A plan workbook written before plans had a level (no such row) is a
// commune's.
func TestPlanWorkbookWithoutLevel(t *testing.T) {
	p := defaultPlan(t)
	p.Level = plan.LevelProvince
	var wb bytes.Buffer
	if err := WritePlan(&wb, p); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(wb.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue(sheetHeader, "A3"); v != hdrLevel {
		t.Fatalf("row 3 holds %q", v)
	}
	if err := f.RemoveRow(sheetHeader, 3); err != nil {
		t.Fatal(err)
	}
	var old bytes.Buffer
	f.WriteTo(&old)
	q, err := ReadPlan(bytes.NewReader(old.Bytes()), "cu.xlsx")
	if err != nil || q.Level != plan.LevelCommune {
		t.Errorf("an old plan workbook: level %q, %v", q.Level, err)
	}
}

func dumpBytes(t testing.TB, b []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sb strings.Builder
	if err := Dump(&sb, f); err != nil {
		t.Fatal(err)
	}
	return sb.String()
}

func TestReadPlanErrors(t *testing.T) {
	p := defaultPlan(t)
	var wb bytes.Buffer
	WritePlan(&wb, p)
	edit := func(fn func(f *excelize.File)) []byte {
		f, _ := excelize.OpenReader(bytes.NewReader(wb.Bytes()))
		fn(f)
		var out bytes.Buffer
		f.WriteTo(&out)
		return out.Bytes()
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not a workbook", []byte("TT,Số mô hình\n1,1\n"), "không phải tệp Excel"},
		{"bad number", edit(func(f *excelize.File) { f.SetCellStr(sheetPlan, "B6", "ba") }), `trang "Kế hoạch", ô B6 (Số mô hình): giá trị "ba"`},
		{"bad deadline", edit(func(f *excelize.File) { f.SetCellStr(sheetPlan, "J6", "sớm") }), `mô hình 3, trường deadline`},
		{"no plan sheet", edit(func(f *excelize.File) { f.SetSheetName(sheetPlan, "Khác") }), `không có trang "Kế hoạch"`},
		{"bad reports flag", edit(func(f *excelize.File) { f.SetCellStr(sheetUnits, "D3", "hmm") }), `trang "Đơn vị", ô D3`},
		{"bad confirmation", edit(func(f *excelize.File) { f.SetCellStr(sheetHeader, "B19", "rồi") }), `trang "Thông tin chung", ô B19`},
		{"bad level", edit(func(f *excelize.File) { f.SetCellStr(sheetHeader, "B3", "Huyện") }), `trang "Thông tin chung", ô B3 (Cấp của kế hoạch`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadPlan(bytes.NewReader(tt.data), "ke-hoach.xlsx")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}
