package main

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/caongoc/de06/internal/formfill"
	"github.com/caongoc/de06/store"
	"github.com/xuri/excelize/v2"
)

// TestProbeDesk probes a running desk (de06 serve in its own process) as
// an attacker would, with the floods, and logs what it measured:
//
//	go test ./cmd/de06 -run TestProbeDesk -v
//
// It asserts the "done when" bounds: 40 concurrent wrong logins
// give at most 5 × 401 and the right password is then refused; a 100 MB
// body to a unit link is refused unread and leaves no multipart-* file;
// 30 uploads of 10 MB of random bytes grow the database by less than
// 100 MB; POST /setup for evil.example is refused; a unit file with 8,000
// characters in a cell merges, and makes the next template, within 10 s;
// the desk's peak RSS stays ≤ 400 MiB.
func TestProbeDesk(t *testing.T) {
	if testing.Short() || runtime.GOOS != "linux" {
		t.Skip("-short, or not Linux (/proc, loopback aliases)")
	}
	dir, tmp := t.TempDir(), t.TempDir()
	path := probeLink(t, dir)
	srv, base := startServe(t, []string{"TMPDIR=" + tmp}, "--data", dir)
	link := base + path
	host := strings.TrimPrefix(base, "http://")

	// Host check, before any password: a rebinding page cannot set it.
	req, _ := http.NewRequest("POST", base+"/setup", strings.NewReader("password=ke-gian-123&again=ke-gian-123"))
	req.Host, req.Header["Origin"] = "evil.example", []string{"http://evil.example"}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp := mustDo(t, noRedirect, req)
	t.Logf("POST /setup, Host: evil.example, Origin: http://evil.example → %d", resp.StatusCode)
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("setup for evil.example: %d", resp.StatusCode)
	}
	passwd := exec.Command(os.Args[0], "passwd", "--data", dir)
	passwd.Env, passwd.Stdin = append(os.Environ(), "DE06_RUN_MAIN=1"), strings.NewReader("mat-khau-dung-1\n")
	if out, err := passwd.CombinedOutput(); err != nil {
		t.Fatalf("passwd: %v %s", err, out)
	}

	// 40 wrong logins at once from one address.
	codes := loginFlood(base, 40, func(int) string { return "127.0.0.1" }, "password=sai-roi")
	t.Logf("40 concurrent wrong logins from one address: %v", codes)
	if codes[401] > 5 || codes[401]+codes[429]+codes[503] != 40 {
		t.Errorf("40 wrong logins: %v", codes)
	}
	r := postLogin(base, "127.0.0.1", "password=mat-khau-dung-1")
	t.Logf("the right password right after, same address → %d", r)
	if r != http.StatusTooManyRequests {
		t.Errorf("the right password during the lock: %d", r)
	}
	// 200 logins from 200 addresses, bodies held and released together.
	codes = loginFlood(base, 200, func(i int) string { return fmt.Sprintf("127.0.%d.%d", 1+i/250, 1+i%250) }, "password=sai-roi")
	t.Logf("200 held logins from 200 addresses, released together: %v", codes)
	if codes[200] > 0 {
		t.Errorf("a wrong password got in: %v", codes)
	}
	// 30 logins broken off mid-body.
	for i := range 30 {
		c, err := (&net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 9, byte(1+i))}}).Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(c, "POST /login HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\npassword=", host)
		c.Close()
	}
	t.Logf("after 30 aborted logins, VmHWM %d MiB", peakRSS(t, srv.Process.Pid)>>20)

	// A 100 MB body to a unit link, sent with no length.
	took := sendHuge(t, link)
	left, _ := filepath.Glob(filepath.Join(tmp, "multipart-*"))
	t.Logf("100 MB body to a unit link: the desk took %d MB of it; multipart-* left: %d", took>>20, len(left))
	if took > 40<<20 || len(left) > 0 {
		t.Errorf("100 MB body: took %d MB, left %v", took>>20, left)
	}

	// 30 uploads of 10 MB of random bytes through one link.
	before := dbSize(t, dir)
	for i := range 30 {
		junk := make([]byte, 10<<20-1024)
		rand.Read(junk)
		if code := upload(t, link+"?period=2026-W48", fmt.Sprintf("rac-%d.xlsx", i), junk); code != 200 {
			t.Fatalf("random upload %d: %d", i, code)
		}
	}
	grown := dbSize(t, dir) - before
	t.Logf("30 uploads of 10 MB random bytes: the database grew by %.1f MB", float64(grown)/(1<<20))
	if grown > 100<<20 {
		t.Errorf("the database grew by %d MB", grown>>20)
	}

	// 8,000 characters in a status and a result cell: merge and the next
	// period's template.
	tpl := getBody(t, nil, link+"/mau?period=2026-W48")
	var filled bytes.Buffer
	d := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	long := strings.Repeat("X", 8000)
	if err := formfill.Fill(&filled, tpl, formfill.Values{ReportDate: &d, Reporter: "Lê Thị Hoa", Rows: map[int]formfill.Row{
		1: {Status: "Đang triển khai", Progress: 75, Result: long},
		5: {Status: long, Progress: 60, Result: "Tuyên truyền"},
	}}); err != nil {
		t.Fatal(err)
	}
	if code := upload(t, link+"?period=2026-W48", "tram-y-te.xlsx", filled.Bytes()); code != 200 {
		t.Fatalf("upload of the long file: %d", code)
	}
	// It counts (its rows with errors left out), so the next template is
	// pre-filled from it, the 8,000 characters of the result included.
	var page struct {
		Upload struct{ Counting bool } `json:"upload"`
	}
	js := uploadJSON(t, link+"?period=2026-W48", "tram-y-te-2.xlsx", filled.Bytes())
	if err := json.Unmarshal(js, &page); err != nil || !page.Upload.Counting {
		t.Fatalf("the long file does not count: %s", js)
	}
	officer := &http.Client{Jar: newJar(), CheckRedirect: noRedirect.CheckRedirect}
	// The floods above set off the throttle for all addresses: one login
	// per 10 s.
	time.Sleep(globalGapForProbe)
	req, _ = http.NewRequest("POST", base+"/login", strings.NewReader("password=mat-khau-dung-1"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	if resp := mustDoFrom(t, officer, req, "127.0.0.200"); resp.StatusCode != 200 {
		t.Fatalf("officer login from another address: %d", resp.StatusCode)
	}
	start := time.Now()
	req, _ = http.NewRequest("POST", base+"/api/merge?period=2026-W48", nil)
	req.Header.Set("Accept", "application/json")
	resp = mustDoFrom(t, officer, req, "127.0.0.200")
	mergeTook := time.Since(start)
	start = time.Now()
	next := getBody(t, nil, link+"/mau?period=2026-W49")
	tplTook := time.Since(start)
	if !holdsText(t, next, long) {
		t.Errorf("the next template is not pre-filled with the 8,000-character result")
	}
	t.Logf("8,000 characters in a status and a result cell: merge %v (status %d), next template %v", mergeTook.Round(time.Millisecond), resp.StatusCode, tplTook.Round(time.Millisecond))
	if resp.StatusCode != 200 || mergeTook > 10*time.Second || tplTook > 10*time.Second {
		t.Errorf("merge %d in %v, template in %v", resp.StatusCode, mergeTook, tplTook)
	}

	probeConnections(t, base, host, link)

	peak := peakRSS(t, srv.Process.Pid)
	t.Logf("the desk's peak RSS through the probe: %d MiB", peak>>20)
	if peak > 400<<20 {
		t.Errorf("peak RSS %d MiB > 400", peak>>20)
	}
}

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func newJar() http.CookieJar {
	jar, _ := cookiejar.New(nil)
	return jar
}

// probeLink makes the desk's data with its links and returns one unit's.
func probeLink(t *testing.T, dir string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run([]string{"links", "--data", dir, "--url", "http://127.0.0.1:1"}, &out, &errb); code != 0 {
		t.Fatal(errb.String())
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if f := strings.Split(line, "\t"); len(f) == 3 && f[0] == "tram-y-te" {
			return f[2][strings.Index(f[2], "/u/"):]
		}
	}
	t.Fatal("no link")
	return ""
}

// clientFrom is an HTTP client whose connections come from a loopback
// address of its own.
func clientFrom(ip string) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 10 * time.Second}
	return &http.Client{Transport: &http.Transport{DialContext: d.DialContext, DisableKeepAlives: true}, Timeout: time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func mustDo(t *testing.T, c *http.Client, req *http.Request) *http.Response {
	t.Helper()
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

func mustDoFrom(t *testing.T, c *http.Client, req *http.Request, ip string) *http.Response {
	t.Helper()
	c.Transport = clientFrom(ip).Transport
	return mustDo(t, c, req)
}

func postLogin(base, ip, body string) int {
	req, _ := http.NewRequest("POST", base+"/login", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, err := clientFrom(ip).Do(req)
	if err != nil {
		return -1
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// loginFlood sends n logins whose bodies are held until all are sent,
// then released together.
func loginFlood(base string, n int, ip func(int) string, body string) map[int]int {
	codes := map[int]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	release := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			pr, pw := io.Pipe()
			go func() { <-release; io.WriteString(pw, body); pw.Close() }()
			req, _ := http.NewRequest("POST", base+"/login", pr)
			req.ContentLength = int64(len(body))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Accept", "application/json")
			code := -1
			if resp, err := clientFrom(ip(i)).Do(req); err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				code = resp.StatusCode
			}
			mu.Lock()
			codes[code]++
			mu.Unlock()
		})
	}
	time.Sleep(500 * time.Millisecond)
	close(release)
	wg.Wait()
	return codes
}

// globalGapForProbe outlasts the desk's global login throttle.
const globalGapForProbe = 11 * time.Second

// sendHuge streams 100 MB to a unit link and returns how much the desk
// took before it answered or closed.
func sendHuge(t *testing.T, link string) int64 {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	var sent int64
	var mu sync.Mutex
	go func() {
		fw, err := mw.CreateFormFile("file", "lon.xlsx")
		if err != nil {
			pw.CloseWithError(err)
			return
		}
		chunk := bytes.Repeat([]byte("x"), 64<<10)
		for range 1600 {
			if _, err := fw.Write(chunk); err != nil {
				pw.CloseWithError(err)
				return
			}
			mu.Lock()
			sent += int64(len(chunk))
			mu.Unlock()
		}
		pw.CloseWithError(mw.Close())
	}()
	req, _ := http.NewRequest("POST", link+"?period=2026-W48", pr)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if resp, err := clientFrom("127.0.0.5").Do(req); err == nil {
		t.Logf("100 MB body → %d", resp.StatusCode)
		resp.Body.Close()
	} else {
		t.Logf("100 MB body → connection closed by the desk (%v)", err)
	}
	time.Sleep(200 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	return sent
}

func uploadJSON(t *testing.T, url, name string, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", url, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Accept", "application/json")
	resp, err := clientFrom("127.0.0.6").Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return out
}

func upload(t *testing.T, url, name string, data []byte) int {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", url, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Accept", "application/json")
	return mustDo(t, clientFrom("127.0.0.6"), req).StatusCode
}

func getBody(t *testing.T, c *http.Client, url string) []byte {
	t.Helper()
	resp, err := clientFrom("127.0.0.7").Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, b)
	}
	return b
}

func dbSize(t *testing.T, dir string) int64 {
	var n int64
	for _, suffix := range []string{"", "-wal"} {
		if st, err := os.Stat(filepath.Join(dir, store.FileName+suffix)); err == nil {
			n += st.Size()
		}
	}
	return n
}

// peakRSS is a process's peak resident set (VmHWM).
func peakRSS(t *testing.T, pid int) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	t.Fatal("no VmHWM")
	return 0
}

// holdsText reports whether a workbook has a cell holding text.
func holdsText(t *testing.T, xlsx []byte, text string) bool {
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			for _, c := range row {
				if strings.Contains(c, text) {
					return true
				}
			}
		}
	}
	return false
}
