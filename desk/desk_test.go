package desk

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/caongoc/de06/internal/vi"
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
			named := strings.Contains(Reminder(b, at(0, 9), ThroughLinks), "- "+pl.Unit(u).Name)
			if named != c.reminded {
				t.Errorf("reminder names the unit: %v, want %v\n%s", named, c.reminded, Reminder(b, at(0, 9), ThroughLinks))
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
	text := Reminder(b, at(-2, 9), ThroughLinks)
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
	late := Reminder(b, at(4, 9), ThroughLinks)
	if !strings.Contains(late, "đã quá 4 ngày; đề nghị các đơn vị gửi ngay, qua đường dẫn đã được cấp.") || strings.Contains(late, "trước 17 giờ") {
		t.Errorf("late reminder:\n%s", late)
	}
	// While the links open only on the desk's computer, the reminder asks
	// for the file instead, sent to the agency: never for a link that
	// cannot open.
	for _, now := range []time.Time{at(-2, 9), at(4, 9)} {
		files := Reminder(b, now, AsFiles)
		if strings.Contains(files, "đường dẫn") || !strings.Contains(files, "gửi tệp báo cáo (Excel) cho Công an xã qua Zalo") {
			t.Errorf("reminder while the links open on this computer only:\n%s", files)
		}
	}
	if got := b.OwnUnit(); got == nil || got.Unit.ID != own {
		t.Errorf("OwnUnit = %v, want %s", got, own)
	}
	// The agency's name is the plan's, never written in code.
	pl2 := defaultPlan(t)
	pl2.Document.StandingAgency = "Công an xã Minh Sơn"
	if text := Reminder(Status(pl2, w48, Ledger{}), at(0, 9), ThroughLinks); !strings.Contains(text, "Công an xã Minh Sơn chưa nhận") || !strings.HasSuffix(text, "— Công an xã Minh Sơn") {
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

// What changed since the last merge, unit by unit, and the header: each
// case names its unit and kind, and a merge whose header is not the one
// in force asks to merge again (a draft made before the officer confirmed
// the header is outdated).
func TestChangesSinceMerge(t *testing.T) {
	pl := defaultPlan(t)
	confirmed := pl.Header
	confirmed.Confirmed = true
	good := func(id int64, unit string) Send { return send(id, unit, w48, at(0, 8), "good") }
	merged := func(h *plan.Header, used ...int64) []MergeRecord {
		return []MergeRecord{{ID: 1, At: at(0, 12), Used: used, Header: h}}
	}
	cases := []struct {
		name   string
		header plan.Header // the header in force
		l      Ledger
		want   []string // "kind unit"
	}{
		{"nothing", pl.Header, Ledger{Sends: []Send{good(1, "tram-y-te")}, Merges: merged(&pl.Header, 1)}, nil},
		{"a merge stored before headers were kept", confirmed, Ledger{Sends: []Send{good(1, "tram-y-te")}, Merges: merged(nil, 1)}, nil},
		{"the header confirmed after a draft", confirmed, Ledger{Sends: []Send{good(1, "tram-y-te")}, Merges: merged(&pl.Header, 1)},
			[]string{"header "}},
		{"a unit sends after the merge", pl.Header, Ledger{Sends: []Send{good(1, "tram-y-te"), good(2, "cong-an")}, Merges: merged(&pl.Header, 1)},
			[]string{"new cong-an"}},
		{"a unit sends again", pl.Header, Ledger{Sends: []Send{good(1, "tram-y-te"), send(2, "tram-y-te", w48, at(0, 13), "rows")}, Merges: merged(&pl.Header, 1)},
			[]string{"resent tram-y-te"}},
		{"a unit withdraws its resend", pl.Header, Ledger{Sends: []Send{good(1, "tram-y-te"), withdrawn(send(2, "tram-y-te", w48, at(0, 11), "rows"))}, Merges: merged(&pl.Header, 2)},
			[]string{"withdrawn tram-y-te"}},
		{"the officer chooses an earlier send", pl.Header, Ledger{Sends: []Send{good(1, "tram-y-te"), send(2, "tram-y-te", w48, at(0, 11), "good")},
			Choices: []Choice{{UnitID: "tram-y-te", Period: w48, SendID: 1, At: at(0, 13)}}, Merges: merged(&pl.Header, 2)},
			[]string{"chosen tram-y-te"}},
		{"a unit withdraws the send used", pl.Header, Ledger{Sends: []Send{withdrawn(good(1, "tram-y-te")), good(2, "cong-an")}, Merges: merged(&pl.Header, 1, 2)},
			[]string{"gone tram-y-te"}},
		{"an unusable send changes nothing", pl.Header, Ledger{Sends: []Send{good(1, "tram-y-te"), send(2, "tram-y-te", w48, at(0, 13), "bad")}, Merges: merged(&pl.Header, 1)}, nil},
	}
	for _, c := range cases {
		p := *pl
		p.Header = c.header
		b := Status(&p, w48, c.l)
		var got []string
		for _, ch := range b.Changes {
			id := ""
			if ch.Unit != nil {
				id = ch.Unit.ID
			}
			got = append(got, string(ch.Kind)+" "+id)
			if ch.Kind.Label() == "" {
				t.Errorf("%s: %s has no words", c.name, ch.Kind)
			}
		}
		if !slices.Equal(got, c.want) || b.ChangedSinceMerge != (len(c.want) > 0) {
			t.Errorf("%s: changes %q (changed %v), want %q", c.name, got, b.ChangedSinceMerge, c.want)
		}
	}
	// A month made of weeks: the week's send the merge used is the unit's.
	l := Ledger{Sends: []Send{send(1, "tram-y-te", w49, at(7, 8), "good"), send(2, "tram-y-te", w49, at(7, 9), "good")},
		Merges: []MergeRecord{{ID: 1, At: at(7, 8), Used: []int64{1}, Header: &pl.Header}}}
	if b := Status(pl, m12, l); len(b.Changes) != 1 || b.Changes[0].Kind != ChangeResent || b.Changes[0].Send.ID != 2 || b.Changes[0].Was.ID != 1 {
		t.Errorf("month: %+v", b.Changes)
	}
}

// What a merge printed is kept and read back: its header and why it was a
// draft.
func TestMergeDocStored(t *testing.T) {
	pl := defaultPlan(t)
	m, err := Merge(MergeInput{Plan: pl, Checked: report.Validate(pl, nil, w48, at(0, 9)), Today: at(0, 9)})
	if !errors.Is(err, ErrNothingUsable) || m != nil {
		t.Fatalf("merge of nothing: %v", err)
	}
	cons := &report.Consolidation{Plan: pl, Period: w48}
	merged := &Merged{Cons: cons, Doc: Doc{Date: at(0, 0)}}
	h, d := EncodeMergeDoc(merged)
	var rec MergeRecord
	if err := DecodeMergeDoc(&rec, h, d); err != nil {
		t.Fatal(err)
	}
	if rec.Header == nil || !sameHeader(*rec.Header, pl.Header) || len(rec.Draft) == 0 || !slices.Equal(rec.Draft, merged.Draft()) {
		t.Errorf("read back %+v %q, want the plan's header and its draft reasons %q", rec.Header, rec.Draft, merged.Draft())
	}
	var old MergeRecord
	if err := DecodeMergeDoc(&old, "", ""); err != nil || old.Header != nil || old.Draft != nil {
		t.Errorf("a merge stored before: %+v %v", old, err)
	}
	if err := DecodeMergeDoc(&old, "{", ""); err == nil || !strings.Contains(err.Error(), "không đọc được") {
		t.Errorf("a broken stored header: %v", err)
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
		got := AskedOf(u, boards, now, w50)
		if !slices.Equal(names(got), c.want) {
			t.Errorf("%s: %v, want %v", c.name, names(got), c.want)
		}
		// The week the unit's page shows stays listed, settled or not.
		if shown := AskedOf(u, boards, now, w49); !slices.ContainsFunc(shown, func(a Asked) bool { return a.Period == w49 }) {
			t.Errorf("%s: week 49 shown, not listed: %v", c.name, names(shown))
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
	if m := CurrentMissing(AskedOf(u, boards, now, w50)); m != nil {
		t.Errorf("this week's report sent, yet said missing: %v", m.Period)
	}
}

// The board mentions the other periods with something left to do: week 48
// (its deadline passed, a unit missing, one with errors, its merge out of
// date) from week 49's board; not a week nobody sent for, not the week
// under way, not a week all done and merged, not a month before its
// deadline with nothing to merge again.
func TestPendingOf(t *testing.T) {
	pl := defaultPlan(t)
	units := pl.ReportingUnits()
	all := func(p plan.Period, t0 time.Time) []Send {
		var out []Send
		for i, u := range units {
			out = append(out, send(int64(len(units)*p.N+i), u.ID, p, t0, "good"))
		}
		return out
	}
	now := time.Date(2026, 11, 29, 21, 36, 0, 0, time.Local) // Sunday of week 49
	w48sends := all(w48, at(0, 8))
	w48sends[1] = send(w48sends[1].ID, units[1].ID, w48, at(0, 8), "rows")
	w48sends = w48sends[:len(w48sends)-1] // the last unit never sent
	merged48 := []MergeRecord{{ID: 1, At: at(0, 12), Used: []int64{w48sends[0].ID}}}
	w47all := all(w47, at(-7, 8))
	var used47 []int64
	for _, s := range w47all {
		used47 = append(used47, s.ID)
	}
	w46 := w47.Previous()
	boards := []*Board{
		Status(pl, w49, Ledger{Sends: all(w49, now)}),
		Status(pl, w48, Ledger{Sends: w48sends, Merges: merged48}),
		Status(pl, w47, Ledger{Sends: w47all, Merges: []MergeRecord{{ID: 2, At: at(-7, 12), Used: used47}}}),
		Status(pl, w46, Ledger{}),
		Status(pl, m12, Ledger{}),
	}
	got := PendingOf(boards, now, w49)
	if len(got) != 1 || got[0].Board.Period != w48 || got[0].Missing != 1 || got[0].Partial != 1 || !got[0].Remerge || got[0].Unmerged {
		t.Fatalf("pending from week 49: %+v", got)
	}
	// On week 48's own board it is not repeated.
	if got := PendingOf(boards, now, w48); len(got) != 0 {
		t.Errorf("pending on week 48's board: %+v", got)
	}
	// Before week 48's deadline nothing is owed yet; a week sent for but
	// never merged once its deadline passed is.
	if got := PendingOf(boards, at(-1, 9), w47); len(got) != 0 {
		t.Errorf("before the deadline: %+v", got)
	}
	unmerged := []*Board{Status(pl, w48, Ledger{Sends: all(w48, at(0, 8))})}
	if got := PendingOf(unmerged, now, w49); len(got) != 1 || !got[0].Unmerged || got[0].Missing+got[0].Partial != 0 {
		t.Errorf("a week sent and never merged: %+v", got)
	}
	if b := boards[1]; b.SentCount() != 8 || b.PartialCount() != 1 {
		t.Errorf("week 48: %d sent, %d with errors", b.SentCount(), b.PartialCount())
	}
}

// What a withdrawal would bring back, told before the clerk confirms: a
// good send withdrawn after one with errors brings that one back, errors
// and all; the ledger itself is left as it was.
func TestWithdrawing(t *testing.T) {
	pl := defaultPlan(t)
	l := Ledger{Sends: []Send{send(1, "tram-y-te", w48, at(0, 8), "rows"), send(2, "tram-y-te", w48, at(0, 9), "good")}}
	after := Status(pl, w48, l.Withdrawing(2, at(0, 10))).Unit("tram-y-te")
	if after.Counting == nil || after.Counting.ID != 1 || after.State != Partial || after.Counting.Errors != 2 {
		t.Errorf("after withdrawing the good send: %+v", after)
	}
	if now := Status(pl, w48, l).Unit("tram-y-te"); now.Counting.ID != 2 || l.Sends[1].Withdrawn {
		t.Errorf("the ledger changed: %+v", now)
	}
	none := Status(pl, w48, Ledger{Sends: []Send{send(1, "tram-y-te", w48, at(0, 8), "good")}}.Withdrawing(1, at(0, 9))).Unit("tram-y-te")
	if none.Counting != nil || none.State != Missing {
		t.Errorf("withdrawing the only send: %+v", none)
	}
}

// The page after a send says what the send is now: counting, or which one
// is; the clean send it replaced is named while it can still come back.
func TestVerdictNow(t *testing.T) {
	pl := defaultPlan(t)
	clean, worse := send(1, "tram-y-te", w48, at(0, 8), "good"), send(2, "tram-y-te", w48, at(0, 9), "rows")
	st := Status(pl, w48, Ledger{Sends: []Send{clean, worse}}).Unit("tram-y-te")
	if v := VerdictNow(st, 2, 1); !v.Counts || v.ReplacedClean == nil || v.ReplacedClean.ID != 1 {
		t.Errorf("worse after clean: %+v", v)
	}
	if v := VerdictNow(st, 2, 0); !v.Counts || v.ReplacedClean != nil {
		t.Errorf("no replaced send given: %+v", v)
	}
	// Once the clerk withdrew, the page of the send says it no longer
	// counts and which one does.
	back := Status(pl, w48, Ledger{Sends: []Send{clean, withdrawn(worse)}}).Unit("tram-y-te")
	if v := VerdictNow(back, 2, 1); v.Counts || v.StillUsed == nil || v.StillUsed.ID != 1 || v.ReplacedClean != nil {
		t.Errorf("after the withdrawal: %+v", v)
	}
	// A replaced send that had errors itself is not called clean.
	dirty := Status(pl, w48, Ledger{Sends: []Send{send(1, "tram-y-te", w48, at(0, 8), "rows"), worse}}).Unit("tram-y-te")
	if v := VerdictNow(dirty, 2, 1); v.ReplacedClean != nil {
		t.Errorf("a send with errors called clean: %+v", v)
	}
}

// The form says truly what it opens with: after a send through the form,
// the values sent (not "pre-filled from last week"); after a later save,
// a draft; a withdrawn send's values are a draft again.
func TestFormOpens(t *testing.T) {
	pl := defaultPlan(t)
	viaForm := func(s Send) Send { s.Via = ViaForm; return s }
	sent := viaForm(send(1, "tram-y-te", w49, at(7, 9), "good"))
	st := func(sends ...Send) *UnitStatus { return Status(pl, w49, Ledger{Sends: sends}).Unit("tram-y-te") }
	cases := []struct {
		name      string
		u         *UnitStatus
		draftAt   time.Time
		prefilled bool
		want      FormSource
		send      int64
	}{
		{"nothing", st(), time.Time{}, false, FormEmpty, 0},
		{"last week's report", st(), time.Time{}, true, FormEarlier, 0},
		{"a draft", st(), at(7, 8), true, FormDraft, 0},
		{"the draft sent", st(sent), at(7, 9), true, FormSent, 1},
		{"saved again after the send", st(sent), at(7, 10), true, FormDraft, 0},
		{"the send withdrawn", st(withdrawn(sent)), at(7, 9), true, FormDraft, 0},
		{"a workbook sent after the draft", st(send(2, "tram-y-te", w49, at(7, 10), "good")), at(7, 9), true, FormDraft, 0},
	}
	for _, c := range cases {
		got, s := FormOpens(c.u, c.draftAt, c.prefilled)
		var id int64
		if s != nil {
			id = s.ID
		}
		if got != c.want || id != c.send {
			t.Errorf("%s: %s (send %d), want %s (send %d)", c.name, got, id, c.want, c.send)
		}
	}
}

// Why a merged report is a draft: its header's reasons, no signer's name
// (Decree 30/2020), and the signer's own unit without a usable report.
func TestMergedDraftReasons(t *testing.T) {
	pl := defaultPlan(t)
	pl.Header.Confirmed = true
	pl.Header.ParentAgency = "Công an tỉnh Thanh Hóa"
	pl.Header.Recipients = []string{"Tổ công tác Đề án 06 tỉnh Thanh Hóa"}
	pl.Header.Distribution = []string{"Như trên", "Lưu: VT, CAX"}
	pl.Header.SignerName = ""
	cons := &report.Consolidation{Plan: pl, Own: "cong-an"}
	m := &Merged{Cons: cons, Doc: Doc{Date: vi.Day(2026, 11, 25), Signer: "Lê Văn Hùng"}}
	if r := m.Draft(); len(r) != 0 {
		t.Errorf("signed, confirmed, current: %q", r)
	}
	m.Doc.Signer = ""
	if r := m.Draft(); len(r) != 1 || !strings.Contains(r[0], "chưa ghi họ tên người ký") {
		t.Errorf("no signer: %q", r)
	}
	pl.Header.SignerName = "Lê Văn Hùng"
	cons.NotReported = []*plan.Unit{pl.Unit("tram-y-te"), pl.Unit("cong-an")}
	if r := m.Draft(); len(r) != 1 || !strings.Contains(r[0], "Công an xã, đơn vị ký báo cáo") {
		t.Errorf("the signer's own unit without a usable report: %q", r)
	}
	// Signed before its period ends: the figures are not the whole period's.
	cons.NotReported = nil
	for _, tc := range []struct {
		period string
		date   time.Time
		want   string
	}{
		{"2026-W48", vi.Day(2026, 11, 25), ""},
		{"2026-W48", vi.Day(2026, 11, 24), "ngày ký 24/11/2026 trước khi hết kỳ tuần 48/2026 (ngày 25/11/2026)"},
		{"2026-12", vi.Day(2026, 11, 29), "ngày ký 29/11/2026 trước khi hết kỳ tháng 12/2026 (ngày 14/12/2026): số liệu chưa đủ cả kỳ"},
		{"2026-12", vi.Day(2026, 12, 15), ""},
	} {
		cons.Period, _ = plan.ParsePeriod(tc.period)
		m.Doc.Date = tc.date
		r := m.Draft()
		if tc.want == "" && len(r) != 0 || tc.want != "" && (len(r) != 1 || !strings.HasPrefix(r[0], tc.want)) {
			t.Errorf("%s signed %s: %q, want %q", tc.period, vi.FormatDate(tc.date), r, tc.want)
		}
	}
}

// A period whose own board says overdue with units owing is either listed
// among the other periods still to do, or says it is no longer asked for
// (and why): an earlier week nobody sent for, a week past the window, a
// month a week past its deadline. The month while due is listed even
// when nobody sent yet, as the units' pages ask for it.
func TestPendingOrNoLongerAsked(t *testing.T) {
	pl := defaultPlan(t)
	now := time.Date(2026, 11, 29, 21, 36, 0, 0, time.Local) // Sunday of week 49
	w44 := w47.Previous().Previous().Previous()
	one := func(p plan.Period) Ledger {
		return Ledger{Sends: []Send{send(int64(p.N), "tram-y-te", p, Deadline(p).Add(-time.Hour), "good")}}
	}
	boards := []*Board{Status(pl, w48, one(w48)), Status(pl, w47, Ledger{}), Status(pl, w44, one(w44)), Status(pl, m11, Ledger{})}
	listed := map[plan.Period]bool{}
	for _, pd := range PendingOf(boards, now, w49) {
		listed[pd.Board.Period] = true
	}
	for _, b := range boards {
		why := NoLongerAsked(b, now)
		if listed[b.Period] == (why != "") {
			t.Errorf("%s: listed %v, no longer asked %q", b.Period, listed[b.Period], why)
		}
	}
	for b, want := range map[*Board]string{boards[1]: msgNotAskedUncollected, boards[2]: "đã qua hơn 4 tuần", boards[3]: msgNotAskedMonth} {
		if got := NoLongerAsked(b, now); got != want {
			t.Errorf("%s: %q, want %q", b.Period, got, want)
		}
	}
	due := time.Date(2026, 11, 17, 9, 0, 0, 0, time.Local) // month 11 past its deadline, still asked
	got := PendingOf([]*Board{Status(pl, m11, Ledger{})}, due, plan.WeekOf(due))
	if len(got) != 1 || got[0].Missing != len(pl.ReportingUnits()) || NoLongerAsked(got[0].Board, due) != "" {
		t.Errorf("the month due, nobody sent: %+v", got)
	}
}
