package desk

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

var (
	w47 = plan.Period{Kind: plan.Weekly, Year: 2026, N: 47}
	w48 = plan.Period{Kind: plan.Weekly, Year: 2026, N: 48}
	w49 = plan.Period{Kind: plan.Weekly, Year: 2026, N: 49}
	m12 = plan.Period{Kind: plan.Monthly, Year: 2026, N: 12}
	m11 = plan.Period{Kind: plan.Monthly, Year: 2026, N: 11}
)

func defaultPlan(t *testing.T) *plan.Plan {
	t.Helper()
	pl, err := plan.Default()
	if err != nil {
		t.Fatal(err)
	}
	return pl
}

// at is 25/11/2026 (the report Wednesday of week 48) at hour h, plus days.
func at(days, h int) time.Time {
	return time.Date(2026, 11, 25+days, h, 0, 0, 0, time.Local)
}

// send makes a send of unit for p; kind is "good", "rows" (usable, with
// row errors), "bad" (unusable), or "gone" (withdrawn good).
func send(id int64, unit string, p plan.Period, t time.Time, kind string) Send {
	s := Send{ID: id, UnitID: unit, Period: p, Name: "tep.xlsx", At: t, Via: ViaLink, Usable: true}
	switch kind {
	case "rows":
		s.Errors = 2
	case "bad":
		s.Usable, s.Errors = false, 1
	case "gone":
		s.Withdrawn, s.WithdrawnAt = true, t.Add(time.Minute)
	}
	return s
}

func withdrawn(s Send) Send {
	s.Withdrawn, s.WithdrawnAt = true, s.At.Add(time.Minute)
	return s
}

// Each case of the rule, as the board, the reminder and the merge see it:
// all three come from Status, so the unit's state, whether the reminder
// names it and the sends the merge uses agree.
func TestOneRule(t *testing.T) {
	pl := defaultPlan(t)
	const u = "tram-y-te"
	cases := []struct {
		name     string
		period   plan.Period
		sends    []Send
		choices  []Choice
		state    State
		counting int64 // 0: none
		reminded bool
		fromWeek bool
	}{
		{name: "nothing sent", period: w48, state: Missing, reminded: true},
		{name: "good file then an empty one: the good one counts",
			sends: []Send{send(1, u, w48, at(0, 8), "good"), send(2, u, w48, at(0, 9), "bad")},
			state: Accepted, counting: 1},
		{name: "only unusable files", sends: []Send{send(1, u, w48, at(0, 8), "bad"), send(2, u, w48, at(0, 9), "bad")},
			state: Rejected, reminded: true},
		{name: "a newer usable file counts whole, row errors and all",
			sends: []Send{send(1, u, w48, at(0, 8), "good"), send(2, u, w48, at(0, 9), "rows")},
			state: Partial, counting: 2, reminded: true},
		{name: "withdrawn: the one before counts again",
			sends: []Send{send(1, u, w48, at(0, 8), "good"), withdrawn(send(2, u, w48, at(0, 9), "rows"))},
			state: Accepted, counting: 1},
		{name: "withdrawing the only send leaves nothing",
			sends: []Send{send(1, u, w48, at(0, 8), "gone")}, state: Missing, reminded: true},
		{name: "the officer's choice holds",
			sends:   []Send{send(1, u, w48, at(0, 8), "good"), send(2, u, w48, at(0, 9), "rows")},
			choices: []Choice{{UnitID: u, Period: w48, SendID: 1, At: at(0, 10)}},
			state:   Accepted, counting: 1},
		{name: "a newer usable send after the choice counts",
			sends:   []Send{send(1, u, w48, at(0, 8), "good"), send(2, u, w48, at(0, 9), "rows"), send(3, u, w48, at(0, 11), "good")},
			choices: []Choice{{UnitID: u, Period: w48, SendID: 1, At: at(0, 10)}},
			state:   Accepted, counting: 3},
		{name: "an unusable send after the choice does not undo it",
			sends:   []Send{send(1, u, w48, at(0, 8), "good"), send(2, u, w48, at(0, 9), "rows"), send(3, u, w48, at(0, 11), "bad")},
			choices: []Choice{{UnitID: u, Period: w48, SendID: 1, At: at(0, 10)}},
			state:   Accepted, counting: 1},
		{name: "a choice of a withdrawn send is void",
			sends:   []Send{send(1, u, w48, at(0, 8), "gone"), send(2, u, w48, at(0, 9), "rows")},
			choices: []Choice{{UnitID: u, Period: w48, SendID: 1, At: at(0, 10)}},
			state:   Partial, counting: 2, reminded: true},
		{name: "another period's send does not count here",
			sends: []Send{send(1, u, w47, at(-7, 8), "good")}, state: Missing, reminded: true},
		{name: "a month is made of the last counting week inside it", period: m12,
			sends: []Send{send(1, u, w48, at(0, 8), "good"), send(2, u, w49, at(7, 8), "rows"), send(3, u, w49, at(7, 9), "gone")},
			state: Partial, counting: 2, reminded: true, fromWeek: true},
		{name: "the month's own send comes first", period: m12,
			sends: []Send{send(1, u, w48, at(0, 8), "good"), send(2, u, m12, at(1, 8), "rows")},
			state: Partial, counting: 2, reminded: true},
		{name: "a week outside the month's window does not stand in", period: m11,
			sends: []Send{send(1, u, w48, at(0, 8), "good")}, state: Missing, reminded: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := c.period
			if p.IsZero() {
				p = w48
			}
			b := Status(pl, p, Ledger{Sends: c.sends, Choices: c.choices})
			st := b.Unit(u)
			if st.State != c.state {
				t.Errorf("state %s, want %s", st.State, c.state)
			}
			var got int64
			if st.Counting != nil {
				got = st.Counting.ID
			}
			if got != c.counting {
				t.Errorf("counting %d, want %d", got, c.counting)
			}
			if used := b.Used(); slices.Contains(used, c.counting) != (c.counting != 0) || (c.counting == 0 && len(used) > 0) {
				t.Errorf("merge uses %v, want %d", used, c.counting)
			}
			named := strings.Contains(Reminder(b, at(0, 9)), "- "+pl.Unit(u).Name)
			if named != c.reminded {
				t.Errorf("reminder names the unit: %v, want %v\n%s", named, c.reminded, Reminder(b, at(0, 9)))
			}
			if (st.FromWeek != nil) != c.fromWeek {
				t.Errorf("from a week: %v, want %v", st.FromWeek, c.fromWeek)
			}
			if st.State.Sent() != (c.counting != 0) {
				t.Errorf("Sent() %v with counting %d", st.State.Sent(), c.counting)
			}
		})
	}
}

