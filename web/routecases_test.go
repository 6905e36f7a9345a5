package web

import (
	"encoding/json"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/plan"
)

// routeCases: one per route of Server.routes, each on a desk of its own.
var routeCases = map[string]func(t *testing.T){
	"GET /healthz": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		resp, body := d.page(nil, "/healthz")
		status(t, "healthz", resp, body, 200)
		if body != "ok" {
			t.Errorf("healthz says %q", body)
		}
	},
	"GET /style.css": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		resp, body := d.page(nil, "/style.css")
		status(t, "style", resp, body, 200)
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") || !strings.Contains(body, ".card{") {
			t.Errorf("style: %s %.80s", resp.Header.Get("Content-Type"), body)
		}
	},
	"GET /chon-tep.js": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		resp, body := d.page(nil, "/chon-tep.js")
		status(t, "script", resp, body, 200)
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") || !strings.Contains(body, "data-copy") {
			t.Errorf("script: %s %.80s", resp.Header.Get("Content-Type"), body)
		}
	},
	"GET /bieu-mau.js": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		resp, body := d.page(nil, "/bieu-mau.js")
		status(t, "form script", resp, body, 200)
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") || !strings.Contains(body, "bieu-mau") {
			t.Errorf("form script: %s %.80s", resp.Header.Get("Content-Type"), body)
		}
	},
	"GET /{$}": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		// First run: the password to set, on this computer only.
		resp, body := d.page(nil, "/")
		status(t, "first run", resp, body, 200)
		mustContain(t, "first run", body, "Đặt mật khẩu cho cán bộ tổng hợp", `name="again"`)
		c := d.officer()
		_, body = d.page(nil, "/")
		mustContain(t, "login page", body, "<h1>Đăng nhập</h1>", `action="/login"`)
		if resp, _ := d.page(c, "/"); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/bang" {
			t.Errorf("a logged-in officer is not sent to the board: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		if resp, _ := d.page(nil, "/khong-co"); resp.StatusCode != http.StatusNotFound {
			t.Errorf("an unknown path: %d", resp.StatusCode)
		}
	},
	"POST /setup": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		resp, body := d.submit(noRedirect(), "/setup", url.Values{"password": {"ngan"}, "again": {"ngan"}})
		status(t, "short password", resp, body, http.StatusBadRequest)
		mustContain(t, "short password", body, "ít nhất 8 ký tự")
		if _, ok := d.srv.passwordSet(); ok {
			t.Fatal("a refused password was stored")
		}
		resp, _ = d.submit(noRedirect(), "/setup", url.Values{"password": {"mat-khau-dau"}, "again": {"mat-khau-dau"}})
		// The first run goes on to the document's details, logged in.
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/van-ban?dau=1" || len(resp.Cookies()) == 0 {
			t.Fatalf("setup: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
		}
		if h, ok := d.srv.passwordSet(); !ok || !strings.HasPrefix(h, "$argon2id$") || !checkPassword("mat-khau-dau", h) {
			t.Fatalf("stored %q", h)
		}
		if se, _ := d.st.Sessions(testNow); len(se) != 1 {
			t.Errorf("%d sessions after setup", len(se))
		}
		// Once set, the password is not set again this way.
		resp, body = d.submit(noRedirect(), "/setup", url.Values{"password": {"mat-khau-moi"}, "again": {"mat-khau-moi"}})
		status(t, "second setup", resp, body, http.StatusForbidden)
		if h, _ := d.srv.passwordSet(); !checkPassword("mat-khau-dau", h) {
			t.Error("a second setup changed the password")
		}
	},
	"POST /login": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		d.officer()
		resp, body := d.postForm(nil, "/login", "password=sai-mat-khau")
		status(t, "wrong password", resp, body, http.StatusUnauthorized)
		mustContain(t, "wrong password", body, "Mật khẩu không đúng")
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar, CheckRedirect: noRedirect().CheckRedirect}
		resp, _ = d.submit(c, "/login", url.Values{"password": {"mat-khau-thu"}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/bang" {
			t.Fatalf("login: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
		}
		if se, _ := d.st.Sessions(testNow); len(se) != 2 || se[0].From != "127.0.0.1" {
			t.Errorf("sessions %+v", se)
		}
		if resp, _ := d.page(c, "/bang"); resp.StatusCode != 200 {
			t.Errorf("the new session opens no board: %d", resp.StatusCode)
		}
	},
	"POST /logout": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		resp, _ := d.submit(c, "/logout", nil)
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
			t.Fatalf("logout: %d", resp.StatusCode)
		}
		if se, _ := d.st.Sessions(testNow); len(se) != 0 {
			t.Errorf("the session is still stored: %+v", se)
		}
	},

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
		mustContain(t, "unit's sends", body, "Trạm y tế xã — Tuần 48 năm 2026", "Đang dùng để tổng hợp", "Không dùng (dùng tệp khác",
			"Người báo cáo: Nguyễn Thị Lan", "tiến độ 110% của mô hình", // the partial send's finding, in check's words
			idPath(`/tep/%d/danh-dau`, second.ID), idPath(`name="upload" value="%d"`, first.ID))
		resp, body = d.page(c, "/bang/don-vi?period=2026-W48&unit=khong-co")
		status(t, "unknown unit", resp, body, http.StatusBadRequest)
	},
	"POST /bang/chon": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		first := d.send("tram-y-te", w48, "good")
		d.send("tram-y-te", w48, "partial")
		bad := d.send("tram-y-te", w48, "unusable")
		resp, body := d.submit(c, "/bang/chon", url.Values{"period": {"2026-W48"}, "unit": {"tram-y-te"}, "upload": {idPath("%d", first.ID)}})
		status(t, "choose", resp, body, 200)
		mustContain(t, "choose", body, "Đã chọn tệp để tổng hợp")
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
		status(t, "drop", resp, body, 200)
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
		status(t, "merge", resp, body, 200)
		mustContain(t, "merge", body, "Đã tổng hợp: 1/9 đơn vị báo cáo", "/bao-cao/1/xlsx", "/bao-cao/1/pdf")
		reps, _ := d.st.Reports("2026-W48")
		if len(reps) != 1 || reps[0].Number != 7 || reps[0].Date != "25/11/2026" || reps[0].Signer != "Lê Văn Hùng" || len(reps[0].Used) != 1 {
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
	"GET /ke-hoach": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		resp, body := d.page(c, "/ke-hoach")
		status(t, "plan page", resp, body, 200)
		mustContain(t, "plan page", body, "Kế hoạch số 39/KH-UBND của UBND xã Cao Ngọc", "20 mô hình, 9 đơn vị báo cáo", `action="/ke-hoach"`)
	},
	"POST /ke-hoach": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		resp, body := d.postFiles(c, "/ke-hoach", "file", map[string][]byte{"ke-hoach.json": []byte(`{"id": `)}, nil)
		status(t, "broken plan", resp, body, 200)
		mustContain(t, "broken plan", body, "không phải JSON hợp lệ")
		edited := editedPlan(t, d)
		resp, body = d.postFiles(c, "/ke-hoach", "file", map[string][]byte{"ke-hoach-moi.json": edited}, nil)
		status(t, "plan upload", resp, body, 200)
		mustContain(t, "plan preview", body, "Kế hoạch vừa tải lên (ke-hoach-moi.json)",
			"Thông tin văn bản báo cáo: áp dụng ngay", "Cơ quan chủ quản: Công an huyện Ngọc Lặc → Công an tỉnh Thanh Hóa",
			"Mô hình, đơn vị, phân công: áp dụng từ Tuần 49 năm 2026", "mô hình 3, thời gian hoàn thành: 30/9/2024 → 31/12/2026")
		if b, ok, _ := d.st.Setting(planDraftKey); !ok || len(b) == 0 {
			t.Error("the draft is not kept")
		}
		if vs, _ := d.st.Plans(); len(vs) != 0 {
			t.Error("an upload applied the plan")
		}
	},
	"GET /ke-hoach/tai": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		resp, body := d.page(c, "/ke-hoach/tai")
		status(t, "plan workbook", resp, body, 200)
		got, err := plan.DecodeJSON(strings.NewReader(body), "tai.json")
		if err != nil || len(plan.Diff(d.srv.latest(), got)) != 0 {
			t.Errorf("the plan downloaded is not the plan: %v", err)
		}
		if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename="ke-hoach.xlsx"` {
			t.Errorf("disposition %q", cd)
		}
	},
	"POST /ke-hoach/ap-dung": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		resp, body := d.submit(c, "/ke-hoach/ap-dung", nil)
		mustContain(t, "nothing to apply", body, "chưa có kế hoạch nào được tải lên")
		d.postFiles(c, "/ke-hoach", "file", map[string][]byte{"ke-hoach-moi.json": editedPlan(t, d)}, nil)
		resp, body = d.submit(c, "/ke-hoach/ap-dung", nil)
		status(t, "apply", resp, body, 200)
		mustContain(t, "apply", body, "mô hình, đơn vị từ Tuần 49 năm 2026")
		vs, _ := d.st.Plans()
		if len(vs) != 1 || vs[0].From != "2026-11-26" || vs[0].Name != "ke-hoach-moi.json" {
			t.Fatalf("versions %+v", vs)
		}
		// Week 48 keeps its models but takes the header at once.
		if got := d.srv.planFor(w48); got.Model(3).Deadline.Text != "30/9/2024" || got.Header.ParentAgency != "Công an tỉnh Thanh Hóa" {
			t.Errorf("week 48: deadline %q, parent %q", got.Model(3).Deadline.Text, got.Header.ParentAgency)
		}
		if got := d.srv.planFor(w49); got.Model(3).Deadline.Text != "31/12/2026" {
			t.Errorf("week 49: deadline %q", got.Model(3).Deadline.Text)
		}
		d.send("tram-y-te", w48, "good")
		var res mergeResult
		d.sendJSON(c, "/api/merge?period=2026-W48", nil, &res)
		_, pdf := d.page(c, res.PDF)
		mustContain(t, "week 48's PDF", pdf, "Công an tỉnh Thanh Hóa")

		// A plan file from before the header was confirmed: the preview
		// warns, and applying it keeps the header in use (ticked).
		d = newTestDesk(t, Config{})
		c = d.officer()
		form := headerForm(d.srv.latest().Header)
		form.Set("thay-parent_agency-0", "0")
		form.Set("thay-recipients-0", "0")
		form.Set("thay-distribution-1", "0")
		form.Set("xac-nhan", "1")
		d.submit(c, "/van-ban", form)
		stale, _ := plan.Default()
		stale.Model(3).Deadline.Text = "31/12/2026"
		_, body = d.postFiles(c, "/ke-hoach", "file", map[string][]byte{"cu.json": []byte(mustJSON(t, stale))}, nil)
		mustContain(t, "a stale plan's preview", body, "sẽ làm báo cáo ghi “DỰ THẢO”", `name="giu-van-ban" value="1" checked>`)
		resp, body = d.submit(c, "/ke-hoach/ap-dung", url.Values{"giu-van-ban": {"1"}})
		status(t, "apply keeping the header", resp, body, 200)
		if h := d.srv.latest().Header; !h.Confirmed || h.ParentAgency != "Công an tỉnh Thanh Hóa" {
			t.Errorf("the header in use was not kept: %+v", h)
		}
		if got := d.srv.planFor(w49); got.Model(3).Deadline.Text != "31/12/2026" {
			t.Errorf("the stale plan's models were not applied: %q", got.Model(3).Deadline.Text)
		}
	},
	"GET /van-ban": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		resp, body := d.page(c, "/van-ban")
		status(t, "header page", resp, body, 200)
		mustContain(t, "header page", body, "Thông tin văn bản báo cáo", `value="Công an huyện Ngọc Lặc"`, `value="Công an xã Cao Ngọc"`,
			"Tổ công tác Đề án 06 huyện Ngọc Lặc\nĐảng ủy, UBND xã Cao Ngọc</textarea>", `value="tỉnh Thanh Hóa"`,
			// Each body gone by today, its successors a click away.
			"<b>“Công an huyện Ngọc Lặc”</b> không còn: Công an cấp huyện đã kết thúc hoạt động từ ngày 01/03/2025",
			`name="thay-parent_agency-0" value="0"`, "Thay bằng “Công an tỉnh Thanh Hóa”",
			`name="thay-recipients-0" value="1"`, "Thay bằng “Tổ công tác Đề án 06 xã Cao Ngọc”",
			`name="thay-distribution-1" value="0"`, "Thay bằng “Công an tỉnh Thanh Hóa (để b/c)”",
			// Why it is a draft, and the confirmation, unchecked.
			"sẽ ghi “DỰ THẢO”", "chưa được cán bộ xác nhận", `name="xac-nhan" value="1">`)
		_, body = d.page(c, "/van-ban?dau=1")
		mustContain(t, "first run", body, "Bước cuối của lần đầu", `name="dau" value="1"`)
	},
	"POST /van-ban": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		d.send("tram-y-te", w48, "good")
		// A required field left empty: nothing stored, what was typed kept.
		form := headerForm(d.srv.latest().Header)
		form.Set("issuing_agency", "")
		form.Set("signer_name", "Lê Văn Hùng")
		resp, body := d.submit(c, "/van-ban", form)
		status(t, "empty issuing body", resp, body, http.StatusBadRequest)
		mustContain(t, "empty issuing body", body, "chưa điền Cơ quan ban hành báo cáo", `value="Lê Văn Hùng"`)
		if vs, _ := d.st.Plans(); len(vs) != 0 {
			t.Fatal("a refused header was stored")
		}
		// The successors taken in one click each, and confirmed.
		form = headerForm(d.srv.latest().Header)
		form.Set("thay-parent_agency-0", "0")
		form.Set("thay-recipients-0", "0")
		form.Set("thay-distribution-1", "0")
		form.Set("signer_name", "Lê Văn Hùng")
		form.Set("xac-nhan", "1")
		resp, body = d.submit(c, "/van-ban", form)
		status(t, "save", resp, body, 200)
		mustContain(t, "save", body, "Đã lưu", "Cơ quan chủ quản: Công an huyện Ngọc Lặc → Công an tỉnh Thanh Hóa", "Thay đổi có hiệu lực ngay",
			`id="sach"`)
		vs, _ := d.st.Plans()
		if len(vs) != 1 || vs[0].Name != msgHeaderVersion || vs[0].From != "2026-11-26" {
			t.Fatalf("versions %+v", vs)
		}
		h := d.srv.latest().Header
		want := plan.Header{ParentAgency: "Công an tỉnh Thanh Hóa", IssuingAgency: "Công an xã Cao Ngọc", Place: "Cao Ngọc", Symbol: "BC-CAX",
			Recipients:     []string{"Tổ công tác Đề án 06 tỉnh Thanh Hóa", "Đảng ủy, UBND xã Cao Ngọc"},
			Distribution:   []string{"Như trên", "Công an tỉnh Thanh Hóa (để b/c)", "Tổ công tác Đề án 06 xã", "Lưu: VT, CAX"},
			SignerPosition: "Trưởng Công an xã", SignerName: "Lê Văn Hùng", Province: "tỉnh Thanh Hóa", Confirmed: true}
		if len(plan.DiffHeader(h, want)) != 0 {
			t.Fatalf("stored header differs: %q", plan.DiffHeader(h, want))
		}
		// At once: the board of the week under way, and of the month whose
		// window began in October, give a clean document.
		for _, p := range []string{"2026-W48", "2026-12"} {
			_, board := d.page(c, "/bang?period="+p)
			if strings.Contains(board, `id="du-thao"`) {
				t.Errorf("%s: the board still says the report is a draft", p)
			}
		}
		var res mergeResult
		d.sendJSON(c, "/api/merge?period=2026-12", nil, &res)
		_, pdf := d.page(c, res.PDF)
		mustContain(t, "the month's PDF", pdf, "Công an tỉnh Thanh Hóa\nCông an xã Cao Ngọc", "Kính gửi: Tổ công tác Đề án 06 tỉnh Thanh Hóa")
		if strings.Contains(pdf, "DỰ THẢO") || strings.Contains(pdf, "huyện") {
			t.Errorf("the month's PDF after the confirmation:\n%s", pdf)
		}
		// The first run goes on to the board.
		form.Set("dau", "1")
		if resp, _ := d.submit(c, "/van-ban", form); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/bang" {
			t.Errorf("first run: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
		}
		if vs, _ := d.st.Plans(); len(vs) != 1 {
			t.Errorf("an unchanged header stored a version: %d", len(vs))
		}
		_, body = d.page(c, "/ke-hoach")
		mustContain(t, "the plan's versions", body, msgHeaderVersion+", áp dụng ngay")
	},
	"GET /cai-dat": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		d.send("tram-y-te", w48, "good")
		// An internal error: a stored file whose findings are unreadable.
		id, err := d.st.AddUpload(storeUpload("tram-y-te", "{ hỏng"), []byte("PK"))
		if err != nil {
			t.Fatal(err)
		}
		_, failed := d.page(c, idPath("/tep/%d/danh-dau", id))
		resp, body := d.page(c, "/cai-dat")
		status(t, "settings", resp, body, 200)
		es, _ := d.srv.RecentErrors(1)
		if len(es) != 1 || !strings.Contains(failed, es[0].Ref) {
			t.Fatalf("the error's reference: %v in %.300s", es, failed)
		}
		mustContain(t, "settings", body, "Các nơi đang đăng nhập", "Từ máy 127.0.0.1", "(phiên đang dùng)", "Đăng xuất mọi nơi",
			"<code>"+es[0].Ref+"</code>", "yêu cầu không thực hiện được", "nhat-ky-loi.log",
			"Dung lượng tệp đã nhận", "Tuần 48 năm 2026", "Trạm y tế xã: ", "2 tệp", "Giới hạn mỗi kỳ: 400 MB")
	},
	"POST /cai-dat/dang-xuat": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		other := d.login()
		resp, _ := d.submit(c, "/cai-dat/dang-xuat", nil)
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
			t.Fatalf("log out everywhere: %d", resp.StatusCode)
		}
		if se, _ := d.st.Sessions(testNow); len(se) != 0 {
			t.Errorf("%d sessions left", len(se))
		}
		for _, cl := range []*http.Client{c, other} {
			if resp, _ := d.page(cl, "/bang"); resp.StatusCode != http.StatusSeeOther {
				t.Errorf("an ended session still opens the board: %d", resp.StatusCode)
			}
		}
	},
	"GET /chia-se": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		resp, body := d.page(c, "/chia-se")
		status(t, "links page", resp, body, 200)
		mustContain(t, "links page", body, "chỉ mở được trên máy này", d.links["tram-y-te"], d.links["truong-hoc"], "/chia-se/phieu.pdf")
		if n := strings.Count(body, `<li><span class="unit">`); n != 9 {
			t.Errorf("%d links listed, want 9", n)
		}
	},
	"POST /chia-se": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		resp, body := d.submit(c, "/chia-se", url.Values{"share": {"on"}})
		status(t, "a desk that cannot switch", resp, body, http.StatusConflict)
		d = shareTestDesk(t)
		c = d.officer()
		resp, body = d.submit(c, "/chia-se", url.Values{"share": {"on"}})
		status(t, "sharing on", resp, body, 200)
		mustContain(t, "sharing on", body, "Đã bật chia sẻ", "http://192.168.1.10:8606/u/", "chỉ mở được trong mạng của xã")
		if v, _, _ := d.st.Setting(settingSharing); string(v) != "on" {
			t.Errorf("the switch is kept as %q", v)
		}
		resp, body = d.submit(c, "/chia-se", url.Values{"share": {"off"}})
		mustContain(t, "sharing off", body, "Đã tắt chia sẻ")
		if v, _, _ := d.st.Setting(settingSharing); string(v) != "off" {
			t.Errorf("the switch is kept as %q", v)
		}
	},
	"POST /chia-se/dia-chi": func(t *testing.T) {
		d := shareTestDesk(t)
		c := d.officer()
		d.submit(c, "/chia-se", url.Values{"share": {"on"}})
		resp, body := d.submit(c, "/chia-se/dia-chi", url.Values{"url": {"http://10.8.0.2:8606"}})
		status(t, "pick", resp, body, 200)
		mustContain(t, "pick", body, "Các đường dẫn dùng địa chỉ http://10.8.0.2:8606", "http://10.8.0.2:8606/u/")
		if v, _, _ := d.st.Setting(settingLANPick); string(v) != "http://10.8.0.2:8606" {
			t.Errorf("the pick is kept as %q", v)
		}
		resp, body = d.submit(c, "/chia-se/dia-chi", url.Values{"url": {"http://evil.example"}})
		status(t, "an address not the machine's", resp, body, http.StatusBadRequest)
	},
	"GET /chia-se/phieu.pdf": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		resp, body := d.page(c, "/chia-se/phieu.pdf")
		status(t, "slips", resp, body, 200)
		mustContain(t, "slips", body, "%PDF", "Trạm y tế xã "+d.links["tram-y-te"]+" chỉ mở được trên máy này")
		if n := strings.Count(body, "/u/"); n != 9 {
			t.Errorf("%d slips, want 9", n)
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
		// Through the browser: the page with the findings and the verdict.
		resp, body := d.postFiles(nil, d.links["tram-y-te"]+"?period=2026-W48", "file",
			map[string][]byte{"lan-2.xlsx": fakeReport(d.srv.latest(), "tram-y-te", w48, "partial")}, nil)
		status(t, "send from a browser", resp, body, 200)
		mustContain(t, "send from a browser", body, `id="ket-qua"`, "đã nhận, nhưng 1 lỗi", "Tệp này đang được dùng để tổng hợp", "Tải bản đánh dấu lỗi")
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
		resp, body = d.submit(nil, d.links["tram-y-te"]+"/withdraw", url.Values{"upload": {idPath("%d", second.ID)}})
		status(t, "withdraw", resp, body, 200)
		mustContain(t, "withdraw", body, "Đã rút lại lần gửi", "được dùng lại để tổng hợp")
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
		resp, body = d.page(nil, d.links["tram-y-te"]+"/form?period=tuan-sau")
		status(t, "bad period", resp, body, http.StatusBadRequest)
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
		resp, body := d.submit(nil, path, form)
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
		resp, body = d.submit(nil, path, bad)
		status(t, "send with an error", resp, body, http.StatusUnprocessableEntity)
		mustContain(t, "send with an error", body, "Chưa gửi:", "110")
		if ups, _ := d.st.Uploads("2026-W48"); len(ups) != 0 {
			t.Fatalf("a refused send was filed: %+v", ups)
		}
		// A right send is the unit's send, via the form.
		form.Set("action", "send")
		resp, body = d.submit(nil, path, form)
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

// login logs in once more, as another browser: the password is set.
func (d *testDesk) login() *http.Client {
	d.t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: noRedirect().CheckRedirect}
	if resp, body := d.postForm(c, "/login", "password=mat-khau-thu"); resp.StatusCode != 200 {
		d.t.Fatalf("login: %d %s", resp.StatusCode, body)
	}
	return c
}

// headerForm is the header page's form as h fills it.
func headerForm(h plan.Header) url.Values {
	return url.Values{
		"parent_agency": {h.ParentAgency}, "issuing_agency": {h.IssuingAgency}, "place": {h.Place}, "symbol": {h.Symbol},
		"province": {h.Province}, "recipients": {strings.Join(h.Recipients, "\r\n")}, "distribution": {strings.Join(h.Distribution, "\r\n")},
		"signer_authority": {h.SignerAuthority}, "signer_position": {h.SignerPosition}, "signer_name": {h.SignerName},
		// The lines the page showed as no longer existing.
		"goc-parent_agency-0": {h.ParentAgency}, "goc-recipients-0": {h.Recipients[0]}, "goc-distribution-1": {h.Distribution[1]},
	}
}

// editedPlan is the desk's plan with the parent body and a deadline
// changed, as JSON.
func editedPlan(t *testing.T, d *testDesk) []byte {
	t.Helper()
	var b strings.Builder
	pl, err := plan.DecodeJSON(strings.NewReader(mustJSON(t, d.srv.latest())), "p.json")
	if err != nil {
		t.Fatal(err)
	}
	pl.Header.ParentAgency = "Công an tỉnh Thanh Hóa"
	pl.Model(3).Deadline.Text = "31/12/2026"
	if err := plan.EncodeJSON(&b, pl); err != nil {
		t.Fatal(err)
	}
	return []byte(b.String())
}

func mustJSON(t *testing.T, pl *plan.Plan) string {
	var b strings.Builder
	if err := plan.EncodeJSON(&b, pl); err != nil {
		t.Fatal(err)
	}
	return b.String()
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

// shareTestDesk is a desk whose sharing switch is a stand-in: on, the
// machine has two network addresses.
func shareTestDesk(t *testing.T) *testDesk {
	share := func(on bool) ([]string, error) {
		if !on {
			return nil, nil
		}
		return []string{"http://192.168.1.10:8606", "http://10.8.0.2:8606"}, nil
	}
	return newTestDesk(t, Config{Share: share, Hosts: []string{"192.168.1.10", "10.8.0.2"}})
}
