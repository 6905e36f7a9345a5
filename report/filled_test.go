package report

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// A row offers the template's inputs: the indicator's achieved only where
// the unit's figure counts, its total only for a ratio.
func TestFormRowFields(t *testing.T) {
	pl := testPlan(t)
	cases := []struct {
		unit  string
		model int
		want  []Field
	}{
		{"tram-y-te", 6, []Field{FieldStatus, FieldProgress, FieldAchieved, FieldTotal, FieldResult, FieldDifficulty, FieldProposal, FieldTasks}},
		{"tram-y-te", 1, []Field{FieldStatus, FieldProgress, FieldAchieved, FieldResult, FieldDifficulty, FieldProposal, FieldTasks}},
		{"tram-y-te", 11, []Field{FieldStatus, FieldProgress, FieldResult, FieldDifficulty, FieldProposal, FieldTasks}},
		// Model 24 counts its lead's figure only: Văn hóa – xã hội is not it.
		{"van-hoa-xa-hoi", 24, []Field{FieldStatus, FieldProgress, FieldResult, FieldDifficulty, FieldProposal, FieldTasks}},
		{"cong-an", 24, []Field{FieldStatus, FieldProgress, FieldAchieved, FieldTotal, FieldResult, FieldDifficulty, FieldProposal, FieldTasks}},
	}
	for _, c := range cases {
		form, err := NewForm(pl, c.unit, w48)
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(form.Rows, func(r FormRow) bool { return r.Model.Number == c.model })
		if i < 0 {
			t.Fatalf("%s does not report model %d", c.unit, c.model)
		}
		if got := form.Rows[i].Fields(); !slices.Equal(got, c.want) {
			t.Errorf("%s, model %d: %v, want %v", c.unit, c.model, got, c.want)
		}
	}
}

// A form starts from last period's values, which read back as themselves.
func TestStartFilled(t *testing.T) {
	pl := testPlan(t)
	form, _ := NewForm(pl, "tram-y-te", w48)
	w47 := w48.Previous()
	prev := &Previous{Period: w47, Entries: []PreviousEntry{
		{UnitID: "tram-y-te", Model: 6, Status: StatusRecurring, Progress: num(0.5), Achieved: num(1.125), Total: num(1250), Result: "Khám bằng CCCD", Tasks: "Duy trì"},
		{UnitID: "tram-y-te", Model: 1, Status: StatusInProgress, Progress: num(75), Achieved: num(95.7)},
		{UnitID: "cong-an", Model: 11, Status: StatusDone},
	}}
	if n, err := form.Prefill(prev); err != nil || n != 2 {
		t.Fatalf("Prefill: %d %v", n, err)
	}
	f := StartFilled(form, "Lê Thị Hoa", "0912 345 678", time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local))
	if f.ReportDate != "23/11/2026" || f.Reporter != "Lê Thị Hoa" || f.Phone != "0912 345 678" {
		t.Errorf("header %q %q %q", f.ReportDate, f.Reporter, f.Phone)
	}
	for i, r := range form.Rows {
		got := f.Rows[i]
		switch r.Model.Number {
		case 6:
			if got.Status != "Thực hiện thường xuyên" || got.Result != "Khám bằng CCCD" || got.Tasks != "Duy trì" {
				t.Errorf("model 6: %+v", got)
			}
			for _, c := range []struct {
				typed string
				want  float64
				read  func(Value) (float64, bool)
			}{{got.Progress, 0.5, ParseProgress}, {got.Achieved, 1.125, ParseNumber}, {got.Total, 1250, ParseNumber}} {
				if x, ok := c.read(Value{Text: c.typed}); !ok || x != c.want {
					t.Errorf("model 6: %q reads as %v, want %v", c.typed, x, c.want)
				}
			}
		case 1:
			if got.Progress != "75" || got.Achieved != "95,7" || got.Total != "" {
				t.Errorf("model 1: %+v", got)
			}
		default:
			if got != (Typed{}) {
				t.Errorf("model %d not reported before, yet %+v", r.Model.Number, got)
			}
		}
	}
}

func TestTypedText(t *testing.T) {
	for in, want := range map[string]string{
		"Kha\u0301m be\u0323\u0302nh": "Khám bệnh",
		"một\r\nhai\rba\n":            "một\nhai\nba\n",
		"  giữ nguyên  ":              "  giữ nguyên  ",
	} {
		if got := TypedText(in); got != want {
			t.Errorf("TypedText(%q) = %q, want %q", in, got, want)
		}
	}
	if n := CellTextLen("ắ😀"); n != 3 {
		t.Errorf("CellTextLen counts UTF-16 units: %d", n)
	}
	for s, want := range map[string]bool{"80": true, "1.250": true, "12,5": true, "80%": false, "abc": false, "": false} {
		if _, ok := TypedNumber(s); ok != want {
			t.Errorf("TypedNumber(%q) ok = %v", s, ok)
		}
	}
}

// A finding goes beside the input whose cell it names, else to its model,
// else to the form as a whole.
func TestPlaceOf(t *testing.T) {
	pl := testPlan(t)
	s := goodSubmission(pl, "tram-y-te")
	s.Reporter, s.Phone = txt("", "C7"), txt("", "C8")
	r6 := rowOf(s, 6)
	r6.Tasks = Value{Cell: "M" + strings.TrimPrefix(r6.Status.Cell, "E")}
	cases := []struct {
		f    Finding
		want Place
	}{
		{Finding{Cell: r6.Progress.Cell, Model: 6}, Place{6, FieldProgress}},
		{Finding{Cell: r6.Status.Cell, Model: 6}, Place{6, FieldStatus}},
		{Finding{Cell: r6.Total.Cell, Model: 6}, Place{6, FieldTotal}},
		{Finding{Cell: r6.Tasks.Cell}, Place{6, FieldTasks}}, // the row names the model
		{Finding{Cell: "C6"}, Place{0, FieldReportDate}},
		{Finding{Cell: "C7"}, Place{0, FieldReporter}},
		{Finding{Cell: "C8"}, Place{0, FieldPhone}},
		{Finding{Model: 11}, Place{11, ""}},
		{Finding{Cell: "C4"}, Place{}}, // the unit: the form's own
		{Finding{}, Place{}},
	}
	for _, c := range cases {
		if got := PlaceOf(s, c.f); got != c.want {
			t.Errorf("PlaceOf(%+v) = %+v, want %+v", c.f, got, c.want)
		}
	}
}
