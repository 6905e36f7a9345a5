package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/caongoc/de06/desk"
)

// boardCases are the officer's board and what it does: sends, choices, drops, merges, downloads, the API.
var boardCases = map[string]func(t *testing.T){
	"GET /bang": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		d.send("tram-y-te", w48, "good")
		d.send("van-hoa-xa-hoi", w48, "partial")
		d.send("truong-hoc", w48, "unusable")
		resp, body := d.page(c, "/bang?period=2026-W48")
		status(t, "board", resp, body, 200)
		mustContain(t, "board", body, "Bảng theo dõi — Tuần 48 năm 2026", "Đã nhận <b>2/9</b>",
			`<tr class="accepted"><td>Trạm y tế xã</td>`, `<tr class="partial"><td>Công chức Văn hóa – xã hội</td>`,
			`<tr class="rejected"><td>Trường học trên địa bàn xã</td>`, `<tr class="missing"><td>Bộ phận một cửa xã</td>`,
			"Nguyễn Thị Lan", // the reporter
			// The reminder names who owes the week, not who sent.
			"- Bộ phận một cửa xã", "- Công chức Văn hóa – xã hội (đã gửi nhưng còn 1 lỗi", "- Trường học trên địa bàn xã (tệp đã gửi không dùng được",
			// The header is not confirmed: the report would be a draft, and why.
			`id="du-thao"`, "chưa được cán bộ xác nhận", "Công an huyện Ngọc Lặc", `href="/van-ban"`,
			// The storage the week's files take, and the bar's links.
			`id="dung-luong"`, "mỗi kỳ nhận được tối đa 400 MB", `href="/cai-dat"`, `href="/van-ban"`,
			// The period's table before any merge.
			"Bảng tổng hợp Tuần 48 năm 2026")
		if strings.Contains(body, "- Trạm y tế xã") {
			t.Error("the reminder names a unit that sent")
		}
		resp, body = d.page(c, "/bang?period=2026-W99")
		status(t, "bad period", resp, body, http.StatusBadRequest)
	},
	"GET /bang/don-vi": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		first := d.send("tram-y-te", w48, "good")
		second := d.send("tram-y-te", w48, "partial")
		resp, body := d.page(c, "/bang/don-vi?period=2026-W48&unit=tram-y-te")
		status(t, "unit's sends", resp, body, 200)
		mustContain(t, "unit's sends", body, "Trạm y tế xã — Tuần 48 năm 2026", "Đang dùng để tổng hợp", "Không dùng (đang dùng tệp khác)",
			"Người báo cáo: Nguyễn Thị Lan", "tiến độ 110% của mô hình", // the partial send's finding, in check's words
			idPath(`/tep/%d/danh-dau`, second.ID), idPath(`name="upload" value="%d"`, first.ID))
		resp, body = d.page(c, "/bang/don-vi?period=2026-W48&unit=khong-co")
		status(t, "unknown unit", resp, body, http.StatusBadRequest)
	},
	"POST /bang/chon": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		first := d.send("tram-y-te", w48, "good")
		partial := d.send("tram-y-te", w48, "partial")
		bad := d.send("tram-y-te", w48, "unusable")
		resp, body := d.submit(c, "/bang/chon", url.Values{"period": {"2026-W48"}, "unit": {"tram-y-te"}, "upload": {idPath("%d", first.ID)}})
		resp, body = d.seeOther(c, "choose", resp, body, idPath("/bang/don-vi?period=2026-W48&unit=tram-y-te&chon=%d", first.ID))
		status(t, "after the choice", resp, body, 200)
		mustContain(t, "after the choice", body, "Đã chọn tệp để tổng hợp")
		cs, _ := d.st.Choices("2026-W48")
		if len(cs) != 1 || cs[0].UploadID != first.ID || cs[0].UnitID != "tram-y-te" {
			t.Fatalf("choices %+v", cs)
		}
		b, _ := d.srv.boardOf(w48)
		if u := b.Unit("tram-y-te"); u.Counting == nil || u.Counting.ID != first.ID || u.State != desk.Accepted {
			t.Errorf("after the choice: %+v", u)
		}
		resp, body = d.submit(c, "/bang/chon", url.Values{"period": {"2026-W48"}, "unit": {"tram-y-te"}, "upload": {idPath("%d", bad.ID)}})
		status(t, "choose an unusable send", resp, body, http.StatusBadRequest)
		mustContain(t, "choose an unusable send", body, "không dùng được")
		// A file with errors: asked first, in amber, nothing chosen yet;
		// chosen on the answer, and said again.
		form := url.Values{"period": {"2026-W48"}, "unit": {"tram-y-te"}, "upload": {idPath("%d", partial.ID)}}
		resp, body = d.submit(c, "/bang/chon", form)
		resp, body = d.seeOther(c, "choose a file with errors", resp, body, idPath("/bang/don-vi?period=2026-W48&unit=tram-y-te&hoi=%d", partial.ID))
		mustContain(t, "the question", body, `id="hoi"`, `class="warn"`, "tệp này có 1 lỗi; các dòng có lỗi sẽ không được tính", `name="chac" value="co"`)
		if cs, _ := d.st.Choices("2026-W48"); len(cs) != 1 {
			t.Errorf("chosen before the answer: %+v", cs)
		}
		form.Set("chac", "co")
		resp, body = d.submit(c, "/bang/chon", form)
		resp, body = d.seeOther(c, "the answer", resp, body, idPath("/bang/don-vi?period=2026-W48&unit=tram-y-te&chon=%d", partial.ID))
		mustContain(t, "after choosing a file with errors", body, `class="warn"`, "Đã chọn tệp để tổng hợp: tệp này có 1 lỗi")
	},
	"POST /nop": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		pl := d.srv.latest()
		files := map[string][]byte{
			"cong-an.xlsx":    fakeReport(pl, "cong-an", w48, "good"),
			"tram-y-te.xlsx":  fakeReport(pl, "tram-y-te", w48, "partial"),
			"lan-khac.xlsx":   fakeReport(pl, "truong-hoc", w48, "unusable"),
			"tuan-truoc.xlsx": fakeReport(pl, "dia-chinh", w47, "good"),
			"rac.xlsx":        []byte("không phải tệp Excel"),
		}
		resp, body := d.postFiles(c, "/nop?period=2026-W48", "files", files, url.Values{"period": {"2026-W48"}})
		resp, body = d.seeOther(c, "drop", resp, body, "/bang?")
		status(t, "after the drop", resp, body, 200)
		mustContain(t, "drop", body, "Tệp vừa nộp", "cong-an.xlsx: dùng được (0 lỗi", "tram-y-te.xlsx: dùng được (1 lỗi",
			"lan-khac.xlsx: <span class=\"bad\">không dùng được", "không rõ đơn vị", "tuan-truoc.xlsx: dùng được (0 lỗi, 0 cảnh báo), xếp vào Tuần 47 năm 2026",
			"rac.xlsx: <span class=\"bad\">không dùng được")
		ups, _ := d.st.Uploads("2026-W48")
		if len(ups) != 4 {
			t.Fatalf("%d uploads filed under week 48, want 4", len(ups))
		}
		for _, up := range ups {
			if up.Via != string(desk.ViaOfficer) || !up.ByOfficer {
				t.Errorf("%s: via %q", up.Name, up.Via)
			}
			want := up.Name == "cong-an.xlsx" || up.Name == "tram-y-te.xlsx"
			if up.Accepted != want {
				t.Errorf("%s accepted %v", up.Name, up.Accepted)
			}
		}
		if ups, _ := d.st.Uploads("2026-W47"); len(ups) != 1 || ups[0].UnitID != "dia-chinh" {
			t.Errorf("the week-47 file: %+v", ups)
		}
	},
	"POST /tong-hop": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		form := url.Values{"period": {"2026-W48"}, "number": {"7"}, "date": {"25/11/2026"}, "signer": {"Lê Văn Hùng"}}
		// Nothing usable: no report from nothing.
		d.send("truong-hoc", w48, "unusable")
		resp, body := d.submit(c, "/tong-hop", form)
		status(t, "merge of nothing", resp, body, http.StatusConflict)
		mustContain(t, "merge of nothing", body, "không lập báo cáo từ không có số liệu")
		d.send("tram-y-te", w48, "good")
		resp, body = d.submit(c, "/tong-hop", form)
		// The board, where a reload shows the merge again and makes none.
		after := "/bang?period=2026-W48&tong-hop=1#tong-hop"
		d.seeOther(c, "merge", resp, body, after)
		resp, body = d.page(c, after)
		status(t, "merge", resp, body, 200)
		// A draft (the header is not confirmed) is said so, in amber, with
		// why; the downloads are buttons.
		mustContain(t, "merge", body, `<section class="card warn" id="tong-hop"`, "Đã tổng hợp: bản DỰ THẢO", "1/9 đơn vị báo cáo",
			"chưa được cán bộ xác nhận", `<a class="button" href="/bao-cao/1/xlsx">`, `<a class="button" href="/bao-cao/1/pdf">Tải báo cáo (PDF, dự thảo)`,
			// The number, date and signer typed stay for merging again.
			`name="number" inputmode="numeric" placeholder="ví dụ 5" value="7"`, `name="date" value="25/11/2026"`, `name="signer" value="Lê Văn Hùng"`,
			// The list of merges marks the draft.
			"số 7, ngày 25/11/2026: 1/9 đơn vị báo cáo", `<b class="draft">DỰ THẢO</b>`)
		reps, _ := d.st.Reports("2026-W48")
		if len(reps) != 1 || reps[0].Number != 7 || reps[0].Date != "25/11/2026" || reps[0].Signer != "Lê Văn Hùng" || len(reps[0].Used) != 1 ||
			!strings.Contains(reps[0].Header, "Công an huyện Ngọc Lặc") || !strings.Contains(reps[0].Draft, "chưa được cán bộ xác nhận") {
			t.Fatalf("stored %+v", reps)
		}
		_, pdf, _ := d.st.ReportFile(reps[0].ID, true)
		mustContain(t, "the merge's PDF", string(pdf), "DỰ THẢO", "Số: 7/BC-CAX", "Lê Văn Hùng")
		resp, body = d.submit(c, "/tong-hop", url.Values{"period": {"2026-W48"}, "number": {"năm"}})
		status(t, "a number that is none", resp, body, http.StatusBadRequest)
	},
	"GET /tep/{id}": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		up := d.send("tram-y-te", w48, "good")
		resp, body := d.page(c, idPath("/tep/%d", up.ID))
		status(t, "download", resp, body, 200)
		if body != string(fakeReport(d.srv.latest(), "tram-y-te", w48, "good")) {
			t.Error("the file downloaded is not the file sent")
		}
		if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename="tram-y-te-2026-w48.xlsx"` {
			t.Errorf("disposition %q", cd)
		}
		resp, body = d.page(c, "/tep/999")
		status(t, "no such file", resp, body, http.StatusNotFound)
	},
	"GET /tep/{id}/danh-dau": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		up := d.send("tram-y-te", w48, "partial")
		resp, body := d.page(c, idPath("/tep/%d/danh-dau", up.ID))
		status(t, "annotated", resp, body, 200)
		mustContain(t, "annotated copy", body, "PK annotated tram-y-te-2026-W48.xlsx", "progress.invalid F11")
		if cd := resp.Header.Get("Content-Disposition"); !strings.HasSuffix(cd, `.loi.xlsx"`) {
			t.Errorf("disposition %q", cd)
		}
		resp, body = d.page(c, "/tep/abc/danh-dau")
		status(t, "no such file", resp, body, http.StatusNotFound)
	},
	"GET /bao-cao/{id}/{kind}": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		d.send("tram-y-te", w48, "good")
		var res mergeResult
		d.sendJSON(c, "/api/merge?period=2026-W48", nil, &res)
		resp, body := d.page(c, res.PDF)
		status(t, "pdf", resp, body, 200)
		if resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(body, "%PDF") {
			t.Errorf("pdf: %s %.40q", resp.Header.Get("Content-Type"), body)
		}
		resp, body = d.page(c, res.XLSX)
		status(t, "xlsx", resp, body, 200)
		var wb fakeWorkbook
		if json.Unmarshal([]byte(body), &wb) != nil || wb.Period != "2026-W48" || wb.Reported != 1 {
			t.Errorf("workbook %.200s", body)
		}
		if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename="bao-cao-de-an-06-2026-W48.xlsx"` {
			t.Errorf("disposition %q", cd)
		}
		for _, p := range []string{"/bao-cao/1/doc", "/bao-cao/9/pdf", "/bao-cao/x/pdf"} {
			if resp, _ := d.page(c, p); resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s: %d", p, resp.StatusCode)
			}
		}
	},
	"GET /tien-do": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		_, body := d.page(c, "/tien-do")
		mustContain(t, "trends before any merge", body, "Chưa có kỳ nào được tổng hợp")
		d.send("tram-y-te", w47, "good")
		d.sendJSON(c, "/api/merge?period=2026-W47", nil, nil)
		d.send("tram-y-te", w48, "good")
		var res mergeResult
		d.sendJSON(c, "/api/merge?period=2026-W48", nil, &res)
		resp, body := d.page(c, "/tien-do")
		status(t, "trends", resp, body, 200)
		mustContain(t, "trends", body, "<th>Tuần 47 năm 2026</th><th>Tuần 48 năm 2026</th>", "Mô hình 6", "<svg")
		// The merge of week 48 compared itself with week 47's.
		_, x, _ := d.st.ReportFile(res.Report, false)
		if !strings.Contains(string(x), `"previous":"2026-W47"`) {
			t.Errorf("week 48's merge did not compare with week 47: %s", x)
		}
	},
	"GET /api/status": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		good := d.send("tram-y-te", w48, "good")
		d.send("cong-an", w48, "partial")
		d.send("truong-hoc", w48, "unusable")
		var st struct {
			Period string    `json:"period"`
			Units  []apiUnit `json:"units"`
		}
		resp, body := d.get(c, d.ts.URL+"/api/status?period=2026-W48")
		status(t, "status", resp, body, 200)
		if err := json.Unmarshal([]byte(body), &st); err != nil || st.Period != "2026-W48" || len(st.Units) != 9 {
			t.Fatalf("status %v %.300s", err, body)
		}
		states := map[string]apiUnit{}
		for _, u := range st.Units {
			states[u.ID] = u
		}
		if u := states["tram-y-te"]; u.State != "accepted" || u.CountingUpload == nil || *u.CountingUpload != good.ID {
			t.Errorf("tram-y-te %+v", u)
		}
		if u := states["cong-an"]; u.State != "accepted" || u.Errors != 1 {
			t.Errorf("cong-an %+v", u)
		}
		if u := states["truong-hoc"]; u.State != "rejected" || u.CountingUpload != nil || u.LatestUpload == nil {
			t.Errorf("truong-hoc %+v", u)
		}
		if u := states["dia-chinh"]; u.State != "missing" || u.SubmittedAt != nil {
			t.Errorf("dia-chinh %+v", u)
		}
	},
	"POST /api/merge": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		resp := d.sendJSON(c, "/api/merge?period=2026-W48", nil, nil)
		if resp.StatusCode != http.StatusConflict {
			t.Errorf("a merge of nothing: %d", resp.StatusCode)
		}
		d.send("tram-y-te", w48, "good")
		d.send("cong-an", w48, "good")
		var res mergeResult
		resp = d.sendJSON(c, "/api/merge?period=2026-W48", url.Values{"number": {"12"}}, &res)
		if resp.StatusCode != 200 || res.Period != "2026-W48" || res.Summary != "2/9 đơn vị báo cáo; 0 mô hình quá hạn" && !strings.HasPrefix(res.Summary, "2/9") {
			t.Fatalf("merge: %d %+v", resp.StatusCode, res)
		}
		reps, _ := d.st.Reports("2026-W48")
		if len(reps) != 1 || reps[0].ID != res.Report || reps[0].Number != 12 || len(reps[0].Used) != 2 {
			t.Fatalf("stored %+v", reps)
		}
		if b, _ := d.srv.boardOf(w48); b.ChangedSinceMerge {
			t.Error("the board says a new file came after the merge")
		}
		d.send("tram-y-te", w48, "partial")
		if b, _ := d.srv.boardOf(w48); !b.ChangedSinceMerge {
			t.Error("a new file after the merge is not flagged")
		}
	},
	"POST /api/choose": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		first := d.send("tram-y-te", w48, "good")
		d.send("tram-y-te", w48, "partial")
		var out struct {
			Unit     string `json:"unit"`
			Counting int64  `json:"counting_upload"`
		}
		resp := d.sendJSON(c, "/api/choose", url.Values{"period": {"2026-W48"}, "unit": {"tram-y-te"}, "upload": {idPath("%d", first.ID)}}, &out)
		if resp.StatusCode != 200 || out.Unit != "tram-y-te" || out.Counting != first.ID {
			t.Fatalf("choose: %d %+v", resp.StatusCode, out)
		}
		if cs, _ := d.st.Choices("2026-W48"); len(cs) != 1 {
			t.Errorf("choices %+v", cs)
		}
		resp = d.sendJSON(c, "/api/choose", url.Values{"period": {"2026-W48"}, "unit": {"tram-y-te"}}, nil)
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("no send named: %d", resp.StatusCode)
		}
	},
}
