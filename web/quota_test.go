package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/caongoc/de06/report"
)

// uploadFor sends a file through a unit's link for period.
func (d *testDesk) uploadFor(unit, period string, data []byte) (*http.Response, string) {
	body, ct := multipartBody("file", "bao-cao.xlsx", data)
	req, _ := http.NewRequest("POST", d.links[unit]+"?period="+period, body)
	req.Header.Set("Content-Type", ct)
	req.Header.Set("Accept", "application/json")
	return d.do(nil, req)
}

// A link stores nothing, and gets no draft or template, for a period that
// takes no sends: each such period would have had a quota of its own.
func TestClosedPeriodsRefused(t *testing.T) {
	d := newTestDesk(t, Config{})
	file := append([]byte("PK"), bytes.Repeat([]byte("z"), 10<<10)...)
	form := strings.TrimPrefix(d.links["tram-y-te"], d.ts.URL) + "/form?period="
	for _, p := range []string{"1999-W01", "9999-W52", "0001-01", "2027-02"} {
		resp, body := d.uploadFor("tram-y-te", p, file)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "kế hoạch") && !strings.Contains(body, "chưa đến") {
			t.Errorf("upload for %s: %d %s", p, resp.StatusCode, body)
		}
		if resp, body := d.postForm(nil, form+p, "action=save&result_6=abc"); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("draft for %s: %d %s", p, resp.StatusCode, body)
		}
		if resp, _ := d.get(nil, d.links["tram-y-te"]+"/mau?period="+p); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("template for %s: %d", p, resp.StatusCode)
		}
	}
	// Next week's template and form may be opened early; nothing of it
	// is kept before it opens.
	if resp, _ := d.get(nil, d.links["tram-y-te"]+"/mau?period=2026-W49"); resp.StatusCode != http.StatusOK {
		t.Errorf("next week's template: %d", resp.StatusCode)
	}
	if resp, body := d.postForm(nil, form+"2026-W49", "action=save&result_6=abc"); resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "chưa đến") {
		t.Errorf("a draft for next week: %d %s", resp.StatusCode, body)
	}
	if resp, _ := d.get(nil, d.links["tram-y-te"]+"/mau?period=2026-W50"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("the template two weeks ahead: %d", resp.StatusCode)
	}
	if used, _ := d.st.StorageUsed("", ""); used != 0 {
		t.Fatalf("%d bytes stored for closed periods", used)
	}
	if _, ok, _ := d.st.Draft("tram-y-te", "9999-W52"); ok {
		t.Fatal("a draft kept for 9999-W52")
	}
	// The week under way and the one before still take sends.
	for _, p := range []string{"2026-W48", "2026-W47"} {
		if resp, body := d.uploadFor("tram-y-te", p, file); resp.StatusCode != http.StatusOK {
			t.Errorf("upload for %s: %d %s", p, resp.StatusCode, body)
		}
	}
}

