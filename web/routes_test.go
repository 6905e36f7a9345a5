package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/caongoc/de06/plan"
)

// Every route of the desk (Server.routes) has a case here, on a desk of
// its own over a real SQLite file, asserting what the route answers and
// what it stored. TestEveryRouteHasACase fails when a route is added
// without one.

// routeCases: one per route of Server.routes, each on a desk of its own.
var routeCases = joinCases(publicCases, boardCases, pageCases, unitCases)

func joinCases(sets ...map[string]func(t *testing.T)) map[string]func(t *testing.T) {
	out := map[string]func(t *testing.T){}
	for _, set := range sets {
		for k, v := range set {
			if out[k] != nil {
				panic("two cases for " + k)
			}
			out[k] = v
		}
	}
	return out
}

var (
	w47 = plan.Period{Kind: plan.Weekly, Year: 2026, N: 47}
	w48 = plan.Period{Kind: plan.Weekly, Year: 2026, N: 48}
	w49 = plan.Period{Kind: plan.Weekly, Year: 2026, N: 49}
	m12 = plan.Period{Kind: plan.Monthly, Year: 2026, N: 12}
)

func TestEveryRouteHasACase(t *testing.T) {
	d := newTestDesk(t, Config{})
	var patterns []string
	for _, rt := range d.srv.routes() {
		patterns = append(patterns, rt.pattern)
		if routeCases[rt.pattern] == nil {
			t.Errorf("route %q has no test case in routeCases", rt.pattern)
		}
	}
	for p := range routeCases {
		if !slices.Contains(patterns, p) {
			t.Errorf("routeCases has a case for %q, which is no route", p)
		}
	}
}

func TestRoutes(t *testing.T) {
	var patterns []string
	for p := range routeCases {
		patterns = append(patterns, p)
	}
	slices.Sort(patterns)
	for _, p := range patterns {
		t.Run(strings.NewReplacer("/", "_", " ", "_", "{", "", "}", "").Replace(p), routeCases[p])
	}
}

// Every officer route refuses a request without a session (401 for a
// script, the login page for a browser), and every unit route a link that
// is not a unit's; neither runs its handler.
func TestGuards(t *testing.T) {
	d := newTestDesk(t, Config{})
	d.officer() // a password is set: the desk is configured
	for _, rt := range d.srv.routes() {
		method, path, _ := strings.Cut(rt.pattern, " ")
		path = strings.NewReplacer("{$}", "", "{id}", "1", "{kind}", "pdf").Replace(path)
		switch rt.access {
		case accessOfficer:
			req, _ := http.NewRequest(method, d.ts.URL+path, nil)
			req.Header.Set("Accept", "application/json")
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if resp, body := d.do(noRedirect(), req); resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "Cần đăng nhập") {
				t.Errorf("%s without a session: %d %.100s", rt.pattern, resp.StatusCode, body)
			}
			req, _ = http.NewRequest(method, d.ts.URL+path, nil)
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if resp, _ := d.do(noRedirect(), req); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
				t.Errorf("%s from a browser without a session: %d to %q", rt.pattern, resp.StatusCode, resp.Header.Get("Location"))
			}
		case accessUnit:
			path = strings.Replace(path, "{token}", "abcdefghijklmnopqrstuvwxyz", 1)
			req, _ := http.NewRequest(method, d.ts.URL+path, nil)
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if resp, body := d.do(nil, req); resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "Đường dẫn không đúng") {
				t.Errorf("%s with a wrong link: %d %.100s", rt.pattern, resp.StatusCode, body)
			}
		}
	}
	if use, _ := d.st.StorageUse(); len(use) != 0 {
		t.Errorf("a refused request stored files: %v", use)
	}
}

