package report

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

func fp(f float64) *float64 { return &f }

func TestCombineStatus(t *testing.T) {
	D, R, I, N := StatusDone, StatusRecurring, StatusInProgress, StatusNotStarted
	tests := []struct {
		in   []Status
		want Status
	}{
		{nil, StatusNone},
		{[]Status{D}, D},
		{[]Status{D, D, D}, D},
		{[]Status{D, R}, R},
		{[]Status{R, R}, R},
		{[]Status{D, I}, I},
		{[]Status{D, N}, I}, // one unit finished, one not started: under way
		{[]Status{R, N}, I},
		{[]Status{N, N}, N},
		{[]Status{N, I}, I},
		{[]Status{I}, I},
	}
	for _, tt := range tests {
		if got := CombineStatus(tt.in); got != tt.want {
			t.Errorf("CombineStatus(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestCombineProgress(t *testing.T) {
	D, I, N, R := StatusDone, StatusInProgress, StatusNotStarted, StatusRecurring
	tests := []struct {
		name string
		ss   []Status
		ps   []*float64
		want *float64
	}{
		{"none", nil, nil, nil},
		{"one", []Status{I}, []*float64{fp(60)}, fp(60)},
		{"mean", []Status{I, I, I}, []*float64{fp(60), fp(80), fp(70)}, fp(70)},
		{"rounded", []Status{I, I, I}, []*float64{fp(60), fp(80), fp(75)}, fp(71.7)},
		{"done without number is 100", []Status{D, I}, []*float64{nil, fp(50)}, fp(75)},
		{"not started without number is 0", []Status{N, I}, []*float64{nil, fp(50)}, fp(25)},
		{"recurring without number is 100", []Status{R}, []*float64{nil}, fp(100)},
		{"in progress without number is left out", []Status{I, I}, []*float64{nil, fp(40)}, fp(40)},
		{"nothing known", []Status{I}, []*float64{nil}, nil},
	}
	for _, tt := range tests {
		got := CombineProgress(tt.ss, tt.ps)
		if (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, deref(got), deref(tt.want))
		}
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestConsolidate(t *testing.T) {
	p := testPlan(t)
	subs := []*Submission{goodSubmission(p, "tram-y-te"), goodSubmission(p, "cong-an"), goodSubmission(p, "bo-phan-mot-cua")}
	// Trạm y tế: model 6 done with 100 %, model 11 (Quý II/2024) still running.
	ty := subs[0]
	rowOf(ty, 6).Status.Text, rowOf(ty, 6).Progress.Num = "Đã hoàn thành", fp(100)
	rowOf(ty, 6).Achieved.Num, rowOf(ty, 6).Total.Num = fp(1), fp(1)
	rowOf(ty, 11).Difficulty.Text = "Thiếu máy đọc"
	// Bộ phận một cửa: model 1 with 38 of the 53 DVC.
	rowOf(subs[2], 1).Achieved.Num = fp(38)
	rowOf(subs[0], 1).Achieved.Num = fp(2)
	// Công an's file is for the wrong week: rejected, so it did not report.
	subs[1].Period.Text = "2026-W47"
	c := Validate(p, subs, w48, time.Time{})
	prev := &Previous{Period: w48.Previous(), Entries: []PreviousEntry{{UnitID: "tram-y-te", Model: 6, Status: StatusInProgress, Progress: fp(80)}}}
	cons := Consolidate(p, c, prev)

	byNum := map[int]*ModelSummary{}
	for _, m := range cons.Models {
		byNum[m.Model.Number] = m
	}
	if len(cons.Models) != 20 {
		t.Fatalf("%d models", len(cons.Models))
	}
	m6 := byNum[6]
	if m6.Status != StatusDone || *m6.Progress != 100 || m6.Overdue || m6.IndicatorText() != "1/1 cơ sở (100%)" {
		t.Errorf("model 6: %v %v overdue %v %q", m6.Status, deref(m6.Progress), m6.Overdue, m6.IndicatorText())
	}
	if got := m6.Change(); got != "Đang triển khai → Đã hoàn thành; tiến độ tăng 20 điểm %" {
		t.Errorf("model 6 change = %q", got)
	}
	m11 := byNum[11]
	if m11.Status != StatusInProgress || !m11.Overdue || len(m11.Difficulties) != 1 || m11.Difficulties[0].Unit != "Trạm y tế xã" {
		t.Errorf("model 11: %v overdue %v %v", m11.Status, m11.Overdue, m11.Difficulties)
	}
	m1 := byNum[1]
	if m1.IndicatorText() != "40/53 DVC (75,5%)" {
		t.Errorf("model 1 indicator = %q", m1.IndicatorText())
	}
	// Công an xã's file was rejected: its own unit, so "cần lập lại", not
	// "chưa báo cáo" and not "trả lại" to itself.
	if len(m1.Missing) != 6 || len(m1.Reported) != 2 || !slices.Equal(m1.Fixing, []string{"Công an xã"}) || len(m1.Returned) != 0 {
		t.Errorf("model 1 reported %v missing %v returned %v fixing %v", m1.Reported, m1.Missing, m1.Returned, m1.Fixing)
	}
	// Texts are attributed, units in plan order whatever the file order.
	var inPlanOrder []string
	for _, u := range p.Units {
		if u.ID == "tram-y-te" || u.ID == "bo-phan-mot-cua" {
			inPlanOrder = append(inPlanOrder, u.Name)
		}
	}
	var got []string
	for _, a := range m1.Results {
		got = append(got, a.Unit)
	}
	if !slices.Equal(got, inPlanOrder) || !slices.Equal(m1.Reported, inPlanOrder) {
		t.Errorf("model 1 results from %v, reported %v; want %v", got, m1.Reported, inPlanOrder)
	}
	// Recurring and external deadlines are never overdue; undelivered
	// dated models are.
	for _, n := range []int{1, 5, 27, 30, 44} {
		if byNum[n].Overdue {
			t.Errorf("model %d (%s) overdue", n, byNum[n].Model.Deadline.Text)
		}
	}
	for _, n := range []int{3, 11} {
		if !byNum[n].Overdue {
			t.Errorf("model %d (%s, %v) not overdue", n, byNum[n].Model.Deadline.Text, byNum[n].Status)
		}
	}
	// Past their deadlines but without usable data: "chưa có số liệu",
	// never overdue.
	for _, n := range []int{18, 24, 26, 35, 37, 41} {
		if byNum[n].Overdue || !byNum[n].NoData() {
			t.Errorf("model %d without data: overdue %v, status %v", n, byNum[n].Overdue, byNum[n].Status)
		}
	}
	if byNum[32].Status != StatusNone || byNum[32].Progress != nil {
		t.Errorf("model 32 nobody reported: %v", byNum[32].Status)
	}
	if len(cons.NotReported) != 7 || cons.Rejected["cong-an"] == nil {
		t.Errorf("not reported %d, rejected %v", len(cons.NotReported), cons.Rejected)
	}
	n := cons.Counts()
	if n.UnitsReported != 2 || n.UnitsExpected != 9 || n.Models != 20 || n.ByStatus[StatusDone] != 1 {
		t.Errorf("counts = %+v", n)
	}
	codes := map[Code]int{}
	for _, f := range cons.Findings {
		codes[f.Code]++
	}
	if codes[UnitNotSubmitted] != 7 || codes[ModelOverdue] != 2 || codes[PeriodMismatch] != 1 {
		t.Errorf("finding codes = %v", codes)
	}
	total := 0
	for _, g := range cons.Groups {
		for _, c := range g.ByStatus {
			total += c
		}
	}
	if total != 20 {
		t.Errorf("group counts sum to %d", total)
	}
}

func TestCheckPrevious(t *testing.T) {
	w47 := plan.Period{Kind: plan.Weekly, Year: 2026, N: 47}
	w46 := plan.Period{Kind: plan.Weekly, Year: 2026, N: 46}
	w49 := plan.Period{Kind: plan.Weekly, Year: 2026, N: 49}
	m11 := plan.Period{Kind: plan.Monthly, Year: 2026, N: 11}
	m10 := plan.Period{Kind: plan.Monthly, Year: 2026, N: 10}
	tests := []struct {
		cur, prev plan.Period
		err, warn bool
	}{
		{w48, w47, false, false},
		{w48, w46, false, true},
		{w48, w48, true, false},
		{w48, w49, true, false},
		{w48, m11, false, true}, // the month ends on 14/11, before W48
		{m11, m10, false, false},
		{m11, w48, true, false}, // W48 ends on 25/11, after the month
	}
	for _, tt := range tests {
		f, err := CheckPrevious(tt.cur, tt.prev)
		if (err != nil) != tt.err || (f != nil) != tt.warn {
			t.Errorf("CheckPrevious(%v, %v) = %v, %v; want error %v, warning %v", tt.cur, tt.prev, f, err, tt.err, tt.warn)
		}
		if err != nil && (!strings.Contains(err.Error(), tt.cur.Name()) || !strings.Contains(err.Error(), tt.prev.Name())) {
			t.Errorf("error %q does not name both periods", err)
		}
	}
}

// A unit whose status went back, or whose progress dropped, since the
// previous report is warned about, at its own cell.
func TestConsolidateBackwards(t *testing.T) {
	p := testPlan(t)
	s := goodSubmission(p, "tram-y-te")
	rowOf(s, 6).Status.Text, rowOf(s, 6).Progress.Num = "Đang triển khai", fp(40)
	rowOf(s, 11).Status.Text, rowOf(s, 11).Progress.Num = "Chưa triển khai", fp(0)
	c := Validate(p, []*Submission{s}, w48, time.Time{})
	prev := &Previous{Period: w48.Previous(), Entries: []PreviousEntry{
		{UnitID: "tram-y-te", Model: 6, Status: StatusInProgress, Progress: fp(60)},
		{UnitID: "tram-y-te", Model: 11, Status: StatusInProgress, Progress: fp(20)},
		{UnitID: "tram-y-te", Model: 34, Status: StatusInProgress, Progress: fp(10)},
	}}
	cons := Consolidate(p, c, prev)
	got := map[int]string{}
	for _, f := range cons.Findings {
		if f.Code == ProgressBackwards {
			got[f.Model] = f.Cell
			if f.File != s.Name || !strings.Contains(f.Message, "Tuần 47 năm 2026") {
				t.Errorf("finding %v lacks the file or the period compared", f)
			}
		}
	}
	want := map[int]string{6: rowOf(s, 6).Progress.Cell, 11: rowOf(s, 11).Status.Cell}
	if !maps.Equal(got, want) {
		t.Errorf("backwards findings at %v, want %v", got, want)
	}
	if cons.Previous != w48.Previous() {
		t.Errorf("Previous = %v", cons.Previous)
	}
}

func TestShortenForReport(t *testing.T) {
	long := strings.Repeat("Tuyên truyền cài đặt VNeID. ", 100) // 2.800 characters
	tests := []struct {
		text  string
		limit int
		cut   bool
	}{
		{"Ngắn gọn.", 400, false},
		{long, 400, true},
		{long, 150, true},
		{long[:300], 400, false},
	}
	for _, tt := range tests {
		got, cut := ShortenForReport(tt.text, tt.limit)
		if cut != tt.cut {
			t.Errorf("ShortenForReport(%d chars, %d) cut = %v", len([]rune(tt.text)), tt.limit, cut)
		}
		if !cut && got != tt.text {
			t.Errorf("text changed though not cut")
		}
		if cut && (!strings.Contains(got, "xem tệp của đơn vị") || len([]rune(got)) > min(tt.limit, MaxReportText)+40) {
			t.Errorf("cut text %q lacks the marker or is too long", got)
		}
	}
}

// A model whose units write at length shows the first texts within its
// budget, then one line counting the others; the entries keep everything.
func TestConsolidateTextBudget(t *testing.T) {
	p := testPlan(t)
	long := strings.Repeat("Đã tuyên truyền, hướng dẫn người dân. ", 60)
	var subs []*Submission
	for _, u := range p.ReportingUnits() {
		s := goodSubmission(p, u.ID)
		for i := range s.Rows {
			s.Rows[i].Result.Text = long
		}
		subs = append(subs, s)
	}
	cons := Consolidate(p, Validate(p, subs, w48, time.Time{}), nil)
	var m1 *ModelSummary
	for _, ms := range cons.Models {
		if ms.Model.Number == 1 {
			m1 = ms
		}
	}
	total := 0
	for _, a := range m1.Results {
		total += len([]rune(a.Text))
	}
	last := m1.Results[len(m1.Results)-1]
	if total > MaxModelText+100 || !strings.HasPrefix(last.Unit, "Các đơn vị khác") {
		t.Errorf("model 1 prints %d characters in %d texts, last %+v", total, len(m1.Results), last)
	}
	for _, e := range cons.Entries {
		if e.Result != long {
			t.Fatal("an entry lost its text")
		}
	}
	if !slices.ContainsFunc(cons.Findings, func(f Finding) bool { return f.Code == TextTooLong }) {
		t.Error("no warning about the long texts")
	}
}

// Indicators combine as the plan says: a sum never above a fixed total,
// a lead-only indicator from the lead unit alone.
func TestIndicatorCombine(t *testing.T) {
	p := testPlan(t)
	var subs []*Submission
	for _, id := range []string{"cong-an", "van-hoa-xa-hoi", "bo-phan-mot-cua", "tram-y-te"} {
		subs = append(subs, goodSubmission(p, id))
	}
	// Model 1 (53 DVC, fixed): 30 + 30 from two units is impossible.
	rowOf(subs[2], 1).Achieved.Num, rowOf(subs[3], 1).Achieved.Num = fp(30), fp(30)
	// Model 24 (lead only: Công an xã): VH-XH's figures are not counted.
	rowOf(subs[0], 24).Achieved.Num, rowOf(subs[0], 24).Total.Num = fp(40), fp(50)
	rowOf(subs[1], 24).Achieved.Num, rowOf(subs[1], 24).Total.Num = fp(45), fp(50)
	c := Validate(p, subs, w48, time.Time{})
	cons := Consolidate(p, c, nil)
	var over, ignored bool
	for _, f := range cons.Findings {
		over = over || (f.Code == IndicatorInvalid && f.Model == 1 && f.Severity == Error)
		ignored = ignored || (f.Code == IndicatorNotApplied && f.Model == 24 && f.File == subs[1].Name)
	}
	if !over {
		t.Error("60 of 53 DVC not flagged")
	}
	if !ignored {
		t.Error("VH-XH's figures for model 24 not flagged as not counted")
	}
	for _, ms := range cons.Models {
		if ms.Model.Number == 24 && (ms.Achieved == nil || *ms.Achieved != 40 || *ms.Total != 50) {
			t.Errorf("model 24 = %v/%v, want Công an xã's 40/50", deref(ms.Achieved), deref(ms.Total))
		}
	}
}

// A report signed before its period ends says how far its figures go: the
// signing day, or the last day of the latest period its files are of.
func TestDataThrough(t *testing.T) {
	p := testPlan(t)
	dec := plan.Period{Kind: plan.Monthly, Year: 2026, N: 12}
	units := p.ReportingUnits()
	for _, tc := range []struct {
		name    string
		period  plan.Period
		sources map[string]plan.Period
		signed  time.Time
		want    string // "" when the report says nothing
	}{
		{"a week signed on its report day", w48, nil, vi.Day(2026, 11, 25), ""},
		{"a week signed a day early", w48, nil, vi.Day(2026, 11, 24), "24/11/2026"},
		{"a month of week 48, signed on the 29th", dec, map[string]plan.Period{units[0].ID: w48}, vi.Day(2026, 11, 29), "25/11/2026"},
		{"a month signed after it ends", dec, map[string]plan.Period{units[0].ID: w48}, vi.Day(2026, 12, 15), ""},
		{"undated", w48, nil, time.Time{}, ""},
	} {
		c := &Consolidation{Plan: p, Period: tc.period, Expected: units[:1], Sources: tc.sources, Signed: Signed{Date: tc.signed}}
		d, ok := c.DataThrough()
		got := ""
		if ok {
			got = vi.FormatDate(d)
		}
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
