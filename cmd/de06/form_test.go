package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/caongoc/de06/excel"
	"github.com/caongoc/de06/internal/formfill"
	"github.com/caongoc/de06/report"
)

// The form in the browser, through the contract: GET and POST
// <unit link>/form[?period=P].

// formRows is Trạm y tế's form for week 48, as the template has it.
func formRows(t *testing.T) []report.FormRow {
	t.Helper()
	form, err := report.NewForm(defaultPlanT(t), "tram-y-te", sub0Period)
	if err != nil {
		t.Fatal(err)
	}
	return form.Rows
}

// result is the result a test types for model n, in NFD as some phones'
// keyboards send it.
func result(n int) string {
	return norm.NFD.String(fmt.Sprintf("Đã triển khai tại trạm, mô hình %d: hướng dẫn người dân dùng VNeID", n))
}

// validForm fills every model of Trạm y tế's form validly.
func validForm(t *testing.T, action string) url.Values {
	t.Helper()
	v := url.Values{"reporter": {norm.NFD.String("Lê Thị Hoa")}, "phone": {"0912 345 678"}, "report_date": {"25/11/2026"}, "action": {action}}
	for _, r := range formRows(t) {
		n := r.Model.Number
		set := func(fl report.Field, s string) { v.Set(fmt.Sprintf("%s_%d", fl, n), s) }
		set(report.FieldStatus, "Đang triển khai")
		set(report.FieldProgress, "50")
		if r.Offers(report.FieldAchieved) {
			set(report.FieldAchieved, "10")
		}
		if r.Offers(report.FieldTotal) {
			set(report.FieldTotal, "20")
		}
		set(report.FieldResult, result(n))
		set(report.FieldTasks, "Tiếp tục\r\nthực hiện") // a textarea's line break
	}
	return v
}

