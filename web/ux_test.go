package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// What the officer's board says beyond the period's table: the merge
// made before the header changed is out of date, each change named; the
// earlier week with work left; how the reminder asks units to send; why
// the standing agency is not in it; the units with errors among those
// received; the time a send counts from.

// boardStatus reads /api/status for period p.
func (d *testDesk) boardStatus(c *http.Client, p string) (changed bool, units map[string]apiUnit) {
	d.t.Helper()
	var st struct {
		Changed bool      `json:"changed_since_merge"`
		Units   []apiUnit `json:"units"`
	}
	resp, body := d.get(c, d.ts.URL+"/api/status?period="+p)
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &st) != nil {
		d.t.Fatalf("status: %d %.300s", resp.StatusCode, body)
	}
	units = map[string]apiUnit{}
	for _, u := range st.Units {
		units[u.ID] = u
	}
	return st.Changed, units
}

// A merge made while the header was unconfirmed (a draft), then the
// header confirmed: the merge is out of date on the board, in the list of
// merges and in /api/status, until the period is merged again — and that
// merge, signed by a named official with the signing unit's own report
// in, is no draft.
func TestMergeBeforeTheHeaderChanged(t *testing.T) {
	d := newTestDesk(t, Config{})
	c := d.officer()
	d.send("tram-y-te", w48, "good")
	d.send("cong-an", w48, "good")
	var res mergeResult
	d.sendJSON(c, "/api/merge?period=2026-W48", url.Values{"number": {"12"}}, &res)
	if len(res.Draft) == 0 {
		t.Fatalf("the merge under an unconfirmed header is no draft: %+v", res)
	}
	if changed, _ := d.boardStatus(c, "2026-W48"); changed {
		t.Fatal("changed right after the merge")
	}
	_, board := d.page(c, "/bang?period=2026-W48")
	mustContain(t, "the board after a draft merge", board, "Lần tổng hợp lúc 09:00 25/11/2026 là bản DỰ THẢO; tổng hợp lại lúc này cũng vẫn ghi “DỰ THẢO”")
	form := headerForm(d.srv.latest().Header)
	form.Set("thay-parent_agency-0", "0")
	form.Set("thay-recipients-0", "0")
	form.Set("thay-distribution-1", "0")
	form.Set("xac-nhan", "1")
	d.submit(c, "/van-ban", form)
	if changed, _ := d.boardStatus(c, "2026-W48"); !changed {
		t.Error("/api/status: the header changed after the merge, yet not changed_since_merge")
	}
	_, board = d.page(c, "/bang?period=2026-W48")
	mustContain(t, "the board after the header changed", board, `id="tong-hop-lai"`, "sau lần tổng hợp lúc 09:00 25/11/2026 (bản DỰ THẢO) đã có thay đổi",
		"thông tin văn bản (cơ quan, Kính gửi, Nơi nhận, người ký) đã sửa sau lần tổng hợp", `<b class="draft">DỰ THẢO</b>`, "Cũ: cần tổng hợp lại.",
		`value="12"`)
	if strings.Contains(board, `id="du-thao"`) {
		t.Error("the board still says the next merge is a draft")
	}
	d.sendJSON(c, "/api/merge?period=2026-W48", url.Values{"number": {"12"}, "signer": {"Lê Văn Hùng"}}, &res)
	if len(res.Draft) != 0 {
		t.Errorf("the merge after the confirmation is a draft: %q", res.Draft)
	}
	_, board = d.page(c, idPath("/bang?period=2026-W48&tong-hop=%d", res.Report))
	mustContain(t, "the board after merging again", board, `<section class="card ok" id="tong-hop"`, "(đã có lần tổng hợp sau)")
	if strings.Contains(board, `id="tong-hop-lai"`) || strings.Contains(board, "bản DỰ THẢO") {
		t.Error("merged again, the board still asks for it")
	}
}

