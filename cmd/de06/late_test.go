package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// Week 48 merged, then a late file for it: through the unit's link
// without ?period=, a week later, it is filed under week 48, accepted and
// marked late; the board of week 48 says a new file came after the merge
// and asks to merge again; the unit's page says plainly that this week's
// report is still missing, and lists what the unit owes.
func TestDeskLateAfterMerge(t *testing.T) {
	d := newDesk(t)
	c := d.officer()
	d.upload(http.DefaultClient, d.links["cong-an"], sample("cong-an-2026-W48.xlsx"))
	d.merged(c, "2026-W48", "cong-an")

	d.clock = d.clock.AddDate(0, 0, 7) // Wednesday 2/12: week 49's report day
	c = d.officer()
	_, doc := d.uploadFor(http.DefaultClient, d.links["tram-y-te"], sample("tram-y-te-2026-W48.xlsx"), "")
	if _, counting := sentUpload(t, doc); !counting || doc["upload"].(map[string]any)["period"] != "2026-W48" {
		t.Fatalf("a late file for week 48: %v", doc["upload"])
	}
	st, changed := d.status(c, "2026-W48")
	if u := st["tram-y-te"]; u.State != "accepted" || u.Late != 7 || !changed {
		t.Errorf("late send: %+v, changed since merge %v", u, changed)
	}
	resp, err := c.Get(d.ts.URL + "/bang?period=2026-W48")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	board := string(b)
	for _, want := range []string{"Cần tổng hợp lại:</b> sau lần tổng hợp lúc 09:00 25/11/2026", "<b>Trạm y tế xã</b>: gửi tệp sau lần tổng hợp", "nộp muộn 7 ngày"} {
		if !strings.Contains(board, want) {
			t.Errorf("the board of week 48 lacks %q", want)
		}
	}

	// The page the clerk sees after the send: week 48 received, week 49
	// still missing, said plainly, with its deadline and time left.
	page := d.uploadPage(d.links["tram-y-te"], sample("tram-y-te-2026-W48.xlsx"))
	for _, want := range []string{
		`id="con-thieu"`, "chưa gửi báo cáo Tuần 49 năm 2026</b> (kỳ đang báo cáo)", "17 giờ 00, thứ Tư 02/12/2026 (còn 8 giờ, hạn là hôm nay)",
		"Tệp này đang được dùng để tổng hợp",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the unit's page after a late send lacks %q", want)
		}
	}
	// Its own page lists this week's report, the month's with its
	// template while December's report is due, and week 49 (which others
	// sent) it still owes.
	d.uploadFor(http.DefaultClient, d.links["cong-an"], excelizeCopyWithPeriod(t, sample("cong-an-2026-W48.xlsx"), "2026-W49"), "")
	d.clock = d.clock.AddDate(0, 0, 1) // Thursday 3/12: week 50, December due
	page = d.unitPage(d.links["tram-y-te"])
	for _, want := range []string{"Tuần 50 năm 2026</b> (kỳ đang báo cáo)", "Tháng 12 năm 2026</b>", `/mau?period=2026-12"`,
		"Tuần 49 năm 2026</b>: <b class=\"state\">Chưa gửi", "đã quá hạn 1 ngày"} {
		if !strings.Contains(page, want) {
			t.Errorf("the unit's page lacks %q", want)
		}
	}
	if strings.Contains(page, "Tuần 48 năm 2026</b>: <b") {
		t.Error("week 48, received, is still listed as owed")
	}
	// The month's template comes from the link.
	resp, err = http.Get(d.links["tram-y-te"] + "/mau?period=2026-12")
	if err != nil || resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), "tram-y-te-2026-12.xlsx") {
		t.Errorf("the month's template: %v %v", resp, err)
	}
}
