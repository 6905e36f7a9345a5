package rollup

import (
	"fmt"
	"slices"
	"testing"

	"github.com/caongoc/de06/report"
)

func sampleRollup(t *testing.T) *Rollup {
	t.Helper()
	dvc := func(status, achieved string) row {
		return row{model: 3, status: status, achieved: achieved, indName: "DVC không sử dụng hồ sơ giấy", indUnit: "DVC", indTarget: "20"}
	}
	vneid := func(achieved, total string) row {
		return row{model: 24, status: "Đang triển khai", progress: "88", achieved: achieved, total: total, indName: "Người có tài khoản VNeID", indUnit: "%", indTarget: "100"}
	}
	books := []*Workbook{
		book("minh-son.xlsx", "UBND xã Minh Sơn", w48, row{model: 1, status: "Đang triển khai", progress: "80", overdue: true}, dvc("Đã hoàn thành", "22"), vneid("4512", "5130")),
		book("ngoc-lac.xlsx", "UBND xã Ngọc Lặc", w48, row{model: 1, status: "Đã hoàn thành", progress: "100"}, dvc("Đang triển khai", "15"), vneid("3000", "4000")),
		book("thach-lap.xlsx", "UBND xã Thạch Lập", "Tuần 47 năm 2026", row{model: 1, status: "Đã hoàn thành"}),
	}
	// Ngọc Lặc counts its DVC in another unit: not added to the others.
	books[1].Data[1].IndicatorUnit = "thủ tục"
	var cs []*Commune
	for _, b := range books {
		cs = append(cs, Examine(b))
	}
	pv := NewProvince(provincePlan(), []string{"Xã Minh Sơn", "Xã Ngọc Lặc", "Xã Thạch Lập", "Xã Kiên Thọ"})
	return Roll(pv, Check(pv, cs, period("2026-W48")))
}

func TestRoll(t *testing.T) {
	r := sampleRollup(t)
	var lines []string
	for _, cl := range r.Communes {
		s := cl.Unit.Name + ":"
		switch {
		case cl.Sent():
			s += "sent"
		case len(cl.Rejected) > 0:
			s += "unusable " + cl.Rejected[0]
		default:
			s += "missing"
		}
		lines = append(lines, s)
	}
	if want := []string{"Xã Minh Sơn:sent", "Xã Ngọc Lặc:sent", "Xã Thạch Lập:unusable thach-lap.xlsx", "Xã Kiên Thọ:missing"}; !slices.Equal(lines, want) {
		t.Errorf("communes %q, want %q", lines, want)
	}
	n := r.Counts()
	if n.Expected != 4 || n.Sent != 2 || n.Unusable != 1 || n.Missing != 1 || n.Lines != 6 || n.Overdue != 1 || n.OverdueCommunes != 1 ||
		n.ByStatus[report.StatusDone] != 2 || n.ByStatus[report.StatusInProgress] != 4 {
		t.Errorf("counts %+v", n)
	}
	m1, m3, m24 := r.Models[0], r.Models[1], r.Models[2]
	if m1.Communes != 2 || m1.ByStatus[report.StatusDone] != 1 || !slices.Equal(m1.Overdue, []string{"Xã Minh Sơn"}) || *m1.Progress != 90 {
		t.Errorf("model 1: %+v", m1)
	}
	if m3.Summed != 1 || *m3.Achieved != 22 || *m3.Target != 20 || m3.IndicatorText() != "22/20 DVC (110%)" {
		t.Errorf("model 3: %+v, %q", m3, m3.IndicatorText())
	}
	// What differs is said, not "another meaning".
	if len(m3.NotSummed) != 1 || m3.NotSummed[0].Commune != "Xã Ngọc Lặc" || m3.NotSummed[0].Differs.Describe() != "ghi đơn vị tính “thủ tục”, tỉnh ghi “DVC”" {
		t.Errorf("model 3 not summed: %+v", m3.NotSummed)
	}
	if m24.Summed != 2 || m24.IndicatorText() != "7.512/9.130 (82,3%)" {
		t.Errorf("model 24: %q", m24.IndicatorText())
	}
	gs := r.Groups[0]
	if gs.Models != 6 || gs.ByStatus[report.StatusDone] != 2 || gs.Overdue != 1 {
		t.Errorf("group: %+v", gs)
	}
	var got []string
	for _, f := range r.Findings {
		got = append(got, string(f.Code)+" "+f.File)
	}
	// Errors first, then by file: the province's own findings have none.
	want := []string{"period.mismatch thach-lap.xlsx", "unit.not-submitted ", "unit.not-submitted ", "indicator.not-comparable ngoc-lac.xlsx"}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
}