func TestMonthFromWeekSaysWhichWeek(t *testing.T) {
	pl := defaultPlan(t)
	b := Status(pl, m12, Ledger{Sends: []Send{send(1, "tram-y-te", w48, at(0, 8), "good"), send(2, "tram-y-te", w49, at(7, 8), "good")}})
	st := b.Unit("tram-y-te")
	if st.FromWeek == nil || *st.FromWeek != w49 || st.Counting.ID != 2 {
		t.Errorf("month from %v, counting %v; want week 49's send", st.FromWeek, st.Counting)
	}
}

func TestReminder(t *testing.T) {
	pl := defaultPlan(t)
	b := Status(pl, w48, Ledger{Sends: []Send{send(1, "tram-y-te", w48, at(0, 8), "rows"), send(2, "tu-phap-ho-tich", w48, at(0, 8), "bad")}})
	text := Reminder(b, at(-2, 9))
	for _, want := range []string{
		"đến nay, Công an xã chưa nhận được báo cáo Tuần 48 năm 2026",
		"- Trạm y tế xã (đã gửi nhưng còn 2 lỗi, cần sửa rồi gửi lại)",
		"(tệp đã gửi không dùng được, cần gửi lại)",
		"trước 17 giờ 00, thứ Tư 25/11/2026 (còn 2 ngày)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("reminder lacks %q:\n%s", want, text)
		}
	}
	// The standing agency sends the reminder: never to itself.
	own, _ := pl.MatchUnit(pl.Document.StandingAgency)
	if own == "" || strings.Contains(text, "- "+pl.Unit(own).Name+"\n") {
		t.Errorf("the reminder names its sender %q:\n%s", own, text)
	}
	// A past period's reminder says how late, not "before".
	late := Reminder(b, at(4, 9))
	if !strings.Contains(late, "đã quá 4 ngày") || strings.Contains(late, "trước 17 giờ") {
		t.Errorf("late reminder:\n%s", late)
	}
	// The agency's name is the plan's, never written in code.
	pl2 := defaultPlan(t)
	pl2.Document.StandingAgency = "Công an xã Minh Sơn"
	if text := Reminder(Status(pl2, w48, Ledger{}), at(0, 9)); !strings.Contains(text, "Công an xã Minh Sơn chưa nhận") || !strings.HasSuffix(text, "— Công an xã Minh Sơn") {
		t.Errorf("reminder with another agency:\n%s", text)
	}
}

