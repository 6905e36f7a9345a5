package desk

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/rollup"
)

// provincePlan is a province's plan: model 24, led by the province's
// police; its reporting units are three communes.
func provincePlan() *plan.Plan {
	p := &plan.Plan{Level: plan.LevelProvince, Document: plan.Document{StandingAgency: "Công an tỉnh"},
		Header: plan.Header{IssuingAgency: "Công an tỉnh Thanh Hóa", Confirmed: true},
		Groups: []plan.Group{{Code: "III", Name: "Nhóm III", Models: []*plan.Model{{Number: 24, TT: 1, Title: "Công dân số", Group: "III"}}}}}
	for _, n := range []string{"Xã Minh Sơn", "Xã Ngọc Lặc", "Xã Nguyệt Ấn"} {
		p.Units = append(p.Units, plan.Unit{ID: vi.Slug(n), Name: n, Reports: true})
	}
	p.Units = append(p.Units, plan.Unit{ID: "cong-an-tinh", Name: "Công an tỉnh"})
	return p
}

// communeBook is a commune's consolidated workbook for week 48, as the
// reader gives it, its model 24 at status.
func communeBook(issuer, status string) *rollup.Commune {
	return rollup.Examine(&rollup.Workbook{
		File: &report.Submission{Name: vi.Slug(issuer) + ".xlsx", Sheet: "Thông tin chung", Meta: map[string]string{},
			Unit: report.Value{Text: issuer, Cell: "B3"}, Period: report.Value{Text: w48.Label(), Cell: "B14"}},
		Kind: rollup.KindConsolidated, ModelSheet: "Tổng hợp",
		Models: []rollup.ModelRow{{Line: 7, GroupCode: "III", Model: report.Value{Text: "Mô hình 24: Công dân số"}, Status: report.Value{Text: status}}},
	})
}

// The desk says a level's words: a province's communes are reminded of
// their consolidated workbooks, a commune's units of their reports.
func TestWordsOfLevels(t *testing.T) {
	pv := provincePlan()
	b := Status(pv, w48, Ledger{Sends: []Send{send(1, "xa-minh-son", w48, at(0, 8), "good"), send(2, "xa-ngoc-lac", w48, at(0, 8), "bad")}})
	cases := []struct {
		name  string
		text  string
		wants []string
		not   []string
	}{
		{"province reminder", Reminder(b, at(0, 9), ThroughLinks),
			[]string{"Kính gửi các xã: đến nay, Công an tỉnh chưa nhận được bảng tổng hợp Tuần 48 năm 2026 của:",
				"- Xã Ngọc Lặc (tệp đã gửi không dùng được, cần gửi lại)\n- Xã Nguyệt Ấn\n", "Đề nghị các xã gửi bảng tổng hợp trước 17 giờ 00"},
			[]string{"Minh Sơn", "đơn vị", "Công an tỉnh\n"}},
		{"province reminder, late", Reminder(b, at(1, 9), ThroughLinks), []string{"đề nghị các xã gửi ngay"}, []string{"đơn vị"}},
		{"province reminder, as files", Reminder(b, at(1, 9), AsFiles), []string{"đề nghị các xã gửi ngay, gửi tệp bảng tổng hợp (Excel) cho Công an tỉnh qua Zalo"}, []string{"đơn vị", "đường dẫn"}},
		{"province reminder, all in", Reminder(Status(pv, w48, Ledger{Sends: []Send{send(1, "xa-minh-son", w48, at(0, 8), "good"),
			send(2, "xa-ngoc-lac", w48, at(0, 8), "good"), send(3, "xa-nguyet-an", w48, at(0, 8), "good")}}), at(0, 9), ThroughLinks),
			[]string{"Các xã đã gửi đủ bảng tổng hợp Tuần 48 năm 2026. Cảm ơn các xã!"}, nil},
		{"commune reminder", Reminder(Status(defaultPlan(t), w48, Ledger{}), at(0, 9), ThroughLinks),
			[]string{"Kính gửi các đơn vị: đến nay, Công an xã chưa nhận được báo cáo Tuần 48 năm 2026 của:", "Đề nghị các đơn vị gửi báo cáo trước"}, []string{"bảng tổng hợp"}},
		{"nothing usable, province", fmt.Sprint(nothingUsable{WordsOf(plan.LevelProvince)}), []string{"đợi các xã gửi"}, nil},
		{"nothing usable, commune", ErrNothingUsable.Error(), []string{"đợi các đơn vị gửi"}, nil},
	}
	for _, c := range cases {
		for _, w := range c.wants {
			if !strings.Contains(c.text, w) {
				t.Errorf("%s lacks %q:\n%s", c.name, w, c.text)
			}
		}
		for _, w := range c.not {
			if strings.Contains(c.text, w) {
				t.Errorf("%s says %q:\n%s", c.name, w, c.text)
			}
		}
	}
	// A commune's workbook through another commune's link: refused, in the
	// province's words.
	fr := &report.FileResult{Sub: &report.Submission{Name: "a.xlsx"}, Unit: pv.Unit("xa-minh-son"), Accepted: true}
	if got := Admit(pv, "xa-ngoc-lac", fr); got != "xa-ngoc-lac" || fr.Accepted || !strings.Contains(fr.Findings[0].Message, "tệp là bảng tổng hợp của Xã Minh Sơn, không phải của Xã Ngọc Lặc") {
		t.Errorf("another commune's workbook: %q %+v", got, fr.Findings)
	}
	// Every level has all its words but the one a level with templates
	// does without.
	for _, l := range plan.Levels {
		w := WordsOf(l)
		for name, v := range map[string]string{"Unit": w.Unit, "UnitCap": w.UnitCap, "Units": w.Units, "UnitsCap": w.UnitsCap, "Report": w.Report,
			"ReportCap": w.ReportCap, "Reporter": w.Reporter, "hintPeriod": w.hintPeriod} {
			if v == "" {
				t.Errorf("%s has no %s", l, name)
			}
		}
		if (w.WhatToSend == "") != l.FillsTemplate() {
			t.Errorf("%s: says what to send %q, fills a template %v", l, w.WhatToSend, l.FillsTemplate())
		}
	}
}

