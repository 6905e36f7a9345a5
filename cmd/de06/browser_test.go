package main

import (
	"context"
	"flag"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// -screenshots DIR keeps the desk's pages as PNG (the README's come from
// here: go test ./cmd/de06 -run Browser -screenshots ../../docs).
var screenshots = flag.String("screenshots", "", "folder for the desk's screenshots")

// browser starts Debian's headless chromium, or skips.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: skipping the browser test")
	}
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		t.Skip("chromium is not installed (apt-get install chromium); skipping")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.Flag("lang", "vi"),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel3)
	return ctx
}

func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := *screenshots
	if dir == "" {
		dir = t.TempDir()
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBrowserDesk(t *testing.T) {
	ctx := newBrowser(t)
	d := newDesk(t)
	abs := func(p string) string { a, _ := filepath.Abs(p); return a }

	// First run: the officer sets the password in the browser, is let in,
	// logs out and back in.
	err := chromedp.Do(ctx,
		chromedp.Navigate(d.ts.URL),
		chromedp.WaitVisible(`input[name=again]`))
	if err != nil {
		t.Fatal(err)
	}
	shot(t, ctx, "dat-mat-khau.png")
	// The first run goes on to the document's details; "later" leads to
	// the board.
	err = chromedp.Do(ctx,
		chromedp.SendKeys(`input[name=password]`, "mat-khau-thu"),
		chromedp.SendKeys(`input[name=again]`, "mat-khau-thu"),
		chromedp.Submit(`input[name=again]`),
		chromedp.WaitVisible(`form.header-form`),
		chromedp.Click(`a[href="/bang"]`),
		chromedp.WaitVisible(`table.units`),
		chromedp.Click(`button.link`),
		chromedp.WaitVisible(`input[name=password]`))
	if err != nil {
		t.Fatal(err)
	}
	shot(t, ctx, "dang-nhap.png")
	err = chromedp.Do(ctx,
		chromedp.SendKeys(`input[name=password]`, "mat-khau-thu"),
		chromedp.Submit(`input[name=password]`),
		chromedp.WaitVisible(`table.units`),
	)
	if err != nil {
		t.Fatal(err)
	}
	board, err := chromedp.Run(ctx, chromedp.TextContent(`main`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(board, "Bảng theo dõi") || !strings.Contains(board, "Chưa gửi") || !strings.Contains(board, d.links["tram-y-te"]) {
		t.Fatalf("board: %.400s", board)
	}

	// A unit sends a file with an error and sees the finding at once…
	err = chromedp.Do(ctx,
		chromedp.Navigate(d.links["tram-y-te"]+"?period=2026-W48"),
		chromedp.WaitVisible(`input[type=file]`),
		chromedp.SetUploadFiles(`input[type=file]`, []string{abs(filepath.Join("..", "..", "samples", "co-loi", "tram-y-te-go-tay.xlsx"))}))
	if err != nil {
		t.Fatal(err)
	}
	// Our own picker shows the chosen name in Vietnamese surroundings. A
	// person's pick fires "change"; setting files over CDP does not, so the
	// test fires it.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('input[type=file]').dispatchEvent(new Event('change'))`)); err != nil {
		t.Fatal(err)
	}
	if chosen, err := chromedp.Run(ctx, chromedp.Text(`.chosen`)); err != nil || chosen != "tram-y-te-go-tay.xlsx" {
		t.Errorf("chosen file shown as %q (%v)", chosen, err)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(`#gui-tep button`),
		chromedp.WaitVisible(`#ket-qua`), chromedp.WaitVisible(`footer`), // the whole new page
	)
	if err != nil {
		t.Fatal(err)
	}
	result, err := chromedp.Run(ctx, chromedp.Text(`#ket-qua`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(result, "E16") || !strings.Contains(result, "Lỗi") || !strings.Contains(result, "đã nhận, còn 1 lỗi cần sửa") {
		t.Fatalf("finding not shown: %s", result)
	}
	shot(t, ctx, "don-vi.png")

	// … then sends the corrected file.
	err = chromedp.Do(ctx,
		chromedp.SetUploadFiles(`input[type=file]`, []string{abs(sample("tram-y-te-2026-W48.xlsx"))}),
		chromedp.Click(`#gui-tep button`),
		// The new page lists two sends; waiting for it keeps the next step off the old page.
		chromedp.WaitVisible(`ol.sends li:nth-child(2)`),
		chromedp.WaitVisible(`#ket-qua.ok`),
	)
	if err != nil {
		t.Fatal(err)
	}

	// The officer merges and downloads the PDF.
	if err := chromedp.Do(ctx, chromedp.Navigate(d.ts.URL+"/bang?period=2026-W48")); err != nil {
		t.Fatal("nav board:", err)
	}
	err = chromedp.Do(ctx,
		chromedp.WaitVisible(`input[name=number]`),
		chromedp.SendKeys(`input[name=number]`, "5"),
		chromedp.Submit(`input[name=number]`),
		chromedp.WaitVisible(`a[href$="/pdf"]`),
	)
	if err != nil {
		t.Fatal(err)
	}
	attr, err := chromedp.Run(ctx, chromedp.AttributeValue(`a[href$="/pdf"]`, "href"))
	if err != nil {
		t.Fatal(err)
	}
	href := attr.Value
	got, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{})
	if err != nil {
		t.Fatal(err)
	}
	cookies := got.Cookies
	shot(t, ctx, "bang-theo-doi.png")
	req, _ := http.NewRequest("GET", d.ts.URL+href, nil)
	for _, c := range cookies {
		req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	pdfPath := filepath.Join(t.TempDir(), "bao-cao.pdf")
	f, _ := os.Create(pdfPath)
	io.Copy(f, resp.Body)
	f.Close()
	if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command(pdftotext, pdfPath, "-").Output()
		if err != nil || !strings.Contains(string(out), "BÁO CÁO") || !strings.Contains(string(out), "Trạm y tế xã") {
			t.Errorf("the downloaded PDF (%v): %.300s", err, out)
		}
	}

	// The other officer pages render in the browser too.
	for _, pg := range []struct{ path, wait, png, want string }{
		{"/tien-do", "svg", "tien-do.png", "Mô hình 36"},
		{"/ke-hoach", "input[type=file]", "ke-hoach.png", "Kế hoạch số 39/KH-UBND"},
	} {
		err := chromedp.Do(ctx, chromedp.Navigate(d.ts.URL+pg.path), chromedp.WaitVisible(pg.wait))
		if err != nil {
			t.Fatalf("%s: %v", pg.path, err)
		}
		text, err := chromedp.Run(ctx, chromedp.Text(`main`))
		if err != nil || !strings.Contains(text, pg.want) {
			t.Errorf("%s lacks %q: %v", pg.path, pg.want, err)
		}
		shot(t, ctx, pg.png)
	}
}