// Days are counted by the calendar, the same way before and after the
// deadline (Wednesday 25/11 17:00): from Sunday it is 3 days whatever the
// hour, a send on Sunday evening is 4 days late, and on the deadline's day
// itself both ways speak in hours.
func TestDeadlines(t *testing.T) {
	sunday := func(h, m int) time.Time { return time.Date(2026, 11, 22, h, m, 0, 0, time.Local) }
	cases := []struct {
		p    plan.Period
		t    time.Time
		late int
		text string // LateBy's
		left string
	}{
		{w48, sunday(22, 0), 0, "", "còn 3 ngày"}, // 2 days 19 hours: 3 by the calendar
		{w48, sunday(0, 30), 0, "", "còn 3 ngày"}, // 3 days 16 hours: 3 as well
		{w48, at(-1, 23), 0, "", "còn 1 ngày"},    // Tuesday night
		{w48, at(0, 9), 0, "", "còn 8 giờ, hạn là hôm nay"},
		{w48, at(0, 16), 0, "", "còn 1 giờ, hạn là hôm nay"},
		{w48, at(0, 17), 0, "", "đến hạn đúng lúc này"},
		{w48, at(0, 18), 1, "1 giờ", "đã quá hạn 1 giờ"},
		{w48, at(0, 23), 1, "6 giờ", "đã quá hạn 6 giờ"},
		{w48, at(1, 8), 1, "1 ngày", "đã quá hạn 1 ngày"},                                          // Thursday morning: the next day
		{w48, time.Date(2026, 11, 29, 21, 36, 0, 0, time.Local), 4, "4 ngày", "đã quá hạn 4 ngày"}, // the review's Sunday evening
		{m12, at(20, 17), 0, "", "đến hạn đúng lúc này"},
		{m12, at(21, 9), 1, "1 ngày", "đã quá hạn 1 ngày"},
	}
	for _, c := range cases {
		if got := LateDays(c.p, c.t); got != c.late {
			t.Errorf("LateDays(%s, %v) = %d, want %d", c.p, c.t, got, c.late)
		}
		if got := LateBy(c.p, c.t).Text(); got != c.text {
			t.Errorf("LateBy(%s, %v) = %q, want %q", c.p, c.t, got, c.text)
		}
		if got := TimeLeft(c.p, c.t); got != c.left {
			t.Errorf("TimeLeft(%s, %v) = %q, want %q", c.p, c.t, got, c.left)
		}
	}
	if got := DeadlineText(w48, at(-2, 9)); got != "17 giờ 00, thứ Tư 25/11/2026 (còn 2 ngày)" {
		t.Errorf("DeadlineText = %q", got)
	}
}

func TestOpenPeriods(t *testing.T) {
	pl := defaultPlan(t)
	now := at(0, 9) // week 48's Wednesday
	for _, c := range []struct {
		p    string
		open bool
	}{
		{"2026-W48", true}, {"2026-W47", true}, {"2024-W20", true}, {"2026-12", true},
		{"2026-W49", false}, {"2027-01", false}, {"2023-W10", false}, {"0001-W01", false}, {"9999-12", false},
	} {
		p, err := plan.ParsePeriod(c.p)
		if err != nil {
			t.Fatal(err)
		}
		if err := OpenFor(pl, p, now); (err == nil) != c.open {
			t.Errorf("OpenFor(%s) = %v, want open %v", c.p, err, c.open)
		}
	}
}

func TestOwedAndMonthDue(t *testing.T) {
	for _, c := range []struct {
		now   time.Time
		month string
	}{
		{time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local), "2026-12"},
		{time.Date(2026, 12, 20, 9, 0, 0, 0, time.Local), "2026-12"}, // within a week after the 15th
		{time.Date(2026, 12, 23, 9, 0, 0, 0, time.Local), ""},
		{time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local), ""},
		{time.Date(2027, 1, 3, 9, 0, 0, 0, time.Local), "2027-01"},
	} {
		if got := MonthDue(c.now).String(); got != c.month {
			t.Errorf("MonthDue(%v) = %q, want %q", c.now, got, c.month)
		}
	}
	owed := Owed(time.Date(2026, 12, 2, 9, 0, 0, 0, time.Local), 2)
	want := []string{"2026-W49", "2026-12", "2026-W48", "2026-W47"}
	var got []string
	for _, p := range owed {
		got = append(got, p.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("Owed = %v, want %v", got, want)
	}
}

