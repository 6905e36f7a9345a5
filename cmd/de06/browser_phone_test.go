package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/caongoc/de06/web"
	"github.com/chromedp/chromedp"
)

// pageSizes is what the phone test measures on a page.
type pageSizes struct {
	ScrollWidth int      `json:"scrollWidth"`
	Short       []string `json:"short"` // buttons, link-buttons, the menu's links, fields under 44 px tall
	Tiny        []string `json:"tiny"`  // links inside sentences under 24 px tall
	Small       []string `json:"small"` // visible text under 16 px
	Green       []string `json:"green"` // warnings coloured as a success
	Faded       []string `json:"faded"` // targets drawn faded (they look disabled)
}

// measure reads the page's width, the height of every visible button and
// link-button, and the size of every visible text.
const measure = `(() => {
  const exempt = null; // a selector whose text may be smaller (measureExcept)
  const out = {scrollWidth: document.documentElement.scrollWidth, short: [], tiny: [], small: [], green: [], faded: []};
  const targets = 'button, a.button, .button, input[type=submit], nav.bar a, .back a, details > summary, select, ' +
    'input:not([type=hidden]):not([type=file]):not([type=radio]):not([type=checkbox])';
  for (const el of document.querySelectorAll(targets)) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.height < 44) out.short.push(el.textContent.trim().slice(0, 40) + ': ' + r.height + ' px');
    // A target that works looks it: not faded by itself or a section around it.
    let o = 1;
    for (let a = el; a; a = a.parentElement) o *= parseFloat(getComputedStyle(a).opacity);
    if (o < 1 && !el.disabled) out.faded.push(el.textContent.trim().slice(0, 40) + ': opacity ' + o.toFixed(2));
  }
  // Links inside sentences: at least 24 px tall (WCAG 2.5.8).
  for (const el of document.querySelectorAll('a')) {
    if (el.matches(targets)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.height < 24) out.tiny.push(el.textContent.trim().slice(0, 40) + ': ' + r.height + ' px');
  }
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const n = walk.currentNode, el = n.parentElement;
    if (!n.textContent.trim() || !el.getClientRects().length || (exempt && el.closest(exempt))) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 16) out.small.push(el.tagName + ' ' + size + ' px: ' + n.textContent.trim().slice(0, 40));
  }
  // A warning never looks like a success: nothing that warns is green.
  const green = 'rgb(27, 94, 32)';
  for (const el of document.querySelectorAll('.warn, .partial, .missing, .rejected, .bad, .send.errors')) {
    if (!el.getClientRects().length) continue;
    const st = getComputedStyle(el);
    if (st.color === green || st.borderLeftColor === green || st.backgroundColor === 'rgb(237, 247, 238)')
      out.green.push(el.className + ': ' + el.textContent.trim().slice(0, 40));
  }
  return out;
})()`

func measurePage(t *testing.T, ctx context.Context, name string, width int) {
	t.Helper()
	measureExcept(t, ctx, name, width, "")
}

// measureExcept is measurePage where the text inside exempt (a CSS
// selector: the officer's wide data tables, notes in <small>) may be
// smaller than 16 px.
func measureExcept(t *testing.T, ctx context.Context, name string, width int, exempt string) {
	t.Helper()
	js := measure
	if exempt != "" {
		js = strings.Replace(js, "const exempt = null;", "const exempt = "+strconv.Quote(exempt)+";", 1)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[pageSizes](js))
	if err != nil {
		t.Fatal(err)
	}
	if got.ScrollWidth > width {
		t.Errorf("%s at %d px scrolls sideways: scrollWidth %d", name, width, got.ScrollWidth)
	}
	for _, s := range got.Short {
		t.Errorf("%s at %d px: a button under 44 px tall: %s", name, width, s)
	}
	for _, s := range got.Tiny {
		t.Errorf("%s at %d px: a link under 24 px tall: %s", name, width, s)
	}
	for _, s := range got.Small {
		t.Errorf("%s at %d px: text under 16 px: %s", name, width, s)
	}
	for _, s := range got.Green {
		t.Errorf("%s: a warning coloured as a success: %s", name, s)
	}
	for _, s := range got.Faded {
		t.Errorf("%s: a button that works looks disabled: %s", name, s)
	}
}

