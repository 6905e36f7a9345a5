package rollup

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/caongoc/de06/report"
)

func TestExamine(t *testing.T) {
	unitReport := book("tram-y-te.xlsx", "UBND xã Minh Sơn", w48)
	unitReport.Kind = KindUnitReport
	other := book("danh-ba.xlsx", "UBND xã Minh Sơn", w48)
	other.Kind = KindOther
	broken := book("hong.xlsx", "UBND xã Minh Sơn", w48)
	broken.File.Add(report.Error, report.FileUnreadable, "", "", "tệp bị hỏng", "")
	empty := book("trong.xlsx", "UBND xã Minh Sơn", w48)
	withErrors := book("loi.xlsx", "UBND xã Minh Sơn", w48, row{model: 1, status: "Đang triển khai"})
	withErrors.Errors, withErrors.Warnings = 2, 5
	odd := book("la.xlsx", "UBND xã Minh Sơn", w48, row{model: 1, status: "tốt"}, row{model: 1, status: "Đã hoàn thành"})
	odd.Models = append(odd.Models, ModelRow{Model: report.Value{Text: "Ghi chú"}})
	for _, tc := range []struct {
		name string
		wb   *Workbook
		want []string
	}{
		{"a unit's report", unitReport, []string{"error:file.not-consolidated"}},
		{"not de06's", other, []string{"error:file.not-consolidated"}},
		{"the reader's error stands", broken, []string{"error:file.unreadable"}},
		{"no model rows", empty, []string{"error:file.not-consolidated"}},
		{"the commune's own errors", withErrors, []string{"warning:consolidation.errors"}},
		{"unreadable rows", odd, []string{"warning:status.invalid", "warning:model.duplicate", "warning:model.unknown"}},
	} {
		c := Examine(tc.wb)
		if got := codes(c.Findings); !slices.Equal(got, tc.want) {
			t.Errorf("%s: findings %q, want %q", tc.name, got, tc.want)
		}
		for _, f := range c.Findings {
			if f.File != tc.wb.File.Name || f.Message == "" {
				t.Errorf("%s: finding %+v lacks its file or message", tc.name, f)
			}
		}
	}
}

func TestExamineReadsLines(t *testing.T) {
	wb := book("minh-son.xlsx", "UBND xã Minh Sơn", w48,
		row{model: 1, status: "Đang triển khai", progress: "78.8", overdue: true},
		row{model: 3, status: "Đã hoàn thành", progress: "100", achieved: "22", indName: "DVC không sử dụng hồ sơ giấy", indUnit: "DVC", indTarget: "20"},
		row{model: 24, status: "Chưa báo cáo", achieved: "4512", total: "5130", indicator: "4.512/5.130 (88%)"},
		row{model: 6, status: "Thực hiện thường xuyên", indicator: "50/53 DVC (94,3%)"},
	)
	// A second unit's figures for model 3 add up.
	wb.Data = append(wb.Data, DataRow{Unit: "tram-y-te", Model: "3", StatusKey: "none", Achieved: "1"})
	wb.File.ReportDate = report.Value{Text: "25/11/2026"}
	c := Examine(wb)
	if len(c.Findings) != 0 {
		t.Fatalf("findings %v", c.Findings)
	}
	if c.Name != "Xã Minh Sơn" || c.ReportDate == nil || !c.ReportDate.Equal(time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("name %q, date %v", c.Name, c.ReportDate)
	}
	l := c.Lines
	if len(l) != 4 || l[0].Status != report.StatusInProgress || *l[0].Progress != 78.8 || !l[0].Overdue || l[0].Title != "Mô hình số 1" {
		t.Fatalf("line 1: %+v", l[0])
	}
	if *l[1].Achieved != 23 || l[1].Total != nil || l[1].Indicator.Name != "DVC không sử dụng hồ sơ giấy" || *l[1].Indicator.Target != 20 {
		t.Errorf("model 3: %+v %+v", l[1], l[1].Indicator)
	}
	// Older workbooks: what the indicator is comes from "Tổng hợp".
	if l[2].Status != report.StatusNone || !l[2].Indicator.Ratio() || *l[2].Total != 5130 {
		t.Errorf("model 24: %+v %+v", l[2], l[2].Indicator)
	}
	if l[3].Indicator.Unit != "DVC" || *l[3].Indicator.Target != 53 || l[3].Achieved != nil {
		t.Errorf("model 6: %+v %+v", l[3], l[3].Indicator)
	}
	if c.UnitsReported != 8 || c.UnitsExpected != 9 {
		t.Errorf("units %d/%d", c.UnitsReported, c.UnitsExpected)
	}
	// Without "Thống kê", the units are counted in "Dữ liệu".
	wb.UnitsFound = false
	if c := Examine(wb); c.UnitsReported != 1 || c.UnitsExpected != 2 {
		t.Errorf("units from the data: %d/%d", c.UnitsReported, c.UnitsExpected)
	}
}

