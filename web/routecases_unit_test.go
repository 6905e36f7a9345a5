package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/plan"
)

// unitCases are a unit's routes, through its own link.
var unitCases = map[string]func(t *testing.T){
	"GET /u/{token}": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		d.send("tram-y-te", w48, "partial")
		d.send("cong-an", w48, "good")
		resp, body := d.page(nil, d.links["tram-y-te"]+"?period=2026-W48")
		status(t, "unit page", resp, body, 200)
		mustContain(t, "unit page", body, "<h1>Trạm y tế xã</h1>", "Tuần 48 năm 2026", "Đã nhận, còn lỗi", "Các lần đã gửi",
			"/mau?period=2026-W48", "Tải tệp mẫu")
		if strings.Contains(body, "Công an xã") && strings.Contains(body, "cong-an-2026-W48.xlsx") {
			t.Error("a unit sees another unit's send")
		}
		resp, body = d.page(nil, d.links["tram-y-te"]+"?period=hom-qua")
		status(t, "bad period", resp, body, http.StatusBadRequest)
	},
	"POST /u/{token}": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		good := d.send("tram-y-te", w48, "good")
		partial := d.send("tram-y-te", w48, "partial")
		bad := d.send("tram-y-te", w48, "unusable")
		if !good.Counting || !partial.Counting || bad.Counting || bad.Period != "2026-W48" {
			t.Errorf("verdicts: %+v %+v %+v", good, partial, bad)
		}
		ups, _ := d.st.Uploads("2026-W48")
		if len(ups) != 3 || ups[0].Via != string(desk.ViaLink) || !ups[0].Accepted || !ups[1].Accepted || ups[1].Errors != 1 || ups[2].Accepted ||
			ups[0].Reporter != "Nguyễn Thị Lan" || ups[0].UnitID != "tram-y-te" {
			t.Fatalf("stored %+v", ups)
		}
		// Through the browser: on to the unit's page with the findings and
		// the verdict (a reload shows them again, sends nothing).
		resp, body := d.postFiles(noRedirect(), d.links["tram-y-te"]+"?period=2026-W48", "file",
			map[string][]byte{"lan-2.xlsx": fakeReport(d.srv.latest(), "tram-y-te", w48, "partial")}, nil)
		for range 2 {
			r2, body := d.seeOther(nil, "send from a browser", resp, body, d.links["tram-y-te"][len(d.ts.URL):]+"?period=2026-W48&gui=")
			status(t, "send from a browser", r2, body, 200)
			mustContain(t, "send from a browser", body, `id="ket-qua"`, "Kết quả kiểm tra: đã nhận, còn 1 lỗi cần sửa", "Tệp này đang được dùng để tổng hợp",
				"Tải bản đánh dấu lỗi", "trang “Lỗi cần sửa” trong tệp liệt kê mọi lỗi", "tiến độ 110% của mô hình")
			if strings.Contains(body, "đưa chuột") {
				t.Error("a phone user is told to use a mouse")
			}
		}
		if ups, _ := d.st.Uploads("2026-W48"); len(ups) != 4 {
			t.Errorf("%d sends stored, want 4", len(ups))
		}
		// A worse file after a clean one: the page warns, and its withdraw
		// button asks first.
		d.send("tram-y-te", w48, "good")
		resp, body = d.postFiles(noRedirect(), d.links["tram-y-te"]+"?period=2026-W48", "file",
			map[string][]byte{"lan-3.xlsx": fakeReport(d.srv.latest(), "tram-y-te", w48, "partial")}, nil)
		_, body = d.seeOther(nil, "a worse file", resp, body, d.links["tram-y-te"][len(d.ts.URL):]+"?period=2026-W48&gui=")
		mustContain(t, "a worse file", body, "đã thay cho tệp", `<form method="get" action="/u/`, "Rút lại lần gửi này…")
		// Another unit's file through this link is refused and kept.
		other := d.postFilesJSON(d.links["tram-y-te"]+"?period=2026-W48", "cong-an.xlsx", fakeReport(d.srv.latest(), "cong-an", w48, "good"))
		if other.Counting {
			t.Error("another unit's file counts for this one")
		}
		resp, body = d.postFiles(nil, d.links["tram-y-te"], "file", nil, nil)
		status(t, "no file", resp, body, http.StatusBadRequest)
		mustContain(t, "no file", body, "Chưa chọn tệp nào")
	},
	"POST /u/{token}/withdraw": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		first := d.send("tram-y-te", w48, "good")
		second := d.send("tram-y-te", w48, "partial")
		otherUnit := d.send("cong-an", w48, "good")
		resp, body := d.submit(nil, d.links["tram-y-te"]+"/withdraw", url.Values{"upload": {idPath("%d", first.ID)}})
		status(t, "withdraw an earlier send", resp, body, http.StatusConflict)
		resp, body = d.submit(nil, d.links["tram-y-te"]+"/withdraw", url.Values{"upload": {idPath("%d", otherUnit.ID)}})
		status(t, "withdraw another unit's send", resp, body, http.StatusNotFound)
		resp, body = d.submit(noRedirect(), d.links["tram-y-te"]+"/withdraw", url.Values{"upload": {idPath("%d", second.ID)}})
		resp, body = d.seeOther(nil, "withdraw", resp, body, d.links["tram-y-te"][len(d.ts.URL):]+idPath("?period=2026-W48&rut=%d", second.ID))
		status(t, "withdraw", resp, body, 200)
		mustContain(t, "withdraw", body, `<section class="card result ok" id="ket-qua"`, "Đã rút lại tệp", "(không có lỗi) được dùng lại để tổng hợp")
		up, _, _ := d.st.Upload(second.ID)
		if up.WithdrawnAt.IsZero() {
			t.Error("the withdrawal is not stored")
		}
		b, _ := d.srv.boardOf(w48)
		if u := b.Unit("tram-y-te"); u.Counting == nil || u.Counting.ID != first.ID {
			t.Errorf("after the withdrawal: %+v", u.Counting)
		}
		if b.Unit("cong-an").Counting == nil {
			t.Error("another unit's send was touched")
		}
		// The address of a withdrawal says only what happened to this
		// unit's own sends: another unit's send is never shown as withdrawn.
		d.submit(nil, d.links["cong-an"]+"/withdraw", url.Values{"upload": {idPath("%d", otherUnit.ID)}})
		if up, _, _ := d.st.Upload(otherUnit.ID); up.WithdrawnAt.IsZero() {
			t.Fatal("the other unit could not withdraw its send")
		}
		_, body = d.page(nil, d.links["tram-y-te"]+idPath("?period=2026-W48&rut=%d", otherUnit.ID))
		if strings.Contains(body, `id="ket-qua"`) || strings.Contains(body, "Đã rút lại tệp") {
			t.Error("another unit's send is shown as withdrawn on this unit's page")
		}
		// The review's case: a file with an error, then the right one,
		// withdrawn: the file with the error counts again, and the page
		// says so in amber with its count, never as a plain success.
		d = newTestDesk(t, Config{})
		d.send("tram-y-te", w48, "partial")
		right := d.send("tram-y-te", w48, "good")
		resp, body = d.submit(noRedirect(), d.links["tram-y-te"]+"/withdraw", url.Values{"upload": {idPath("%d", right.ID)}})
		_, body = d.seeOther(nil, "withdraw the right file", resp, body, d.links["tram-y-te"][len(d.ts.URL):])
		mustContain(t, "withdraw the right file", body, `<section class="card result partial" id="ket-qua"`, `<div class="warn" id="dung-lai-co-loi">`,
			"Chú ý: tệp được dùng lại có 1 lỗi.")
		if strings.Contains(body, `result ok`) {
			t.Error("a withdrawal that brings back errors is shown as a success")
		}
	},
	"GET /u/{token}/withdraw": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		earlier := d.send("tram-y-te", w48, "partial")
		right := d.send("tram-y-te", w48, "good")
		theirs := d.send("cong-an", w48, "good")
		// The question before withdrawing, without a script: what comes back.
		resp, body := d.page(nil, d.links["tram-y-te"]+idPath("/withdraw?upload=%d", right.ID))
		status(t, "confirmation", resp, body, 200)
		mustContain(t, "confirmation", body, "Rút lại lần gửi này?", `<div class="warn" role="alert" id="dung-lai-co-loi">`,
			"Chú ý: tệp được dùng lại có 1 lỗi.", `<form method="post" action="/u/`, idPath(`name="upload" value="%d"`, right.ID),
			`<button class="danger">Rút lại</button>`, "Không rút, quay lại")
		if b, _ := d.srv.boardOf(w48); b.Unit("tram-y-te").Counting.ID != right.ID {
			t.Error("asking withdrew the send")
		}
		// Withdrawing the only send leaves nothing: said before.
		only := d.send("cong-an", w47, "good") // a link sends only for a period open (w49 is still to come)
		_, body = d.page(nil, d.links["cong-an"]+idPath("/withdraw?upload=%d", only.ID))
		mustContain(t, "the only send", body, "không còn tệp nào dùng được cho Tuần 47 năm 2026")
		resp, body = d.page(nil, d.links["tram-y-te"]+idPath("/withdraw?upload=%d", earlier.ID))
		status(t, "an earlier send", resp, body, http.StatusConflict)
		resp, body = d.page(nil, d.links["tram-y-te"]+idPath("/withdraw?upload=%d", theirs.ID))
		status(t, "another unit's send", resp, body, http.StatusNotFound)
		resp, _ = d.page(noRedirect(), d.links["tram-y-te"]+"/withdraw")
		if resp.StatusCode != http.StatusSeeOther {
			t.Errorf("no send named: %d", resp.StatusCode)
		}
	},
	"GET /u/{token}/mau": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		resp, body := d.page(nil, d.links["tram-y-te"]+"/mau?period=2026-W48")
		status(t, "template", resp, body, 200)
		var tpl fakeTemplate
		if json.Unmarshal([]byte(body), &tpl) != nil || tpl.Unit != "tram-y-te" || tpl.Period != "2026-W48" || tpl.Prefilled != "" || tpl.Models == 0 {
			t.Fatalf("template %s", body)
		}
		if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename="tram-y-te-2026-W48.xlsx"` {
			t.Errorf("disposition %q", cd)
		}
		// After week 47's send, week 48's template starts from it.
		d.send("tram-y-te", w47, "good")
		_, body = d.page(nil, d.links["tram-y-te"]+"/mau?period=2026-W48")
		if json.Unmarshal([]byte(body), &tpl) != nil || tpl.Prefilled != "2026-W47" {
			t.Errorf("template after week 47: %s", body)
		}
		notForCommunes(t, "GET", "/mau?period=2026-W48")
	},
	"GET /u/{token}/tep/{id}": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		mine := d.send("tram-y-te", w48, "good")
		theirs := d.send("cong-an", w48, "good")
		resp, body := d.page(nil, d.links["tram-y-te"]+idPath("/tep/%d", mine.ID))
		status(t, "own send", resp, body, 200)
		if body != string(fakeReport(d.srv.latest(), "tram-y-te", w48, "good")) {
			t.Error("the unit's download is not the file it sent")
		}
		resp, body = d.page(nil, d.links["tram-y-te"]+idPath("/tep/%d", theirs.ID))
		status(t, "another unit's send", resp, body, http.StatusNotFound)
		// A file of which only the start was kept is not given as whole.
		junk := strings.Repeat("x", keptPrefix+1)
		_, b := d.upload("tram-y-te", "rac.xlsx", []byte(junk))
		var out struct {
			Upload sent `json:"upload"`
		}
		json.Unmarshal([]byte(b), &out)
		resp, body = d.page(nil, d.links["tram-y-te"]+idPath("/tep/%d", out.Upload.ID))
		status(t, "a file kept in part", resp, body, http.StatusGone)
	},
	"GET /u/{token}/form": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		resp, body := d.page(nil, d.links["tram-y-te"]+"/form?period=2026-W48")
		status(t, "form", resp, body, 200)
		pl := d.srv.latest()
		for _, a := range pl.Assignments("tram-y-te") {
			mustContain(t, "form", body, idPath(`name="status_%d"`, int64(a.Model.Number)), idPath(`name="progress_%d"`, int64(a.Model.Number)))
		}
		mustContain(t, "form", body, `name="reporter"`, `name="report_date"`, `value="25/11/2026"`)
		if strings.Contains(body, "Điền sẵn theo báo cáo") {
			t.Error("an empty form says it is pre-filled")
		}
		// After week 47's send, week 48's form starts from it.
		d.send("tram-y-te", w47, "good")
		_, body = d.page(nil, d.links["tram-y-te"]+"/form?period=2026-W48")
		mustContain(t, "pre-filled form", body, "Điền sẵn theo báo cáo Tuần 47 năm 2026", "Đã triển khai tại trụ sở", `value="Nguyễn Thị Lan"`)
		if n := strings.Count(body, "Người báo cáo"); n != 1 {
			t.Errorf("the form says “Người báo cáo” %d times", n)
		}
		resp, body = d.page(nil, d.links["tram-y-te"]+"/form?period=tuan-sau")
		status(t, "bad period", resp, body, http.StatusBadRequest)
		mustContain(t, "bad period", body, "Không hiểu kỳ báo cáo", "(ví dụ “Tuần 48 năm 2026” hoặc “Tháng 12 năm 2026”)")
		if strings.Contains(body, "2026-W48") {
			t.Error("a bad period is explained in the command line's format")
		}
		// Sent through the form, the form opens with what was sent, and
		// says so (not "pre-filled from week 47"); saved again later, a
		// draft not sent.
		path := d.links["tram-y-te"] + "/form?period=2026-W48"
		form := url.Values{"report_date": {"25/11/2026"}, "reporter": {"Lê Thị Hoa"}, "phone": {"0912 345 678"}, "action": {"send"}}
		for _, a := range d.srv.latest().Assignments("tram-y-te") {
			n := idPath("%d", int64(a.Model.Number))
			form.Set("status_"+n, "Đang triển khai")
			form.Set("progress_"+n, "75")
			form.Set("result_"+n, "Số liệu tuần 48 đã gửi")
		}
		if resp, body := d.submit(noRedirect(), path, form); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("send through the form: %d %.300s", resp.StatusCode, mainOf(body))
		}
		_, body = d.page(nil, path)
		mustContain(t, "the form after its send", body, "Số liệu tuần 48 đã gửi", "Đây là báo cáo đơn vị đã gửi qua biểu mẫu lúc 09:00 25/11/2026")
		if strings.Contains(body, "Điền sẵn theo báo cáo") {
			t.Error("the form after its send says it is pre-filled from an earlier week")
		}
		d.setNow(testNow.Add(time.Hour))
		form.Set("action", "save")
		d.submit(nil, path, form)
		_, body = d.page(nil, path)
		mustContain(t, "the form saved after its send", body, "Đây là bản nháp lưu lúc 10:00 25/11/2026, <b>chưa gửi</b>")
		notForCommunes(t, "GET", "/form?period=2026-W48")
	},
	"POST /u/{token}/form": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		path := d.links["tram-y-te"] + "/form?period=2026-W48"
		form := url.Values{"report_date": {"25/11/2026"}, "reporter": {"Lê Thị Hoa"}, "phone": {"0912 345 678"}}
		as := d.srv.latest().Assignments("tram-y-te")
		for _, a := range as {
			n := idPath("%d", int64(a.Model.Number))
			form.Set("status_"+n, "Đang triển khai")
			form.Set("progress_"+n, "70")
			form.Set("result_"+n, "Đã hướng dẫn 40 lượt")
		}
		// Saved as a draft, checked, nothing filed.
		form.Set("action", "save")
		formPage := d.links["tram-y-te"][len(d.ts.URL):] + "/form?"
		resp, body := d.submit(noRedirect(), path, form)
		resp, body = d.seeOther(nil, "save", resp, body, formPage+"ket-qua=da-luu&period=2026-W48")
		status(t, "save", resp, body, 200)
		if dr, ok, _ := d.st.Draft("tram-y-te", "2026-W48"); !ok || !strings.Contains(dr.Fields, "Đã hướng dẫn 40 lượt") {
			t.Fatalf("draft %+v %v", dr, ok)
		}
		// A send with an error is refused; nothing filed.
		bad := url.Values{}
		for k, v := range form {
			bad[k] = v
		}
		bad.Set("progress_"+idPath("%d", int64(as[0].Model.Number)), "110")
		bad.Set("action", "send")
		// Post, redirect, get: the form page with the findings; a reload
		// sends nothing. The JSON contract stays a 422 with the check.
		resp, body = d.submit(noRedirect(), path, bad)
		resp, body = d.seeOther(nil, "send with an error", resp, body, formPage+"ket-qua=chua-gui&period=2026-W48")
		status(t, "send with an error", resp, body, 200)
		mustContain(t, "send with an error", body, "Chưa gửi:", "110", "Còn 1 lỗi cần sửa")
		if dr, _, _ := d.st.Draft("tram-y-te", "2026-W48"); !strings.Contains(dr.Fields, "110") {
			t.Errorf("the refused send's draft is not kept: %s", dr.Fields)
		}
		resp, body = d.postForm(nil, path[len(d.ts.URL):], bad.Encode())
		status(t, "send with an error, JSON", resp, body, http.StatusUnprocessableEntity)
		mustContain(t, "send with an error, JSON", body, `"upload": null`)
		if ups, _ := d.st.Uploads("2026-W48"); len(ups) != 0 {
			t.Fatalf("a refused send was filed: %+v", ups)
		}
		// A right send is the unit's send, via the form.
		form.Set("action", "send")
		resp, body = d.submit(noRedirect(), path, form)
		resp, body = d.seeOther(nil, "send", resp, body, d.links["tram-y-te"][len(d.ts.URL):]+"?period=2026-W48&gui=")
		status(t, "send", resp, body, 200)
		mustContain(t, "send", body, "Tệp này đang được dùng để tổng hợp")
		ups, _ := d.st.Uploads("2026-W48")
		if len(ups) != 1 || ups[0].Via != string(desk.ViaForm) || !ups[0].Accepted || ups[0].Reporter != "Lê Thị Hoa" {
			t.Fatalf("filed %+v", ups)
		}
		b, _ := d.srv.boardOf(w48)
		if u := b.Unit("tram-y-te"); u.State != desk.Accepted || u.Counting == nil || u.Counting.ID != ups[0].ID {
			t.Errorf("on the board: %+v", u)
		}
		resp, body = d.submit(nil, path, url.Values{"action": {"xoa"}})
		status(t, "an unknown action", resp, body, http.StatusBadRequest)
		notForCommunes(t, "POST", "/form?period=2026-W48")
	},
	"GET /u/{token}/tep/{id}/danh-dau": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		mine := d.send("tram-y-te", w48, "partial")
		theirs := d.send("cong-an", w48, "partial")
		resp, body := d.page(nil, d.links["tram-y-te"]+idPath("/tep/%d/danh-dau", mine.ID))
		status(t, "own annotated copy", resp, body, 200)
		mustContain(t, "own annotated copy", body, "PK annotated", "progress.invalid")
		resp, body = d.page(nil, d.links["tram-y-te"]+idPath("/tep/%d/danh-dau", theirs.ID))
		status(t, "another unit's copy", resp, body, http.StatusNotFound)
	},
}

// postFilesJSON sends one file to a unit's link and wants the check JSON.
func (d *testDesk) postFilesJSON(link, name string, data []byte) sent {
	d.t.Helper()
	body, ct := multipartBody("file", name, data)
	req, _ := http.NewRequest("POST", link, body)
	req.Header.Set("Content-Type", ct)
	req.Header.Set("Accept", "application/json")
	resp, b := d.do(nil, req)
	if resp.StatusCode != 200 {
		d.t.Fatalf("send %s: %d %s", name, resp.StatusCode, b)
	}
	var out struct {
		Upload sent `json:"upload"`
	}
	json.Unmarshal([]byte(b), &out)
	return out.Upload
}

// notForCommunes checks that a province's desk gives its communes neither
// the template nor the form (they send their consolidated workbooks): the
// route says what to send, and nothing is stored.
func notForCommunes(t *testing.T, method, path string) {
	t.Helper()
	pl, err := plan.Default()
	if err != nil {
		t.Fatal(err)
	}
	pl.Level = plan.LevelProvince
	d := newTestDeskOn(t, Config{}, pl)
	req, _ := http.NewRequest(method, d.links["tram-y-te"]+path, strings.NewReader("action=send&reporter=X"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, body := d.do(nil, req)
	status(t, "a province's "+path, resp, body, http.StatusNotFound)
	mustContain(t, "a province's "+path, body, "Xã gửi bảng tổng hợp của kỳ", "Không cần tệp mẫu")
	if ups, _ := d.st.Uploads("2026-W48"); len(ups) != 0 || d.eng.Peak() != 0 {
		t.Errorf("a province's %s stored %d files, ran the engine %d times", path, len(ups), d.eng.Peak())
	}
}