// The notice to merge again names the units whose files changed.
func TestMergeAgainNamesTheUnits(t *testing.T) {
	d := newTestDesk(t, Config{})
	c := d.officer()
	d.send("tram-y-te", w48, "good")
	d.sendJSON(c, "/api/merge?period=2026-W48", nil, nil)
	d.send("tram-y-te", w48, "partial")
	d.send("cong-an", w48, "good")
	_, board := d.page(c, "/bang?period=2026-W48")
	mustContain(t, "the notice", board, "<b>Trạm y tế xã</b>: gửi lại sau lần tổng hợp (lần tổng hợp dùng tệp",
		"; nay dùng tệp <b>", "gửi lúc 09:00 25/11/2026, <b>có 1 lỗi</b>: các dòng có lỗi không được tính",
		"<b>Công an xã</b>: gửi tệp sau lần tổng hợp (lúc tổng hợp chưa có tệp nào); nay dùng tệp", ", không có lỗi.")
	if strings.Contains(board, "(hoặc tệp được dùng đã đổi") || strings.Contains(board, "gửi lại, rút lại hoặc") {
		t.Error("the notice hedges instead of naming what changed")
	}
}

// The board of the week under way mentions the week before, whose
// deadline passed with units missing or with errors and whose merge is
// out of date, with a link to it.
func TestBoardMentionsLastWeek(t *testing.T) {
	d := newTestDesk(t, Config{})
	c := d.officer()
	d.send("tram-y-te", w48, "good")
	d.send("cong-an", w48, "partial")
	d.sendJSON(c, "/api/merge?period=2026-W48", nil, nil)
	d.setNow(time.Date(2026, 11, 29, 21, 36, 0, 0, time.UTC)) // Sunday of week 49
	d.send("van-hoa-xa-hoi", w48, "good")                     // late, after the merge
	c = d.login()                                             // the session of Wednesday has ended
	_, board := d.page(c, "/bang")
	mustContain(t, "week 49's board", board, "Bảng theo dõi — Tuần 49 năm 2026", `id="ky-khac"`,
		"<b>Tuần 48 năm 2026</b>: 7 đơn vị chưa xong (6 chưa có tệp dùng được, 1 còn lỗi); cần tổng hợp lại", `href="/bang?period=2026-W48"`)
	_, board = d.page(c, "/bang?period=2026-W48")
	if strings.Contains(board, `id="ky-khac"`) {
		t.Error("week 48's own board mentions itself")
	}
	mustContain(t, "week 48's board", board, "Đã nhận <b>3/9</b> đơn vị, trong đó <b>1 còn lỗi cần sửa</b>",
		"nộp muộn 4 ngày") // Sunday evening for Wednesday 17:00: 4 days by the calendar
}

// The reminder never asks for a link that cannot open: while the links
// open only on the desk's computer it asks for the file, and the board
// says why; shared on the network, it asks for the links. The standing
// agency's own unit is left out, and the board says so.
func TestReminderWhereLinksOpen(t *testing.T) {
	d := newTestDesk(t, Config{})
	c := d.officer()
	_, board := d.page(c, "/bang?period=2026-W48")
	mustContain(t, "a desk on this computer only", board, "gửi tệp báo cáo (Excel) cho Công an xã qua Zalo hoặc thư điện tử", `id="nhac-gui-tep"`,
		`id="nhac-ban-than"`, "<b>Công an xã</b> (Chưa gửi) không có trong lời nhắc vì là nơi gửi lời nhắc")
	if strings.Contains(board, "qua đường dẫn đã được cấp") {
		t.Error("the reminder asks units for links that open on this computer only")
	}
	d = shareTestDesk(t)
	c = d.officer()
	d.submit(c, "/chia-se", url.Values{"share": {"on"}})
	d.send("cong-an", w48, "good")
	_, board = d.page(c, "/bang?period=2026-W48")
	mustContain(t, "a shared desk", board, "qua đường dẫn đã được cấp")
	if strings.Contains(board, `id="nhac-gui-tep"`) || strings.Contains(board, `id="nhac-ban-than"`) {
		t.Error("a shared desk's board explains the reminder as if it were local, or the agency that sent")
	}
}

