package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/caongoc/de06/plan"
)

// A client who leaves stops the work done for it: the engine's context
// ends, the merge stops at once and nothing is stored.
func TestClientGoneStopsWork(t *testing.T) {
	d := newTestDesk(t, Config{WorkTimeout: time.Minute})
	c := d.officer()
	d.send("tram-y-te", w48, "good")
	d.eng.renderDelay = 30 * time.Second
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "POST", d.ts.URL+"/api/merge?period=2026-W48", nil)
	req.Header.Set("Accept", "application/json")
	start := time.Now()
	if _, err := c.Do(req); err == nil {
		t.Fatal("the request outlived its client")
	}
	for d.eng.Stopped() == 0 && time.Since(start) < 5*time.Second {
		time.Sleep(20 * time.Millisecond)
	}
	if d.eng.Stopped() != 1 || time.Since(start) > 5*time.Second {
		t.Fatalf("the merge went on after its client left (%d stopped after %v)", d.eng.Stopped(), time.Since(start))
	}
	if reps, _ := d.st.Reports("2026-W48"); len(reps) != 0 {
		t.Errorf("a merge whose client left was stored")
	}
	// The same for an annotated copy.
	up := d.send("tram-y-te", w48, "partial")
	d.eng.annotateDelay = 30 * time.Second
	ctx2, cancel2 := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel2()
	req, _ = http.NewRequestWithContext(ctx2, "GET", d.links["tram-y-te"]+idPath("/tep/%d/danh-dau", up.ID), nil)
	http.DefaultClient.Do(req)
	for d.eng.Stopped() < 2 && time.Since(start) < 10*time.Second {
		time.Sleep(20 * time.Millisecond)
	}
	if d.eng.Stopped() != 2 {
		t.Fatal("the annotated copy went on after its client left")
	}
}

// Refusals keep their own status and words: a unit past its quota 413, a
// period past its quota 507 (the desk's storage), work over its budget
// 503 with Retry-After; none is an internal error.
func TestRefusalStatuses(t *testing.T) {
	pl, _ := plan.Default()
	n := int64(len(fakeReport(pl, "tram-y-te", w48, "good")))
	sendRaw := func(d *testDesk) (*http.Response, string) {
		body, ct := multipartBody("file", "b.xlsx", fakeReport(pl, "tram-y-te", w48, "good"))
		req, _ := http.NewRequest("POST", d.links["tram-y-te"]+"?period=2026-W48", body)
		req.Header.Set("Content-Type", ct)
		req.Header.Set("Accept", "application/json")
		return d.do(nil, req)
	}
	// Room for two sends of the unit.
	d := newTestDesk(t, Config{UnitQuota: 2*n + n/2})
	for range 2 {
		if resp, body := sendRaw(d); resp.StatusCode != 200 {
			t.Fatalf("within the quota: %d %s", resp.StatusCode, body)
		}
	}
	if resp, body := sendRaw(d); resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "Đơn vị đã gửi quá nhiều dữ liệu cho Tuần 48 năm 2026") {
		t.Errorf("unit quota: %d %s", resp.StatusCode, body)
	}
	// Room for one send in the period.
	d = newTestDesk(t, Config{PeriodQuota: n + n/2, WorkTimeout: 200 * time.Millisecond})
	sendRaw(d)
	if resp, body := sendRaw(d); resp.StatusCode != http.StatusInsufficientStorage || !strings.Contains(body, "Bàn làm việc đã nhận quá nhiều dữ liệu") {
		t.Errorf("period quota: %d %s", resp.StatusCode, body)
	}
	// The officer's drop says the same, file by file.
	c := d.officer()
	_, page := d.postFiles(c, "/nop?period=2026-W48", "files", map[string][]byte{"x.xlsx": fakeReport(pl, "dia-chinh", w48, "good")}, url.Values{"period": {"2026-W48"}})
	mustContain(t, "drop past the quota", page, "x.xlsx: <span class=\"bad\">không kiểm tra được: Bàn làm việc đã nhận quá nhiều dữ liệu")
	// Over budget: busy, not broken.
	d.eng.renderDelay = time.Second
	resp, body := d.postForm(c, "/api/merge?period=2026-W48", "")
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(body, "Máy đang kiểm tra nhiều tệp") {
		t.Errorf("merge over budget: %d %q %s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	if es, _ := d.srv.RecentErrors(5); len(es) != 0 {
		t.Errorf("refusals were logged as errors: %+v", es)
	}
}

func TestBrowserOf(t *testing.T) {
	for _, c := range []struct{ agent, want string }{
		{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36", "trình duyệt Chrome trên Windows"},
		{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0", "trình duyệt Edge trên Windows"},
		{"Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1", "trình duyệt Safari trên iPhone"},
		{"Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36", "trình duyệt Chrome trên Android"},
		{"Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0", "trình duyệt Firefox trên Linux"},
		{"curl/8.5.0", ""},
		{"", ""},
	} {
		if got := browserOf(c.agent); got != c.want {
			t.Errorf("browserOf(%q) = %q, want %q", c.agent, got, c.want)
		}
	}
}
