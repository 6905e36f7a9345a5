package web

import (
	"bytes"
	"crypto/rand"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// A page of another site whose name was made to resolve to this computer
// (DNS rebinding) cannot set the first password: POST /setup with Host:
// evil.example and a matching Origin is refused, from this computer too.
func TestHostCheck(t *testing.T) {
	d := newTestDesk(t, Config{Hosts: []string{"ban.de06.example", "192.168.1.10"}})
	post := func(host string) *http.Response {
		req, _ := http.NewRequest("POST", d.ts.URL+"/setup", strings.NewReader("password=mat-khau-ke-gian&again=mat-khau-ke-gian"))
		req.Host = host
		req.Header.Set("Origin", "http://"+host)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, _ := d.do(&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}, req)
		return resp
	}
	if resp := post("evil.example"); resp.StatusCode != http.StatusMisdirectedRequest {
		t.Fatalf("setup for evil.example: %d", resp.StatusCode)
	}
	if resp := post("evil.example:8606"); resp.StatusCode != http.StatusMisdirectedRequest {
		t.Fatalf("setup for evil.example:8606: %d", resp.StatusCode)
	}
	if _, ok := d.srv.passwordSet(); ok {
		t.Fatal("a rebinding page set the password")
	}
	for _, host := range []string{"evil.example", "127.0.0.1.evil.example", "localhost.evil.example"} {
		req, _ := http.NewRequest("GET", d.ts.URL+"/healthz", nil)
		req.Host = host
		if resp, _ := d.do(nil, req); resp.StatusCode != http.StatusMisdirectedRequest {
			t.Errorf("GET for %s: %d", host, resp.StatusCode)
		}
	}
	for _, host := range []string{"localhost:8606", "127.0.0.1", "[::1]:8606", "BAN.de06.example", "192.168.1.10:8606"} {
		req, _ := http.NewRequest("GET", d.ts.URL+"/healthz", nil)
		req.Host = host
		if resp, _ := d.do(nil, req); resp.StatusCode != 200 {
			t.Errorf("GET for %s: %d", host, resp.StatusCode)
		}
	}
	// The desk's own name, as its links print it.
	if resp := post(strings.TrimPrefix(d.ts.URL, "http://")); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("setup on the desk's own address: %d", resp.StatusCode)
	}
}

// tempFiles lists the multipart spill files in dir.
func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "multipart-*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// countingReader counts what the server took of a body.
type countingReader struct {
	n, limit int64
	mu       sync.Mutex
}

func (c *countingReader) Read(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n >= c.limit {
		return 0, io.EOF
	}
	k := min(int64(len(p)), c.limit-c.n)
	for i := range k {
		p[i] = 'x'
	}
	c.n += k
	return int(k), nil
}

// A 100 MB body to a unit link is refused without being read whole (sent
// with no length, so the cap must stop it), and no multipart-* file is
// left in the temporary folder. The old desk parsed the whole body first
// (FormValue), spilled it to disk and never removed the spill.
func TestLargeBodyRefused(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	d := newTestDesk(t, Config{})
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	body := &countingReader{limit: 100 << 20}
	go func() {
		fw, _ := mw.CreateFormFile("file", "lon.xlsx")
		_, err := io.Copy(fw, body)
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	req, _ := http.NewRequest("POST", d.links["tram-y-te"]+"?period=2026-W48", pr)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(b), "MB") {
			t.Fatalf("100 MB body: %d %s", resp.StatusCode, b)
		}
	} // else: the desk closed the connection on the sender, as it may
	body.mu.Lock()
	sent := body.n
	body.mu.Unlock()
	if sent > 40<<20 {
		t.Errorf("the desk took %d MB of the body", sent>>20)
	}
	time.Sleep(100 * time.Millisecond)
	if left := tempFiles(t, tmp); len(left) > 0 {
		t.Errorf("spill left behind: %v", left)
	}
	if ups, _ := d.st.Uploads("2026-W48"); len(ups) != 0 {
		t.Errorf("%d uploads stored", len(ups))
	}
	// Declared too large: refused at once, unread.
	req, _ = http.NewRequest("POST", d.links["tram-y-te"], strings.NewReader(""))
	req.ContentLength = 100 << 20
	req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
	conn := &countingReader{limit: 100 << 20}
	req.Body = io.NopCloser(conn)
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("declared 100 MB: %d", resp.StatusCode)
		}
	}
	// A 1 MB login form is refused too (the old desk took 1 GB).
	if resp, _ := d.postForm(nil, "/login", "password="+strings.Repeat("x", 1<<20)); resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("1 MB login: %d", resp.StatusCode)
	}
}

