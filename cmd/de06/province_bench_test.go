package main

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/caongoc/de06/internal/scale"
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/web"
)

// BenchmarkProvinceDesk runs a province's desk at a province's size (166
// communes) and at the country's (3,321), on a real SQLite file: every
// commune sends its consolidated workbook through its link (read, checked,
// stored), the officer opens the board, and merges (every counting
// workbook read back from the store and rolled up, the workbook and PDF
// written and stored). Beside the merge, its floor in the same run: de06
// rollup of the same workbooks from a folder. send reports ms a workbook;
// merge and rollup their peak resident memory (Linux):
//
//	go test ./cmd/de06 -run XXX -bench ProvinceDesk -benchtime 1x
func BenchmarkProvinceDesk(b *testing.B) {
	for _, n := range []int{166, 3321} {
		b.Run(fmt.Sprintf("communes=%d", n), func(b *testing.B) { benchProvinceDesk(b, n) })
	}
}

func benchProvinceDesk(b *testing.B, n int) {
	clock := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	now = func() time.Time { return clock }
	b.Cleanup(func() { now = time.Now })
	dir := filepath.Join(b.TempDir(), "tinh")
	list, err := scale.Communes(filepath.Join("..", "..", "samples", "tinh"), dir, n)
	if err != nil {
		b.Fatal(err)
	}
	names, planPath := scalePlan(b, list)
	if err := os.Remove(list); err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(nil)
	srv, st, _, err := openDesk(b.TempDir(), planPath, "http://"+ts.Listener.Addr().String())
	if err != nil {
		b.Fatal(err)
	}
	ts.Config.Handler = srv.Handler()
	ts.Start()
	b.Cleanup(func() { ts.Close(); st.Close() })
	links, err := srv.Links(nil)
	if err != nil {
		b.Fatal(err)
	}
	linkOf := map[string]string{}
	for _, l := range links {
		linkOf[l.Unit.ID] = l.URL
	}
	// The sends, read beforehand: the desk's work is what is measured.
	type send struct {
		link, name string
		data       []byte
	}
	var sends []send
	for i, name := range names {
		file := fmt.Sprintf("xa-%04d.xlsx", i+1)
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			b.Fatal(err)
		}
		sends = append(sends, send{linkOf[vi.Slug(name)] + "?period=2026-W48", file, data})
	}
	if err := web.SetPassword(st, "mat-khau-thu", clock); err != nil {
		b.Fatal(err)
	}
	jar, _ := cookiejar.New(nil)
	officer := &http.Client{Jar: jar}
	if resp, err := officer.PostForm(ts.URL+"/login", map[string][]string{"password": {"mat-khau-thu"}}); err != nil || resp.StatusCode != 200 {
		b.Fatalf("login: %v", err)
	}
	post := func(c *http.Client, url, ct string, body io.Reader) string {
		req, _ := http.NewRequest("POST", url, body)
		req.Header.Set("Content-Type", ct)
		req.Header.Set("Accept", "application/json")
		resp, err := c.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		defer resp.Body.Close()
		out, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			b.Fatalf("%s: %d %s", url, resp.StatusCode, out)
		}
		return string(out)
	}

	b.Run("send", func(b *testing.B) {
		for b.Loop() {
			for _, s := range sends {
				var body bytes.Buffer
				mw := multipart.NewWriter(&body)
				fw, _ := mw.CreateFormFile("file", s.name)
				fw.Write(s.data)
				mw.Close()
				if out := post(http.DefaultClient, s.link, mw.FormDataContentType(), &body); !strings.Contains(out, `"counting": true`) {
					b.Fatalf("%s does not count: %.300s", s.name, out)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(sends)), "ms/send")
	})
	b.Run("board", func(b *testing.B) {
		for b.Loop() {
			resp, err := officer.Get(ts.URL + "/bang?period=2026-W48")
			if err != nil || resp.StatusCode != 200 {
				b.Fatalf("board: %v", err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	})
	b.Run("merge", func(b *testing.B) {
		peak := 0.0
		for b.Loop() {
			resetPeak()
			if out := post(officer, ts.URL+"/api/merge?period=2026-W48&date=25/11/2026", "application/x-www-form-urlencoded", nil); !strings.Contains(out, fmt.Sprintf(`"summary": "%d/`, len(names))) {
				b.Fatalf("merge: %s", out)
			}
			peak = max(peak, peakMiB())
		}
		if peak > 0 {
			b.ReportMetric(peak, "peak-MiB")
		}
	})
	out := b.TempDir()
	b.Run("rollup", func(b *testing.B) {
		// de06 rollup collects as the batch commands do (batchGC); the
		// desk after it, as a desk does.
		defer debug.SetGCPercent(debug.SetGCPercent(100))
		peak := 0.0
		for b.Loop() {
			resetPeak()
			args := []string{"rollup", dir, "-o", out, "--plan", planPath, "--date", "25/11/2026"}
			if code := run(args, io.Discard, io.Discard); code > exitInput {
				b.Fatalf("rollup exit %d", code)
			}
			peak = max(peak, peakMiB())
		}
		if peak > 0 {
			b.ReportMetric(peak, "peak-MiB")
		}
	})
}

// scalePlan writes the sample province's plan with the communes of list as
// its reporting units (the provincial bodies kept), and returns the
// communes that have a workbook, in the workbooks' order, and the plan's
// path.
func scalePlan(b *testing.B, list string) ([]string, string) {
	pl, err := loadPlan(provincePlan)
	if err != nil {
		b.Fatal(err)
	}
	text, err := os.ReadFile(list)
	if err != nil {
		b.Fatal(err)
	}
	var bodies []plan.Unit
	for _, u := range pl.Units {
		if !u.Reports {
			bodies = append(bodies, u)
		}
	}
	pl.Units = nil
	var names []string
	for _, name := range strings.Split(strings.TrimSpace(string(text)), "\n") {
		pl.Units = append(pl.Units, plan.Unit{ID: vi.Slug(name), Name: name, Reports: true})
		if !strings.HasPrefix(name, "Xã Chưa Gửi") { // on the list, sent nothing
			names = append(names, name)
		}
	}
	pl.Units = append(pl.Units, bodies...)
	var js bytes.Buffer
	if err := plan.EncodeJSON(&js, pl); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "ke-hoach-tinh.json")
	if err := os.WriteFile(path, js.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return names, path
}