// postFormPage posts the form as a browser does (HTML) or as a script
// (JSON).
func (d *testDesk) postFormPage(link string, v url.Values, jsonAccept bool) (*http.Response, string) {
	d.t.Helper()
	resp := d.post(http.DefaultClient, link+"/form?period=2026-W48", "application/x-www-form-urlencoded", strings.NewReader(v.Encode()), jsonAccept)
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func (d *testDesk) getForm(link, period string) string {
	d.t.Helper()
	resp, err := http.Get(link + "/form?period=" + period)
	if err != nil {
		d.t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		d.t.Fatalf("GET form: %d %s", resp.StatusCode, b)
	}
	return string(b)
}

// The form has exactly the template's inputs: the indicator's cells only
// where the unit reports them.
func TestFormHasTheTemplatesCells(t *testing.T) {
	d := newDesk(t)
	page := d.getForm(d.links["tram-y-te"], "2026-W48")
	var want, got []string
	for _, fl := range report.HeaderFields {
		want = append(want, string(fl))
	}
	for _, r := range formRows(t) {
		for _, fl := range r.Fields() {
			want = append(want, fmt.Sprintf("%s_%d", fl, r.Model.Number))
		}
	}
	for _, part := range strings.Split(between(page, `<form`, "</form>"), ` name="`)[1:] {
		name := part[:strings.IndexByte(part, '"')]
		if name != "action" {
			got = append(got, name)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("inputs %v\nwant %v", got, want)
	}
	for id, want := range map[string]string{"progress_6": `inputmode="numeric"`, "achieved_6": `inputmode="decimal"`, "total_6": `inputmode="decimal"`,
		"phone": `type="tel"`, "report_date": `value="25/11/2026"`, "status_6": "<option>Thực hiện thường xuyên</option>"} {
		if el := between(page, `id="`+id+`"`, "</div>"); !strings.Contains(el, want) {
			t.Errorf("%s lacks %s: %s", id, want, el)
		}
	}
	if !strings.Contains(page, "Chỉ tiêu: ") {
		t.Error("the form does not say the indicator's target")
	}
	// The unit's page offers it beside the template.
	if unit := d.unitPage(d.links["tram-y-te"] + "?period=2026-W48"); !strings.Contains(unit, `/form?period=2026-W48" id="dien-truc-tiep">Điền trực tiếp</a>`) {
		t.Error(`the unit's page has no "Điền trực tiếp"`)
	}
}

// Every model filled and sent: the send counts like an uploaded workbook,
// says how it came, downloads as a workbook, and the merge holds the text
// as typed, in NFC.
func TestFormSend(t *testing.T) {
	d := newDesk(t)
	c := d.officer()
	resp, body := d.postFormPage(d.links["tram-y-te"], validForm(t, "send"), true)
	var doc map[string]any
	if err := json.Unmarshal([]byte(body), &doc); err != nil || resp.StatusCode != 200 {
		t.Fatalf("send: %d %s", resp.StatusCode, body)
	}
	id, counting := sentUpload(t, doc)
	if !counting || doc["summary"].(map[string]any)["errors"].(float64) != 0 {
		t.Fatalf("the send does not count: %s", body)
	}
	st, _ := d.status(c, "2026-W48")
	if u := st["tram-y-te"]; u.State != "accepted" || u.CountingUpload == nil || *u.CountingUpload != id {
		t.Errorf("status %+v, want accepted with send %d", u, id)
	}
	up, data, err := d.st.Upload(id)
	if err != nil || up.Via != "form" || up.Name != "tram-y-te-2026-W48.xlsx" || up.Reporter != "Lê Thị Hoa" {
		t.Errorf("stored %+v %v", up, err)
	}
	// The clerk downloads the workbook the send became; it reads as a report.
	resp, err = http.Get(fmt.Sprintf("%s/tep/%d", d.links["tram-y-te"], id))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	if !bytes.Equal(got, data) {
		t.Errorf("the download is not the stored workbook (%d bytes, %d stored)", len(got), len(data))
	}
	sub := excel.Reader{}.Read(got, &report.Submission{Name: "tai-ve.xlsx", Meta: map[string]string{}})
	if fr := report.Validate(defaultPlanT(t), []*report.Submission{sub}, sub0Period, now()).Files[0]; !fr.Accepted || len(fr.Entries) != len(formRows(t)) {
		t.Errorf("the downloaded workbook: accepted %v, %d entries", fr.Accepted, len(fr.Entries))
	}
	if r, _ := http.Get(fmt.Sprintf("%s/tep/%d", d.links["cong-an"], id)); r.StatusCode != http.StatusNotFound {
		t.Errorf("another unit downloads the send: %d", r.StatusCode)
	}
	if page := d.unitPage(d.links["tram-y-te"] + "?period=2026-W48"); !strings.Contains(page, "tram-y-te-2026-W48.xlsx (gửi qua biểu mẫu)") {
		t.Error(`the history line does not say "gửi qua biểu mẫu"`)
	}
	rows := d.merged(c, "2026-W48", "tram-y-te")
	if len(rows) != len(formRows(t)) {
		t.Fatalf("merged %d rows, the form has %d", len(rows), len(formRows(t)))
	}
	for _, r := range rows {
		if want := norm.NFC.String(result(r.Model)); r.Result != want || r.Tasks != "Tiếp tục\nthực hiện" {
			t.Errorf("model %d in Dữ liệu: %q / %q, typed %q", r.Model, r.Result, r.Tasks, want)
		}
	}
}

// A progress of 120 and a status outside the list: the same findings as
// the same mistakes typed into the template in Excel; nothing is filed.
func TestFormMistakesAsWorkbook(t *testing.T) {
	d := newDesk(t)
	c := d.officer()
	v := validForm(t, "send")
	v.Set("progress_6", "120")
	v.Set("status_11", "tốt")
	resp, body := d.postFormPage(d.links["tram-y-te"], v, true)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a send with errors: %d", resp.StatusCode)
	}
	var doc map[string]any
	json.Unmarshal([]byte(body), &doc)
	if up, ok := doc["upload"]; !ok || up != nil {
		t.Errorf(`"upload" is %v, want null`, up)
	}
	form := findingsOf(t, doc)

	// The same typed into the template, sent to another desk.
	w := newDesk(t)
	values := formfill.Values{Reporter: "Lê Thị Hoa", Phone: "0912 345 678", Rows: map[int]formfill.Row{}}
	d25 := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	values.ReportDate = &d25
	for _, r := range formRows(t) {
		n := r.Model.Number
		row := formfill.Row{Status: "Đang triển khai", Progress: 50.0, Result: result(n), Tasks: "Tiếp tục\nthực hiện"}
		if r.Offers(report.FieldAchieved) {
			row.Achieved = 10.0
		}
		if r.Offers(report.FieldTotal) {
			row.Total = 20.0
		}
		values.Rows[n] = row
	}
	r6, r11 := values.Rows[6], values.Rows[11]
	r6.Progress, r11.Status = 120.0, "tốt"
	values.Rows[6], values.Rows[11] = r6, r11
	tpl, _ := os.ReadFile(w.blankTemplate("tram-y-te", "2026-W48"))
	var filled bytes.Buffer
	if err := formfill.Fill(&filled, tpl, values); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "tram-y-te.xlsx")
	os.WriteFile(path, filled.Bytes(), 0o644)
	_, wdoc := w.upload(http.DefaultClient, w.links["tram-y-te"], path)
	book := findingsOf(t, wdoc)
	if !slices.Equal(form, book) || len(form) == 0 {
		t.Errorf("form:\n  %s\nworkbook:\n  %s", strings.Join(form, "\n  "), strings.Join(book, "\n  "))
	}
	for _, code := range []string{"progress.invalid", "status.invalid"} {
		if !strings.Contains(body, `"code": "`+code+`"`) {
			t.Errorf("no %s in %s", code, body)
		}
	}
	// Nothing filed, nothing counting.
	if ups, _ := d.st.Uploads("2026-W48"); len(ups) != 0 {
		t.Errorf("a refused send stored %d uploads", len(ups))
	}
	if st, _ := d.status(c, "2026-W48"); st["tram-y-te"].State != "missing" {
		t.Errorf("status %+v after a refused send", st["tram-y-te"])
	}

	// In the browser without JavaScript: post, redirect, get — the form
	// page (a reload sends nothing) with each finding beside its field and
	// the summary linking to it.
	resp, page := d.postFormPage(d.links["tram-y-te"], v, false)
	if resp.StatusCode != http.StatusOK || resp.Request.Method != "GET" || !strings.Contains(resp.Request.URL.RawQuery, "ket-qua=chua-gui") ||
		!strings.Contains(page, "Chưa gửi:") || !strings.Contains(page, "Còn 2 lỗi cần sửa") {
		t.Errorf("the page after a refused send (%d, %s %s) does not say so", resp.StatusCode, resp.Request.Method, resp.Request.URL)
	}
	for field, code := range map[string]string{"progress_6": "progress.invalid", "status_11": "status.invalid"} {
		beside := between(page, `id="loi-`+field+`"`, "</div>")
		if !strings.Contains(beside, `data-code="`+code+`"`) || strings.Contains(beside, "E1") {
			t.Errorf("beside %s: %q", field, beside)
		}
		if !strings.Contains(page, `<a href="#`+field+`">`) {
			t.Errorf("the summary does not link to %s", field)
		}
	}
	if !strings.Contains(page, `Mô hình 6 › Tiến độ (%):</b> tiến độ 120% của mô hình 6 phải từ 0 đến 100`) {
		t.Errorf("the summary does not name the model and the field: %s", between(page, `id="tom-tat"`, "</section>"))
	}
	if !strings.Contains(page, `<option selected>tốt</option>`) || !strings.Contains(page, `id="progress_6" name="progress_6" value="120" aria-describedby="loi-progress_6" aria-invalid="true"`) {
		t.Error("the page does not keep what was typed, marked")
	}
}