// An upload that spills to disk (over 1 MB) is stored, and its spill is
// removed, though the unit's guard passes a copy of the request on.
func TestUploadSpillRemoved(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	d := newTestDesk(t, Config{})
	data := append([]byte("PK"), bytes.Repeat([]byte("y"), 5<<20)...)
	if resp, body := d.upload("tram-y-te", "bao-cao.xlsx", data); resp.StatusCode != 200 {
		t.Fatalf("upload: %d %s", resp.StatusCode, body)
	}
	if left := tempFiles(t, tmp); len(left) > 0 {
		t.Errorf("spill left behind: %v", left)
	}
	// Over the cap by a little, with a length: refused, nothing left.
	big := append([]byte("PK"), bytes.Repeat([]byte("y"), 11<<20)...)
	if resp, _ := d.upload("tram-y-te", "lon.xlsx", big); resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("11 MB: %d", resp.StatusCode)
	}
	if left := tempFiles(t, tmp); len(left) > 0 {
		t.Errorf("spill left behind: %v", left)
	}
}

// Unusable uploads keep their record, name, size and hash, but only the
// first 64 KB of their bytes: 30 × 1 MB of random bytes through one link
// store less than 2 MB (the old desk kept all 30 MB; 500 MB in 3,5 s).
func TestUnusableUploadsKeepAPrefix(t *testing.T) {
	d := newTestDesk(t, Config{})
	for i := range 30 {
		junk := make([]byte, 1<<20)
		rand.Read(junk)
		if resp, body := d.upload("tram-y-te", fmt.Sprintf("rac-%d.xlsx", i), junk); resp.StatusCode != 200 {
			t.Fatalf("upload %d: %d %s", i, resp.StatusCode, body)
		}
	}
	used, err := d.st.StorageUsed("tram-y-te", "2026-W48")
	if err != nil || used > 2<<20 {
		t.Fatalf("stored %d bytes, %v", used, err)
	}
	ups, _ := d.st.Uploads("2026-W48")
	if len(ups) != 30 || ups[0].Size != 1<<20 || ups[0].Kept != keptPrefix || ups[0].SHA256 == "" || ups[0].Name != "rac-0.xlsx" {
		t.Fatalf("record %+v", ups[0])
	}
	// The officer cannot download what was not kept, and is told why.
	c := d.officer()
	resp, body := d.get(c, fmt.Sprintf("%s/tep/%d", d.ts.URL, ups[0].ID))
	if resp.StatusCode != http.StatusGone || !strings.Contains(body, "64 KB") {
		t.Fatalf("download of a prefix: %d %s", resp.StatusCode, body)
	}
}

// Past its quota for a period, a unit is refused with a clear message;
// another unit is not.
func TestUnitQuota(t *testing.T) {
	d := newTestDesk(t, Config{UnitQuota: 1 << 20, PeriodQuota: 3 << 20})
	file := append([]byte("PK"), bytes.Repeat([]byte("z"), 300<<10)...)
	var last string
	codes := []int{}
	for range 4 {
		resp, body := d.upload("tram-y-te", "bao-cao.xlsx", file)
		codes = append(codes, resp.StatusCode)
		last = body
	}
	if codes[2] != 200 || codes[3] == 200 || !strings.Contains(last, "quá nhiều dữ liệu") || !strings.Contains(last, "1 MB") {
		t.Fatalf("answers %v, last %s", codes, last)
	}
	if resp, _ := d.upload("cong-an", "bao-cao.xlsx", file); resp.StatusCode != 200 {
		t.Fatalf("another unit refused: %d", resp.StatusCode)
	}
	// The period's quota holds across units.
	for _, u := range []string{"cong-an", "cong-an", "tram-y-te"} {
		d.upload(u, "b.xlsx", file)
	}
	if used, _ := d.st.StorageUsed("", "2026-W48"); used > 3<<20 {
		t.Fatalf("the period holds %d bytes, over its quota", used)
	}
}

