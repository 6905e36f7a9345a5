package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caongoc/de06/excel"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/web"
	"github.com/xuri/excelize/v2"
)

// unitState is one unit's line of /api/status.
type unitState struct {
	ID             string
	State          string
	CountingUpload *int64 `json:"counting_upload"`
	Late           int
}

func (d *testDesk) status(c *http.Client, period string) (map[string]unitState, bool) {
	d.t.Helper()
	req, _ := http.NewRequest("GET", d.ts.URL+"/api/status?period="+period, nil)
	req.Header.Set("Accept", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		d.t.Fatal(err)
	}
	defer resp.Body.Close()
	var doc struct {
		Changed bool `json:"changed_since_merge"`
		Units   []unitState
	}
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		d.t.Fatal(err)
	}
	out := map[string]unitState{}
	for _, u := range doc.Units {
		out[u.ID] = u
	}
	return out, doc.Changed
}

// sent is what the JSON answer to a unit's upload says of the send.
func sentUpload(t *testing.T, doc map[string]any) (int64, bool) {
	t.Helper()
	up, ok := doc["upload"].(map[string]any)
	if !ok {
		t.Fatalf("no upload in the answer: %v", doc)
	}
	return int64(up["id"].(float64)), up["counting"].(bool)
}

// reminder reads the board's Zalo text.
func (d *testDesk) reminder(c *http.Client, period string) string {
	d.t.Helper()
	resp, err := c.Get(d.ts.URL + "/bang?period=" + period)
	if err != nil {
		d.t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	page := string(b)
	i := strings.Index(page, `id="loi-nhac">`)
	j := strings.Index(page[i:], "</textarea>")
	if i < 0 || j < 0 {
		d.t.Fatalf("no reminder on the board")
	}
	return page[i : i+j]
}

// merged merges a period and returns the Dữ liệu rows of one unit.
func (d *testDesk) merged(c *http.Client, period, unit string) []report.PreviousEntry {
	d.t.Helper()
	resp := d.post(c, d.ts.URL+"/api/merge?period="+period, "application/x-www-form-urlencoded", nil, true)
	var res struct {
		XLSX  string
		Error string
	}
	json.NewDecoder(resp.Body).Decode(&res)
	if res.XLSX == "" {
		d.t.Fatalf("merge: %d %s", resp.StatusCode, res.Error)
	}
	x, err := c.Get(d.ts.URL + res.XLSX)
	if err != nil {
		d.t.Fatal(err)
	}
	b, _ := io.ReadAll(x.Body)
	prev, err := excel.ReadPrevious(bytes.NewReader(b), "merged")
	if err != nil {
		d.t.Fatal(err)
	}
	var out []report.PreviousEntry
	for _, e := range prev.Entries {
		if e.UnitID == unit && e.Status != report.StatusNone {
			out = append(out, e)
		}
	}
	return out
}

// blankTemplate downloads a unit's template as a file, unfilled.
func (d *testDesk) blankTemplate(unit, period string) string {
	d.t.Helper()
	resp, err := http.Get(d.links[unit] + "/mau?period=" + period)
	if err != nil || resp.StatusCode != 200 {
		d.t.Fatalf("template: %v %v", resp, err)
	}
	b, _ := io.ReadAll(resp.Body)
	path := filepath.Join(d.t.TempDir(), "trong.xlsx")
	os.WriteFile(path, b, 0o644)
	return path
}

// A good file, then by mistake an empty one: the good one still counts —
// for the API, the reminder and the merge alike.
func TestDeskGoodThenEmpty(t *testing.T) {
	d := newDesk(t)
	c := d.officer()
	empty := d.blankTemplate("tram-y-te", "2026-W48")
	_, doc := d.upload(http.DefaultClient, d.links["tram-y-te"], sample("tram-y-te-2026-W48.xlsx"))
	good, counting := sentUpload(t, doc)
	if !counting {
		t.Fatalf("the good file does not count: %v", doc)
	}
	_, doc = d.upload(http.DefaultClient, d.links["tram-y-te"], empty)
	if _, counting := sentUpload(t, doc); counting {
		t.Errorf("the empty file counts: %v", doc)
	}
	st, _ := d.status(c, "2026-W48")
	if u := st["tram-y-te"]; u.State != "accepted" || u.CountingUpload == nil || *u.CountingUpload != good {
		t.Errorf("status %+v, want accepted with upload %d counting", u, good)
	}
	if r := d.reminder(c, "2026-W48"); strings.Contains(r, "Trạm y tế") {
		t.Errorf("the reminder names Trạm y tế:\n%s", r)
	}
	rows := d.merged(c, "2026-W48", "tram-y-te")
	want := sampleEntries(t, "tram-y-te-2026-W48.xlsx")
	if len(rows) != len(want) {
		t.Fatalf("merged %d rows of Trạm y tế, the good file has %d", len(rows), len(want))
	}
	for i := range rows {
		if rows[i].Model != want[i].Model || rows[i].Result != want[i].Result {
			t.Errorf("row %d: %d %q, want %d %q", i, rows[i].Model, rows[i].Result, want[i].Model, want[i].Result)
		}
	}
	// The unit's page says the empty file is not used, and which is.
	page := d.unitPage(d.links["tram-y-te"] + "?period=2026-W48")
	if !strings.Contains(page, "Không dùng được") || !strings.Contains(page, "Đang dùng để tổng hợp") {
		t.Errorf("the unit's page does not tell which file counts")
	}
}

func sampleEntries(t *testing.T, name string) []report.PreviousEntry {
	t.Helper()
	data, err := os.ReadFile(sample(name))
	if err != nil {
		t.Fatal(err)
	}
	sub := communeLevel{}.Read(t.Context(), webFile(name, data)).Submission()
	c := report.Validate(defaultPlanT(t), []*report.Submission{sub}, sub0Period, now())
	return report.PreviousOf(c.Files[0].Entries)
}

func (d *testDesk) unitPage(link string) string {
	d.t.Helper()
	resp, err := http.Get(link)
	if err != nil {
		d.t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// A usable file with a row error after a clean one counts, whole; the
// clerk is warned, withdraws it, and the clean file counts again — status,
// reminder and merge agree at each step.
func TestDeskWorseThenWithdraw(t *testing.T) {
	d := newDesk(t)
	c := d.officer()
	_, doc := d.upload(http.DefaultClient, d.links["tram-y-te"], sample("tram-y-te-2026-W48.xlsx"))
	clean, _ := sentUpload(t, doc)
	worsePath := filepath.Join("..", "..", "samples", "co-loi", "tram-y-te-go-tay.xlsx")

	// Through the page, to see what the clerk sees.
	page := d.uploadPage(d.links["tram-y-te"], worsePath)
	for _, want := range []string{"Tệp này đang được dùng để tổng hợp", "đã thay cho tệp tram-y-te-2026-W48.xlsx", "Rút lại lần gửi này"} {
		if !strings.Contains(page, want) {
			t.Errorf("after sending a worse file the page lacks %q", want)
		}
	}
	st, _ := d.status(c, "2026-W48")
	worse := *st["tram-y-te"].CountingUpload
	if worse == clean || st["tram-y-te"].State != "accepted" {
		t.Fatalf("the worse file does not count: %+v", st["tram-y-te"])
	}
	if r := d.reminder(c, "2026-W48"); !strings.Contains(r, "Trạm y tế xã (đã gửi nhưng còn 1 lỗi") {
		t.Errorf("the reminder does not ask for the fix:\n%s", r)
	}
	rows := d.merged(c, "2026-W48", "tram-y-te")
	if len(rows) == 0 || len(rows) >= len(sampleEntries(t, "tram-y-te-2026-W48.xlsx")) {
		t.Errorf("the merge used %d rows of the worse file (its row with an error left out)", len(rows))
	}

	// Another unit cannot withdraw it; the clerk can.
	if r := d.postForm(http.DefaultClient, d.links["cong-an"]+"/withdraw", url.Values{"upload": {fmt.Sprint(worse)}}); r.StatusCode != http.StatusNotFound {
		t.Errorf("another unit's link withdrew: %d", r.StatusCode)
	}
	if r := d.postForm(http.DefaultClient, d.links["tram-y-te"]+"/withdraw", url.Values{"upload": {fmt.Sprint(clean)}}); r.StatusCode != http.StatusConflict {
		t.Errorf("withdrawing an earlier send: %d", r.StatusCode)
	}
	if r := d.postForm(http.DefaultClient, d.links["tram-y-te"]+"/withdraw", url.Values{"upload": {fmt.Sprint(worse)}}); r.StatusCode != 200 {
		t.Fatalf("withdraw: %d", r.StatusCode)
	}
	st, changed := d.status(c, "2026-W48")
	if u := st["tram-y-te"]; *u.CountingUpload != clean || u.State != "accepted" || !changed {
		t.Errorf("after withdrawing: %+v, changed since merge %v", u, changed)
	}
	if r := d.reminder(c, "2026-W48"); strings.Contains(r, "Trạm y tế") {
		t.Errorf("the reminder still names Trạm y tế:\n%s", r)
	}
	if rows := d.merged(c, "2026-W48", "tram-y-te"); len(rows) != len(sampleEntries(t, "tram-y-te-2026-W48.xlsx")) {
		t.Errorf("the merge after withdrawing has %d rows", len(rows))
	}
	if _, changed := d.status(c, "2026-W48"); changed {
		t.Error("merged again, yet the board still asks for a merge")
	}
	// Nothing is deleted: both sends stay, the withdrawal is audited.
	if ups, _ := d.st.Uploads("2026-W48"); len(ups) != 2 || ups[1].WithdrawnAt.IsZero() {
		t.Errorf("uploads after withdrawing: %+v", ups)
	}
}

// The officer chooses an earlier send through /api/choose; the next merge
// uses it, and the choice is refused for an unusable send.
func TestDeskOfficerChooses(t *testing.T) {
	d := newDesk(t)
	c := d.officer()
	_, doc := d.upload(http.DefaultClient, d.links["tram-y-te"], sample("tram-y-te-2026-W48.xlsx"))
	first, _ := sentUpload(t, doc)
	_, doc = d.upload(http.DefaultClient, d.links["tram-y-te"], filepath.Join("..", "..", "samples", "co-loi", "tram-y-te-go-tay.xlsx"))
	second, _ := sentUpload(t, doc)
	_, doc = d.upload(http.DefaultClient, d.links["tram-y-te"], d.blankTemplate("tram-y-te", "2026-W48"))
	unusable, _ := sentUpload(t, doc)

	choose := func(id int64) *http.Response {
		return d.post(c, fmt.Sprintf("%s/api/choose?period=2026-W48&unit=tram-y-te&upload=%d", d.ts.URL, id), "application/x-www-form-urlencoded", nil, true)
	}
	if r := choose(unusable); r.StatusCode != http.StatusBadRequest {
		t.Errorf("choosing an unusable send: %d", r.StatusCode)
	}
	if r := choose(first); r.StatusCode != 200 {
		t.Fatalf("choose: %d", r.StatusCode)
	}
	st, _ := d.status(c, "2026-W48")
	if *st["tram-y-te"].CountingUpload != first {
		t.Errorf("counting %d after choosing %d (second was %d)", *st["tram-y-te"].CountingUpload, first, second)
	}
	if rows := d.merged(c, "2026-W48", "tram-y-te"); len(rows) != len(sampleEntries(t, "tram-y-te-2026-W48.xlsx")) {
		t.Errorf("the merge after the choice has %d rows", len(rows))
	}
	// The choice needs the officer, and another unit's send is not this
	// unit's to choose.
	if r := d.post(http.DefaultClient, fmt.Sprintf("%s/api/choose?period=2026-W48&unit=tram-y-te&upload=%d", d.ts.URL, first), "application/x-www-form-urlencoded", nil, true); r.StatusCode != http.StatusUnauthorized {
		t.Errorf("choose without a session: %d", r.StatusCode)
	}
	_, doc = d.upload(http.DefaultClient, d.links["cong-an"], sample("cong-an-2026-W48.xlsx"))
	other, _ := sentUpload(t, doc)
	if r := choose(other); r.StatusCode != http.StatusBadRequest {
		t.Errorf("choosing another unit's send: %d", r.StatusCode)
	}
	// The officer's page for the unit shows every send, its findings in
	// check's words, and the reporter.
	resp, err := c.Get(d.ts.URL + "/bang/don-vi?period=2026-W48&unit=tram-y-te")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	page := string(b)
	for _, want := range []string{"tram-y-te-go-tay.xlsx", "trong.xlsx", `của mô hình 36 không hợp lệ`, "Đang dùng để tổng hợp",
		"Dùng tệp này để tổng hợp", "qua đường dẫn riêng", "Người báo cáo:"} {
		if !strings.Contains(page, want) {
			t.Errorf("the officer's unit page lacks %q", want)
		}
	}
}

// A file sent after the deadline is filed under the period it declares,
// and marked late.
func TestDeskLateSend(t *testing.T) {
	d := newDesk(t)
	c := d.officer()
	d.clock = d.clock.AddDate(0, 0, 5)
	c = d.officer()
	_, doc := d.uploadFor(http.DefaultClient, d.links["tram-y-te"], sample("tram-y-te-2026-W48.xlsx"), "")
	if _, counting := sentUpload(t, doc); !counting {
		t.Fatalf("a late file does not count: %v", doc)
	}
	st, _ := d.status(c, "2026-W48")
	if u := st["tram-y-te"]; u.State != "accepted" || u.Late != 5 {
		t.Errorf("late send: %+v", u)
	}
	// A future period is refused, and kept.
	f := excelizeCopyWithPeriod(t, sample("tram-y-te-2026-W48.xlsx"), "2027-W10")
	_, doc = d.uploadFor(http.DefaultClient, d.links["tram-y-te"], f, "")
	if _, counting := sentUpload(t, doc); counting || !strings.Contains(fmt.Sprint(doc), "period.not-open") {
		t.Errorf("a future period: %v", doc)
	}
}

// excelizeCopyWithPeriod writes a copy of a report whose period cell says
// another period.
func excelizeCopyWithPeriod(t *testing.T, path, period string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.SetCellValue("Báo cáo", "C5", period)
	out := filepath.Join(t.TempDir(), "ky-sau.xlsx")
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	return out
}

var sub0Period = mustPeriod("2026-W48")

func mustPeriod(s string) plan.Period {
	p, err := plan.ParsePeriod(s)
	if err != nil {
		panic(err)
	}
	return p
}

func webFile(name string, data []byte) web.File {
	return web.File{Name: name, Data: data, Modified: now()}
}

// uploadPage sends a file through a link as the page's form does, and
// returns the page.
func (d *testDesk) uploadPage(link, path string) string {
	d.t.Helper()
	body, ct := fileBody(d.t, path)
	resp := d.post(http.DefaultClient, link+"?period=2026-W48", ct, body, false)
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func (d *testDesk) postForm(c *http.Client, u string, v url.Values) *http.Response {
	d.t.Helper()
	return d.post(c, u, "application/x-www-form-urlencoded", strings.NewReader(v.Encode()), true)
}