func TestConcerned(t *testing.T) {
	var got []string
	for _, p := range Concerned(m12) {
		got = append(got, p.String())
	}
	// December's window is 15/11–14/12: weeks 48 (19–25/11), 49 and 50.
	if want := []string{"2026-12", "2026-W48", "2026-W49", "2026-W50"}; !slices.Equal(got, want) {
		t.Errorf("Concerned(2026-12) = %v, want %v", got, want)
	}
	if got := Concerned(w48); len(got) != 1 {
		t.Errorf("a week concerns only itself: %v", got)
	}
}

func TestWithdrawAndChoose(t *testing.T) {
	pl := defaultPlan(t)
	sends := []Send{send(1, "tram-y-te", w48, at(0, 8), "good"), send(2, "tram-y-te", w48, at(0, 9), "bad"), send(3, "tram-y-te", w48, at(0, 10), "rows")}
	officer := send(4, "tram-y-te", w48, at(0, 11), "good")
	officer.Via = ViaOfficer
	st := Status(pl, w48, Ledger{Sends: sends}).Unit("tram-y-te")
	if err := MayWithdraw(st, 3); err != nil {
		t.Errorf("the last send: %v", err)
	}
	if err := MayWithdraw(st, 1); err == nil {
		t.Error("an earlier send may be withdrawn")
	}
	if err := MayChoose(st, 1); err != nil {
		t.Errorf("choosing the good send: %v", err)
	}
	if err := MayChoose(st, 2); err == nil {
		t.Error("an unusable send may be chosen")
	}
	if err := MayChoose(st, 99); err == nil {
		t.Error("another unit's (or no) send may be chosen")
	}
	st = Status(pl, w48, Ledger{Sends: append(sends, officer)}).Unit("tram-y-te")
	if err := MayWithdraw(st, 4); err == nil {
		t.Error("the clerk may withdraw the officer's drop")
	}
	if err := MayChoose(nil, 1); err == nil {
		t.Error("choosing for a unit that does not report")
	}
}

func TestVerdict(t *testing.T) {
	pl := defaultPlan(t)
	good, worse, bad := send(1, "tram-y-te", w48, at(0, 8), "good"), send(2, "tram-y-te", w48, at(0, 9), "rows"), send(3, "tram-y-te", w48, at(0, 9), "bad")
	before := Status(pl, w48, Ledger{Sends: []Send{good}}).Unit("tram-y-te")
	v := VerdictOf(before, Status(pl, w48, Ledger{Sends: []Send{good, worse}}).Unit("tram-y-te"), 2)
	if !v.Counts || v.ReplacedClean == nil || v.ReplacedClean.ID != 1 {
		t.Errorf("a worse file replacing a clean one: %+v", v)
	}
	v = VerdictOf(before, Status(pl, w48, Ledger{Sends: []Send{good, bad}}).Unit("tram-y-te"), 3)
	if v.Counts || v.StillUsed == nil || v.StillUsed.ID != 1 {
		t.Errorf("an unusable file after a good one: %+v", v)
	}
	none := Status(pl, w48, Ledger{}).Unit("tram-y-te")
	v = VerdictOf(none, Status(pl, w48, Ledger{Sends: []Send{good}}).Unit("tram-y-te"), 1)
	if !v.Counts || v.ReplacedClean != nil {
		t.Errorf("a first good file: %+v", v)
	}
}

func TestLastCounting(t *testing.T) {
	sends := []Send{send(1, "tram-y-te", w47, at(-7, 8), "good"), send(2, "tram-y-te", w48, at(0, 8), "bad"),
		send(3, "cong-an", w48, at(0, 8), "good"), send(4, "tram-y-te", w49, at(7, 8), "good")}
	got, q := LastCounting("tram-y-te", sends, nil, w49)
	if got == nil || got.ID != 1 || q != w47 {
		t.Errorf("LastCounting = %v %v, want week 47's send (week 48's is unusable)", got, q)
	}
	if got, _ := LastCounting("tram-y-te", sends, nil, w47); got != nil {
		t.Errorf("nothing before week 47, got %v", got)
	}
}