// findingsOf lists a check JSON document's findings.
func findingsOf(t *testing.T, doc map[string]any) []string {
	t.Helper()
	files, _ := doc["files"].([]any)
	if len(files) != 1 {
		t.Fatalf("no file in %v", doc)
	}
	var out []string
	for _, f := range files[0].(map[string]any)["findings"].([]any) {
		m := f.(map[string]any)
		out = append(out, fmt.Sprintf("%s %s %s %v: %s — %s", m["severity"], m["code"], m["cell"], m["model"], m["message"], m["hint"]))
	}
	return out
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], to)
	if j < 0 {
		return s[i:]
	}
	return s[i : i+j]
}

// A save keeps the draft through a restart of the desk; its findings are
// those the send of it stores.
func TestFormDraftSurvivesRestart(t *testing.T) {
	d := newDesk(t)
	v := validForm(t, "save")
	v.Set("status_11", "HT") // read as "Đã hoàn thành", with a warning
	v.Set("result_6", "Khám bệnh bằng CCCD gắn chíp")
	resp, body := d.postFormPage(d.links["tram-y-te"], v, true)
	if resp.StatusCode != 200 {
		t.Fatalf("save: %d %s", resp.StatusCode, body)
	}
	var saved map[string]any
	json.Unmarshal([]byte(body), &saved)
	if _, ok := saved["upload"]; ok {
		t.Errorf("a save answers with an upload: %s", body)
	}
	if ups, _ := d.st.Uploads("2026-W48"); len(ups) != 0 {
		t.Errorf("a save stored %d uploads", len(ups))
	}

	// Restart: close the server and the store, open a new desk on the
	// same data folder.
	link := d.links["tram-y-te"]
	d.ts.Close()
	d.st.Close()
	srv, st, _, err := openDesk(d.dir, "", d.ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ts := httptestServer(t, srv.Handler())
	link = ts.URL + link[strings.Index(link, "/u/"):]
	d2 := &testDesk{t: t, st: st, ts: ts}
	page := d2.getForm(link, "2026-W48")
	for _, want := range []string{"Khám bệnh bằng CCCD gắn chíp</textarea>", `<option selected>HT</option>`, `value="Lê Thị Hoa"`,
		"Đã lưu nháp lúc", "Tiếp tục\nthực hiện</textarea>", `data-code="status.invalid"`} {
		if !strings.Contains(page, want) {
			t.Errorf("after the restart the form lacks %q", want)
		}
	}
	// Sending it stores the findings the save showed.
	v.Set("action", "send")
	resp, body = d2.postFormPage(link, v, true)
	var sent map[string]any
	json.Unmarshal([]byte(body), &sent)
	if _, counting := sentUpload(t, sent); resp.StatusCode != 200 || !counting {
		t.Fatalf("send: %d %s", resp.StatusCode, body)
	}
	if a, b := findingsOf(t, saved), findingsOf(t, sent); !slices.Equal(a, b) || len(a) == 0 {
		t.Errorf("save found:\n  %s\nthe send stored:\n  %s", strings.Join(a, "\n  "), strings.Join(b, "\n  "))
	}
}

// Next week's form starts from this week's counting send, and says so.
func TestFormPrefilled(t *testing.T) {
	d := newDesk(t)
	d.upload(http.DefaultClient, d.links["tram-y-te"], sample("tram-y-te-2026-W48.xlsx"))
	page := d.getForm(d.links["tram-y-te"], "2026-W49")
	if !strings.Contains(page, "Điền sẵn theo báo cáo Tuần 48 năm 2026 của đơn vị; sửa chỗ đã thay đổi.") {
		t.Error("the form does not say it is pre-filled")
	}
	for _, e := range sampleEntries(t, "tram-y-te-2026-W48.xlsx") {
		sel := between(page, fmt.Sprintf(`id="status_%d"`, e.Model), "</select>")
		if !strings.Contains(sel, "<option selected>"+e.Status.String()+"</option>") {
			t.Errorf("model %d: status %q not selected", e.Model, e.Status)
		}
		if e.Result != "" && !strings.Contains(page, ">"+htmlText(e.Result)+"</textarea>") {
			t.Errorf("model %d: result %q not filled", e.Model, e.Result)
		}
	}
	if page := d.getForm(d.links["cong-an"], "2026-W49"); strings.Contains(page, "Điền sẵn") {
		t.Error("a unit with nothing earlier is told its form is pre-filled")
	}
}

// htmlText escapes text as html/template writes it.
func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "+", "&#43;").Replace(s)
}

