package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/internal/errlog"
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/store"
)

// Handler tests: a desk on a real SQLite file in a temporary folder,
// behind an httptest server, with an engine that stands in for the excel
// and pdf adapters (package web imports neither). The contract and the
// real engine are tested in cmd/de06.

// fakeEngine stands in for the excel and pdf adapters, capable enough
// for every route: a fake workbook is a JSON-encoded report.Submission
// (fakeReport), read back as it was written, so a send can be usable,
// partly usable or unusable; anything else is unreadable unless it starts
// as a zip does ("PK": a workbook that is no report). The documents it
// writes are JSON or text that the tests read back. It counts the work
// running at once and the calls that stopped because their context ended.
type fakeEngine struct {
	mu            sync.Mutex
	running, peak int
	stopped       int // calls that ended with their context
	annotateDelay time.Duration
	renderDelay   time.Duration
}

func (e *fakeEngine) enter() func() {
	e.mu.Lock()
	e.running++
	e.peak = max(e.peak, e.running)
	e.mu.Unlock()
	return func() { e.mu.Lock(); e.running--; e.mu.Unlock() }
}

func (e *fakeEngine) Peak() int { e.mu.Lock(); defer e.mu.Unlock(); return e.peak }

func (e *fakeEngine) Stopped() int { e.mu.Lock(); defer e.mu.Unlock(); return e.stopped }

// wait is work that takes d, or stops when ctx ends.
func (e *fakeEngine) wait(ctx context.Context, d time.Duration) error {
	if d == 0 {
		return nil
	}
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		e.mu.Lock()
		e.stopped++
		e.mu.Unlock()
		return ctx.Err()
	}
}

// Level: the fake engine is a commune's desk; its level reads, renders
// and reads back as the fake engine says, and checks and merges as a
// commune's desk does.
func (e *fakeEngine) Level(*plan.Plan) Level { return fakeLevel{e} }

type fakeLevel struct{ e *fakeEngine }

type fakeReading struct{ sub *report.Submission }

func (r fakeReading) Submission() *report.Submission { return r.sub }

func (l fakeLevel) Read(ctx context.Context, f File) Reading { return fakeReading{l.e.Read(ctx, f)} }

func (l fakeLevel) Check(pl *plan.Plan, rs []Reading, p plan.Period, today time.Time) *report.Checked {
	var subs []*report.Submission
	for _, r := range rs {
		subs = append(subs, r.Submission())
	}
	return report.Validate(pl, subs, p, today)
}

func (l fakeLevel) Merge(in MergeInput) (*desk.Merged, error) {
	return desk.Merge(desk.MergeInput{Plan: in.Plan, Checked: l.Check(in.Plan, in.Files, in.Period, in.Today),
		Previous: in.Previous, Doc: in.Doc, Today: in.Today})
}

func (l fakeLevel) ReadPrevious(ctx context.Context, xlsx []byte) (*report.Previous, error) {
	return l.e.ReadPrevious(ctx, xlsx)
}

func (l fakeLevel) Render(ctx context.Context, m *desk.Merged) ([]byte, []byte, error) {
	return l.e.Render(ctx, m)
}

func (l fakeLevel) Previews() bool                { return true }
func (l fakeLevel) FileBase(p plan.Period) string { return "bao-cao-de-an-06-" + p.String() }

// Read reads a fake workbook: a report.Submission as JSON.
func (e *fakeEngine) Read(ctx context.Context, f File) *report.Submission {
	defer e.enter()()
	sub := &report.Submission{}
	if err := json.Unmarshal(f.Data, sub); err != nil || !bytes.HasPrefix(f.Data, []byte("{")) {
		sub = &report.Submission{}
		if !bytes.HasPrefix(f.Data, []byte("PK")) {
			sub.Add(report.Error, report.FileUnreadable, "", "", "tệp không đọc được", "gửi lại")
		}
	}
	sub.Name, sub.Path, sub.Modified = f.Name, f.Name, f.Modified
	if sub.Meta == nil {
		sub.Meta = map[string]string{}
	}
	for i := range sub.Findings {
		sub.Findings[i].File = f.Name
	}
	return sub
}

// fakeWorkbook is what the fake Render writes as a merge's workbook, and
// the fake ReadPrevious reads back.
type fakeWorkbook struct {
	Period   string `json:"period"`
	Reported int    `json:"reported"`
	Previous string `json:"previous"`
}