// A unit's drafts count in its quota; a unit is bounded over all
// periods; the desk as a whole too.
func TestQuotaDraftsUnitAndDesk(t *testing.T) {
	d := newTestDesk(t, Config{UnitQuota: 600 << 10, UnitTotalQuota: 1 << 20, DeskQuota: 1100 << 10})
	form := strings.TrimPrefix(d.links["tram-y-te"], d.ts.URL) + "/form?period=2026-W48"
	long := strings.Repeat("x", 30000)
	draft := url.Values{"action": {"save"}, "result_6": {long}, "difficulty_6": {long}, "proposal_6": {long}}.Encode()
	saved := 0
	var last string
	for range 40 {
		resp, body := d.postForm(nil, form, draft)
		if resp.StatusCode == http.StatusOK {
			saved++
		}
		last = body
	}
	if dr, _, _ := d.st.Draft("tram-y-te", "2026-W48"); saved != 40 || len(dr.Fields) < 90000 {
		t.Fatalf("the same draft saved again: %d of 40, %s", saved, last)
	}
	file := append([]byte("PK"), bytes.Repeat([]byte("z"), 250<<10)...)
	codes := []int{}
	for range 3 {
		resp, body := d.uploadFor("tram-y-te", "2026-W48", file)
		codes = append(codes, resp.StatusCode)
		last = body
	}
	// 90 kB of draft + 2 × 250 kB fit 600 kB; the third does not.
	if codes[1] != 200 || codes[2] != http.StatusRequestEntityTooLarge || !strings.Contains(last, "cho Tuần 48") && !strings.Contains(last, "quá nhiều dữ liệu") {
		t.Fatalf("answers %v, last %s", codes, last)
	}
	// Over periods: 590 kB kept, 2 × 250 kB more for the week before.
	resp, _ := d.uploadFor("tram-y-te", "2026-W47", file)
	resp2, body := d.uploadFor("tram-y-te", "2026-W47", file)
	if resp.StatusCode != 200 || resp2.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "qua mọi kỳ") {
		t.Fatalf("over periods: %d, %d %s", resp.StatusCode, resp2.StatusCode, body)
	}
	// The desk: another unit fills what is left, then nothing more.
	d.uploadFor("cong-an", "2026-W48", file)
	resp, body = d.uploadFor("cong-an", "2026-W48", file)
	if resp.StatusCode != http.StatusInsufficientStorage || !strings.Contains(body, "Bàn làm việc đã lưu quá nhiều") {
		t.Fatalf("the desk's bound: %d %s", resp.StatusCode, body)
	}
	// A draft past a bound is refused in its own words.
	resp, body = d.postForm(nil, strings.TrimSuffix(form, "W48")+"W47", draft)
	if resp.StatusCode != http.StatusInsufficientStorage || !strings.Contains(body, "bản nháp không được lưu") {
		t.Fatalf("a draft over the desk's bound: %d %s", resp.StatusCode, body)
	}
	if used, _ := d.st.StorageUsed("", ""); used > 1100<<10 {
		t.Fatalf("the desk holds %d bytes of files", used)
	}
}

// 40 uploads at once through one link keep no more than the unit's quota
// (those refused before their body is read see their connection closed).
func TestQuotaRace(t *testing.T) {
	d := newTestDesk(t, Config{UnitQuota: 1 << 20, MaxChecks: 8})
	file := append([]byte("PK"), bytes.Repeat([]byte("z"), 300<<10)...)
	var wg sync.WaitGroup
	for range 40 {
		wg.Go(func() {
			body, ct := multipartBody("file", "bao-cao.xlsx", file)
			if resp, err := http.Post(d.links["tram-y-te"]+"?period=2026-W48", ct, body); err == nil {
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
	if used, _ := d.st.StorageUsed("tram-y-te", "2026-W48"); used > 1<<20 {
		t.Fatalf("40 uploads at once kept %d bytes against a 1 MB quota", used)
	}
}

// A workbook that is no template and holds not one row of a report —
// any workbook padded with megabytes — keeps only its start, and its
// finding.
func TestNotTemplateKeepsAPrefix(t *testing.T) {
	d := newTestDesk(t, Config{})
	sub := &report.Submission{}
	sub.Add(report.Error, report.FileNotTemplate, "", "", "không phải tệp mẫu", "dùng tệp mẫu")
	js, _ := json.Marshal(sub)
	pad := fmt.Sprintf(`,"Pad":%q}`, strings.Repeat("r", 2<<20))
	file := append(js[:len(js)-1:len(js)-1], pad...)
	resp, body := d.upload("tram-y-te", "dem.xlsx", file)
	if resp.StatusCode != 200 || !strings.Contains(body, string(report.FileNotTemplate)) {
		t.Fatalf("upload: %d %s", resp.StatusCode, body)
	}
	ups, _ := d.st.Uploads("2026-W48")
	if len(ups) != 1 || ups[0].Kept != keptPrefix || ups[0].Size != len(file) || !strings.Contains(ups[0].Findings, string(report.FileNotTemplate)) {
		t.Fatalf("kept %d of %d bytes; findings %s", ups[0].Kept, ups[0].Size, ups[0].Findings)
	}
}
