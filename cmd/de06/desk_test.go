package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/caongoc/de06/excel"
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/store"
	"github.com/caongoc/de06/web"
	"github.com/xuri/excelize/v2"
)

// desk is a desk on a real SQLite file, with the real engine, behind an
// httptest server.
type testDesk struct {
	t     *testing.T
	srv   *web.Server
	st    *store.Store
	ts    *httptest.Server
	links map[string]string // unit id → link
	dir   string
	clock time.Time // the desk's now; tests move it
}

func newDesk(t *testing.T) *testDesk { t.Helper(); return newDeskOn(t, "") }

// newDeskOn is a desk on the plan at planPath ("" for the embedded one).
func newDeskOn(t *testing.T, planPath string) *testDesk {
	t.Helper()
	dir := t.TempDir()
	d := &testDesk{t: t, dir: dir, links: map[string]string{}, clock: time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)}
	now = func() time.Time { return d.clock }
	t.Cleanup(func() { now = time.Now })
	d.ts = httptest.NewUnstartedServer(nil)
	var err error
	d.srv, d.st, _, err = openDesk(dir, planPath, "http://"+d.ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	d.ts.Config.Handler = d.srv.Handler()
	d.ts.Start()
	t.Cleanup(func() { d.ts.Close(); d.st.Close() })
	links, err := d.srv.Links(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range links {
		d.links[l.Unit.ID] = l.URL
	}
	return d
}

// officer logs in (setting the password first) and returns its client.
func (d *testDesk) officer() *http.Client {
	d.t.Helper()
	if err := web.SetPassword(d.st, "mat-khau-thu", now()); err != nil {
		d.t.Fatal(err)
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp := d.post(c, d.ts.URL+"/login", "application/x-www-form-urlencoded", strings.NewReader("password=mat-khau-thu"), true)
	if resp.StatusCode != 200 {
		d.t.Fatalf("login: %d", resp.StatusCode)
	}
	return c
}

func (d *testDesk) post(c *http.Client, url, ct string, body io.Reader, jsonAccept bool) *http.Response {
	d.t.Helper()
	req, _ := http.NewRequest("POST", url, body)
	req.Header.Set("Content-Type", ct)
	if jsonAccept {
		req.Header.Set("Accept", "application/json")
	}
	resp, err := c.Do(req)
	if err != nil {
		d.t.Fatal(err)
	}
	d.t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// upload sends a sample file through a unit's link, for week 48.
func (d *testDesk) upload(c *http.Client, link, path string) (*http.Response, map[string]any) {
	return d.uploadFor(c, link, path, "2026-W48")
}

// uploadTo sends a file for another period.
func (d *testDesk) uploadTo(c *http.Client, link, path, period string) map[string]any {
	_, doc := d.uploadFor(c, link, path, period)
	return doc
}

// uploadFor sends a file through a link for a period ("": the link says
// none, as a clerk's plain form may not).
func (d *testDesk) uploadFor(c *http.Client, link, path, period string) (*http.Response, map[string]any) {
	d.t.Helper()
	if period != "" {
		link += "?period=" + period
	}
	body, ct := fileBody(d.t, path)
	resp := d.post(c, link, ct, body, true)
	var doc map[string]any
	json.NewDecoder(resp.Body).Decode(&doc)
	return resp, doc
}

// fileBody is a multipart body holding one file, as a browser sends it.
func fileBody(t *testing.T, path string) (io.Reader, string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, _ := mw.CreateFormFile("file", filepath.Base(path))
	fw.Write(data)
	mw.Close()
	return &b, mw.FormDataContentType()
}

func sample(name string) string { return filepath.Join("..", "..", "samples", "tuan-48-2026", name) }

func TestDeskContract(t *testing.T) {
	d := newDesk(t)
	c := d.officer()

	resp, err := http.Get(d.ts.URL + "/healthz")
	if b, _ := io.ReadAll(resp.Body); err != nil || string(b) != "ok" {
		t.Fatalf("healthz %q %v", b, err)
	}

	// A unit uploads through its link: the check JSON comes back.
	resp, doc := d.upload(http.DefaultClient, d.links["tram-y-te"], sample("tram-y-te-2026-W48.xlsx"))
	files, _ := doc["files"].([]any)
	if resp.StatusCode != 200 || len(files) != 1 || files[0].(map[string]any)["accepted"] != true {
		t.Fatalf("upload: %d %v", resp.StatusCode, doc)
	}

	// The officer's status: Trạm y tế accepted, the rest missing.
	req, _ := http.NewRequest("GET", d.ts.URL+"/api/status?period=2026-W48", nil)
	resp, _ = c.Do(req)
	var status struct {
		Period string
		Units  []struct{ ID, State string }
	}
	json.NewDecoder(resp.Body).Decode(&status)
	states := map[string]string{}
	for _, u := range status.Units {
		states[u.ID] = u.State
	}
	if status.Period != "2026-W48" || states["tram-y-te"] != "accepted" || states["cong-an"] != "missing" || len(states) != 9 {
		t.Fatalf("status %+v", status)
	}

	// Merge: the stored PDF downloads.
	resp = d.post(c, d.ts.URL+"/api/merge?period=2026-W48&number=5", "application/x-www-form-urlencoded", nil, true)
	var merged struct{ PDF, XLSX string }
	json.NewDecoder(resp.Body).Decode(&merged)
	if resp.StatusCode != 200 || merged.PDF == "" {
		t.Fatalf("merge %d %+v", resp.StatusCode, merged)
	}
	resp, _ = c.Get(d.ts.URL + merged.PDF)
	if b, _ := io.ReadAll(resp.Body); !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("PDF download: %d %q", resp.StatusCode, b[:min(20, len(b))])
	}
}

func TestDeskSecurity(t *testing.T) {
	d := newDesk(t)

	// Before a password is set, only this computer may set one.
	req := httptest.NewRequest("GET", "/", nil)
	req.RemoteAddr = "192.168.1.20:5000"
	req.Host = strings.TrimPrefix(d.ts.URL, "http://")
	rec := httptest.NewRecorder()
	d.srv.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Errorf("setup page from the LAN: %d", rec.Code)
	}

	c := d.officer()
	stored, _, _ := d.st.Setting("officer_password")
	if !bytes.HasPrefix(stored, []byte("$argon2id$")) || bytes.Contains(stored, []byte("mat-khau-thu")) {
		t.Errorf("password stored as %q", stored)
	}
	// The session cookie is HttpOnly and SameSite=Strict.
	resp := d.post(http.DefaultClient, d.ts.URL+"/login", "application/x-www-form-urlencoded", strings.NewReader("password=mat-khau-thu"), true)
	ck := resp.Header.Get("Set-Cookie")
	if !strings.Contains(ck, "HttpOnly") || !strings.Contains(ck, "SameSite=Strict") {
		t.Errorf("cookie %q", ck)
	}

	// The API needs a session.
	req2, _ := http.NewRequest("GET", d.ts.URL+"/api/status", nil)
	req2.Header.Set("Accept", "application/json")
	if r, _ := http.DefaultClient.Do(req2); r.StatusCode != http.StatusUnauthorized {
		t.Errorf("API without a session: %d", r.StatusCode)
	}

	// Every state change from another site is refused, with the officer's
	// session or without.
	for _, path := range []string{"/setup", "/login", "/logout", "/nop?period=2026-W48", "/tong-hop?period=2026-W48",
		"/api/merge?period=2026-W48", "/ke-hoach", "/ke-hoach/ap-dung", strings.TrimPrefix(d.links["tram-y-te"], d.ts.URL)} {
		req, _ := http.NewRequest("POST", d.ts.URL+path, nil)
		req.Header.Set("Origin", "http://evil.example")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		if r, _ := c.Do(req); r.StatusCode != http.StatusForbidden {
			t.Errorf("cross-site POST %s: %d", path, r.StatusCode)
		}
	}
	if ups, _ := d.st.Uploads("2026-W48"); len(ups) != 0 {
		t.Errorf("a cross-site request stored %d uploads", len(ups))
	}

	// Failed logins are limited per address.
	codes := []int{}
	for range 6 {
		r := d.post(http.DefaultClient, d.ts.URL+"/login", "application/x-www-form-urlencoded", strings.NewReader("password=sai"), true)
		codes = append(codes, r.StatusCode)
	}
	if codes[0] != http.StatusUnauthorized || codes[5] != http.StatusTooManyRequests {
		t.Errorf("failed logins answered %v", codes)
	}
}

func TestDeskUnits(t *testing.T) {
	d := newDesk(t)

	// A guessed link is refused.
	if r, _ := http.Get(d.ts.URL + "/u/aaaaaaaaaaaaaaaaaaaaaaaaaa"); r.StatusCode != http.StatusNotFound {
		t.Errorf("guessed link: %d", r.StatusCode)
	}
	// Another unit's file through this link is refused, not filed to it.
	_, doc := d.upload(http.DefaultClient, d.links["tram-y-te"], sample("cong-an-2026-W48.xlsx"))
	f := doc["files"].([]any)[0].(map[string]any)
	if f["accepted"] != false || !strings.Contains(fmt.Sprint(f["findings"]), "không phải của Trạm y tế xã") {
		t.Errorf("another unit's file: %v", f)
	}
	ups, _ := d.st.Uploads("2026-W48")
	if len(ups) != 1 || ups[0].UnitID != "tram-y-te" || ups[0].Accepted {
		t.Fatalf("stored %+v", ups)
	}
	// A unit cannot read another unit's files.
	_, _ = d.upload(http.DefaultClient, d.links["cong-an"], sample("cong-an-2026-W48.xlsx"))
	ups, _ = d.st.Uploads("2026-W48")
	other := ups[1].ID
	r, _ := http.Get(fmt.Sprintf("%s/tep/%d/danh-dau", d.links["tram-y-te"], other))
	if r.StatusCode != http.StatusNotFound {
		t.Errorf("another unit's file read through a link: %d", r.StatusCode)
	}
	page, _ := http.Get(d.links["tram-y-te"])
	body, _ := io.ReadAll(page.Body)
	if strings.Contains(string(body), "cong-an-2026-W48.xlsx") && strings.Count(string(body), "cong-an-2026-W48.xlsx") > 1 {
		t.Errorf("the unit page shows another unit's upload")
	}
	// An upload over the cap is refused with a message.
	var big bytes.Buffer
	mw := multipart.NewWriter(&big)
	fw, _ := mw.CreateFormFile("file", "lon.xlsx")
	fw.Write(bytes.Repeat([]byte("x"), 11<<20))
	mw.Close()
	resp := d.post(http.DefaultClient, d.links["tram-y-te"], mw.FormDataContentType(), &big, true)
	var e map[string]string
	json.NewDecoder(resp.Body).Decode(&e)
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(e["error"], "MB") {
		t.Errorf("oversized upload: %d %v", resp.StatusCode, e)
	}
	// Renewing a link revokes the old one.
	old := d.links["tram-y-te"]
	d.srv.Links([]string{"tram-y-te"})
	if r, _ := http.Get(old); r.StatusCode != http.StatusNotFound {
		t.Errorf("old link after renewal: %d", r.StatusCode)
	}
}

// A unit's template for next week starts from what it sent this week; a
// unit with nothing earlier gets an empty one.
func TestDeskTemplatePrefilled(t *testing.T) {
	d := newDesk(t)
	_, _ = d.upload(http.DefaultClient, d.links["tram-y-te"], sample("tram-y-te-2026-W48.xlsx"))
	entries := func(unit string) []report.Entry {
		t.Helper()
		resp, err := http.Get(d.links[unit] + "/mau?period=2026-W49")
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("template: %v %v", resp, err)
		}
		b, _ := io.ReadAll(resp.Body)
		sub := excel.Reader{}.Read(b, &report.Submission{Path: "mau.xlsx", Name: "mau.xlsx", Meta: map[string]string{}})
		// Dated by the clerk: untouched and undated it would be last week's
		// report again, and not used.
		day := vi.Day(2026, 12, 2)
		sub.ReportDate = report.Value{Text: "02/12/2026", Cell: sub.ReportDate.Cell, Date: &day}
		p, _ := plan.ParsePeriod("2026-W49")
		return report.Validate(defaultPlanT(t), []*report.Submission{sub}, p, now()).Files[0].Entries
	}
	sent := excel.Reader{}.ReadFile(sample("tram-y-te-2026-W48.xlsx"))
	p48, _ := plan.ParsePeriod("2026-W48")
	want := report.Validate(defaultPlanT(t), []*report.Submission{sent}, p48, now()).Files[0].Entries
	got := entries("tram-y-te")
	if len(got) != len(want) || len(got) == 0 {
		t.Fatalf("prefilled rows %d, sent %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Status != want[i].Status || got[i].Result != want[i].Result {
			t.Errorf("row %d: %v %q, sent %v %q", i, got[i].Status, got[i].Result, want[i].Status, want[i].Result)
		}
	}
	if got := entries("cong-an"); len(got) != 0 {
		t.Errorf("a unit with nothing earlier got %d filled rows", len(got))
	}
}