func TestCheck(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 9, 0, 0, 0, time.UTC) }
	ok := func(file, issuer string) *Workbook {
		return book(file, issuer, w48, row{model: 1, status: "Đang triển khai"}, row{model: 3, status: "Đã hoàn thành", achieved: "22", indName: "DVC không sử dụng hồ sơ giấy", indUnit: "DVC", indTarget: "20"})
	}
	district := ok("kien-tho.xlsx", "UBND xã Minh Sơn")
	district.Parent = "Công an huyện Ngọc Lặc"
	foreign := ok("la.xlsx", "UBND xã Minh Sơn")
	foreign.Models = append(foreign.Models, ModelRow{Model: report.Value{Text: "Mô hình 44: Mô hình riêng"}, Status: report.Value{Text: "Đang triển khai"}})
	differs := book("khac.xlsx", "UBND xã Minh Sơn", w48, row{model: 3, status: "Đang triển khai", achieved: "5", indName: "Số thủ tục cắt giảm", indUnit: "thủ tục", indTarget: "10"})
	week := book("tuan.xlsx", "UBND xã Minh Sơn", "Tuần 46 năm 2026 (từ ngày 05/11/2026 đến ngày 11/11/2026)", row{model: 1, status: "Đang triển khai"})
	for _, tc := range []struct {
		name     string
		period   string
		list     []string
		books    []*Workbook
		accepted []bool
		units    []string
		want     [][]string
	}{
		{name: "one commune", period: "2026-W48", books: []*Workbook{ok("a.xlsx", "UBND xã Minh Sơn")},
			accepted: []bool{true}, units: []string{"xa-minh-son"}, want: [][]string{nil}},
		{name: "not on the list", period: "2026-W48", books: []*Workbook{ok("a.xlsx", "UBND xã Cao Ngọc")},
			accepted: []bool{false}, units: []string{""}, want: [][]string{{"error:unit.unknown"}}},
		{name: "no list: any commune", period: "2026-W48", list: []string{}, books: []*Workbook{ok("a.xlsx", "UBND xã Cao Ngọc")},
			accepted: []bool{true}, units: []string{"xa-cao-ngoc"}, want: [][]string{nil}},
		{name: "another period", period: "2026-W47", books: []*Workbook{ok("a.xlsx", "UBND xã Minh Sơn")},
			accepted: []bool{false}, units: []string{"xa-minh-son"}, want: [][]string{{"error:period.mismatch"}}},
		{name: "a week for its month", period: "2026-11", books: []*Workbook{week},
			accepted: []bool{true}, units: []string{"xa-minh-son"}, want: [][]string{{"warning:period.week-for-month"}}},
		{name: "a district-era header", period: "2026-W48", books: []*Workbook{district},
			accepted: []bool{true}, units: []string{"xa-minh-son"}, want: [][]string{{"warning:document.district"}}},
		{name: "a model the province lacks", period: "2026-W48", books: []*Workbook{foreign},
			accepted: []bool{true}, units: []string{"xa-minh-son"}, want: [][]string{{"warning:model.unknown"}}},
		{name: "an indicator that means something else", period: "2026-W48", books: []*Workbook{differs},
			accepted: []bool{true}, units: []string{"xa-minh-son"}, want: [][]string{{"warning:indicator.not-comparable"}}},
		{name: "sent twice, the later report counts", period: "2026-W48",
			books:    []*Workbook{dated(ok("cu.xlsx", "UBND xã Minh Sơn"), "24/11/2026", day(24)), dated(ok("moi.xlsx", "Công an xã Minh Sơn"), "25/11/2026", day(24))},
			accepted: []bool{false, true}, units: []string{"xa-minh-son", "xa-minh-son"}, want: [][]string{{"warning:unit.duplicate"}, nil}},
		{name: "sent twice alike, same date: the later saved counts", period: "2026-W48",
			books:    []*Workbook{dated(ok("moi.xlsx", "UBND xã Minh Sơn"), "25/11/2026", day(26)), dated(ok("cu.xlsx", "UBND xã Minh Sơn"), "25/11/2026", day(25))},
			accepted: []bool{true, false}, units: []string{"xa-minh-son", "xa-minh-son"}, want: [][]string{nil, {"warning:unit.duplicate"}}},
	} {
		pl := provincePlan()
		pv := NewProvince(pl, tc.list)
		if tc.list != nil && len(tc.list) == 0 {
			pv.Communes = nil
		}
		var cs []*Commune
		for _, wb := range tc.books {
			cs = append(cs, Examine(wb))
		}
		chk := Check(pv, cs, period(tc.period))
		for i, c := range chk.Communes {
			unit := ""
			if c.Unit != nil {
				unit = c.Unit.ID
			}
			if c.Accepted != tc.accepted[i] || unit != tc.units[i] || !slices.Equal(codes(c.Findings), tc.want[i]) {
				t.Errorf("%s: file %d accepted %v, unit %q, findings %q; want %v, %q, %q", tc.name, i, c.Accepted, unit, codes(c.Findings), tc.accepted[i], tc.units[i], tc.want[i])
			}
		}
		// The same check again decides the same.
		again := Check(pv, cs, period(tc.period))
		for i, c := range again.Communes {
			if !slices.Equal(codes(c.Findings), tc.want[i]) {
				t.Errorf("%s: checked again, file %d: %q", tc.name, i, codes(c.Findings))
			}
		}
	}
}