// Without a plan, the province's models are the communes', titled by the
// first commune by name, and the header is left to fill by hand.
func TestDerivedProvince(t *testing.T) {
	a := book("b.xlsx", "UBND xã Ngọc Lặc", w48, row{model: 24, status: "Đang triển khai"}, row{model: 1, status: "Đã hoàn thành"})
	b := book("a.xlsx", "UBND xã Minh Sơn", w48, row{model: 1, status: "Đang triển khai"}, row{model: 5, status: "Đang triển khai"})
	b.Models[0].Model.Text = "Mô hình 1: Tên ở Minh Sơn"
	b.Models[1].GroupCode, b.Models[1].GroupName = "II", "Nhóm II"
	cs := []*Commune{Examine(a), Examine(b)}
	pv := DerivedProvince(cs, []string{"Xã Minh Sơn"})
	var got []string
	for _, g := range pv.Plan.Groups {
		for _, m := range g.Models {
			got = append(got, g.Code+" "+m.Title)
		}
	}
	// Groups in the order of their first model, models by number.
	if want := []string{"I Tên ở Minh Sơn", "I Mô hình số 24", "II Mô hình số 5"}; !slices.Equal(got, want) {
		t.Errorf("models %q, want %q", got, want)
	}
	if !pv.Derived || pv.Plan.Header.IssuingAgency != blank || len(pv.Communes) != 1 {
		t.Errorf("province %+v", pv)
	}
	// A list given: a commune not on it is not taken.
	r := Roll(pv, Check(pv, cs, period("2026-W48")))
	if len(r.Communes) != 1 || !r.Communes[0].Sent() {
		t.Errorf("communes: %+v", r.Communes)
	}
	if want := []string{"error:unit.unknown", "warning:document.blank-header"}; !slices.Equal(codes(r.Findings), want) {
		t.Errorf("findings %q", codes(r.Findings))
	}
	// No list: every commune that sends, the unlisted after the listed.
	pv = DerivedProvince(cs, nil)
	r = Roll(pv, Check(pv, cs, period("2026-W48")))
	if len(r.Communes) != 2 || r.Communes[0].Unit.Name != "Xã Minh Sơn" || r.Communes[1].Expected {
		t.Errorf("communes: %+v %+v", r.Communes[0], r.Communes[1])
	}
}

// The communes' units' difficulties and proposals are carried up: the
// same words from several communes once, with all of them; a proposal to
// the commune's own standing body is its own task, counted apart; a
// workbook without the columns is named, never read as "nothing".
func TestRollCarriesOpinions(t *testing.T) {
	mk := func(file, issuer string, withColumns bool, data ...DataRow) *Commune {
		b := book(file, issuer, w48, row{model: 1, status: "Đang triển khai"}, row{model: 3, status: "Đang triển khai"})
		b.Place = issuer[len("UBND xã "):]
		b.HasOpinions = withColumns
		b.Data = append(b.Data, data...)
		return Examine(b)
	}
	lgsp := DataRow{UnitName: "Công chức Văn hóa – xã hội", Model: "3", Difficulty: "Chưa được cấp tài khoản LGSP.",
		Proposal: "Đề nghị Sở Khoa học và Công nghệ cấp tài khoản LGSP cho xã."}
	own := DataRow{UnitName: "Công chức Văn phòng – thống kê", Model: "1", Proposal: "Đề nghị Công an xã phối hợp mở lớp tập huấn."}
	cs := []*Commune{
		mk("minh-son.xlsx", "UBND xã Minh Sơn", true, lgsp, own),
		mk("ngoc-lac.xlsx", "UBND xã Ngọc Lặc", true, DataRow{UnitName: "Trạm y tế xã", Model: "1", Difficulty: "Phần mềm chưa đồng bộ"},
			DataRow{UnitName: "Công chức Văn hóa – xã hội", Model: "3", Difficulty: "chưa được cấp tài khoản LGSP"}),
		mk("thach-lap.xlsx", "UBND xã Thạch Lập", false),
	}
	pv := NewProvince(provincePlan(), []string{"Xã Minh Sơn", "Xã Ngọc Lặc", "Xã Thạch Lập"})
	r := Roll(pv, Check(pv, cs, period("2026-W48")))
	if r.Opinions[Difficulty] != 3 || r.Opinions[Proposal] != 1 || r.OwnProposals != 1 {
		t.Errorf("counted %v, own proposals %d", r.Opinions, r.OwnProposals)
	}
	// The text two communes share first, then by model.
	var got []string
	for _, v := range r.Difficulties {
		got = append(got, fmt.Sprint(v.Model, " ", v.Text, " ", v.Communes))
	}
	want := []string{"3 Chưa được cấp tài khoản LGSP. [Xã Minh Sơn Xã Ngọc Lặc]", "1 Phần mềm chưa đồng bộ [Xã Ngọc Lặc]"}
	if !slices.Equal(got, want) {
		t.Errorf("difficulties %q, want %q", got, want)
	}
	if len(r.Proposals) != 1 || r.Proposals[0].Context != "Chưa được cấp tài khoản LGSP." || !slices.Equal(r.Proposals[0].Communes, []string{"Xã Minh Sơn"}) {
		t.Errorf("proposals %+v", r.Proposals)
	}
	if !slices.Equal(r.NoOpinions, []string{"Xã Thạch Lập"}) {
		t.Errorf("without the columns: %q", r.NoOpinions)
	}
}

