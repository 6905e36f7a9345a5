package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/caongoc/de06/plan"
)

// pageCases are the officer's other pages: the plan, the document header, the settings, the links.
var pageCases = map[string]func(t *testing.T){
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
		resp, body = d.seeOther(c, "plan upload", resp, body, "/ke-hoach")
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
		resp, body = d.seeOther(c, "apply", resp, body, "/ke-hoach?ap-dung=2026-W49")
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
		resp, body = d.postFiles(c, "/ke-hoach", "file", map[string][]byte{"cu.json": []byte(mustJSON(t, stale))}, nil)
		_, body = d.seeOther(c, "a stale plan", resp, body, "/ke-hoach")
		mustContain(t, "a stale plan's preview", body, "sẽ làm báo cáo ghi “DỰ THẢO”", `name="giu-van-ban" value="1" checked>`)
		resp, body = d.submit(c, "/ke-hoach/ap-dung", url.Values{"giu-van-ban": {"1"}})
		resp, body = d.seeOther(c, "apply keeping the header", resp, body, "/ke-hoach?ap-dung=")
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
		mustContain(t, "header page", body, "<h1>Văn bản báo cáo</h1>", `value="Công an huyện Ngọc Lặc"`, `value="Công an xã Cao Ngọc"`,
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
			"Dung lượng tệp đã nhận", "Tuần 48 năm 2026", "Trạm y tế xã: ", "2 tệp", "Giới hạn mỗi kỳ: 400 MB",
			// The password is changed here, not with a command.
			`<form method="post" action="/cai-dat/mat-khau">`, `name="current"`)
		if strings.Contains(body, "de06 passwd") {
			t.Error("changing the password still needs the command line")
		}
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
	"POST /cai-dat/mat-khau": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		other := d.login()
		change := url.Values{"current": {"mat-khau-sai"}, "password": {"mat-khau-moi-1"}, "again": {"mat-khau-moi-1"}}
		resp, body := d.submit(c, "/cai-dat/mat-khau", change)
		status(t, "a wrong present password", resp, body, http.StatusUnauthorized)
		mustContain(t, "a wrong present password", body, "Chưa đổi được:", "Mật khẩu đang dùng không đúng", `id="mat-khau"`)
		change.Set("current", "mat-khau-thu")
		change.Set("again", "mat-khau-khac")
		resp, body = d.submit(c, "/cai-dat/mat-khau", change)
		status(t, "new passwords that differ", resp, body, http.StatusBadRequest)
		if resp, _ := d.page(other, "/bang"); resp.StatusCode != 200 {
			t.Fatal("a refused change ended a session")
		}
		change.Set("again", "mat-khau-moi-1")
		resp, body = d.submit(c, "/cai-dat/mat-khau", change)
		resp, body = d.seeOther(c, "change", resp, body, "/cai-dat?doi-mat-khau=1")
		status(t, "change", resp, body, 200)
		mustContain(t, "change", body, "Đã đổi mật khẩu. Mọi nơi khác đã bị đăng xuất")
		// Every other session ended; this one goes on; the new password
		// opens the desk, the old one no more.
		if resp, _ := d.page(other, "/bang"); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("another session still opens the board: %d", resp.StatusCode)
		}
		if resp, _ := d.page(c, "/bang"); resp.StatusCode != 200 {
			t.Errorf("the session that changed the password was ended: %d", resp.StatusCode)
		}
		if resp, _ := d.postForm(nil, "/login", "password=mat-khau-thu"); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("the old password: %d", resp.StatusCode)
		}
		if resp, _ := d.postForm(nil, "/login", "password=mat-khau-moi-1"); resp.StatusCode != 200 {
			t.Errorf("the new password: %d", resp.StatusCode)
		}
	},
	"POST /chia-se/cap-lai": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		old := d.links["tram-y-te"]
		resp, body := d.submit(c, "/chia-se/cap-lai", url.Values{"unit": {"tram-y-te"}})
		resp, body = d.seeOther(c, "renew", resp, body, "/chia-se?cap-lai=tram-y-te")
		status(t, "renew", resp, body, 200)
		links, _ := d.srv.Links(nil)
		var renewed string
		for _, l := range links {
			if l.Unit.ID == "tram-y-te" {
				renewed = l.URL
			}
		}
		if renewed == old {
			t.Fatal("the link was not renewed")
		}
		mustContain(t, "renew", body, "Đã cấp lại đường dẫn cho Trạm y tế xã", "Đường dẫn cũ không mở được nữa",
			`<code id="dd-moi">`+renewed+`</code>`, `href="/chia-se/phieu.pdf?unit=tram-y-te"`)
		if resp, _ := d.page(nil, old); resp.StatusCode != http.StatusNotFound {
			t.Errorf("the old link still opens: %d", resp.StatusCode)
		}
		if resp, _ := d.page(nil, renewed); resp.StatusCode != 200 {
			t.Errorf("the new link: %d", resp.StatusCode)
		}
		if resp, _ := d.page(nil, d.links["cong-an"]); resp.StatusCode != 200 {
			t.Error("another unit's link was renewed")
		}
		_, slip := d.page(c, "/chia-se/phieu.pdf?unit=tram-y-te")
		if strings.Count(slip, "/u/") != 1 || !strings.Contains(slip, renewed) {
			t.Errorf("the unit's slip: %s", slip)
		}
		resp, body = d.submit(c, "/chia-se/cap-lai", url.Values{"unit": {"khong-co"}})
		status(t, "no such unit", resp, body, http.StatusBadRequest)
	},
	"GET /chia-se": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		resp, body := d.page(c, "/chia-se")
		status(t, "links page", resp, body, 200)
		mustContain(t, "links page", body, "<h1>Đường dẫn, chia sẻ</h1>", "chỉ mở được trên máy này", d.links["tram-y-te"], d.links["truong-hoc"], "/chia-se/phieu.pdf",
			`<input type="hidden" name="unit" value="tram-y-te"><button class="danger">Cấp lại đường dẫn cho Trạm y tế xã</button>`,
			// The warning does not send the reader to the page they are on.
			`ở mục <a href="#chia-se">Chia sẻ trong mạng của xã</a> dưới đây`)
		if strings.Contains(body, "de06 links --renew") {
			t.Error("renewing a link still needs the command line")
		}
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
		resp, body = d.seeOther(c, "sharing on", resp, body, "/chia-se?xong=bat")
		status(t, "sharing on", resp, body, 200)
		mustContain(t, "sharing on", body, "Đã bật chia sẻ", "http://192.168.1.10:8606/u/", "chỉ mở được trong mạng của xã")
		if v, _, _ := d.st.Setting(settingSharing); string(v) != "on" {
			t.Errorf("the switch is kept as %q", v)
		}
		resp, body = d.submit(c, "/chia-se", url.Values{"share": {"off"}})
		_, body = d.seeOther(c, "sharing off", resp, body, "/chia-se?xong=tat")
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
		resp, body = d.seeOther(c, "pick", resp, body, "/chia-se?xong=dia-chi")
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
