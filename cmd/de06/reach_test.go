package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/caongoc/de06/store"
	"github.com/caongoc/de06/web"
)

// lockedBuffer is a buffer a running command writes while the test reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// served is de06 serve running in this process.
type served struct {
	out, errb lockedBuffer
	stop      context.CancelFunc
	done      chan int
}

// serveInProcess runs de06 serve with args until the test ends, and waits
// until healthz answers (client: how to reach it; a redirect to https
// counts).
func serveInProcess(t *testing.T, client *http.Client, healthz string, args ...string) *served {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	restore := swap(&interrupted, func() (context.Context, context.CancelFunc) { return ctx, cancel })
	s := &served{stop: cancel, done: make(chan int, 1)}
	go func() { s.done <- run(append([]string{"serve"}, args...), &s.out, &s.errb) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-s.done:
		case <-time.After(15 * time.Second):
			t.Error("de06 serve did not stop")
		}
		restore()
	})
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		select {
		case code := <-s.done:
			t.Fatalf("de06 serve ended with %d: %s %s", code, s.out.String(), s.errb.String())
		default:
		}
		if resp, err := client.Get(healthz); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 || resp.StatusCode == http.StatusPermanentRedirect {
				return s
			}
		}
	}
	t.Fatalf("de06 serve never answered %s: %s %s", healthz, s.out.String(), s.errb.String())
	return nil
}

// freePort is a port nothing listens on now.
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return portOf(ln.Addr())
}

// withPassword makes a data folder whose officer password is set.
func withPassword(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := web.SetPassword(st, "mat-khau-thu", time.Now()); err != nil {
		t.Fatal(err)
	}
	return dir
}