func (e *fakeEngine) ReadPrevious(ctx context.Context, xlsx []byte) (*report.Previous, error) {
	var wb fakeWorkbook
	if err := json.Unmarshal(xlsx, &wb); err != nil {
		return nil, err
	}
	p, err := plan.ParsePeriod(wb.Period)
	if err != nil {
		return nil, err
	}
	return &report.Previous{Period: p}, nil
}

// Render writes the workbook as fakeWorkbook, the PDF as text: the header
// the merge prints, and "DỰ THẢO" when the header gives a reason.
func (e *fakeEngine) Render(ctx context.Context, m *desk.Merged) ([]byte, []byte, error) {
	defer e.enter()()
	if err := e.wait(ctx, e.renderDelay); err != nil {
		return nil, nil, err
	}
	wb := fakeWorkbook{Period: m.Cons.Period.String(), Reported: m.Cons.Counts().UnitsReported}
	if !m.Cons.Previous.IsZero() {
		wb.Previous = m.Cons.Previous.String()
	}
	x, _ := json.Marshal(wb)
	h := m.Cons.Plan.Header
	var pdf strings.Builder
	pdf.WriteString("%PDF fake\n")
	if len(h.DraftReasons(m.Doc.Date)) > 0 {
		pdf.WriteString("DỰ THẢO\n")
	}
	fmt.Fprintf(&pdf, "%s\n%s\nSố: %d/%s\n%s, ngày %s\nKính gửi: %s\nNơi nhận: %s\n%s\n",
		h.ParentAgency, h.IssuingAgency, m.Doc.Number, h.Symbol, h.Place, vi.FormatDate(m.Doc.Date),
		strings.Join(h.Recipients, "; "), strings.Join(h.Distribution, "; "), m.Doc.Signer)
	return x, []byte(pdf.String()), nil
}

// fakeTemplate is what the fake Template writes.
type fakeTemplate struct {
	Unit      string `json:"unit"`
	Period    string `json:"period"`
	Models    int    `json:"models"`
	Prefilled string `json:"prefilled"` // the period the values come from
}

func (e *fakeEngine) Template(ctx context.Context, pl *plan.Plan, unitID string, p plan.Period, prev *report.Previous) ([]byte, error) {
	defer e.enter()()
	t := fakeTemplate{Unit: unitID, Period: p.String(), Models: len(pl.Assignments(unitID))}
	if prev != nil {
		t.Prefilled = prev.Period.String()
	}
	return json.Marshal(t)
}

// Filled writes a form filled in the browser as a fake workbook: the
// report it holds, typed as the clerk typed it (numbers read as numbers),
// which Read gives back as the real reader would.
func (e *fakeEngine) Filled(ctx context.Context, pl *plan.Plan, f *report.Filled) ([]byte, error) {
	defer e.enter()()
	txt := func(s, c string) report.Value { return report.Value{Text: s, Cell: c} }
	number := func(s, c string) report.Value {
		v := txt(s, c)
		if n, err := strconv.ParseFloat(strings.TrimSuffix(strings.ReplaceAll(s, ",", "."), "%"), 64); err == nil {
			v.Num = &n
		}
		return v
	}
	sub := &report.Submission{Sheet: "Báo cáo", Unit: txt(f.Form.Unit.Name, "C4"), Period: txt(f.Form.Period.String(), "C5"),
		ReportDate: txt(f.ReportDate, "C6"), Reporter: txt(f.Reporter, "C7"), Phone: txt(f.Phone, "C8")}
	if d, ok := vi.ParseDate(f.ReportDate); ok {
		sub.ReportDate.Date = &d
	}
	for i, row := range f.Form.Rows {
		line := 11 + i
		c := func(col string) string { return fmt.Sprintf("%s%d", col, line) }
		ty := f.Rows[i]
		sub.Rows = append(sub.Rows, report.Row{Line: line, TT: txt(fmt.Sprint(row.Model.TT), c("A")),
			Model:  txt(fmt.Sprintf("Mô hình %d: %s", row.Model.Number, row.Model.Title), c("B")),
			Status: txt(ty.Status, c("E")), Progress: number(ty.Progress, c("F")),
			Achieved: number(ty.Achieved, c("H")), Total: number(ty.Total, c("I")),
			Result: txt(ty.Result, c("J")), Difficulty: txt(ty.Difficulty, c("K")), Proposal: txt(ty.Proposal, c("L")), Tasks: txt(ty.Tasks, c("M"))})
	}
	return json.Marshal(sub)
}

