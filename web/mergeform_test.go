package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// The board's merge form shows the signer that will be printed — the
// header's (Văn bản báo cáo) after a merge with the box left empty — and
// a signing date never already past once the report day has passed:
// today, de06 merge's rule (report.SigningDate).
func TestMergeFormSignerAndDate(t *testing.T) {
	d := newTestDesk(t, Config{})
	c := d.officer()
	d.setNow(time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)) // before Wednesday 25/11
	d.send("tram-y-te", w48, "good")
	_, body := d.page(c, "/bang?period=2026-W48")
	mustContain(t, "before the report day", body, `name="date" value="24/11/2026"`, "Chưa có tên người ký")
	form := headerForm(d.srv.latest().Header)
	form.Set("signer_name", "Nguyễn Văn An")
	form.Set("xac-nhan", "1")
	if resp, body := d.submit(c, "/van-ban", form); resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("header: %d %.300s", resp.StatusCode, body)
	}
	resp, body := d.submit(c, "/tong-hop", url.Values{"period": {"2026-W48"}, "number": {"7"}})
	d.seeOther(c, "merge", resp, body, "/bang?period=2026-W48")
	d.setNow(time.Date(2026, 11, 29, 23, 0, 0, 0, time.UTC)) // the report day past
	c = d.officer()                                          // the session has lapsed meanwhile
	_, body = d.page(c, "/bang?period=2026-W48")
	mustContain(t, "after the merge", body, `name="signer" value="Nguyễn Văn An"`, "Người ký in trên báo cáo: <b>Nguyễn Văn An</b>",
		"theo trang <a href=\"/van-ban\">Văn bản báo cáo</a>", `name="date" value="29/11/2026"`, `value="7"`)
	if strings.Contains(body, "Số, ngày và người ký lấy theo lần tổng hợp trước") {
		t.Error("the hint still says the signer comes from the last merge")
	}
}

// An overdue period's board that the other boards do not list says it is
// no longer asked for, and why; a month's board says its dates.
func TestBoardSaysNoLongerAsked(t *testing.T) {
	d := newTestDesk(t, Config{})
	c := d.officer()
	_, body := d.page(c, "/bang?period=2026-W46")
	mustContain(t, "week 46", body, `id="khong-doi"`, "Kỳ này không còn được nhắc:</b> chưa có ai gửi báo cáo kỳ này")
	_, body = d.page(c, "/bang?period=2026-11")
	mustContain(t, "month 11", body, "Kỳ này không còn được nhắc:</b> đã quá hạn hơn 7 ngày", "Tháng 11 năm 2026: 15/10/2026–14/11/2026")
	_, body = d.page(c, "/bang?period=2026-W48")
	if strings.Contains(body, `id="khong-doi"`) {
		t.Error("the week under way says it is no longer asked for")
	}
}