// logIn logs the officer in at base and returns the client and the
// session cookie as the desk set it.
func logIn(t *testing.T, client *http.Client, base string) *http.Cookie {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	client.Jar = jar
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := client.PostForm(base+"/login", url.Values{"password": {"mat-khau-thu"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.Value != "" {
			return c
		}
	}
	t.Fatalf("login at %s: %d, no session cookie", base, resp.StatusCode)
	return nil
}

func get(t *testing.T, client *http.Client, u string) (string, *http.Response) {
	t.Helper()
	resp, err := client.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b), resp
}

// pdfText is a PDF's text by pdftotext, "" when poppler is missing.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Log("pdftotext is not installed: the slips' text is not read")
		return ""
	}
	path := filepath.Join(t.TempDir(), "phieu.pdf")
	os.WriteFile(path, pdf, 0o644)
	out, err := exec.Command(pdftotext, "-raw", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

var reLink = regexp.MustCompile(`https?://[^\s"<]+/u/[a-z2-7]{26}`)

// linksIn are the unit links written in text.
func linksIn(text string) []string { return reLink.FindAllString(text, -1) }

// With de06 serve --lan --addr :PORT, the board, de06 links and the slips
// (from the desk and from de06 links --pdf) give links on an address of
// the machine other computers reach, and on PORT; turning sharing off on
// the desk moves them back to this computer, labelled so, and the LAN
// address stops answering; on again, it answers.
func TestServeLANLinks(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping a desk on the network")
	}
	port := freePort(t)
	lan := lanAddrs(&net.TCPAddr{IP: net.IPv4zero, Port: 1}, "http://")
	if len(lan) == 0 {
		t.Skip("this machine has no network address but loopback")
	}
	lanHost := strings.TrimPrefix(lan[0][:strings.LastIndex(lan[0], ":")], "http://")
	dir := withPassword(t)
	client := &http.Client{Timeout: 10 * time.Second}
	local := "http://127.0.0.1:" + port
	s := serveInProcess(t, client, local+"/healthz", "--lan", "--addr", ":"+port, "--data", dir)
	if !strings.Contains(s.out.String(), "Các máy trong mạng của xã mở: http://"+lanHost+":"+port) {
		t.Errorf("serve --lan does not print its LAN address:\n%s", s.out.String())
	}
	onLAN := func(what string, links []string, want int) {
		t.Helper()
		if len(links) < want {
			t.Errorf("%s: %d links, want %d", what, len(links), want)
		}
		for _, l := range links {
			u, _ := url.Parse(l)
			ip := net.ParseIP(u.Hostname())
			if ip == nil || ip.IsLoopback() || u.Port() != port {
				t.Errorf("%s: link %s is not on a network address of the machine and port %s", what, l, port)
			}
		}
	}
	logIn(t, client, local)
	board, _ := get(t, client, local+"/bang")
	onLAN("board", linksIn(board), 9)
	if strings.Contains(board, "127.0.0.1") {
		t.Error("the board shows 127.0.0.1")
	}
	var out, errb lockedBuffer
	if code := run([]string{"links", "--data", dir}, &out, &errb); code != 0 {
		t.Fatalf("de06 links: %d %s", code, errb.String())
	}
	onLAN("de06 links", linksIn(out.String()), 9)
	if strings.Contains(out.String()+errb.String(), "127.0.0.1") || !strings.Contains(errb.String(), "bàn làm việc ghi lại") {
		t.Errorf("de06 links:\n%s\n%s", out.String(), errb.String())
	}
	slipsPath := filepath.Join(t.TempDir(), "phieu.pdf")
	if code := run([]string{"links", "--data", dir, "--pdf", slipsPath}, &out, &errb); code != 0 {
		t.Fatalf("de06 links --pdf: %d %s", code, errb.String())
	}
	pdf, _ := os.ReadFile(slipsPath)
	if text := pdfText(t, pdf); text != "" {
		onLAN("slips of de06 links", linksIn(text), 9)
		if strings.Contains(text, "127.0.0.1") || !strings.Contains(text, "Nơi mở được") {
			t.Errorf("slips:\n%s", text)
		}
	}
	body, resp := get(t, client, local+"/chia-se/phieu.pdf")
	if resp.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("the desk's slips: %s", resp.Status)
	}
	if text := pdfText(t, []byte(body)); text != "" {
		onLAN("slips of the desk", linksIn(text), 9)
	}
	// The LAN address answers.
	if _, err := client.Get(lan[0][:strings.LastIndex(lan[0], ":")+1] + port + "/healthz"); err != nil {
		t.Fatalf("the LAN address does not answer: %v", err)
	}

	// Sharing off on the desk: links on this computer, labelled; the LAN
	// address no longer answers.
	page := postShare(t, client, local, "off")
	if !strings.Contains(page, "Đã tắt chia sẻ") || !strings.Contains(page, "chỉ mở được trên máy này") {
		t.Errorf("sharing off: %.600s", page)
	}
	board, _ = get(t, client, local+"/bang")
	for _, l := range linksIn(board) {
		if !strings.HasPrefix(l, local+"/u/") {
			t.Errorf("after sharing off, the board shows %s", l)
		}
	}
	if !strings.Contains(board, "chỉ mở được trên máy này") {
		t.Error("the board does not say its links open on this computer only")
	}
	if conn, err := net.DialTimeout("tcp", net.JoinHostPort(lanHost, port), 2*time.Second); err == nil {
		conn.Close()
		t.Error("sharing is off, yet the LAN address takes connections")
	}
	if code := run([]string{"links", "--data", dir}, &out, &errb); code != 0 || !strings.Contains(errb.String(), "không mở được các đường dẫn này") {
		t.Errorf("de06 links after sharing off does not warn: %s", errb.String())
	}
	if on, set, _ := savedSharingOf(t, dir); on || !set {
		t.Errorf("the switch is not kept: on %v, set %v", on, set)
	}
	// On again.
	if page := postShare(t, client, local, "on"); !strings.Contains(page, "Đã bật chia sẻ") {
		t.Errorf("sharing on: %.600s", page)
	}
	if _, err := client.Get("http://" + net.JoinHostPort(lanHost, port) + "/healthz"); err != nil {
		t.Errorf("sharing on again, the LAN address does not answer: %v", err)
	}
	board, _ = get(t, client, local+"/bang")
	onLAN("board after sharing on", linksIn(board), 9)
}

func postShare(t *testing.T, client *http.Client, base, to string) string {
	t.Helper()
	req, _ := http.NewRequest("POST", base+"/chia-se", strings.NewReader("share="+to))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", base)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusSeeOther { // post, redirect, get: the page after
		return string(b)
	}
	page, _ := get(t, client, base+resp.Header.Get("Location"))
	return page
}

func savedSharingOf(t *testing.T, dir string) (bool, bool, error) {
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return web.SavedSharing(st)
}

