package excel

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/rollup"
)

// communeBytes consolidates the sample week as commune name's (its plan's
// issuer, reporting body and place say so), without the units' files at
// the given indexes, its plan changed by edit.
func communeBytes(t testing.TB, subs []*report.Submission, name string, drop []int, edit func(*plan.Plan)) []byte {
	t.Helper()
	p := defaultPlan(t)
	p.Document.Issuer = "UBND xã " + name
	p.Header.IssuingAgency, p.Header.Place = "Công an xã "+name, name
	p.Header.ParentAgency = "Công an tỉnh Thanh Hóa"
	p.Header.Recipients = []string{"Tổ công tác Đề án 06 tỉnh Thanh Hóa"}
	if edit != nil {
		edit(p)
	}
	var keep []*report.Submission
	for i, s := range subs {
		if !contains(drop, i) {
			keep = append(keep, s)
		}
	}
	c := report.Consolidate(p, report.Validate(p, keep, w48, time.Time{}), nil)
	c.Signed = report.Signed{Number: 3 + len(drop), Date: vi.Day(2026, 11, 25)}
	return consolidatedBytes(t, c)
}

func contains(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// provinceRollup rolls up four communes of a province of five: one sent
// nothing, one counts model 1's DVC in another unit, one sent a workbook
// written before "Thông tin chung".
func provinceRollup(t testing.TB) (*rollup.Rollup, map[string][]byte) {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "samples", "tuan-48-2026", "*.xlsx"))
	sort.Strings(paths)
	subs := Reader{}.ReadAll(paths)
	books := map[string][]byte{
		"minh-son.xlsx": communeBytes(t, subs, "Minh Sơn", nil, nil),
		"ngoc-lac.xlsx": communeBytes(t, subs, "Ngọc Lặc", []int{1}, nil),
		"hac-thanh.xlsx": communeBytes(t, subs, "Hạc Thành", []int{2, 5}, func(p *plan.Plan) {
			p.Document.Issuer, p.Header.IssuingAgency = "UBND phường Hạc Thành", "Công an phường Hạc Thành"
			p.Model(1).Indicator.Unit = "dịch vụ"
		}),
	}
	books["thach-lap.xlsx"] = editWorkbook(t, communeBytes(t, subs, "Thạch Lập", []int{0, 3, 4}, nil), func(f *excelize.File) {
		f.DeleteSheet(sheetInfo)
	})
	pl := defaultPlan(t)
	pl.Header = plan.Header{ParentAgency: "UBND tỉnh Thanh Hóa", IssuingAgency: "Công an tỉnh Thanh Hóa", Place: "Thanh Hóa", Symbol: "BC-CAT"}
	pl.Document.Issuer, pl.Document.Number = "UBND tỉnh Thanh Hóa", "120/KH-UBND"
	pv := rollup.NewProvince(pl, []string{"Xã Minh Sơn", "Xã Ngọc Lặc", "Phường Hạc Thành", "Xã Thạch Lập", "Xã Kiên Thọ"})
	var names []string
	for n := range books {
		names = append(names, n)
	}
	sort.Strings(names)
	var cs []*rollup.Commune
	for _, n := range names {
		cs = append(cs, rollup.Examine(Reader{}.ReadCommune(books[n], &report.Submission{Path: n, Name: n})))
	}
	r := rollup.Roll(pv, rollup.Check(pv, cs, w48))
	r.Signed = report.Signed{Number: 12, Date: vi.Day(2026, 11, 27)}
	return r, books
}

func TestProvinceGolden(t *testing.T) {
	r, books := provinceRollup(t)
	var buf bytes.Buffer
	if err := WriteProvince(&buf, r); err != nil {
		t.Fatal(err)
	}
	dump := dumpBytes(t, buf.Bytes())
	golden(t, "province-2026-W48.txt", dump)
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := strings.Join(f.GetSheetList(), ","); sheets != "Các xã,Các mô hình,Xã chưa gửi,Ý kiến các xã,Kiểm tra,Dữ liệu,Thông tin chung" {
		t.Errorf("sheets %s", sheets)
	}
	// Each commune's counts are its own "Thống kê" totals.
	rows, _ := f.GetRows(sheetCommunes)
	byName := map[string][]string{}
	for _, row := range rows[4:] {
		if len(row) > 1 {
			byName[row[1]] = row
		}
	}
	for file, name := range map[string]string{"minh-son.xlsx": "Xã Minh Sơn", "ngoc-lac.xlsx": "Xã Ngọc Lặc", "hac-thanh.xlsx": "Phường Hạc Thành", "thach-lap.xlsx": "Xã Thạch Lập"} {
		own := statsTotals(t, books[file])
		got := byName[name]
		if len(got) < 12 || strings.Join(got[5:12], ",") != own {
			t.Errorf("%s: province row %q, its own Thống kê %s", name, got, own)
		}
	}
	if row := byName["Xã Kiên Thọ"]; len(row) < 3 || row[2] != provNotSent {
		t.Errorf("Kiên Thọ: %q", row)
	}
	// The data sheet reads back as a commune's would.
	prev, err := ReadPrevious(bytes.NewReader(buf.Bytes()), "tinh.xlsx")
	if err != nil || prev.Period != w48 || len(prev.Entries) != 80 {
		t.Errorf("read back: %v, %+v", err, prev)
	}
}

// statsTotals is the "Cộng" row of a consolidated workbook's "Thống kê":
// models, each status, overdue.
func statsTotals(t testing.TB, b []byte) string {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(sheetStats)
	for _, row := range rows {
		if len(row) > 7 && row[0] == statTotal {
			return strings.Join(row[1:8], ",")
		}
	}
	return fmt.Sprint("no totals in ", rows)
}
