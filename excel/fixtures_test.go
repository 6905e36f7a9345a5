package excel

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/internal/formfill"
	"github.com/caongoc/de06/plan"
)

// filledValues is a realistic report of Trạm y tế xã for week 48.
func filledValues() formfill.Values {
	d := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	return formfill.Values{
		ReportDate: &d, Reporter: "Lê Thị Hoa", Phone: "0912 345 678",
		Rows: map[int]formfill.Row{
			1:  {Status: "Đang triển khai", Progress: 75, Achieved: 40, Result: "Hướng dẫn 40 lượt người dân nộp hồ sơ trực tuyến"},
			5:  {Status: "Đang triển khai", Progress: 60, Result: "Tuyên truyền cài đặt VNeID tại trạm"},
			6:  {Status: "Thực hiện thường xuyên", Progress: 100, Achieved: 1, Total: 1, Result: "100% lượt khám dùng CCCD gắn chíp"},
			11: {Status: "Đã hoàn thành", Progress: 100, Result: "Đã khai báo lưu trú qua ASM"},
			34: {Status: "Chưa triển khai", Progress: 0, Difficulty: "Chưa có hướng dẫn của ngành", Proposal: "Đề nghị Sở Y tế hướng dẫn"},
			36: {Status: "Đang triển khai", Progress: 30, Result: "Số hóa 120 hồ sơ sức khỏe"},
		},
	}
}

// filledTemplate returns the bytes of a filled template.
func filledTemplate(t testing.TB, p *plan.Plan, unit string, v formfill.Values) []byte {
	t.Helper()
	tpl := writeTemplateBytes(t, p, unit, "2026-W48")
	var out bytes.Buffer
	if err := formfill.Fill(&out, tpl, v); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// editWorkbook opens b, applies fn, and returns the saved bytes.
func editWorkbook(t testing.TB, b []byte, fn func(f *excelize.File)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fn(f)
	var out bytes.Buffer
	if _, err := f.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
