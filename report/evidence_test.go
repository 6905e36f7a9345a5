package report

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/caongoc/de06/plan"
)

// Counts follow the evidence: what the report says about one model, case by
// case.
func TestModelFollowsEvidence(t *testing.T) {
	p := testPlan(t)
	tests := []struct {
		name   string
		period plan.Period
		units  []string
		mutate func(subs map[string]*Submission)
		model  int
		check  func(t *testing.T, ms *ModelSummary, c *Consolidation)
	}{
		{"done below its own target is in progress, overdue, with its note", w48, []string{"chinh-sach-xa-hoi"},
			func(s map[string]*Submission) {
				r := rowOf(s["chinh-sach-xa-hoi"], 37)
				r.Status.Text, r.Progress = "Đã hoàn thành", Value{Cell: r.Progress.Cell}
				r.Achieved.Num, r.Total.Num = fp(312), fp(326)
			}, 37,
			func(t *testing.T, ms *ModelSummary, c *Consolidation) {
				if ms.Status != StatusInProgress || ms.Claimed != StatusDone || !ms.Overdue {
					t.Errorf("status %v, claimed %v, overdue %v", ms.Status, ms.Claimed, ms.Overdue)
				}
				// Its units' estimate (100) is contradicted: no progress is
				// given, the indicator speaks alone (one measure, not two).
				if ms.Progress != nil {
					t.Errorf("progress %v", deref(ms.Progress))
				}
				if got := ms.StandingLines(); !slices.Equal(got, []string{"Chỉ tiêu: 312/326 đối tượng (95,7%)"}) {
					t.Errorf("standing lines %q", got)
				}
				if got := ms.Note(); got != "đơn vị báo đã hoàn thành; chỉ tiêu đạt 312/326 đối tượng" {
					t.Errorf("note = %q", got)
				}
				if got := strings.Join(ms.StatusLines(), " | "); got != "Đang triển khai | (đơn vị báo đã hoàn thành; chỉ tiêu đạt 312/326 đối tượng; quá hạn)" {
					t.Errorf("status lines = %q", got)
				}
				if n := c.Counts(); n.ByStatus[StatusDone] != 0 || n.Overdue == 0 {
					t.Errorf("counts %+v", n)
				}
			}},
		{"done at its target stays done", w48, []string{"chinh-sach-xa-hoi"},
			func(s map[string]*Submission) {
				r := rowOf(s["chinh-sach-xa-hoi"], 37)
				r.Status.Text, r.Progress = "Đã hoàn thành", Value{Cell: r.Progress.Cell}
				r.Achieved.Num, r.Total.Num = fp(326), fp(326)
			}, 37,
			func(t *testing.T, ms *ModelSummary, c *Consolidation) {
				if ms.Status != StatusDone || ms.Overdue || ms.Note() != "" {
					t.Errorf("status %v, overdue %v, note %q", ms.Status, ms.Overdue, ms.Note())
				}
			}},
		{"no usable data is neither overdue nor done", w48, []string{"tram-y-te"}, nil, 37,
			func(t *testing.T, ms *ModelSummary, c *Consolidation) {
				if !ms.NoData() || ms.Overdue || ms.Status.String() != "Chưa có số liệu" {
					t.Errorf("status %v, overdue %v", ms.Status, ms.Overdue)
				}
			}},
		{"routine past a dated deadline is not overdue", w48, []string{"tram-y-te"},
			func(s map[string]*Submission) {
				rowOf(s["tram-y-te"], 11).Status.Text = "Thực hiện thường xuyên"
			}, 11,
			func(t *testing.T, ms *ModelSummary, c *Consolidation) {
				if ms.Status != StatusRecurring || ms.Overdue {
					t.Errorf("status %v, overdue %v", ms.Status, ms.Overdue)
				}
			}},
		{"a rejected row is returned, not missing", w48, []string{"van-hoa-xa-hoi", "cong-an"},
			func(s map[string]*Submission) { rowOf(s["van-hoa-xa-hoi"], 27).Progress.Num = fp(110) }, 27,
			func(t *testing.T, ms *ModelSummary, c *Consolidation) {
				if !slices.Equal(ms.Returned, []string{"Công chức Văn hóa – xã hội"}) || len(ms.Missing) != 0 || !ms.NoData() {
					t.Errorf("returned %v, missing %v, status %v", ms.Returned, ms.Missing, ms.Status)
				}
				if got := ms.ResultLines(); !slices.Contains(got, "Có lỗi, cần sửa và gửi lại: Công chức Văn hóa – xã hội") || slices.ContainsFunc(got, func(l string) bool { return strings.HasPrefix(l, "Chưa báo cáo") }) {
					t.Errorf("result lines %q", got)
				}
			}},
		{"the signer's own rejected row is being fixed, not returned", w48, []string{"cong-an"},
			func(s map[string]*Submission) { rowOf(s["cong-an"], 18).Status.Text = "tốt" }, 18,
			func(t *testing.T, ms *ModelSummary, c *Consolidation) {
				if !slices.Equal(ms.Fixing, []string{"Công an xã"}) || len(ms.Returned) != 0 || len(ms.Missing) != 0 {
					t.Errorf("fixing %v, returned %v, missing %v", ms.Fixing, ms.Returned, ms.Missing)
				}
				if got := ms.ResultLines(); !slices.Contains(got, "Có lỗi, cần lập lại: Công an xã") {
					t.Errorf("result lines %q", got)
				}
			}},
		{"a model some units did not report on says whose figures it has", w48, []string{"tram-y-te", "cong-an"}, nil, 1,
			func(t *testing.T, ms *ModelSummary, c *Consolidation) {
				if got, want := ms.Coverage(); got != 2 || want != 9 || !ms.Partial() {
					t.Errorf("coverage %d/%d, partial %v", got, want, ms.Partial())
				}
			}},
		{"a month of two weeks names each text's week", plan.Period{Kind: plan.Monthly, Year: 2026, N: 12}, []string{"tram-y-te", "cong-an"},
			func(s map[string]*Submission) {
				s["cong-an"].Period.Text = "2026-W49"
				rowOf(s["tram-y-te"], 6).Result.Text = "418 lượt"
			}, 6,
			func(t *testing.T, ms *ModelSummary, c *Consolidation) {
				if !c.OneSource.IsZero() {
					t.Errorf("one source %v", c.OneSource)
				}
				if got := ms.ResultLines(); len(got) == 0 || got[0] != "Trạm y tế xã (báo cáo tuần 48/2026): 418 lượt" {
					t.Errorf("result lines %q", got)
				}
			}},
		{"a month made of a week says which week", plan.Period{Kind: plan.Monthly, Year: 2026, N: 12}, []string{"tram-y-te"},
			func(s map[string]*Submission) { rowOf(s["tram-y-te"], 6).Result.Text = "418 lượt trong tuần" }, 6,
			func(t *testing.T, ms *ModelSummary, c *Consolidation) {
				if got := c.Sources["tram-y-te"]; got != w48 {
					t.Errorf("source of Trạm y tế = %v", got)
				}
				// One source for all: said once in the report, not on
				// every line.
				if c.OneSource != w48 {
					t.Errorf("one source %v", c.OneSource)
				}
				if got := ms.ResultLines(); len(got) == 0 || got[0] != "Trạm y tế xã: 418 lượt trong tuần 48/2026" {
					t.Errorf("result lines %q", got)
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			subs := map[string]*Submission{}
			var list []*Submission
			for _, id := range tc.units {
				s := goodSubmission(p, id)
				subs[id] = s
				list = append(list, s)
			}
			if tc.mutate != nil {
				tc.mutate(subs)
			}
			c := Consolidate(p, Validate(p, list, tc.period, time.Time{}), nil)
			for _, ms := range c.Models {
				if ms.Model.Number == tc.model {
					tc.check(t, ms, c)
					return
				}
			}
			t.Fatalf("no model %d", tc.model)
		})
	}
}

func TestNameTheWeek(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Our words within the unit's: lower case, short.
		{"418 lượt trong tuần", "418 lượt trong tuần 48/2026"},
		{"Cấp mới 63 tài khoản trong tuần; lũy kế 4.512", "Cấp mới 63 tài khoản trong tuần 48/2026; lũy kế 4.512"},
		{"Tuần này tổ chức 2 buổi", "Trong tuần 48/2026 tổ chức 2 buổi"},
		{"trong tuần 47 đã xong", "trong tuần 47 đã xong"}, // already named
		{"trong tuầnlễ", "trong tuầnlễ"},
	} {
		if got := NameTheWeek(tc.in, w48); got != tc.want {
			t.Errorf("NameTheWeek(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// The tables say an indicator in the body's words: a sum without its lead
// unit's count (or, led by no one unit, more missing than a note names) is
// not assessed and shows no percentage; a count past or at its target says
// so, not "22/20 (110%)".
func TestIndicatorStanding(t *testing.T) {
	p := testPlan(t)
	lead := p.Units[0].Name
	sum := &plan.Indicator{Name: "DVC", Unit: "DVC", Target: 53}
	many := []string{"A", "B", "C", "D", "E"}
	for _, tc := range []struct {
		name     string
		leads    []string
		achieved float64
		expected int
		without  []string
		want     string
	}{
		{"no one unit leads, five missing", []string{"Các cơ quan có DVC"}, 6, 9, many, "chưa đủ số liệu để đánh giá (mới có số liệu của 04/09 đơn vị: 6/53 DVC)"},
		{"no one unit leads, one missing", []string{"Các cơ quan có DVC"}, 50, 9, []string{"A"}, "50/53 DVC (94,3%)"},
		{"its lead missing", []string{lead}, 6, 3, []string{lead}, "chưa đủ số liệu để đánh giá (mới có số liệu của 02/03 đơn vị: 6/53 DVC)"},
		{"its lead in, another missing", []string{lead}, 6, 3, []string{"A"}, "6/53 DVC (11,3%)"},
		{"past its target", []string{lead}, 60, 3, nil, "đạt 60 DVC, vượt chỉ tiêu (53 DVC)"},
		{"at its target", []string{lead}, 53, 3, nil, "đạt 53 DVC, bằng chỉ tiêu"},
	} {
		m := &plan.Model{Number: 1, Lead: tc.leads, Indicator: sum}
		ms := &ModelSummary{Model: m, Achieved: &tc.achieved, Expected: tc.expected, Missing: tc.without}
		ms.Percent = indicatorPercent(m, ms.Achieved, nil)
		ms.Unassessed = ms.unassessed(p)
		if got := ms.IndicatorStanding(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// A status cell marks a model overdue by its mark alone, or closing the
// note's parenthesis; the province reads it back either way.
func TestIsOverdueLine(t *testing.T) {
	for line, want := range map[string]bool{
		"(quá hạn)": true, "(đơn vị báo đã hoàn thành; chỉ tiêu đạt 312/326 đối tượng; quá hạn)": true,
		"(đơn vị báo đã hoàn thành; chỉ tiêu đạt 312/326 đối tượng)": false, "Đang triển khai": false,
	} {
		if IsOverdueLine(line) != want {
			t.Errorf("%q: want %v", line, want)
		}
	}
}

// The note of a "done" its figures contradict is told from other lines.
func TestIsClaimedDoneLine(t *testing.T) {
	for line, want := range map[string]bool{
		"(đơn vị báo đã hoàn thành; chỉ tiêu đạt 312/326 đối tượng)": true, "(đơn vị báo đã hoàn thành; chỉ tiêu đạt 312/326 đối tượng; quá hạn)": true,
		"(quá hạn)": false, "Đã hoàn thành": false,
	} {
		if IsClaimedDoneLine(line) != want {
			t.Errorf("%q: want %v", line, want)
		}
	}
}