// Bad requests get a Vietnamese message, and store nothing: too large, a
// text longer than a cell, no action, another site.
func TestFormRefusals(t *testing.T) {
	d := newDesk(t)
	link := d.links["tram-y-te"]
	v := validForm(t, "save")
	v.Set("result_6", strings.Repeat("a", report.MaxCellText+1))
	if resp, body := d.postFormPage(link, v, true); resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Mô hình 6 › Kết quả thực hiện dài quá 32767 ký tự") {
		t.Errorf("a text longer than a cell: %d %s", resp.StatusCode, body)
	}
	v.Set("result_6", strings.Repeat("a", 2<<20))
	if resp, body := d.postFormPage(link, v, true); resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "MB") {
		t.Errorf("a huge form: %d %s", resp.StatusCode, body)
	}
	v = validForm(t, "")
	if resp, body := d.postFormPage(link, v, true); resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "action=send") {
		t.Errorf("no action: %d %s", resp.StatusCode, body)
	}
	req, _ := http.NewRequest("POST", link+"/form?period=2026-W48", strings.NewReader(validForm(t, "send").Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "http://evil.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if r, _ := http.DefaultClient.Do(req); r.StatusCode != http.StatusForbidden {
		t.Errorf("a cross-site POST: %d", r.StatusCode)
	}
	if ups, _ := d.st.Uploads("2026-W48"); len(ups) != 0 {
		t.Errorf("refused requests stored %d uploads", len(ups))
	}
	if _, ok, _ := d.st.Draft("tram-y-te", "2026-W48"); ok {
		t.Error("a refused request saved a draft")
	}
}

