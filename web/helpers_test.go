package web

import (
	"bytes"
	"context"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/internal/errlog"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/store"
)

// Handler tests: a desk on a real SQLite file in a temporary folder,
// behind an httptest server, with an engine that stands in for the excel
// and pdf adapters (package web imports neither). The contract and the
// real engine are tested in cmd/de06.

// fakeEngine answers at once; a file that does not start as a zip is
// "unreadable", as the real reader says of random bytes. It counts the
// work running at once.
type fakeEngine struct {
	mu            sync.Mutex
	running, peak int
	annotateDelay time.Duration
}

func (e *fakeEngine) enter() func() {
	e.mu.Lock()
	e.running++
	e.peak = max(e.peak, e.running)
	e.mu.Unlock()
	return func() { e.mu.Lock(); e.running--; e.mu.Unlock() }
}

func (e *fakeEngine) Peak() int { e.mu.Lock(); defer e.mu.Unlock(); return e.peak }

func (e *fakeEngine) Read(ctx context.Context, f File) *report.Submission {
	defer e.enter()()
	sub := &report.Submission{Name: f.Name, Path: f.Name, Meta: map[string]string{}}
	if !bytes.HasPrefix(f.Data, []byte("PK")) {
		sub.Add(report.Error, report.FileUnreadable, "", "", "tệp không đọc được", "gửi lại")
	}
	return sub
}

func (e *fakeEngine) ReadPrevious(xlsx []byte) (*report.Previous, error) {
	return nil, errors.New("not in these tests")
}

func (e *fakeEngine) Render(m *desk.Merged) ([]byte, []byte, error) {
	return nil, nil, errors.New("not in these tests")
}

func (e *fakeEngine) Template(pl *plan.Plan, unitID string, p plan.Period, prev *report.Previous) ([]byte, error) {
	defer e.enter()()
	return []byte("PK template"), nil
}

func (e *fakeEngine) Filled(pl *plan.Plan, f *report.Filled) ([]byte, error) {
	defer e.enter()()
	return []byte("PK filled"), nil
}

func (e *fakeEngine) ReadPlan(f File) (*plan.Plan, error)        { return nil, errors.New("no") }
func (e *fakeEngine) PlanWorkbook(pl *plan.Plan) ([]byte, error) { return []byte("PK plan"), nil }
func (e *fakeEngine) Slips(pl *plan.Plan, _ []UnitLink) ([]byte, error) {
	return []byte("%PDF slips"), nil
}
func (e *fakeEngine) Annotate(f File, _ []report.Finding) ([]byte, error) {
	defer e.enter()()
	time.Sleep(e.annotateDelay)
	return []byte("PK annotated"), nil
}

var testNow = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

type testDesk struct {
	t      *testing.T
	srv    *Server
	st     *store.Store
	ts     *httptest.Server
	eng    *fakeEngine
	dir    string
	log    *errlog.Log
	links  map[string]string
	closed bool
}

func newTestDesk(t *testing.T, cfg Config) *testDesk {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := plan.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := &testDesk{t: t, st: st, eng: &fakeEngine{}, dir: dir, links: map[string]string{}}
	d.ts = httptest.NewUnstartedServer(nil)
	if cfg.BaseURL == "" {
		cfg.BaseURL = "http://" + d.ts.Listener.Addr().String()
	}
	d.log = errlog.Open(dir)
	cfg.Log = d.log
	if d.srv, err = New(st, pl, d.eng, cfg, func() time.Time { return testNow }); err != nil {
		t.Fatal(err)
	}
	d.ts.Config.Handler = d.srv.Handler()
	d.ts.Start()
	t.Cleanup(func() { d.ts.Close(); st.Close(); d.log.Close() })
	links, err := d.srv.Links(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range links {
		d.links[l.Unit.ID] = l.URL
	}
	return d
}

// do sends a request and returns the answer with its body read.
func (d *testDesk) do(c *http.Client, req *http.Request) (*http.Response, string) {
	d.t.Helper()
	if c == nil {
		c = http.DefaultClient
	}
	resp, err := c.Do(req)
	if err != nil {
		d.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func (d *testDesk) get(c *http.Client, url string) (*http.Response, string) {
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Accept", "application/json")
	return d.do(c, req)
}

func (d *testDesk) postForm(c *http.Client, path, body string) (*http.Response, string) {
	req, _ := http.NewRequest("POST", d.ts.URL+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	return d.do(c, req)
}

// officer sets the password and logs in.
func (d *testDesk) officer() *http.Client {
	d.t.Helper()
	if err := SetPassword(d.st, "mat-khau-thu", testNow); err != nil {
		d.t.Fatal(err)
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if resp, body := d.postForm(c, "/login", "password=mat-khau-thu"); resp.StatusCode != 200 {
		d.t.Fatalf("login: %d %s", resp.StatusCode, body)
	}
	return c
}

// multipartBody is a form with one file.
func multipartBody(field, name string, data []byte) (*bytes.Buffer, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, _ := mw.CreateFormFile(field, name)
	fw.Write(data)
	mw.Close()
	return &b, mw.FormDataContentType()
}

// upload sends a file through a unit's link for week 48.
func (d *testDesk) upload(unit, name string, data []byte) (*http.Response, string) {
	body, ct := multipartBody("file", name, data)
	req, _ := http.NewRequest("POST", d.links[unit]+"?period=2026-W48", body)
	req.Header.Set("Content-Type", ct)
	req.Header.Set("Accept", "application/json")
	return d.do(nil, req)
}

func storeUpload(unit, findings string) store.Upload {
	return store.Upload{UnitID: unit, Period: "2026-W48", Name: "a.xlsx", SHA256: "x", At: testNow, Findings: findings}
}