func TestChangedSinceMerge(t *testing.T) {
	pl := defaultPlan(t)
	sends := []Send{send(1, "tram-y-te", w48, at(0, 8), "good")}
	merged := []MergeRecord{{ID: 1, At: at(0, 12), Used: []int64{1}}}
	if b := Status(pl, w48, Ledger{Sends: sends, Merges: merged}); b.ChangedSinceMerge {
		t.Error("nothing changed, yet the board asks to merge again")
	}
	// An unusable send changes nothing that counts.
	if b := Status(pl, w48, Ledger{Sends: append(sends, send(2, "tram-y-te", w48, at(0, 13), "bad")), Merges: merged}); b.ChangedSinceMerge {
		t.Error("an unusable send asks to merge again")
	}
	// A late unit's file does.
	late := send(3, "cong-an", w48, at(2, 9), "good")
	b := Status(pl, w48, Ledger{Sends: append(sends, late), Merges: merged})
	if !b.ChangedSinceMerge {
		t.Error("a new counting file after the merge is not flagged")
	}
	if st := b.Unit("cong-an"); st.Late.Count() != 2 {
		t.Errorf("late %d days, want 2", st.Late)
	}
}

func TestAdmit(t *testing.T) {
	pl := defaultPlan(t)
	fr := &report.FileResult{Sub: &report.Submission{Name: "a.xlsx"}, Unit: pl.Unit("cong-an"), Accepted: true}
	if got := Admit(pl, "tram-y-te", fr); got != "tram-y-te" || fr.Accepted || len(fr.Findings) != 1 || fr.Findings[0].Code != report.UnitOther {
		t.Errorf("another unit's file through a link: %q %+v", got, fr)
	}
	fr = &report.FileResult{Sub: &report.Submission{Name: "a.xlsx"}, Unit: pl.Unit("cong-an"), Accepted: true}
	if got := Admit(pl, "", fr); got != "cong-an" || !fr.Accepted {
		t.Errorf("the officer's drop goes to the unit named: %q %+v", got, fr)
	}
	fr = &report.FileResult{Sub: &report.Submission{Name: "a.xlsx"}}
	if got := Admit(pl, "", fr); got != "" {
		t.Errorf("a file naming no unit: %q", got)
	}
}

// The plan for a period: its models and units are those in force on its
// first day; its header is the newest, whatever the period.
func TestPlansInForce(t *testing.T) {
	base := defaultPlan(t)
	// next changes the models from week 49 on; header, saved in week 48
	// after it, changes only the header (confirmed, the province's police).
	next := defaultPlan(t)
	next.Groups = next.Groups[:1]
	header := defaultPlan(t)
	header.Groups = next.Groups
	header.Header.IssuingAgency, header.Header.Confirmed = "CÔNG AN XÃ CAO NGỌC", true
	header.Header.ParentAgency = "CÔNG AN TỈNH THANH HÓA"

	v1 := PlanVersion{ID: 1, From: ApplyFrom(at(0, 9)), Plan: next}
	v2 := PlanVersion{ID: 2, From: ApplyFrom(at(0, 10)), Plan: header}
	tests := []struct {
		name     string
		versions []PlanVersion
		p        plan.Period
		models   *plan.Plan // whose groups the period has
		header   *plan.Plan // whose header
	}{
		{"no version: the base", nil, w48, base, base},
		{"a version applies from the week after", []PlanVersion{v1}, w48, base, next},
		{"and governs that week", []PlanVersion{v1}, w49, next, next},
		{"a header saved later applies at once to the week under way", []PlanVersion{v1, v2}, w48, base, header},
		{"… to a week long past", []PlanVersion{v1, v2}, w47, base, header},
		{"… to the month whose window began weeks ago", []PlanVersion{v1, v2}, m12, base, header},
		{"… and to the weeks after", []PlanVersion{v1, v2}, w49, header, header},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := Plans{Base: base, Versions: tt.versions}
			got := ps.For(tt.p)
			if len(got.Groups) != len(tt.models.Groups) || &got.Groups[0] != &tt.models.Groups[0] {
				t.Errorf("models: %d groups, want those of the plan with %d", len(got.Groups), len(tt.models.Groups))
			}
			if got.Header.IssuingAgency != tt.header.Header.IssuingAgency || got.Header.Confirmed != tt.header.Header.Confirmed {
				t.Errorf("header %q (confirmed %v), want %q", got.Header.IssuingAgency, got.Header.Confirmed, tt.header.Header.IssuingAgency)
			}
			if got.Unit("tram-y-te") == nil {
				t.Error("the plan's units are lost")
			}
		})
	}
	if (Plans{Base: base, Versions: []PlanVersion{v1, v2}}).Latest() != header {
		t.Error("the newest version is the latest plan")
	}
	// The plan itself is never changed: the header goes on a copy.
	if base.Header.Confirmed || next.Header.Confirmed {
		t.Error("a stored plan was changed")
	}
}

