package web

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// 40 wrong passwords at once from one address: at most five are checked
// (401), the rest are refused before any hashing (429, or 503 when the
// hashing queue is full); then the right password from that address is
// refused too, until the lock ends. The old desk checked all 40, and let
// a right password through among them.
func TestLoginFlood(t *testing.T) {
	d := newTestDesk(t, Config{})
	if err := SetPassword(d.st, "mat-khau-thu", testNow); err != nil {
		t.Fatal(err)
	}
	codes := map[int]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := make(chan struct{})
	for range 40 {
		wg.Go(func() {
			<-start
			resp, _ := d.postForm(nil, "/login", "password=sai-roi")
			mu.Lock()
			codes[resp.StatusCode]++
			mu.Unlock()
		})
	}
	close(start)
	wg.Wait()
	if codes[http.StatusUnauthorized] > loginFailures || codes[http.StatusUnauthorized]+codes[http.StatusTooManyRequests]+codes[http.StatusServiceUnavailable] != 40 {
		t.Fatalf("answers %v: want at most %d × 401, the rest 429/503", codes, loginFailures)
	}
	resp, body := d.postForm(nil, "/login", "password=mat-khau-thu")
	if resp.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "phút") || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("the right password during the lock: %d %s", resp.StatusCode, body)
	}
}

// The body is read under its small cap before anything: a large one is
// refused without hashing. It checked no password, so it counts for
// nothing: many of them, or of bodies broken off, never lock the address
// (a shared office's network) out.
func TestLoginBodyCapped(t *testing.T) {
	d := newTestDesk(t, Config{})
	d.officer()
	big := "password=" + strings.Repeat("a", 1<<20)
	resp, body := d.postForm(nil, "/login", big)
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("a 1 MB login: %d %s", resp.StatusCode, body)
	}
	for range 3 * loginFailures {
		d.postForm(nil, "/login", big)
		// Sent with no length, the cap stops it in the handler.
		req, _ := http.NewRequest("POST", d.ts.URL+"/login", io.MultiReader(strings.NewReader(big)))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if resp, _ := d.do(nil, req); resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Fatalf("a 1 MB login with no length: %d", resp.StatusCode)
		}
		// Broken off: a length promised and never sent.
		c, err := net.Dial("tcp", d.ts.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(c, "POST /login HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\npassword=ab", d.ts.Listener.Addr())
		time.Sleep(20 * time.Millisecond)
		c.Close()
	}
	time.Sleep(100 * time.Millisecond)
	if resp, body := d.postForm(nil, "/login", "password=mat-khau-thu"); resp.StatusCode != http.StatusOK {
		t.Fatalf("the right password after oversized and broken-off logins: %d %s", resp.StatusCode, body)
	}
}

// After logout, the old cookie opens nothing: the session is gone from
// the desk, not only from the browser.
func TestLogoutEndsSession(t *testing.T) {
	d := newTestDesk(t, Config{})
	c := d.officer()
	u, _ := url.Parse(d.ts.URL)
	old := c.Jar.Cookies(u)
	if resp, _ := d.get(c, d.ts.URL+"/api/status"); resp.StatusCode != 200 {
		t.Fatalf("status with a session: %d", resp.StatusCode)
	}
	if resp, _ := d.postForm(c, "/logout", ""); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout: %d", resp.StatusCode)
	}
	replay := func() int {
		jar, _ := cookiejar.New(nil)
		jar.SetCookies(u, old)
		resp, _ := d.get(&http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}, d.ts.URL+"/api/status")
		return resp.StatusCode
	}
	if code := replay(); code != http.StatusUnauthorized {
		t.Fatalf("the old cookie after logout: %d", code)
	}
	req, _ := http.NewRequest("GET", d.ts.URL+"/bang", nil)
	req.AddCookie(old[0])
	if resp, _ := d.do(&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}, req); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("the board with the old cookie: %d", resp.StatusCode)
	}
}

// A new password (de06 passwd, the setup page) ends every session.
func TestPasswordChangeEndsSessions(t *testing.T) {
	d := newTestDesk(t, Config{})
	a, b := d.officer(), d.officer()
	if err := SetPassword(d.st, "mat-khau-moi", testNow); err != nil {
		t.Fatal(err)
	}
	for _, c := range []*http.Client{a, b} {
		if resp, _ := d.get(c, d.ts.URL+"/api/status"); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("a session outlived the password: %d", resp.StatusCode)
		}
	}
	if n, err := d.srv.EndAllSessions(); err != nil || n != 0 {
		t.Fatalf("sessions left: %d, %v", n, err)
	}
}

// Expired sessions are refused and purged.
func TestExpiredSessionPurged(t *testing.T) {
	d := newTestDesk(t, Config{})
	c := d.officer()
	later := testNow.Add(sessionLife + time.Minute)
	d.srv.now = func() time.Time { return later }
	if resp, _ := d.get(c, d.ts.URL+"/api/status"); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("an expired session: %d", resp.StatusCode)
	}
	d.officer() // a new login purges
	if list, _ := d.st.Sessions(testNow); len(list) != 1 {
		t.Fatalf("%d sessions kept, want the new one only", len(list))
	}
}