// The rule for a commune's two files is the units' rule: the message names
// both files and why.
func TestDuplicateNamesBothFiles(t *testing.T) {
	day := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	a := dated(book("minh-son-lan-1.xlsx", "UBND xã Minh Sơn", w48, row{model: 1, status: "Đang triển khai"}), "24/11/2026", day)
	b := dated(book("minh-son-lan-2.xlsx", "UBND xã Minh Sơn", w48, row{model: 1, status: "Đã hoàn thành"}), "25/11/2026", day)
	chk := Check(NewProvince(provincePlan(), nil), []*Commune{Examine(a), Examine(b)}, period("2026-W48"))
	old := chk.Communes[0]
	if old.Accepted || old.UsedInstead != "minh-son-lan-2.xlsx" || len(old.Findings) != 1 {
		t.Fatalf("old file: %+v", old.FileResult)
	}
	msg := old.Findings[0].Message
	for _, want := range []string{"Xã Minh Sơn", "minh-son-lan-2.xlsx", "25/11/2026", "24/11/2026"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if old.Findings[0].File != "minh-son-lan-1.xlsx" {
		t.Errorf("finding about %q", old.Findings[0].File)
	}
	if r := chk.Report(); len(r.Files) != 2 || r.Files[1] != chk.Communes[1].FileResult {
		t.Errorf("report shape: %+v", r)
	}
}

func TestInferPeriod(t *testing.T) {
	cs := []*Commune{
		Examine(book("a.xlsx", "UBND xã Minh Sơn", w48, row{model: 1, status: "Đang triển khai"})),
		Examine(book("b.xlsx", "UBND xã Ngọc Lặc", w48, row{model: 1, status: "Đang triển khai"})),
		Examine(book("c.xlsx", "UBND xã Thạch Lập", "Tuần 47 năm 2026", row{model: 1, status: "Đang triển khai"})),
	}
	if got := InferPeriod(cs, period("2026-W01")); got != period("2026-W48") {
		t.Errorf("inferred %v", got)
	}
}

// Without the plan saying what an indicator is, the one most communes give
// stands for the province, whichever file comes first.
func TestIndicatorMostCommunesGive(t *testing.T) {
	dvc := func(file, issuer, unit string) *Workbook {
		return book(file, issuer, w48, row{model: 1, status: "Đang triển khai", achieved: "10", indName: "DVC thiết yếu", indUnit: unit, indTarget: "53"})
	}
	cs := []*Commune{
		Examine(dvc("a.xlsx", "UBND phường Hạc Thành", "lượt")),
		Examine(dvc("b.xlsx", "UBND xã Minh Sơn", "DVC")),
		Examine(dvc("c.xlsx", "UBND xã Ngọc Lặc", "DVC")),
	}
	pv := NewProvince(provincePlan(), nil)
	pv.Communes = nil
	Check(pv, cs, period("2026-W48"))
	var got []string
	for _, c := range cs {
		got = append(got, strings.Join(codes(c.Findings), ","))
	}
	if want := []string{"warning:indicator.not-comparable", "", ""}; !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	if !cs[1].Lines[0].Summed || cs[0].Lines[0].Summed {
		t.Errorf("summed: %v %v", cs[0].Lines[0].Summed, cs[1].Lines[0].Summed)
	}
}