// /api/status gives the time of the send that counts, as the board does,
// not of a later send that is not used.
func TestStatusTimeIsTheCountingSend(t *testing.T) {
	d := newTestDesk(t, Config{})
	c := d.officer()
	good := d.send("tram-y-te", w48, "good")
	d.setNow(testNow.Add(2 * time.Hour))
	bad := d.send("tram-y-te", w48, "unusable")
	_, units := d.boardStatus(c, "2026-W48")
	u := units["tram-y-te"]
	if u.SubmittedAt == nil || *u.SubmittedAt != testNow.Local().Format(time.RFC3339) || *u.CountingUpload != good.ID || *u.LatestUpload != bad.ID {
		t.Errorf("status %+v (submitted %v)", u, *u.SubmittedAt)
	}
}

// Addresses the desk has no page for, and action addresses opened
// directly, are answered in Vietnamese on the desk's page (or as JSON to
// a script), never in Go's English.
func TestOwnErrors(t *testing.T) {
	d := newTestDesk(t, Config{})
	c := d.officer()
	resp, body := d.page(nil, "/trang-khong-co")
	status(t, "an unknown address", resp, body, http.StatusNotFound)
	mustContain(t, "an unknown address", body, "<h1>Không có trang này</h1>", "Có thể địa chỉ bị gõ sai", `href="/"`)
	resp, body = d.page(c, "/tong-hop?period=2026-W48")
	status(t, "the merge's address opened", resp, body, http.StatusMethodNotAllowed)
	mustContain(t, "the merge's address opened", body, "<h1>Không mở trực tiếp được</h1>", "chỉ dùng cho nút bấm")
	if resp.Header.Get("Allow") == "" {
		t.Error("405 without Allow")
	}
	resp, body = d.page(nil, d.links["tram-y-te"]+"/mau-sai")
	status(t, "a mistyped page under a unit's link", resp, body, http.StatusNotFound)
	mustContain(t, "a mistyped page under a unit's link", body, `href="`+d.links["tram-y-te"][len(d.ts.URL):]+`">Về trang của đơn vị`)
	resp, body = d.get(nil, d.ts.URL+"/api/khong-co")
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, `"error"`) || !strings.Contains(body, "Địa chỉ này không có trang nào") {
		t.Errorf("JSON 404: %d %s", resp.StatusCode, body)
	}
	for _, english := range []string{"404 page not found", "Method Not Allowed"} {
		for _, p := range []string{"/trang-khong-co", "/bang/chon", "/nop", "/ke-hoach/ap-dung"} {
			if _, body := d.page(c, p); strings.Contains(body, english) {
				t.Errorf("%s answers %q", p, english)
			}
		}
	}
}

// Every officer page has the same navigation: each page's name as its
// heading says it, the page itself marked, and the logout.
func TestOfficerNav(t *testing.T) {
	d := newTestDesk(t, Config{})
	c := d.officer()
	d.send("tram-y-te", w48, "good")
	pages := map[string]string{"/bang": "bang", "/bang/don-vi?period=2026-W48&unit=tram-y-te": "bang", "/tien-do": "tien-do",
		"/van-ban": "van-ban", "/ke-hoach": "ke-hoach", "/chia-se": "chia-se", "/cai-dat": "cai-dat"}
	for p, key := range pages {
		resp, body := d.page(c, p)
		status(t, p, resp, body, 200)
		for _, it := range officerNav {
			link := `<a href="` + it.Path + `"`
			if it.Key == key {
				link += ` aria-current="page"`
			}
			mustContain(t, p, body, link+`>`+it.Label+`</a>`)
		}
		mustContain(t, p, body, `<form method="post" action="/logout"><button class="link">Đăng xuất</button></form>`)
		if strings.Count(body, `<nav class="bar`) != 1 {
			t.Errorf("%s has %d navigations", p, strings.Count(body, `<nav class="bar`))
		}
	}
	// The first run's header page is a step of its own, without the menu.
	if _, body := d.page(c, "/van-ban?dau=1"); strings.Contains(body, `class="bar officer"`) {
		t.Error("the first run shows the menu")
	}
}
