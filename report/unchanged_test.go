package report

import (
	"strings"
	"testing"
	"time"

	"github.com/caongoc/de06/plan"
)

// A pre-filled template sent back as it was filled in gets a warning for
// each model past its deadline that still says it is under way; a changed
// row, or a model with time left, gets none.
func TestUnchangedSinceLastPeriod(t *testing.T) {
	p := testPlan(t)
	w47 := w48.Previous()
	sub := goodSubmission(p, "tram-y-te") // models 1, 5, 6, 11, 34, 36 at "Đang triển khai", 60 %
	last := PreviousOf(Validate(p, []*Submission{goodSubmission(p, "tram-y-te")}, w48, time.Time{}).Entries())
	prev := &Previous{Period: w47, Entries: last}
	form, err := NewForm(p, "tram-y-te", w48)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := form.Prefill(prev); err != nil {
		t.Fatal(err)
	}
	meta := form.PrefillMeta()
	if meta[MetaPrefillPeriod] != "2026-W47" || meta[MetaPrefill] == "" {
		t.Fatalf("meta = %v", meta)
	}
	sub.Meta = meta
	rowOf(sub, 36).Result.Text = "Số hóa thêm 40 hồ sơ" // updated: no warning

	unchanged := func(c *Checked, findings []Finding) map[int]bool {
		got := map[int]bool{}
		for _, f := range findings {
			if f.Code == ReportUnchanged {
				got[f.Model] = true
			}
		}
		return got
	}
	c := Validate(p, []*Submission{sub}, w48, time.Time{})
	// Only model 11 (Quý II/2024) is past its deadline among the unchanged.
	if got := unchanged(c, c.Findings()); len(got) != 1 || !got[11] {
		t.Errorf("from the template's record: %v", got)
	}
	// With the previous report the same is found once, not twice.
	cons := Consolidate(p, c, prev)
	n := 0
	for _, f := range cons.Findings {
		if f.Code == ReportUnchanged {
			n++
		}
	}
	if n != 1 {
		t.Errorf("with --previous: %d warnings", n)
	}
	// Without the template's record, --previous alone finds it.
	sub.Meta = map[string]string{}
	cons = Consolidate(p, Validate(p, []*Submission{sub}, w48, time.Time{}), prev)
	if got := unchanged(nil, cons.Findings); len(got) != 1 || !got[11] {
		t.Errorf("from --previous: %v", got)
	}
}

// A pre-filled template read back whole: untouched and undated, it is last
// period's report sent again and is not used; untouched but dated, the unit
// says nothing changed (one warning, used); one value changed, only the
// unchanged rows past their deadline are warned about. The date's example
// is the checked period's report day.
func TestPrefilledSentBack(t *testing.T) {
	p := testPlan(t)
	w47 := w48.Previous()
	prev := &Previous{Period: w47, Entries: PreviousOf(Validate(p, []*Submission{goodSubmission(p, "tram-y-te")}, w48, time.Time{}).Entries())}
	form, err := NewForm(p, "tram-y-te", w48)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := form.Prefill(prev); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		dated    bool
		edit     bool
		accepted bool
		codes    map[Code]Severity // finding code → severity expected
		absent   []Code
	}{
		{"untouched, undated", false, false, false, map[Code]Severity{ReportNotUpdated: Error, DateMissing: Warning}, []Code{ReportUnchanged}},
		{"untouched, dated", true, false, true, map[Code]Severity{ReportUnchanged: Warning}, []Code{ReportNotUpdated}},
		{"one row changed, undated", false, true, true, map[Code]Severity{ReportUnchanged: Warning, DateMissing: Warning}, []Code{ReportNotUpdated}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sub := goodSubmission(p, "tram-y-te")
			sub.Meta = form.PrefillMeta()
			if !tc.dated {
				sub.ReportDate = Value{Cell: "C6"}
			}
			if tc.edit {
				rowOf(sub, 36).Result.Text = "Số hóa thêm 40 hồ sơ"
			}
			c := Validate(p, []*Submission{sub}, w48, time.Time{})
			f := c.Files[0]
			if f.Accepted != tc.accepted {
				t.Errorf("accepted = %v, want %v", f.Accepted, tc.accepted)
			}
			got := map[Code]Finding{}
			for _, fd := range f.Findings {
				got[fd.Code] = fd
			}
			for code, sev := range tc.codes {
				if fd, ok := got[code]; !ok || fd.Severity != sev {
					t.Errorf("%s: got %+v, want a %s", code, fd, sev)
				}
			}
			for _, code := range tc.absent {
				if _, ok := got[code]; ok {
					t.Errorf("%s found, want none", code)
				}
			}
			for _, fd := range f.Findings {
				if fd.Code == ReportNotUpdated || fd.Code == DateMissing {
					if !strings.Contains(fd.Hint, "ví dụ 25/11/2026") {
						t.Errorf("%s hint %q: want week 48's report day", fd.Code, fd.Hint)
					}
				}
			}
			if !tc.accepted {
				cons := Consolidate(p, c, nil)
				if why := cons.Why["tram-y-te"]; why.Code != ReportNotUpdated || why.From != w47 {
					t.Errorf("Why = %+v", why)
				}
				if len(cons.Entries) != 0 {
					t.Errorf("%d entries counted from a report sent back untouched", len(cons.Entries))
				}
			}
		})
	}
}

// The date's example is the report day of the period checked (a week
// standing in for a month: its week's), never a fixed day.
func TestDateExample(t *testing.T) {
	w50 := plan.Period{Kind: plan.Weekly, Year: 2026, N: 50}
	dec := plan.Period{Kind: plan.Monthly, Year: 2026, N: 12}
	for _, tc := range []struct {
		per, file plan.Period
		want      string
	}{
		{w50, w50, "ví dụ 09/12/2026"},
		{dec, w48, "ví dụ 25/11/2026"},
		{dec, plan.Period{}, "ví dụ 15/12/2026"},
		{plan.Period{}, plan.Period{}, "ghi ngày theo dạng ngày/tháng/năm"},
	} {
		fc := &fileChecker{per: tc.per, fr: &FileResult{Period: tc.file}}
		if got := fc.hintDate(); !strings.HasSuffix(got, tc.want) {
			t.Errorf("%v/%v: %q, want … %q", tc.per, tc.file, got, tc.want)
		}
	}
}
