package web

import (
	"context"
	"net/http"
	"runtime"
	"strings"
	"testing"
)

// While guesses from many addresses fill the shared hashing queue, a
// browser the officer logged in from before still logs in from anywhere:
// its login hashes in the slot of this computer's own. A browser without
// the mark, or with a forged one, is told the desk is busy.
func TestKnownBrowserLogsInDuringAFlood(t *testing.T) {
	d := newTestDesk(t, Config{BehindProxy: true})
	if err := SetPassword(d.st, "mat-khau-thu", testNow); err != nil {
		t.Fatal(err)
	}
	login := func(from string, mark *http.Cookie) *http.Response {
		req, _ := http.NewRequest("POST", d.ts.URL+"/login", strings.NewReader("password=mat-khau-thu"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-For", from)
		if mark != nil {
			req.AddCookie(mark)
		}
		c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, _ := d.do(c, req)
		return resp
	}
	// A first login marks the browser.
	resp := login("198.51.100.7", nil)
	var mark *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == knownCookie {
			mark = c
		}
	}
	if resp.StatusCode != http.StatusSeeOther || mark == nil || !mark.HttpOnly || mark.Path != "/login" {
		t.Fatalf("the first login: %d, mark %+v", resp.StatusCode, mark)
	}

	// The shared queue full: its slot held, every place in its queue taken.
	release, err := d.srv.hashing.Acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for range 64 {
		go d.srv.hashing.Acquire(ctx)
	}
	for d.srv.hashing.Waiting() < 16 {
		runtime.Gosched()
	}

	if resp := login("203.0.113.5", nil); resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("an unknown browser during the flood: %d, want 503", resp.StatusCode)
	}
	forged := &http.Cookie{Name: knownCookie, Value: strings.Repeat("A", len(mark.Value))}
	if resp := login("203.0.113.6", forged); resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("a forged mark during the flood: %d, want 503", resp.StatusCode)
	}
	if resp := login("203.0.113.7", mark); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("the known browser, from another address, during the flood: %d, want 303", resp.StatusCode)
	}
}