func TestSameLevel(t *testing.T) {
	com, pv := defaultPlan(t), provincePlan()
	if err := SameLevel(com, defaultPlan(t)); err != nil {
		t.Errorf("a commune's plan for a commune's desk: %v", err)
	}
	if err := SameLevel(pv, provincePlan()); err != nil {
		t.Errorf("a province's plan for a province's desk: %v", err)
	}
	if err := SameLevel(com, pv); err == nil || !strings.Contains(err.Error(), "kế hoạch cấp Tỉnh, còn bàn làm việc này là của cấp Xã") {
		t.Errorf("a province's plan for a commune's desk: %v", err)
	}
	if err := SameLevel(&plan.Plan{}, com); err != nil {
		t.Errorf("a plan built in code is a commune's: %v", err)
	}
}

// A province's merge is the roll-up of its communes' workbooks, with the
// document facts of a commune's merge; of nothing usable, none.
func TestRoll(t *testing.T) {
	pl := provincePlan()
	pv := rollup.NewProvince(pl, nil)
	cs := []*rollup.Commune{communeBook("UBND xã Minh Sơn", "Đã hoàn thành"), communeBook("UBND xã Ngọc Lặc", "Đang triển khai")}
	m, err := Roll(RollInput{Province: pv, Communes: cs, Period: w48, Doc: Doc{Number: 12}, Today: at(-1, 9)})
	if err != nil {
		t.Fatal(err)
	}
	// Dated today, as a commune's merge (report.SigningDate).
	if m.Cons != nil || m.Roll == nil || m.Roll.Signed.Number != 12 || vi.FormatDate(m.Doc.Date) != "24/11/2026" {
		t.Errorf("roll-up: %+v, doc %+v", m.Roll, m.Doc)
	}
	if got := m.Doc.Created.Sub(m.Doc.Date); got != 8*time.Hour {
		t.Errorf("files written at %v after the report's date", got)
	}
	if got := m.Summary(); got != "2/3 xã gửi bảng tổng hợp; 0 xã có mô hình quá hạn (0 lượt mô hình)" {
		t.Errorf("summary %q", got)
	}
	// The model's point combines the communes' statuses as units' are.
	if ps := m.Points(); len(ps) != 1 || ps[0].Number != 24 || ps[0].Status != report.StatusInProgress.Key() {
		t.Errorf("points %+v", ps)
	}
	done, err := Roll(RollInput{Province: pv, Communes: []*rollup.Commune{communeBook("UBND xã Minh Sơn", "Đã hoàn thành")}, Period: w48, Today: at(0, 9)})
	if err != nil || done.Points()[0].Status != report.StatusDone.Key() {
		t.Errorf("one commune done: %v %+v", err, done.Points())
	}
	// Of another period only: nothing usable, the check still said.
	m, err = Roll(RollInput{Province: pv, Communes: cs, Period: w49, Today: at(7, 9)})
	if !errors.Is(err, ErrNothingUsable) || !strings.Contains(err.Error(), "các xã") || m == nil || len(m.Roll.Checked.Communes) != 2 {
		t.Errorf("a roll-up of nothing usable: %v, %+v", err, m)
	}
}