// Next week's merge compares with this week's without being told; the
// board shows the period's table as it stands before anyone merges.
func TestDeskComparesWithLastWeek(t *testing.T) {
	d := newDesk(t)
	c := d.officer()
	_, _ = d.upload(http.DefaultClient, d.links["tram-y-te"], sample("tram-y-te-2026-W48.xlsx"))
	d.post(c, d.ts.URL+"/api/merge?period=2026-W48", "application/x-www-form-urlencoded", nil, true).Body.Close()

	// A week later, the clerk sends next week's template back as it came,
	// pre-filled, with its date: nothing changed.
	d.clock = d.clock.AddDate(0, 0, 7)
	c = d.officer() // the session of a week ago has ended
	resp, _ := http.Get(d.links["tram-y-te"] + "/mau?period=2026-W49")
	b, _ := io.ReadAll(resp.Body)
	path := filepath.Join(t.TempDir(), "tram-y-te-2026-W49.xlsx")
	os.WriteFile(path, b, 0o644)
	if f, err := excelize.OpenFile(path); err == nil {
		f.SetCellStr("Báo cáo", "C6", "02/12/2026")
		f.Save()
		f.Close()
	}
	if doc := d.uploadTo(http.DefaultClient, d.links["tram-y-te"], path, "2026-W49"); fmt.Sprint(doc["files"]) == "" || !strings.Contains(fmt.Sprint(doc), "accepted:true") {
		t.Fatalf("W49 upload: %v", doc)
	}

	board := func() string {
		resp, err := c.Get(d.ts.URL + "/bang?period=2026-W49")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	page := board()
	for _, want := range []string{"Bảng tổng hợp Tuần 49 năm 2026", "so với Tuần 48 năm 2026", "Thay đổi so với Tuần 48 năm 2026",
		"Mô hình 36:", "Chưa báo cáo: Công an xã"} {
		if !strings.Contains(page, want) {
			t.Errorf("board lacks %q", want)
		}
	}
	resp = d.post(c, d.ts.URL+"/api/merge?period=2026-W49", "application/x-www-form-urlencoded", nil, true)
	var res struct {
		Report int64
		Error  string
	}
	json.NewDecoder(resp.Body).Decode(&res)
	if res.Report == 0 {
		t.Fatalf("W49 merge: %d %q", resp.StatusCode, res.Error)
	}
	xlsx, err := c.Get(fmt.Sprintf("%s/bao-cao/%d/xlsx", d.ts.URL, res.Report))
	if err != nil {
		t.Fatal(err)
	}
	xb, _ := io.ReadAll(xlsx.Body)
	prev, err := excel.ReadPrevious(bytes.NewReader(xb), "W49")
	if err != nil || prev.Period.String() != "2026-W49" {
		t.Fatalf("merged W49: %v %v", prev, err)
	}
	f, _ := excelize.OpenReader(bytes.NewReader(xb))
	rows, _ := f.GetRows("Tổng hợp")
	if !strings.Contains(fmt.Sprint(rows), "Thay đổi so với Tuần 48 năm 2026") {
		t.Errorf("the merged workbook does not compare with week 48")
	}
}

// The officer uploads an edited plan, sees what it changes, and applies it
// from next week: this week stays under the old plan.
func TestDeskPlan(t *testing.T) {
	d := newDesk(t)
	c := d.officer()
	page := func(resp *http.Response) string {
		t.Helper()
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return string(b)
	}
	get := func(path string) string {
		t.Helper()
		resp, err := c.Get(d.ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		return page(resp)
	}
	send := func(name string, data []byte) string {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		fw, _ := mw.CreateFormFile("file", name)
		fw.Write(data)
		mw.Close()
		return page(d.post(c, d.ts.URL+"/ke-hoach", mw.FormDataContentType(), &b, false))
	}
	if p := get("/ke-hoach"); !strings.Contains(p, "Kế hoạch số 39/KH-UBND") || !strings.Contains(p, "20 mô hình") {
		t.Fatalf("plan page: %.300s", p)
	}
	// A broken file: a Vietnamese message, nothing kept.
	if p := send("ke-hoach.json", []byte(`{"id": `)); !strings.Contains(p, "không phải JSON hợp lệ") || strings.Contains(p, "Áp dụng kế hoạch này") {
		t.Errorf("broken plan: %.400s", p[strings.Index(p, "<h1>"):])
	}
	// The officer downloads the plan's workbook and sends it back
	// unchanged: nothing to apply.
	resp, err := c.Get(d.ts.URL + "/ke-hoach/tai")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("plan workbook: %v %v", resp, err)
	}
	wb, _ := io.ReadAll(resp.Body)
	if p := send("ke-hoach.xlsx", wb); !strings.Contains(p, "Không khác kế hoạch hiện tại") {
		t.Errorf("unchanged plan: %.600s", p[strings.Index(p, "<h1>"):])
	}
	// The school is renamed, and the header's signer named: the preview
	// says the header applies at once, the units from next week.
	edited := defaultPlanT(t)
	edited.Unit("truong-hoc").Name = "Các trường học"
	edited.Header.SignerName = "Lê Văn Hùng"
	var js bytes.Buffer
	plan.EncodeJSON(&js, edited)
	p := send("ke-hoach-moi.json", js.Bytes())
	if !strings.Contains(p, "đổi tên đơn vị: Trường học trên địa bàn xã → Các trường học") || !strings.Contains(p, "áp dụng từ Tuần 49 năm 2026") ||
		!strings.Contains(p, "Họ tên người ký: (không có) → Lê Văn Hùng") || !strings.Contains(p, "áp dụng ngay") {
		t.Fatalf("draft: %.900s", p[strings.Index(p, "<h1>"):])
	}
	if p := page(d.post(c, d.ts.URL+"/ke-hoach/ap-dung", "application/x-www-form-urlencoded", nil, false)); !strings.Contains(p, "mô hình, đơn vị từ Tuần 49 năm 2026") {
		t.Fatalf("apply: %.600s", p[strings.Index(p, "<h1>"):])
	}
	// The week under way keeps its units but signs with the new header.
	d.upload(http.DefaultClient, d.links["cong-an"], sample("cong-an-2026-W48.xlsx"))
	if b := get("/bang?period=2026-W48"); !strings.Contains(b, `name="signer" value="Lê Văn Hùng"`) {
		t.Errorf("week 48's merge does not take the new header")
	}
	if b := get("/bang?period=2026-W48"); !strings.Contains(b, `"missing"><td>Trường học trên địa bàn xã</td>`) {
		t.Errorf("week 48 is not under the old plan")
	}
	if b := get("/bang?period=2026-W49"); !strings.Contains(b, `"missing"><td>Các trường học</td>`) {
		t.Errorf("week 49 is not under the new plan")
	}
	// A restart keeps the version.
	srv2, st2, _, err := openDesk(d.dir, "", d.ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	links, _ := srv2.Links(nil)
	if !slices.ContainsFunc(links, func(l web.UnitLink) bool { return l.Unit.Name == "Các trường học" }) {
		t.Errorf("after a restart the new plan is lost")
	}
	vs, _ := d.st.Plans()
	if len(vs) != 1 || vs[0].From != "2026-11-26" || vs[0].Name != "ke-hoach-moi.json" {
		t.Errorf("stored versions %+v", vs)
	}
}

// A month without the unit's own monthly file is made of its last week
// inside the month, said on the board and in the merge.
func TestDeskMonthFromWeeks(t *testing.T) {
	d := newDesk(t)
	c := d.officer()
	_, _ = d.upload(http.DefaultClient, d.links["tram-y-te"], sample("tram-y-te-2026-W48.xlsx"))
	resp, err := c.Get(d.ts.URL + "/bang?period=2026-12")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(b), "tổng hợp theo báo cáo Tuần 48 năm 2026") {
		t.Errorf("the board does not say the month uses week 48")
	}
	resp = d.post(c, d.ts.URL+"/api/merge?period=2026-12", "application/x-www-form-urlencoded", nil, true)
	var res struct{ Summary string }
	json.NewDecoder(resp.Body).Decode(&res)
	if !strings.HasPrefix(res.Summary, "1/9 đơn vị") {
		t.Errorf("month merge: %q", res.Summary)
	}
	// November's window (15/10–14/11) does not hold week 48: nothing to
	// merge, and no report is made of nothing.
	resp = d.post(c, d.ts.URL+"/api/merge?period=2026-11", "application/x-www-form-urlencoded", nil, true)
	var refused struct{ Error string }
	json.NewDecoder(resp.Body).Decode(&refused)
	if resp.StatusCode != http.StatusConflict || !strings.Contains(refused.Error, "hưa có tệp nào dùng được") {
		t.Errorf("November merge: %d %q", resp.StatusCode, refused.Error)
	}
}

// A file accepted with rows in error counts, and still asks for a fix: the
// board says so, and the reminder names the unit.
func TestDeskPartlyAccepted(t *testing.T) {
	d := newDesk(t)
	c := d.officer()
	_, doc := d.upload(http.DefaultClient, d.links["tram-y-te"], filepath.Join("..", "..", "samples", "co-loi", "tram-y-te-go-tay.xlsx"))
	if f := doc["files"].([]any)[0].(map[string]any); f["accepted"] != true {
		t.Fatalf("upload: %v", f)
	}
	resp, err := c.Get(d.ts.URL + "/bang?period=2026-W48")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	page := string(b)
	for _, want := range []string{`<tr class="partial"><td>Trạm y tế xã</td>`, "Đã nhận, còn lỗi (1 lỗi)", "- Trạm y tế xã (đã gửi nhưng còn 1 lỗi, cần sửa rồi gửi lại)",
		"Đã nhận <b>1/9</b>", "de06 " + version()} {
		if !strings.Contains(page, want) {
			t.Errorf("board lacks %q", want)
		}
	}
	req, _ := http.NewRequest("GET", d.ts.URL+"/api/status?period=2026-W48", nil)
	resp, _ = c.Do(req)
	var status struct{ Units []struct{ ID, State string } }
	json.NewDecoder(resp.Body).Decode(&status)
	for _, u := range status.Units {
		if u.ID == "tram-y-te" && u.State != "accepted" {
			t.Errorf("API state %q, want accepted (the contract has three states)", u.State)
		}
	}
}

// Nine units send twenty files each at once while the officer polls the
// status: every acknowledged upload is in the database afterwards.
func TestDeskLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the load test")
	}
	d := newDesk(t)
	c := d.officer()
	samples, _ := filepath.Glob(sample("*.xlsx"))
	var wg sync.WaitGroup
	var mu sync.Mutex
	acked := 0
	stop := make(chan struct{})
	go func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			req, _ := http.NewRequest("GET", d.ts.URL+"/api/status?period=2026-W48", nil)
			if r, err := c.Do(req); err == nil {
				io.Copy(io.Discard, r.Body)
				r.Body.Close()
			}
			time.Sleep(20 * time.Millisecond)
		}
	}()
	for _, path := range samples {
		base := filepath.Base(path)
		unit := strings.TrimSuffix(base, "-2026-W48.xlsx")
		link := d.links[unit]
		wg.Go(func() {
			for range 20 {
				if r, doc := d.upload(http.DefaultClient, link, path); r.StatusCode == 200 && doc["files"] != nil {
					mu.Lock()
					acked++
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	close(stop)
	ups, err := d.st.Uploads("2026-W48")
	if err != nil || len(ups) != acked || acked != 20*len(samples) {
		t.Errorf("%d acknowledged, %d stored (%v)", acked, len(ups), err)
	}
}

// A file the desk acknowledged is in the database after the server is
// killed (SIGKILL: no clean shutdown).
func TestDeskUploadSurvivesKill(t *testing.T) {
	if testing.Short() || runtime.GOOS == "windows" {
		t.Skip("-short, or no SIGKILL: skipping")
	}
	dir := t.TempDir()
	links := exec.Command(os.Args[0], "links", "--data", dir)
	links.Env = append(os.Environ(), "DE06_RUN_MAIN=1")
	out, err := links.Output()
	if err != nil {
		t.Fatalf("links: %v", err)
	}
	var path string
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Split(line, "\t"); len(f) == 3 && f[0] == "tram-y-te" {
			path = f[2][strings.Index(f[2], "/u/"):]
		}
	}
	srv := exec.Command(os.Args[0], "serve", "--data", dir, "--addr", "127.0.0.1:0")
	srv.Env = append(os.Environ(), "DE06_RUN_MAIN=1")
	stdout, _ := srv.StdoutPipe()
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv.Process.Kill()
	first, _ := bufio.NewReader(stdout).ReadString('\n')
	base := strings.TrimSpace(first[strings.Index(first, "http://"):])
	d := &testDesk{t: t}
	resp, doc := d.upload(http.DefaultClient, base+path, sample("tram-y-te-2026-W48.xlsx"))
	if resp.StatusCode != 200 || doc["files"] == nil {
		t.Fatalf("upload: %d %v", resp.StatusCode, doc)
	}
	srv.Process.Kill()
	srv.Wait()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if ups, _ := st.Uploads("2026-W48"); len(ups) != 1 || ups[0].UnitID != "tram-y-te" {
		t.Errorf("after the kill: %+v", ups)
	}
}

func defaultPlanT(t *testing.T) *plan.Plan {
	t.Helper()
	p, err := plan.Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}