// A version that changes only the header keeps the models' date of a plan
// applied from next week; otherwise it takes next week's.
func TestHeaderFrom(t *testing.T) {
	ps := Plans{Base: defaultPlan(t)}
	if got, want := ps.HeaderFrom(at(0, 9)), ApplyFrom(at(0, 9)); !got.Equal(want) {
		t.Errorf("no version: %v, want %v", got, want)
	}
	later := ApplyFrom(at(14, 9))
	ps.Versions = []PlanVersion{{From: later, Plan: defaultPlan(t)}}
	if got := ps.HeaderFrom(at(0, 9)); !got.Equal(later) {
		t.Errorf("a plan from a later week: %v, want %v", got, later)
	}
}

func TestMerge(t *testing.T) {
	pl := defaultPlan(t)
	empty := &report.Checked{Period: w48}
	if _, err := Merge(MergeInput{Plan: pl, Checked: empty, Today: at(0, 9)}); !errors.Is(err, ErrNothingUsable) {
		t.Errorf("a merge of nothing: %v", err)
	}
	// A previous report of a later period is refused before anything.
	if _, err := Merge(MergeInput{Plan: pl, Checked: empty, Previous: &report.Previous{Period: w49}, Today: at(0, 9)}); err == nil || errors.Is(err, ErrNothingUsable) {
		t.Errorf("a later previous report: %v", err)
	}
}

// A unit's page lists this week's report, the month's while due, and an
// earlier week only while the unit owes it and the desk collected it.
func TestAskedOf(t *testing.T) {
	pl := defaultPlan(t)
	const u = "tram-y-te"
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.Local) // Thursday: week 50 under way, month 12 due
	w50 := plan.WeekOf(now)
	names := func(as []Asked) []string {
		var out []string
		for _, a := range as {
			s := a.Period.String() + ":" + string(a.Status.State)
			if a.Current {
				s += ":current"
			}
			if a.Late {
				s += ":late"
			}
			out = append(out, s)
		}
		return out
	}
	cases := []struct {
		name  string
		sends []Send
		want  []string
	}{
		{"a new desk asks for this week and the month only", nil,
			[]string{"2026-W50:missing:current", "2026-12:missing"}},
		{"a week others sent for and the unit did not: still owed, late",
			[]Send{send(1, "cong-an", w48, at(0, 8), "good")},
			[]string{"2026-W50:missing:current", "2026-12:missing", "2026-W48:missing:late"}},
		{"a week the unit sent: no longer asked",
			[]Send{send(1, u, w49, at(7, 8), "good")},
			[]string{"2026-W50:missing:current", "2026-12:accepted"}}, // the month from week 49
		{"a week with row errors is still owed",
			[]Send{send(1, u, w48, at(0, 8), "rows")},
			[]string{"2026-W50:missing:current", "2026-12:partial", "2026-W48:partial:late"}},
	}
	for _, c := range cases {
		var boards []*Board
		for _, p := range Owed(now, AskedBack) {
			boards = append(boards, Status(pl, p, Ledger{Sends: c.sends}))
		}
		got := AskedOf(u, boards, now)
		if !slices.Equal(names(got), c.want) {
			t.Errorf("%s: %v, want %v", c.name, names(got), c.want)
		}
		if m := CurrentMissing(got); m == nil || m.Period != w50 {
			t.Errorf("%s: this week's report not said missing: %v", c.name, m)
		}
	}
	// Once this week's report is in, nothing is said missing.
	var boards []*Board
	sends := []Send{send(1, u, w50, now, "good")}
	for _, p := range Owed(now, AskedBack) {
		boards = append(boards, Status(pl, p, Ledger{Sends: sends}))
	}
	if m := CurrentMissing(AskedOf(u, boards, now)); m != nil {
		t.Errorf("this week's report sent, yet said missing: %v", m.Period)
	}
}