// A file name of 100,000 characters is stored (and shown) shortened, its
// extension kept; a path in it is dropped.
func TestFileNameBounded(t *testing.T) {
	d := newTestDesk(t, Config{})
	name := `C:\Users\x\` + strings.Repeat("Báo cáo ", 12_500) + ".xlsx"
	if resp, body := d.upload("tram-y-te", name, []byte("PK short")); resp.StatusCode != 200 {
		t.Fatalf("upload: %d %.200s", resp.StatusCode, body)
	}
	ups, _ := d.st.Uploads("2026-W48")
	if n := len([]rune(ups[0].Name)); n > maxNameRunes || !strings.HasSuffix(ups[0].Name, "….xlsx") || strings.Contains(ups[0].Name, `\`) {
		t.Fatalf("stored name of %d characters: %.80q", n, ups[0].Name)
	}
	if got := fileName("a\x00b\nc.xlsx"); got != "abc.xlsx" {
		t.Errorf("control characters kept: %q", got)
	}
}

// One fail path: an internal error is answered with a reference number,
// and the log keeps the cause under it, with no link token.
func TestFailLogsWithReference(t *testing.T) {
	d := newTestDesk(t, Config{})
	id, err := d.st.AddUpload(storeUpload("tram-y-te", "{ hỏng"), []byte("PK"))
	if err != nil {
		t.Fatal(err)
	}
	resp, body := d.get(nil, fmt.Sprintf("%s/tep/%d/danh-dau", d.links["tram-y-te"], id))
	if resp.StatusCode != http.StatusInternalServerError || !strings.Contains(body, "Mã lỗi") {
		t.Fatalf("answer %d %s", resp.StatusCode, body)
	}
	entries, err := d.srv.RecentErrors(5)
	if err != nil || len(entries) == 0 {
		t.Fatalf("log: %v, %v", entries, err)
	}
	e := entries[0]
	if !strings.Contains(body, e.Ref) || !strings.Contains(e.Cause, "findings of upload") || e.Path != "/u/[ẩn]/tep/"+fmt.Sprint(id)+"/danh-dau" {
		t.Fatalf("entry %+v for %s", e, body)
	}
	raw, _ := os.ReadFile(filepath.Join(d.dir, "nhat-ky-loi.log"))
	token := d.links["tram-y-te"][strings.LastIndex(d.links["tram-y-te"], "/")+1:]
	if bytes.Contains(raw, []byte(token)) {
		t.Fatal("the link token is in the log")
	}
}

// Annotated copies run in the shared pool within a budget: many at once
// never run more than MaxChecks together, and one over budget is answered
// 503 (the old desk ran each as it came, 24 LibreOffice at once).
func TestAnnotatedCopiesBounded(t *testing.T) {
	d := newTestDesk(t, Config{MaxChecks: 2, WorkTimeout: 300 * time.Millisecond})
	d.eng.annotateDelay = 100 * time.Millisecond
	id, err := d.st.AddUpload(storeUpload("tram-y-te", `{"files":[{"findings":[]}]}`), []byte("PK"))
	if err != nil {
		t.Fatal(err)
	}
	url := fmt.Sprintf("%s/tep/%d/danh-dau", d.links["tram-y-te"], id)
	codes := map[int]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 12 {
		wg.Go(func() {
			resp, _ := d.get(nil, url)
			mu.Lock()
			codes[resp.StatusCode]++
			mu.Unlock()
		})
	}
	wg.Wait()
	if d.eng.Peak() > 2 {
		t.Fatalf("%d copies at once, want ≤ 2", d.eng.Peak())
	}
	// (A link's fourth download at once is refused before any work: 429.)
	if codes[200] == 0 || codes[200]+codes[http.StatusServiceUnavailable]+codes[http.StatusTooManyRequests] != 12 {
		t.Fatalf("answers %v", codes)
	}
	d.eng.annotateDelay = time.Second
	start := time.Now()
	if resp, _ := d.get(nil, url); resp.StatusCode != http.StatusServiceUnavailable || time.Since(start) > 900*time.Millisecond {
		t.Fatalf("over budget: %d after %v", resp.StatusCode, time.Since(start))
	}
}
