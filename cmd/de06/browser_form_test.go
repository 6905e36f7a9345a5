package main

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/caongoc/de06/report"
)

// phoneWidth is a common phone's CSS width (390×844).
const phoneWidth = 390

// A clerk on a phone opens next week's form, pre-filled; types a mistake
// and sees it beside the field as they leave it; fixes it and sends. The
// page never scrolls sideways at 390 px, and every target is at least
// 44 px.
func TestBrowserForm(t *testing.T) {
	ctx := newBrowser(t)
	d := newDesk(t)
	d.upload(http.DefaultClient, d.links["tram-y-te"], sample("tram-y-te-2026-W48.xlsx"))
	d.clock = d.clock.AddDate(0, 0, 7) // week 49's Wednesday
	form := d.links["tram-y-te"] + "/form?period=2026-W49"

	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(phoneWidth, 844, chromedp.EmulateMobile),
		chromedp.Navigate(d.links["tram-y-te"]+"?period=2026-W49"),
		chromedp.WaitVisible(chromedp.CSS(`#dien-truc-tiep`)),
		chromedp.Click(chromedp.CSS(`#dien-truc-tiep`)),
		chromedp.WaitVisible(chromedp.CSS(`#bieu-mau`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	if url, _ := chromedp.Run(ctx, chromedp.Location()); url != form {
		t.Errorf("Điền trực tiếp opened %s, want %s", url, form)
	}
	text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`main`)))
	if !strings.Contains(text, "Điền sẵn theo báo cáo Tuần 48 năm 2026 của đơn vị; sửa chỗ đã thay đổi.") {
		t.Errorf("the form does not say it is pre-filled: %.300s", text)
	}
	fitsPhone(t, ctx, "the form")
	shot(t, ctx, "bieu-mau.png")

	// A progress of 120, then leaving the field: the check comes back
	// beside it and in the summary, without a page load.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.notReloaded = true`)); err != nil {
		t.Fatal(err)
	}
	clearField(t, ctx, "progress_6")
	clearField(t, ctx, "result_6")
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`#progress_6`), "120"),
		chromedp.SendKeys(chromedp.CSS(`#result_6`), "Khám bệnh bằng CCCD gắn chíp: 1.204 lượt"),
		chromedp.WaitVisible(chromedp.CSS(`#loi-progress_6 li[data-code="progress.invalid"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#tom-tat a[href="#progress_6"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}

	if ok, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.notReloaded === true && document.getElementById('progress_6').getAttribute('aria-invalid') === 'true'`)); !ok {
		t.Error("the page reloaded, or the field is not marked")
	}
	beside, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#loi-progress_6`)))
	if !strings.Contains(beside, "tiến độ 120% của mô hình 6 phải từ 0 đến 100") {
		t.Errorf("beside the field: %q", beside)
	}
	fitsPhone(t, ctx, "the form with findings")
	shot(t, ctx, "bieu-mau-loi.png")

	// Fixed, and the finding goes; then sent.
	clearField(t, ctx, "progress_6")
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`#progress_6`), "100"),
		chromedp.Focus(chromedp.CSS(`#reporter`)),
		chromedp.WaitNotPresent(chromedp.CSS(`#loi-progress_6 li`)),
		chromedp.Click(chromedp.CSS(`button[value=send]`)),
		chromedp.WaitVisible(chromedp.CSS(`#ket-qua`)),
		chromedp.WaitVisible(chromedp.CSS(`footer`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	result, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`main`)))
	for _, want := range []string{"Tệp này đang được dùng để tổng hợp", "tram-y-te-2026-W49.xlsx (gửi qua biểu mẫu)"} {
		if !strings.Contains(result, want) {
			t.Errorf("after sending the page lacks %q", want)
		}
	}
	fitsPhone(t, ctx, "the page after sending")
	shot(t, ctx, "bieu-mau-da-gui.png")
	// The form opened again holds what was sent, and says so (not
	// "pre-filled from week 48").
	err = chromedp.Do(ctx, chromedp.Navigate(form), chromedp.WaitVisible(chromedp.CSS(`#mo-voi`)))
	if err != nil {
		t.Fatal(err)
	}
	if opens, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#mo-voi`))); !strings.Contains(opens, "Đây là báo cáo đơn vị đã gửi qua biểu mẫu lúc") {
		t.Errorf("the form opened again says %q", opens)
	}
	fitsPhone(t, ctx, "the form opened again")
	shot(t, ctx, "bieu-mau-mo-lai.png")
	if rows := d.merged(d.officer(), "2026-W49", "tram-y-te"); len(rows) == 0 || !strings.Contains(rowResult(rows, 6), "1.204 lượt") {
		t.Errorf("the merge does not hold what was typed: %q", rowResult(rows, 6))
	}
}

// fitsPhone asserts that the page does not scroll sideways at phoneWidth,
// and that in the form every control and link is a 44 px target.
func fitsPhone(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	width, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if width > phoneWidth {
		t.Errorf("%s is %d px wide at %d px: it scrolls sideways", what, width, phoneWidth)
	}
	small, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(
		'#bieu-mau input, #bieu-mau select, #bieu-mau textarea, #bieu-mau button, #tom-tat a, .back a'))
		.filter(e => e.offsetParent !== null)
		.map(e => [e, e.getBoundingClientRect()])
		.filter(([e, r]) => r.width < 44 || r.height < 44)
		.map(([e, r]) => (e.id || e.textContent.trim().slice(0, 30)) + ' ' + Math.round(r.width) + '×' + Math.round(r.height))`))
	if err != nil {
		t.Fatal(err)
	}
	if len(small) > 0 {
		t.Errorf("%s: targets under 44 px: %v", what, small)
	}
}

func rowResult(rows []report.PreviousEntry, model int) string {
	for _, r := range rows {
		if r.Model == model {
			return r.Result
		}
	}
	return ""
}

// clearField empties an input as selecting all and deleting does (no
// event: the clerk's typing after it makes the change).
func clearField(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.getElementById('`+id+`').value = '', true)`)); err != nil {
		t.Fatal(err)
	}
}