// The unit page on a 390 px phone (and a 1366 px screen): no sideways
// scrolling, buttons at least 44 px tall, text at least 16 px, a visible
// focus for the keyboard; every open report listed with its state, the
// month's template there, and this week's report said missing after a
// late send for an older week.
func TestBrowserPhone(t *testing.T) {
	ctx := newBrowser(t)
	d := newDesk(t)
	abs := func(p string) string { a, _ := filepath.Abs(p); return a }
	// Week 48: the police sends, the health station sends a file with an
	// error. A week later (Thursday 3/12: week 50 under way, the month of
	// December due) the health station opens its link.
	d.upload(http.DefaultClient, d.links["cong-an"], sample("cong-an-2026-W48.xlsx"))
	d.upload(http.DefaultClient, d.links["tram-y-te"], filepath.Join("..", "..", "samples", "co-loi", "tram-y-te-go-tay.xlsx"))
	d.clock = time.Date(2026, 12, 3, 9, 0, 0, 0, time.Local)
	link := d.links["tram-y-te"]

	for _, size := range []struct{ w, h int64 }{{390, 844}, {1366, 768}} {
		opts := []chromedp.EmulateViewportOption{}
		if size.w < 600 {
			opts = append(opts, chromedp.EmulateMobile)
		}
		err := chromedp.Do(ctx, chromedp.EmulateViewport(size.w, size.h, opts...),
			chromedp.Navigate(link), chromedp.WaitVisible(`#can-gui`))
		if err != nil {
			t.Fatal(err)
		}
		text, err := chromedp.Run(ctx, chromedp.Text(`#can-gui`))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Tuần 50 năm 2026 (kỳ đang báo cáo): Chưa gửi", "Tháng 12 năm 2026", "tạm dùng báo cáo Tuần 48",
			"Tuần 48 năm 2026: Đã nhận, còn lỗi", "đã quá hạn", "Gửi muộn vẫn được nhận", "17 giờ 00, thứ Tư 09/12/2026 (còn 6 ngày)"} {
			if !strings.Contains(text, want) {
				t.Errorf("open reports lack %q:\n%s", want, text)
			}
		}
		if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#can-gui a[href*="mau?period=2026-12"]').length`)); err != nil || n != 1 {
			t.Errorf("the month's template is not offered in the list (%d, %v)", n, err)
		}
		measurePage(t, ctx, "unit page", int(size.w))
		shot(t, ctx, "don-vi-"+strconv.FormatInt(size.w, 10)+".png")
	}

	// A late send for week 48 from the phone, without ?period=: filed under
	// week 48, and the page still says week 50's report is missing.
	err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
		chromedp.Navigate(link), chromedp.WaitVisible(`input[type=file]`),
		chromedp.SetUploadFiles(`input[type=file]`, []string{abs(sample("tram-y-te-2026-W48.xlsx"))}),
		chromedp.Click(`#gui-tep button`), chromedp.WaitVisible(`#ket-qua`), chromedp.WaitVisible(`footer`))
	if err != nil {
		t.Fatal(err)
	}
	result, err := chromedp.Run(ctx, chromedp.Text(`main`))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Tệp này đang được dùng để tổng hợp", "chưa gửi báo cáo Tuần 50 năm 2026", "nộp muộn 8 ngày"} {
		if !strings.Contains(result, want) {
			t.Errorf("after a late send the page lacks %q:\n%.1500s", want, result)
		}
	}
	measurePage(t, ctx, "unit page after a late send", 390)
	shot(t, ctx, "don-vi-nop-muon-390.png")
	// Keyboard users see where they are: the first Tab shows an outline.
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
		t.Fatal(err)
	}
	outline, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.activeElement).outlineStyle + ' ' + document.activeElement.tagName`))
	if err != nil || strings.HasPrefix(outline, "none") || strings.HasSuffix(outline, "BODY") {
		t.Errorf("focus not visible: %q (%v)", outline, err)
	}
}

// shareDesk is a desk whose sharing switch is a stand-in: on, the
// machine has two network addresses.
func shareDesk(t *testing.T) *testDesk {
	t.Helper()
	d := &testDesk{t: t, dir: t.TempDir(), links: map[string]string{}, clock: time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)}
	now = func() time.Time { return d.clock }
	t.Cleanup(func() { now = time.Now })
	d.ts = httptest.NewUnstartedServer(nil)
	port := portOf(d.ts.Listener.Addr())
	share := func(on bool) ([]string, error) {
		if !on {
			return nil, nil
		}
		return []string{"http://192.168.1.10:" + port, "http://10.8.0.2:" + port}, nil
	}
	var err error
	d.srv, d.st, _, err = openDeskWith(d.dir, "", web.Config{BaseURL: "http://" + d.ts.Listener.Addr().String(), Share: share})
	if err != nil {
		t.Fatal(err)
	}
	d.ts.Config.Handler = d.srv.Handler()
	d.ts.Start()
	t.Cleanup(func() { d.ts.Close(); d.st.Close() })
	return d
}

// copied waits until a copy button says it copied.
func copied(ctx context.Context, sel string) (string, error) {
	return chromedp.Run(ctx, chromedp.Poll[string](`(() => { const b = document.querySelector('`+sel+`'); return b && b.textContent === 'Đã chép' ? b.textContent : null; })()`,
		chromedp.WithPollingTimeout(3*time.Second)))
}

// The officer's page of links: where they open, the switch (on: the
// address to use when the machine has several), the slips, a copy button
// per link that copies it; the board's reminder has one too.
func TestBrowserShare(t *testing.T) {
	ctx := newBrowser(t)
	d := shareDesk(t)
	d.officer() // sets the password
	err := chromedp.Do(ctx,
		chromedp.Navigate(d.ts.URL),
		chromedp.WaitVisible(`input[name=password]`),
		chromedp.SendKeys(`input[name=password]`, "mat-khau-thu"),
		chromedp.Submit(`input[name=password]`),
		chromedp.WaitVisible(`table.units`),
		chromedp.Click(`button[data-copy=loi-nhac]`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := copied(ctx, `button[data-copy=loi-nhac]`); err != nil {
		t.Errorf("the reminder's copy button says %q (%v)", got, err)
	}
	for _, size := range []struct{ w, h int64 }{{1366, 768}, {390, 844}} {
		opts := []chromedp.EmulateViewportOption{}
		if size.w < 600 {
			opts = append(opts, chromedp.EmulateMobile)
		}
		err := chromedp.Do(ctx, chromedp.EmulateViewport(size.w, size.h, opts...),
			chromedp.Navigate(d.ts.URL+"/chia-se"), chromedp.WaitVisible(`#duong-dan`),
			chromedp.Click(`button[data-copy=dd-0]`))
		if err != nil {
			t.Fatal(err)
		}
		text, err := chromedp.Run(ctx, chromedp.Text(`main`))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"chỉ mở được trên máy này", "Tường lửa Windows", "Tải phiếu có mã QR"} {
			if !strings.Contains(text, want) {
				t.Errorf("the links page lacks %q", want)
			}
		}
		if got, err := copied(ctx, `button[data-copy=dd-0]`); err != nil {
			t.Errorf("a link's copy button says %q (%v)", got, err)
		}
		if w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil || w > int(size.w) {
			t.Errorf("the links page at %d px is %d px wide (%v)", size.w, w, err)
		}
		shot(t, ctx, "chia-se-"+strconv.FormatInt(size.w, 10)+".png")
	}
	// Sharing on: the machine's two addresses to pick from; the second
	// picked, every link uses it.
	err = chromedp.Do(ctx, chromedp.EmulateViewport(1366, 768),
		chromedp.Click(`#chia-se button`), chromedp.WaitVisible(`#dia-chi`),
		chromedp.Click(`#dia-chi input[value^="http://10.8.0.2"]`), chromedp.Click(`#dia-chi button`),
		// The new page marks the pick in its markup (a click sets only the property).
		chromedp.WaitVisible(`#dia-chi input[value^="http://10.8.0.2"][checked]`))
	if err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(`main`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "Các đường dẫn dùng địa chỉ http://10.8.0.2") || !strings.Contains(text, "chỉ mở được trong mạng của xã") {
		t.Errorf("after picking an address: %.800s", text)
	}
	links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('ul.links code')).map(c => c.textContent)`))
	if err != nil || len(links) != 9 {
		t.Fatalf("links: %v %v", links, err)
	}
	for _, l := range links {
		if !strings.HasPrefix(l, "http://10.8.0.2:") {
			t.Errorf("link %s does not use the picked address", l)
		}
	}
	shot(t, ctx, "chia-se-bat.png")
}