func noRedirect() *http.Client {
	return &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// page gets an officer's or a unit's page as a browser does.
func (d *testDesk) page(c *http.Client, path string) (*http.Response, string) {
	d.t.Helper()
	if !strings.HasPrefix(path, "http") {
		path = d.ts.URL + path
	}
	req, _ := http.NewRequest("GET", path, nil)
	return d.do(c, req)
}

// submit posts a form as a browser does.
func (d *testDesk) submit(c *http.Client, path string, form url.Values) (*http.Response, string) {
	d.t.Helper()
	if !strings.HasPrefix(path, "http") {
		path = d.ts.URL + path
	}
	req, _ := http.NewRequest("POST", path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return d.do(c, req)
}

// sendJSON posts a form and wants JSON back, decoded into v.
func (d *testDesk) sendJSON(c *http.Client, path string, form url.Values, v any) *http.Response {
	d.t.Helper()
	resp, body := d.postForm(c, path, form.Encode())
	if v != nil && resp.StatusCode == 200 {
		if err := json.Unmarshal([]byte(body), v); err != nil {
			d.t.Fatalf("%s: %v in %.200s", path, err, body)
		}
	}
	return resp
}

// sent is what a unit's send answered (the check JSON's upload part).
type sent struct {
	ID       int64  `json:"id"`
	Counting bool   `json:"counting"`
	Period   string `json:"period"`
}

// send sends a fake report of kind for unit and period p through the
// unit's link, and returns what the desk made of it.
func (d *testDesk) send(unit string, p plan.Period, kind string) sent {
	d.t.Helper()
	body, ct := multipartBody("file", unit+"-"+p.String()+".xlsx", fakeReport(d.srv.latest(), unit, p, kind))
	req, _ := http.NewRequest("POST", d.links[unit]+"?period="+p.String(), body)
	req.Header.Set("Content-Type", ct)
	req.Header.Set("Accept", "application/json")
	resp, b := d.do(nil, req)
	if resp.StatusCode != 200 {
		d.t.Fatalf("send %s %s %s: %d %s", unit, p, kind, resp.StatusCode, b)
	}
	var out struct {
		Upload sent `json:"upload"`
	}
	if err := json.Unmarshal([]byte(b), &out); err != nil {
		d.t.Fatal(err)
	}
	return out.Upload
}

// multipartFiles is a form with several files under one field, and other
// fields.
func multipartFiles(field string, files map[string][]byte, fields url.Values) (*bytes.Buffer, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		fw, _ := mw.CreateFormFile(field, n)
		fw.Write(files[n])
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

// postFiles posts a multipart form as a browser does.
func (d *testDesk) postFiles(c *http.Client, path, field string, files map[string][]byte, fields url.Values) (*http.Response, string) {
	d.t.Helper()
	body, ct := multipartFiles(field, files, fields)
	if !strings.HasPrefix(path, "http") {
		path = d.ts.URL + path
	}
	req, _ := http.NewRequest("POST", path, body)
	req.Header.Set("Content-Type", ct)
	return d.do(c, req)
}

// mustContain fails for each want the text lacks.
func mustContain(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%.3000s", what, w, mainOf(text))
		}
	}
}

// mainOf is a page's main part (the whole text when it has none).
func mainOf(page string) string {
	if i := strings.Index(page, "<main>"); i >= 0 {
		return page[i:]
	}
	return page
}

func status(t *testing.T, what string, resp *http.Response, body string, want int) {
	t.Helper()
	if resp.StatusCode != want {
		t.Fatalf("%s: status %d, want %d: %.600s", what, resp.StatusCode, want, mainOf(body))
	}
}

func idPath(format string, id int64) string { return fmt.Sprintf(format, id) }

// seeOther checks that an action answered with a redirect to a page whose
// address starts with want (post, redirect, get), and gets that page as
// the browser would, with c.
func (d *testDesk) seeOther(c *http.Client, what string, resp *http.Response, body, want string) (*http.Response, string) {
	d.t.Helper()
	if resp.StatusCode != http.StatusSeeOther {
		d.t.Fatalf("%s: status %d, want 303 to %s: %.600s", what, resp.StatusCode, want, mainOf(body))
	}
	loc := resp.Header.Get("Location")
	if !strings.HasPrefix(loc, want) {
		d.t.Fatalf("%s: redirected to %q, want %q…", what, loc, want)
	}
	return d.page(c, loc)
}