// ReadPlan reads the JSON of a plan (the fake PlanWorkbook's).
func (e *fakeEngine) ReadPlan(ctx context.Context, f File) (*plan.Plan, error) {
	return plan.DecodeJSON(bytes.NewReader(f.Data), f.Name)
}

func (e *fakeEngine) PlanWorkbook(ctx context.Context, pl *plan.Plan) ([]byte, error) {
	var b bytes.Buffer
	err := plan.EncodeJSON(&b, pl)
	return b.Bytes(), err
}

func (e *fakeEngine) Slips(ctx context.Context, pl *plan.Plan, links []UnitLink) ([]byte, error) {
	var b strings.Builder
	b.WriteString("%PDF slips\n")
	for _, l := range links {
		fmt.Fprintf(&b, "%s %s %s\n", l.Unit.Name, l.URL, reachLabels[l.Reach])
	}
	return []byte(b.String()), nil
}

// Annotate writes the file's name and its findings' codes.
func (e *fakeEngine) Annotate(ctx context.Context, f File, fs []report.Finding) ([]byte, error) {
	defer e.enter()()
	if err := e.wait(ctx, e.annotateDelay); err != nil {
		return nil, err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "PK annotated %s\n", f.Name)
	for _, x := range fs {
		fmt.Fprintf(&b, "%s %s\n", x.Code, x.Cell)
	}
	return []byte(b.String()), nil
}

// fakeReport is a fake workbook: unit's report for period p, kind "good"
// (every row right), "partial" (model rows usable but one with an error:
// progress 110) or "unusable" (a unit the plan does not know).
func fakeReport(pl *plan.Plan, unit string, p plan.Period, kind string) []byte {
	d := report.DefaultReportDate(p, testNow)
	txt := func(s, c string) report.Value { return report.Value{Text: s, Cell: c} }
	num := func(f float64) *float64 { return &f }
	sub := &report.Submission{Sheet: "Báo cáo", Unit: txt(pl.Unit(unit).Name, "C4"), Period: txt(p.String(), "C5"),
		ReportDate: report.Value{Text: vi.FormatDate(d), Cell: "C6", Date: &d},
		Reporter:   txt("Nguyễn Thị Lan", "C7"), Phone: txt("0912 345 678", "C8")}
	for i, a := range pl.Assignments(unit) {
		line := 11 + i
		c := func(col string) string { return fmt.Sprintf("%s%d", col, line) }
		sub.Rows = append(sub.Rows, report.Row{Line: line, TT: report.Value{Text: fmt.Sprint(a.Model.TT), Cell: c("A")},
			Model:    txt(fmt.Sprintf("Mô hình %d: %s", a.Model.Number, a.Model.Title), c("B")),
			Status:   txt("Đang triển khai", c("E")),
			Progress: report.Value{Text: "60", Cell: c("F"), Num: num(60)},
			Result:   txt("Đã triển khai tại trụ sở", c("J")),
			Achieved: report.Value{Cell: c("H")}, Total: report.Value{Cell: c("I")}})
	}
	switch kind {
	case "partial":
		sub.Rows[0].Progress = report.Value{Text: "110", Cell: sub.Rows[0].Progress.Cell, Num: num(110)}
	case "unusable":
		sub.Unit = txt("Hợp tác xã nông nghiệp", "C4")
	}
	b, err := json.Marshal(sub)
	if err != nil {
		panic(err)
	}
	return b
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
	clock  atomic.Int64 // the desk's now, in Unix nanoseconds: testNow unless a test moves it (setNow)
}

// setNow moves the desk's clock.
func (d *testDesk) setNow(t time.Time) { d.clock.Store(t.UnixNano()) }

func newTestDesk(t *testing.T, cfg Config) *testDesk {
	t.Helper()
	pl, err := plan.Default()
	if err != nil {
		t.Fatal(err)
	}
	return newTestDeskOn(t, cfg, pl)
}

// newTestDeskOn is a test desk on plan pl.
func newTestDeskOn(t *testing.T, cfg Config, pl *plan.Plan) *testDesk {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
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
	d.setNow(testNow)
	if d.srv, err = New(st, pl, d.eng, cfg, func() time.Time { return time.Unix(0, d.clock.Load()).UTC() }); err != nil {
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