func httptestServer(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

// The form next week, pre-filled, sent as it came, gets the findings of
// next week's pre-filled template sent back as it came (with the same
// header typed in).
func TestFormPrefilledAsTemplate(t *testing.T) {
	d := newDesk(t)
	// Week 48: every model under way, model 11 (due Quý II/2024) too.
	tpl48, _ := os.ReadFile(d.blankTemplate("tram-y-te", "2026-W48"))
	values := formfill.Values{ReportDateText: "25/11/2026", Reporter: "Lê Thị Hoa", Phone: "0912 345 678", Rows: map[int]formfill.Row{}}
	for _, r := range formRows(t) {
		values.Rows[r.Model.Number] = formfill.Row{Status: "Đang triển khai", Progress: 50.0, Result: result(r.Model.Number)}
	}
	var w48 bytes.Buffer
	if err := formfill.Fill(&w48, tpl48, values); err != nil {
		t.Fatal(err)
	}
	p48 := filepath.Join(t.TempDir(), "tram-y-te-2026-W48.xlsx")
	os.WriteFile(p48, w48.Bytes(), 0o644)
	if _, doc := d.upload(http.DefaultClient, d.links["tram-y-te"], p48); !strings.Contains(fmt.Sprint(doc), "accepted:true") {
		t.Fatalf("week 48: %v", doc)
	}
	d.clock = d.clock.AddDate(0, 0, 7)
	link := d.links["tram-y-te"]
	v := formValues(t, d.getForm(link, "2026-W49"))
	if v.Get("status_11") == "" || v.Get("reporter") == "" {
		t.Fatalf("the form is not pre-filled: %v", v)
	}
	v.Set("action", "send")
	resp := d.post(http.DefaultClient, link+"/form?period=2026-W49", "application/x-www-form-urlencoded", strings.NewReader(v.Encode()), true)
	var doc map[string]any
	json.NewDecoder(resp.Body).Decode(&doc)
	form := findingsOf(t, doc)

	tplResp, err := http.Get(link + "/mau?period=2026-W49")
	if err != nil {
		t.Fatal(err)
	}
	tpl, _ := io.ReadAll(tplResp.Body)
	day, _ := time.Parse("02/01/2006", v.Get("report_date"))
	var filled bytes.Buffer
	if err := formfill.Fill(&filled, tpl, formfill.Values{ReportDate: &day, Reporter: v.Get("reporter"), Phone: v.Get("phone")}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "tram-y-te-2026-W49.xlsx")
	os.WriteFile(path, filled.Bytes(), 0o644)
	w := newDesk(t)
	w.clock = d.clock
	wdoc := w.uploadTo(http.DefaultClient, w.links["tram-y-te"], path, "2026-W49")
	book := findingsOf(t, wdoc)
	if !slices.Equal(form, book) || !strings.Contains(strings.Join(form, "\n"), "entry.unchanged") {
		t.Errorf("form:\n  %s\ntemplate:\n  %s", strings.Join(form, "\n  "), strings.Join(book, "\n  "))
	}
}

var (
	reInput    = regexp.MustCompile(`<input id="([a-z_0-9]+)" name="[^"]*" value="([^"]*)"`)
	reTextarea = regexp.MustCompile(`(?s)<textarea id="([a-z_0-9]+)"[^>]*>(.*?)</textarea>`)
	reSelect   = regexp.MustCompile(`(?s)<select id="([a-z_0-9]+)".*?</select>`)
	reSelected = regexp.MustCompile(`<option selected>([^<]*)</option>`)
)

// formValues reads what a form page holds in its inputs, as a browser
// would post it.
func formValues(t *testing.T, page string) url.Values {
	t.Helper()
	v := url.Values{}
	for _, m := range reInput.FindAllStringSubmatch(page, -1) {
		v.Set(m[1], html.UnescapeString(m[2]))
	}
	for _, m := range reTextarea.FindAllStringSubmatch(page, -1) {
		v.Set(m[1], html.UnescapeString(m[2]))
	}
	for _, m := range reSelect.FindAllStringSubmatch(page, -1) {
		sel := ""
		if s := reSelected.FindStringSubmatch(m[0]); s != nil {
			sel = html.UnescapeString(s[1])
		}
		v.Set(m[1], sel)
	}
	return v
}
