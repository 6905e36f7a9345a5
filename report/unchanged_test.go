package report

import (
	"testing"
	"time"
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
