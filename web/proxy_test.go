package web

import (
	"net/http"
	"strings"
	"testing"
)

// Behind a proxy that sends no X-Forwarded-For (nginx's default), a
// request has no known client: it is never this computer's, and no
// password is set or tried; the answer says how to set the proxy up.
func TestBehindProxyNoForward(t *testing.T) {
	d := newTestDesk(t, Config{BehindProxy: true})
	send := func(method, path, body, xff string) (*http.Response, string) {
		req, _ := http.NewRequest(method, d.ts.URL+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "application/json")
		if xff != "" {
			req.Header.Set("X-Forwarded-For", xff)
		}
		return d.do(&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}, req)
	}
	for _, c := range []struct{ method, path, body string }{
		{"POST", "/setup", "password=mat-khau-moi&again=mat-khau-moi"},
		{"GET", "/", ""},
		{"POST", "/login", "password=mat-khau-moi"},
	} {
		resp, body := send(c.method, c.path, c.body, "")
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "proxy_set_header X-Forwarded-For") {
			t.Errorf("%s %s with no X-Forwarded-For: %d %s", c.method, c.path, resp.StatusCode, body)
		}
	}
	if _, set := d.srv.passwordSet(); set {
		t.Fatal("a password was set from the internet")
	}
	// From the internet through a proxy set up right: not this computer.
	if resp, body := send("POST", "/setup", "password=mat-khau-moi&again=mat-khau-moi", "203.0.113.5"); resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "de06 passwd") {
		t.Errorf("setup from the internet: %d %s", resp.StatusCode, body)
	}
	// The links and /healthz still answer.
	if resp, _ := send("GET", "/healthz", "", ""); resp.StatusCode != http.StatusOK {
		t.Errorf("/healthz with no X-Forwarded-For: %d", resp.StatusCode)
	}
	if resp, _ := d.get(nil, d.links["tram-y-te"]); resp.StatusCode != http.StatusOK {
		t.Errorf("a unit's page with no X-Forwarded-For: %d", resp.StatusCode)
	}
}