// An indicator that means the province's is summed whatever the
// abbreviations; one that does not is left out, saying what differs.
func TestIndicatorsCompared(t *testing.T) {
	dvc := &Indicator{Name: "DVC thiết yếu được triển khai", Unit: "DVC"}
	for _, tt := range []struct {
		theirs *Indicator
		want   string
	}{
		{&Indicator{Name: "DVC thiết yếu được triển khai", Unit: "dịch vụ công"}, ""},
		{&Indicator{Name: "Dịch vụ công thiết yếu được triển khai.", Unit: "DVC"}, ""},
		{&Indicator{Unit: "dvc"}, ""},
		{&Indicator{Name: "DVC thiết yếu được triển khai", Unit: "lượt"}, "ghi đơn vị tính “lượt”, tỉnh ghi “DVC”"},
		{&Indicator{Name: "DVC có phát sinh hồ sơ", Unit: "DVC"}, "có tên “DVC có phát sinh hồ sơ”, tỉnh ghi “DVC thiết yếu được triển khai”"},
		{&Indicator{Name: "Tỷ lệ DVC thiết yếu", Unit: "%"}, "tính theo tỷ lệ (%), tỉnh tính theo số lượng"},
	} {
		d := compareIndicators(tt.theirs, dvc)
		if d.Describe() != tt.want || d.Same() != (tt.want == "") {
			t.Errorf("%+v: %q (same %v), want %q", tt.theirs, d.Describe(), d.Same(), tt.want)
		}
	}
}

// A proposal to a commune's own police is the commune's own task whatever
// level word its units wrote: a ward's units, on the commune template,
// write "Công an xã" too. Whole words only.
func TestProposalToOwnBody(t *testing.T) {
	for _, tc := range []struct {
		issuing, place, text string
		own                  bool
	}{
		{"Công an xã Minh Sơn", "Minh Sơn", "Đề nghị Công an xã phối hợp mở lớp tập huấn.", true},
		{"Công an phường Hạc Thành", "Hạc Thành", "Đề nghị Công an xã phối hợp mở lớp tập huấn.", true},
		{"Công an phường Hạc Thành", "Hạc Thành", "Đề nghị Công an phường hỗ trợ.", true},
		{"Công an xã Minh Sơn", "Minh Sơn", "Đề nghị Bưu điện xã hỗ trợ chi trả.", false},
		{"Công an xã Minh Sơn", "Minh Sơn", "Đề nghị Công an xác minh lại.", false},
		{"", "", "Đề nghị Công an phường phối hợp.", true}, // no header: a commune's own police still
		{"", "", "Đề nghị Sở Y tế hướng dẫn.", false},
	} {
		if got := toOwnBody(tc.text, ownBodies(tc.issuing, tc.place)); got != tc.own {
			t.Errorf("%s, %q: %v, want %v", tc.issuing, tc.text, got, tc.own)
		}
	}
}

// The province's progress column averages the communes' own estimates: a
// workbook made before a contradicted "done" lost its progress carries the
// indicator's percentage there (95,7), which is not averaged; the overdue
// mark is read in the note's parenthesis as alone.
func TestProgressIsTheCommunesEstimate(t *testing.T) {
	claimed := "Đang triển khai\n(đơn vị báo đã hoàn thành; chỉ tiêu đạt 312/326 đối tượng; quá hạn)"
	cs := []*Commune{
		Examine(book("minh-son.xlsx", "UBND xã Minh Sơn", w48, row{model: 1, status: "Đang triển khai", progress: "80"}, row{model: 3, status: claimed, progress: "95.7"})),
		Examine(book("ngoc-lac.xlsx", "UBND xã Ngọc Lặc", w48, row{model: 1, status: "Đang triển khai", progress: "60"}, row{model: 3, status: "Đang triển khai\n(quá hạn)", progress: "40"})),
	}
	pv := NewProvince(provincePlan(), []string{"Xã Minh Sơn", "Xã Ngọc Lặc"})
	r := Roll(pv, Check(pv, cs, period("2026-W48")))
	for _, ml := range r.Models {
		want := map[int]float64{1: 70, 3: 40}[ml.Model.Number]
		if want == 0 {
			continue
		}
		if ml.Progress == nil || *ml.Progress != want {
			t.Errorf("model %d: progress %v, want %v", ml.Model.Number, ml.Progress, want)
		}
		if ml.Model.Number == 3 && len(ml.Overdue) != 2 {
			t.Errorf("model 3 overdue in %v, want both communes", ml.Overdue)
		}
	}
}