// The hosting flags are read together, with a Vietnamese message for each
// mistake; the listening address follows --addr, --lan, --domain and the
// officer's saved switch.
func TestHostingFlags(t *testing.T) {
	for _, c := range []struct {
		h    hosting
		want string // "" for fine
	}{
		{hosting{public: "https://bao-cao.xa.gov.vn/"}, ""},
		{hosting{url: "http://192.168.1.10:8606"}, ""},
		{hosting{public: "https://a.vn", url: "https://b.vn"}, "chỉ ghi một địa chỉ"},
		{hosting{public: "bao-cao.xa.gov.vn"}, "không dùng được cho đường dẫn"},
		{hosting{public: "https://bao-cao.xa.gov.vn/de06"}, "không có gì sau tên máy"},
		{hosting{public: "ftp://a.vn"}, "không dùng được"},
		{hosting{certFile: "c.pem"}, "đi cùng nhau"},
		{hosting{domain: "a.vn", certFile: "c", keyFile: "k"}, "chỉ dùng một cách"},
		{hosting{domain: "https://a.vn"}, "cần một tên miền"},
		{hosting{behindProxy: true}, "--behind-proxy cần --public-url"},
		{hosting{behindProxy: true, public: "https://a.vn"}, ""},
	} {
		err := c.h.check()
		if (err == nil) != (c.want == "") || err != nil && !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.h, err, c.want)
		}
	}
	if h := (hosting{public: "https://bao-cao.xa.gov.vn/"}); h.check() == nil && h.public != "https://bao-cao.xa.gov.vn" {
		t.Errorf("public URL kept as %q", h.public)
	}
	shared := withPassword(t)
	st, _ := store.Open(shared)
	st.SetSetting("lan_sharing", []byte("on"), "officer", time.Now())
	st.Close()
	plain := t.TempDir()
	for _, c := range []struct {
		h         hosting
		addr      string
		given     bool
		lan       bool
		dir, want string
	}{
		{hosting{}, "127.0.0.1:8606", false, false, plain, "127.0.0.1:8606"},
		{hosting{}, "127.0.0.1:8606", false, true, plain, ":8606"},
		{hosting{}, "127.0.0.1:9000", true, true, plain, ":9000"},
		{hosting{}, "192.168.1.10:8606", true, true, plain, "192.168.1.10:8606"},
		{hosting{}, "127.0.0.1:8606", false, false, shared, ":8606"},         // the officer's switch, kept
		{hosting{}, "127.0.0.1:9000", true, false, shared, "127.0.0.1:9000"}, // --addr wins
		{hosting{domain: "a.vn"}, "127.0.0.1:8606", false, false, shared, ":443"},
		{hosting{public: "https://a.vn"}, "127.0.0.1:8606", false, false, shared, "127.0.0.1:8606"},
	} {
		if got := c.h.listenAddr(c.addr, c.given, c.lan, c.dir); got != c.want {
			t.Errorf("listenAddr(%+v, %s, given %v, lan %v) = %s, want %s", c.h, c.addr, c.given, c.lan, got, c.want)
		}
	}
}

// Where a link opens, from its address.
func TestReachOf(t *testing.T) {
	for u, want := range map[string]web.Reach{
		"http://127.0.0.1:8606":         web.ReachThisPC,
		"http://localhost:8606":         web.ReachThisPC,
		"http://[::1]:8606":             web.ReachThisPC,
		"http://192.168.1.10:8606":      web.ReachLAN,
		"http://10.0.0.5:8606":          web.ReachLAN,
		"http://172.20.1.1:8606":        web.ReachLAN,
		"http://100.64.3.3:8606":        web.ReachLAN,
		"http://may-cong-an:8606":       web.ReachLAN,
		"http://may-cong-an.local:8606": web.ReachLAN,
		"https://bao-cao.caongoc.vn":    web.ReachAnywhere,
		"http://192.0.2.2:18906":        web.ReachLAN,
		"http://203.0.113.5:8606":       web.ReachLAN, // a machine address: never "anywhere",
	} {
		if got := web.ReachOf(u); got != want {
			t.Errorf("ReachOf(%s) = %v, want %v", u, got, want)
		}
	}
}

// The links page and its actions are the officer's: without a session
// they lead to the login; from another site they are refused; a desk with
// a fixed address says it cannot switch; an address that is not the
// machine's is refused.
func TestShareIsTheOfficers(t *testing.T) {
	d := newDesk(t)
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, path := range []string{"/chia-se", "/chia-se/phieu.pdf"} {
		resp, err := noRedirect.Get(d.ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
			t.Errorf("GET %s without a session: %s", path, resp.Status)
		}
	}
	c := d.officer()
	for _, path := range []string{"/chia-se", "/chia-se/dia-chi"} {
		req, _ := http.NewRequest("POST", d.ts.URL+path, strings.NewReader("share=on"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", "http://evil.example")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		if r, _ := c.Do(req); r.StatusCode != http.StatusForbidden {
			t.Errorf("cross-site POST %s: %d", path, r.StatusCode)
		}
	}
	resp := d.postForm(c, d.ts.URL+"/chia-se", url.Values{"share": {"on"}})
	if b, _ := io.ReadAll(resp.Body); resp.StatusCode != http.StatusConflict || !strings.Contains(string(b), "địa chỉ cố định") {
		t.Errorf("switching a desk with a fixed address: %d", resp.StatusCode)
	}
	resp = d.postForm(c, d.ts.URL+"/chia-se/dia-chi", url.Values{"url": {"http://203.0.113.5:8606"}})
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("picking an address that is not the machine's: %d", resp.StatusCode)
	}
	if base, ok, _ := web.RecordedBase(d.st); !ok || base != d.ts.URL {
		t.Errorf("recorded base %q, want %q", base, d.ts.URL)
	}
}
