package web

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
)

// publicCases are the routes anyone may use: assets, the first run, login and logout.
var publicCases = map[string]func(t *testing.T){
	"GET /healthz": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		resp, body := d.page(nil, "/healthz")
		status(t, "healthz", resp, body, 200)
		if body != "ok" {
			t.Errorf("healthz says %q", body)
		}
	},
	"GET /style.css": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		resp, body := d.page(nil, "/style.css")
		status(t, "style", resp, body, 200)
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") || !strings.Contains(body, ".card{") {
			t.Errorf("style: %s %.80s", resp.Header.Get("Content-Type"), body)
		}
	},
	"GET /favicon.ico": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		resp, body := d.page(nil, "/favicon.ico")
		status(t, "favicon", resp, body, 200)
		if resp.Header.Get("Content-Type") != "image/x-icon" || !strings.HasPrefix(body, "\x00\x00\x01\x00") {
			t.Errorf("favicon: %s %.8q", resp.Header.Get("Content-Type"), body)
		}
		_, page := d.page(nil, "/")
		mustContain(t, "a page's head", page, `<link rel="icon" href="/favicon.ico">`)
	},
	"GET /chon-tep.js": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		resp, body := d.page(nil, "/chon-tep.js")
		status(t, "script", resp, body, 200)
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") || !strings.Contains(body, "data-copy") {
			t.Errorf("script: %s %.80s", resp.Header.Get("Content-Type"), body)
		}
	},
	"GET /bieu-mau.js": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		resp, body := d.page(nil, "/bieu-mau.js")
		status(t, "form script", resp, body, 200)
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") || !strings.Contains(body, "bieu-mau") {
			t.Errorf("form script: %s %.80s", resp.Header.Get("Content-Type"), body)
		}
	},
	"GET /{$}": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		// First run: the password to set, on this computer only.
		resp, body := d.page(nil, "/")
		status(t, "first run", resp, body, 200)
		mustContain(t, "first run", body, "Đặt mật khẩu cho cán bộ tổng hợp", `name="again"`)
		c := d.officer()
		_, body = d.page(nil, "/")
		mustContain(t, "login page", body, "<h1>Đăng nhập</h1>", `action="/login"`)
		if resp, _ := d.page(c, "/"); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/bang" {
			t.Errorf("a logged-in officer is not sent to the board: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		if resp, _ := d.page(nil, "/khong-co"); resp.StatusCode != http.StatusNotFound {
			t.Errorf("an unknown path: %d", resp.StatusCode)
		}
	},
	"POST /setup": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		resp, body := d.submit(noRedirect(), "/setup", url.Values{"password": {"ngan"}, "again": {"ngan"}})
		status(t, "short password", resp, body, http.StatusBadRequest)
		mustContain(t, "short password", body, "ít nhất 8 ký tự")
		if _, ok := d.srv.passwordSet(); ok {
			t.Fatal("a refused password was stored")
		}
		resp, _ = d.submit(noRedirect(), "/setup", url.Values{"password": {"mat-khau-dau"}, "again": {"mat-khau-dau"}})
		// The first run goes on to the document's details, logged in.
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/van-ban?dau=1" || len(resp.Cookies()) == 0 {
			t.Fatalf("setup: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
		}
		if h, ok := d.srv.passwordSet(); !ok || !strings.HasPrefix(h, "$argon2id$") || !checkPassword("mat-khau-dau", h) {
			t.Fatalf("stored %q", h)
		}
		if se, _ := d.st.Sessions(testNow); len(se) != 1 {
			t.Errorf("%d sessions after setup", len(se))
		}
		// Once set, the password is not set again this way.
		resp, body = d.submit(noRedirect(), "/setup", url.Values{"password": {"mat-khau-moi"}, "again": {"mat-khau-moi"}})
		status(t, "second setup", resp, body, http.StatusForbidden)
		if h, _ := d.srv.passwordSet(); !checkPassword("mat-khau-dau", h) {
			t.Error("a second setup changed the password")
		}
	},
	"POST /login": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		d.officer()
		resp, body := d.postForm(nil, "/login", "password=sai-mat-khau")
		status(t, "wrong password", resp, body, http.StatusUnauthorized)
		mustContain(t, "wrong password", body, "Mật khẩu không đúng")
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar, CheckRedirect: noRedirect().CheckRedirect}
		resp, _ = d.submit(c, "/login", url.Values{"password": {"mat-khau-thu"}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/bang" {
			t.Fatalf("login: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
		}
		if se, _ := d.st.Sessions(testNow); len(se) != 2 || se[0].From != "127.0.0.1" {
			t.Errorf("sessions %+v", se)
		}
		if resp, _ := d.page(c, "/bang"); resp.StatusCode != 200 {
			t.Errorf("the new session opens no board: %d", resp.StatusCode)
		}
	},
	"POST /logout": func(t *testing.T) {
		d := newTestDesk(t, Config{})
		c := d.officer()
		resp, _ := d.submit(c, "/logout", nil)
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
			t.Fatalf("logout: %d", resp.StatusCode)
		}
		if se, _ := d.st.Sessions(testNow); len(se) != 0 {
			t.Errorf("the session is still stored: %+v", se)
		}
	},
}

// login logs in once more, as another browser: the password is set.
func (d *testDesk) login() *http.Client {
	d.t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: noRedirect().CheckRedirect}
	if resp, body := d.postForm(c, "/login", "password=mat-khau-thu"); resp.StatusCode != 200 {
		d.t.Fatalf("login: %d %s", resp.StatusCode, body)
	}
	return c
}
