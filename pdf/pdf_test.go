package pdf

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

var w48 = plan.Period{Kind: plan.Weekly, Year: 2026, N: 48}

// consolidation builds a week where every unit but the school reported,
// with long texts in places, without any file format.
func consolidation(t testing.TB, long bool) *report.Consolidation {
	t.Helper()
	return consolidationTexts(t, long, 0)
}

// consolidationTexts is consolidation with, when every > 0, every result,
// difficulty and proposal of every unit that many characters long.
func consolidationTexts(t testing.TB, long bool, every int) *report.Consolidation {
	t.Helper()
	p, err := plan.Default()
	if err != nil {
		t.Fatal(err)
	}
	var subs []*report.Submission
	d := vi.Day(2026, 11, 25)
	statuses := []string{"Đang triển khai", "Đã hoàn thành", "Thực hiện thường xuyên", "Chưa triển khai"}
	for ui, u := range p.ReportingUnits() {
		if u.ID == "truong-hoc" {
			continue
		}
		s := &report.Submission{Name: u.ID + ".xlsx", Sheet: "Báo cáo", Unit: report.Value{Text: u.Name, Cell: "C4"},
			Period: report.Value{Text: "2026-W48", Cell: "C5"}, ReportDate: report.Value{Text: "25/11/2026", Date: &d, Cell: "C6"}, Meta: map[string]string{}}
		for i, a := range p.Assignments(u.ID) {
			st := statuses[(ui+i)%len(statuses)]
			prog := map[string]string{"Đang triển khai": "60", "Đã hoàn thành": "100", "Thực hiện thường xuyên": "100", "Chưa triển khai": "0"}[st]
			result := fmt.Sprintf("%s đã thực hiện các nội dung của mô hình %d trong tuần.", u.Name, a.Model.Number)
			row := report.Row{Line: 11 + i,
				Model:      report.Value{Text: fmt.Sprintf("Mô hình %d: %s", a.Model.Number, a.Model.Title), Cell: fmt.Sprintf("B%d", 11+i)},
				Status:     report.Value{Text: st, Cell: fmt.Sprintf("E%d", 11+i)},
				Progress:   report.Value{Text: prog, Cell: fmt.Sprintf("F%d", 11+i)},
				Result:     report.Value{Text: result},
				Difficulty: report.Value{Text: "Thiếu thiết bị, đường truyền chưa ổn định"},
			}
			if a.Model.Indicator != nil {
				row.Achieved = report.Value{Text: "40"}
				if a.Model.Indicator.Ratio() {
					row.Total = report.Value{Text: "50"}
				}
			}
			if every > 0 {
				text := []rune(strings.Repeat("Nội dung rất dài do đơn vị gõ vào ô báo cáo. ", every/40+1))[:every]
				row.Result.Text, row.Difficulty.Text, row.Proposal.Text = string(text), string(text), string(text)
			}
			s.Rows = append(s.Rows, row)
		}
		subs = append(subs, s)
	}
	checked := report.Validate(p, subs, w48, time.Time{})
	c := report.Consolidate(p, checked, nil)
	if every < 0 {
		// A previous week where model 18 was not started and the model
		// that went back (wentBack) stood at 90 %.
		back := wentBack(c)
		prev := &report.Previous{Period: plan.Period{Kind: plan.Weekly, Year: 2026, N: 47}, Entries: report.PreviousOf(c.Entries)}
		for i, pe := range prev.Entries {
			switch pe.Model {
			case 18:
				prev.Entries[i].Status, prev.Entries[i].Progress = report.StatusNotStarted, nil
			case back:
				v := 90.0
				prev.Entries[i].Progress = &v
			}
		}
		c = report.Consolidate(p, checked, prev)
	}
	if long {
		// Taller than a page, which the domain's text budget never lets
		// through: the renderer must still split such a row.
		for _, ms := range c.Models {
			if ms.Model.Number == 1 {
				ms.Results[0].Text = strings.Repeat("Tuyên truyền, hướng dẫn người dân cài đặt và sử dụng ứng dụng VNeID tại các thôn. ", 120)
			}
		}
	}
	return c
}

// Whatever units type, the document stays within a few dozen pages: each
// text is printed up to report.MaxReportText characters, marked where cut.
func TestPagesBounded(t *testing.T) {
	normal := len(Build(consolidation(t, false), options()).Pages)
	worst := Build(consolidationTexts(t, false, 30_000), options())
	land := 0
	for _, p := range worst.Pages {
		if p.Landscape {
			land++
		}
	}
	t.Logf("pages: %d for the ordinary week, %d when every text is 30000 characters (%d of them appendix)", normal, len(worst.Pages), land)
	if len(worst.Pages) > 40 {
		t.Errorf("%d pages", len(worst.Pages))
	}
	var b bytes.Buffer
	if err := worst.Render(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte("PDF")) || b.Len() > 5<<20 {
		t.Errorf("PDF of %d bytes", b.Len())
	}
}

func options() Options {
	return Options{Number: 5, Date: vi.Day(2026, 11, 25), Created: time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)}
}

func TestLayoutWithinMargins(t *testing.T) {
	for _, long := range []bool{false, true} {
		doc := Build(consolidation(t, long), options())
		if len(doc.Pages) < 3 || len(doc.Pages[0].Items) < 20 {
			t.Fatalf("long=%v: %d pages; nothing to check", long, len(doc.Pages))
		}
		checkWithinMargins(t, doc)
	}
}

// checkWithinMargins checks every item of doc lies within the page's
// margins (page numbers above them) and no text overflows its box.
func checkWithinMargins(t *testing.T, doc *Document) {
	t.Helper()
	m := newMeasurer()
	for pi, p := range doc.Pages {
		w, h := p.Size()
		for _, it := range p.Items {
			if it.Role == "page-number" {
				if it.Y < 5 || it.Y > marginTop {
					t.Errorf("page %d: page number at y=%.1f", pi+1, it.Y)
				}
				continue
			}
			const eps = 0.01
			if it.X < marginLeft-eps || it.X+it.W > w-marginRight+eps || it.Y < marginTop-eps || it.Y+it.H > h-marginBottom+eps {
				t.Errorf("page %d: %s %q outside the margins: x=%.1f w=%.1f y=%.1f h=%.1f", pi+1, it.Role, it.Text, it.X, it.W, it.Y, it.H)
			}
			if it.Kind == KindText && m.width(it.Text, it.Font) > it.W+0.5 {
				t.Errorf("page %d: %q (%.1f mm) overflows its box of %.1f mm", pi+1, it.Text, m.width(it.Text, it.Font), it.W)
			}
		}
	}
}

func TestAppendixTable(t *testing.T) {
	for _, long := range []bool{false, true} {
		doc := Build(consolidation(t, long), options())
		rowPages := map[string]map[int]bool{}
		appendix := false
		for pi, p := range doc.Pages {
			if !p.Landscape {
				if appendix {
					t.Errorf("page %d: portrait page inside the appendix", pi+1)
				}
				continue
			}
			appendix = true
			header, rows := false, false
			for _, it := range p.Items {
				if it.Role == "header-row" && it.Text == report.AssignmentTitle {
					header = true
				}
				rows = rows || it.RowKey != ""
				if it.RowKey != "" {
					if rowPages[it.RowKey] == nil {
						rowPages[it.RowKey] = map[int]bool{}
					}
					rowPages[it.RowKey][pi] = true
				}
			}
			// A page holding only the key of abbreviations needs no header.
			if rows && !header {
				t.Errorf("page %d: appendix page without the header row", pi+1)
			}
		}
		if !appendix {
			t.Fatal("no appendix")
		}
		for key, pages := range rowPages {
			// Only the deliberately huge row may span pages.
			if len(pages) > 1 && !(long && key == "model-1") {
				t.Errorf("long=%v: row %s split over pages %v", long, key, pages)
			}
		}
		if long && len(rowPages["model-1"]) < 2 {
			t.Errorf("the row taller than a page was not split: %v", rowPages["model-1"])
		}
		if len(rowPages) != 25 { // 20 models and 5 groups
			t.Errorf("%d table rows, want 25", len(rowPages))
		}
	}
}

func texts(doc *Document, role string) []string {
	var out []string
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if it.Kind == KindText && (role == "" || it.Role == role) {
				out = append(out, it.Text)
			}
		}
	}
	return out
}

func TestDocumentTexts(t *testing.T) {
	c := consolidation(t, false)
	opt := options()
	opt.Date = vi.Day(2026, 2, 5)
	doc := Build(c, opt)
	want := map[string]string{
		"nation":          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"motto":           "Độc lập - Tự do - Hạnh phúc",
		"number":          "Số: 05/BC-CAX",
		"place-date":      "Cao Ngọc, ngày 05 tháng 02 năm 2026",
		"parent-agency":   "CÔNG AN HUYỆN NGỌC LẶC",
		"issuing-agency":  "CÔNG AN XÃ CAO NGỌC",
		"kind":            "BÁO CÁO",
		"signer-position": "TRƯỞNG CÔNG AN XÃ",
		"receivers-title": "Nơi nhận:",
	}
	for role, w := range want {
		if got := strings.Join(texts(doc, role), " "); got != w {
			t.Errorf("%s = %q, want %q", role, got, w)
		}
	}
	recv := texts(doc, "receiver")
	if len(recv) == 0 || recv[len(recv)-1] != "- Lưu: VT, CAX." {
		t.Errorf("receivers = %q", recv)
	}
	for d, want := range map[time.Time]string{vi.Day(2026, 11, 25): "ngày 25 tháng 11 năm 2026", vi.Day(2026, 1, 9): "ngày 09 tháng 01 năm 2026", vi.Day(2026, 3, 1): "ngày 01 tháng 3 năm 2026"} {
		if got := placeDate("Cao Ngọc", d); got != "Cao Ngọc, "+want {
			t.Errorf("placeDate(%v) = %q", d, got)
		}
	}
	if got := docNumber(0, "BC-CAX"); !strings.HasPrefix(got, "Số:") || !strings.HasSuffix(got, "/BC-CAX") {
		t.Errorf("blank number = %q", got)
	}
	// Every model title appears, in its appendix cell.
	cells := map[string]string{}
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if it.Role == "cell" && it.X < marginLeft+tableCols[0].width+tableCols[1].width && it.X > marginLeft+tableCols[0].width {
				cells[it.RowKey] += " " + it.Text
			}
		}
	}
	for _, m := range c.Plan.Models() {
		got := strings.Join(strings.Fields(cells[fmt.Sprintf("model-%d", m.Number)]), " ")
		if want := fmt.Sprintf("Mô hình %d: %s", m.Number, m.Title); got != want {
			t.Errorf("appendix title of model %d = %q, want %q", m.Number, got, want)
		}
	}
	// Page numbers from page 2, plain digits; the appendix (the landscape
	// pages) is numbered on its own.
	first := 0
	for i, p := range doc.Pages {
		if p.Landscape && (i == 0 || !doc.Pages[i-1].Landscape) {
			first = i
		}
		var nums []string
		for _, it := range p.Items {
			if it.Role == "page-number" {
				nums = append(nums, it.Text)
			}
		}
		n := i - first + 1
		if n == 1 && len(nums) > 0 || n > 1 && (len(nums) != 1 || nums[0] != fmt.Sprint(n)) {
			t.Errorf("page %d (page %d of its part) numbers %v", i+1, n, nums)
		}
	}
	// Nothing decomposed reaches the page.
	for _, s := range texts(doc, "") {
		if vi.NFC(s) != s {
			t.Errorf("not NFC: %q", s)
		}
	}
}

func render(t testing.TB, doc *Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := doc.Render(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDeterministic(t *testing.T) {
	c := consolidation(t, false)
	a, b := render(t, Build(c, options())), render(t, Build(c, options()))
	if !bytes.Equal(a, b) {
		t.Error("two renders of the same report differ")
	}
	if !bytes.Contains(a, []byte("D:20261125080000")) {
		t.Error("creation date is not the one passed in")
	}
}

// The PDF as a reader gets it: exact Vietnamese text, embedded fonts, A4.
func TestPDFWithPoppler(t *testing.T) {
	pdftotext := needTool(t, "pdftotext")
	pdffonts := needTool(t, "pdffonts")
	pdfinfo := needTool(t, "pdfinfo")
	c := consolidation(t, false)
	dir := t.TempDir()
	path := filepath.Join(dir, "bao-cao.pdf")
	os.WriteFile(path, render(t, Build(c, options())), 0o644)

	out, err := exec.Command(pdftotext, "-raw", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 05/BC-CAX",
		"Cao Ngọc, ngày 25 tháng 11 năm 2026", "BÁO CÁO", "Kính gửi:", "Nơi nhận:", "PHỤ LỤC", "Phân công thực hiện"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
	for _, m := range c.Plan.Models() {
		if want := fmt.Sprintf("Mô hình %d: %s", m.Number, m.Title); !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
	fonts, err := exec.Command(pdffonts, path).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(fonts)), "\n")[2:]
	if len(lines) != 4 {
		t.Errorf("fonts:\n%s", fonts)
	}
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) < 6 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
	info, err := exec.Command(pdfinfo, "-f", "1", "-l", "99", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	sizes := 0
	for _, l := range strings.Split(string(info), "\n") {
		if strings.HasPrefix(l, "Page") && strings.Contains(l, "size:") {
			sizes++
			if !strings.Contains(l, "595.28 x 841.89") && !strings.Contains(l, "841.89 x 595.28") {
				t.Errorf("not A4: %s", l)
			}
		}
	}
	if sizes != len(Build(c, options()).Pages) {
		t.Errorf("pdfinfo listed %d page sizes for %d pages:\n%s", sizes, len(Build(c, options()).Pages), info)
	}
}

func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed (apt-get install poppler-utils); skipping", name)
	}
	return p
}

func BenchmarkBuildAndRender(b *testing.B) {
	c := consolidation(b, false)
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := Build(c, options()).Render(&buf); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDecree30Spacing: paragraphs of the report are at least 6 pt apart
// (Decree 30/2020), lines within one at single spacing.
func TestDecree30Spacing(t *testing.T) {
	doc := Build(consolidation(t, false), options())
	checked := 0
	for pi, p := range doc.Pages {
		if p.Landscape {
			continue
		}
		var ys []float64
		var sizes []float64
		for _, it := range p.Items {
			if it.Kind == KindText && it.Role == "body" {
				ys, sizes = append(ys, it.Y), append(sizes, it.Font.Size)
			}
		}
		for i := 1; i < len(ys); i++ {
			d := ys[i] - ys[i-1]
			if d <= 0.01 { // justified words of one line
				continue
			}
			lh := lineHeight(sizes[i-1])
			if math.Abs(d-lh) > 0.05 && d < lh+6*ptToMM-0.05 {
				t.Errorf("page %d: lines %.1f mm apart (line height %.1f): neither one paragraph nor 6 pt apart", pi+1, d, lh)
			}
			checked++
		}
	}
	if checked < 50 {
		t.Fatalf("only %d line gaps checked", checked)
	}
}

// TestDatesNeverBroken: a deadline's date is never split across lines.
func TestDatesNeverBroken(t *testing.T) {
	c := consolidation(t, false)
	doc := Build(c, options())
	var lines []string
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if it.Kind == KindText {
				lines = append(lines, it.Text)
			}
		}
	}
	all := strings.Join(lines, "\n")
	dates := regexp.MustCompile(`\d{1,2}/\d{1,2}/\d{4}`)
	for _, m := range c.Plan.Models() {
		for _, d := range dates.FindAllString(m.Deadline.Text, -1) {
			if !strings.Contains(all, d) {
				t.Errorf("model %d: date %s broken across lines", m.Number, d)
			}
		}
	}
	if broken := regexp.MustCompile(`(?m)\d{1,2}/\d{1,2}/\d{1,3}$`).FindString(all); broken != "" {
		t.Errorf("a line ends in a broken date: %q", broken)
	}
}

// The appendix writes the commune's units by their short names and
// spells each out under the table.
func TestAppendixAbbreviations(t *testing.T) {
	doc := Build(consolidation(t, false), options())
	var key strings.Builder
	cells := ""
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			switch {
			case it.Role == "abbreviations":
				key.WriteString(it.Text + " ")
			case it.RowKey != "" && p.Landscape:
				cells += it.Text + "\n"
			}
		}
	}
	k := strings.Join(strings.Fields(key.String()), " ")
	for _, want := range []string{"Viết tắt:", "CA xã: Công an xã", "TYT xã: Trạm y tế xã", "BP Một cửa: Bộ phận một cửa xã"} {
		if !strings.Contains(strings.ReplaceAll(k, "\u00a0", " "), want) {
			t.Errorf("key lacks %q: %s", want, k)
		}
	}
	if strings.Contains(k, "Ban ATGT:") {
		t.Errorf("the key glosses a short name with itself: %s", k)
	}
	cells = strings.ReplaceAll(cells, "\u00a0", " ")
	if !strings.Contains(cells, "CA xã") || !strings.Contains(cells, "TYT xã") || !strings.Contains(cells, "Ban ATGT") {
		t.Errorf("the table does not use the short names")
	}
	// The plan's "các cấp" is not the commune's team: written in full.
	if !strings.Contains(cells, "các cấp") || strings.Contains(k, "Tổ ĐA06 xã") {
		t.Errorf("a name that only resembles a unit was shortened; key: %s", k)
	}
}

// A short name is never broken across lines, even where the plan's short
// names are long: the column grows to hold the widest.
func TestShortNamesNeverBreak(t *testing.T) {
	c := consolidation(t, false)
	c.Plan.Unit("dia-chinh").Short = "CC ĐC-NN-XD-MT"
	doc := Build(c, options())
	var shorts []string
	for _, u := range c.Plan.Units {
		shorts = append(shorts, u.Short)
	}
	found := false
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if it.Role != "cell" || it.Kind != KindText {
				continue
			}
			line := strings.ReplaceAll(it.Text, "\u00a0", " ")
			if strings.Contains(line, "CC ĐC-NN-XD-MT") {
				found = true
			}
			// A line ending inside a short name's word: it was cut.
			for _, sh := range shorts {
				r := []rune(sh)
				for k := 3; k < len(r); k++ {
					if r[k] != ' ' && r[k-1] != ' ' && strings.HasSuffix(line, string(r[:k])) {
						t.Errorf("%q cut: line %q", sh, line)
					}
				}
			}
		}
	}
	if !found {
		t.Error("the long short name is never printed whole")
	}
}

// Until the header is confirmed and current, the document says "DỰ THẢO"
// once, at its head (Decree 30/2020); otherwise nowhere.
func TestDraftMark(t *testing.T) {
	for _, draft := range []bool{true, false} {
		opt := options()
		opt.Draft = draft
		doc := Build(consolidation(t, false), opt)
		for i, p := range doc.Pages {
			marked := slices.ContainsFunc(p.Items, func(it Item) bool { return it.Role == "draft" && it.Text == "DỰ THẢO" })
			if marked != (draft && i == 0) {
				t.Errorf("draft %v: page %d marked %v", draft, i+1, marked)
			}
		}
	}
}

// Every sentence of body.tmpl fills without error, and reads without a
// stray placeholder.
func TestEverySentenceFills(t *testing.T) {
	full := data{"Plan": "Kế hoạch số 39", "Agency": "Công an xã", "Period": "tuần 48", "Sent": []string{"A", "B"}, "Expected": 9,
		"Senders": 3, "Usable": []string{"A", "B"}, "Have": 2, "Want": 9, "Without": []string{"C"}, "Absent": 7, "Missing": true,
		"Rejected": true, "Weeks": "số liệu của 02/09 đơn vị lấy từ báo cáo tuần 48/2026", "Monthly": []string{"A"}, "From": "tuần 47/2026",
		"To": "đang triển khai", "List": "mô hình 35, tiến độ giảm từ 70% xuống 60%", "How": "tiến độ giảm từ 70% xuống 60%", "NoReason": true,
		"Note": " (số liệu của 02/09 đơn vị)", "Next": "tuần 49/2026", "Achieved": "22 DVC", "Who": "Xã Minh Sơn", "Why": "ghi đơn vị tính “lượt”, tỉnh ghi “DVC”",
		"Own":  2,
		"Unit": "Trạm y tế xã", "N": 2, "Models": []int{26, 27}, "Units": []string{"A"}, "Week": "Tuần 48", "Parts": "…", "Status": "đang triển khai",
		"Which": []int{44}, "Total": 20, "Got": "1/1 cơ sở (100%)", "Target": "100%", "Previous": "Tuần 47", "Up": 1, "Same": 2, "Down": 0, "Name": "chỉ tiêu",
		"Title": "Mô hình", "Deadline": "Quý II/2024", "Text": "nội dung", "Task": "Công an xã phối hợp", "Difficulty": "khó khăn", "End": ".",
		"Names": "Xã Minh Sơn, Xã Ngọc Lặc", "Model": 18, "Other": 1, "Lines": 4, "Communes": 2}
	for _, tm := range sentences.Templates() {
		name := tm.Name()
		if name == "body" {
			continue
		}
		for _, d := range []any{full, []string{"A", "B"}, "A", 3, []int{3, 18}} {
			var sb strings.Builder
			if err := sentences.ExecuteTemplate(&sb, name, d); err == nil {
				if strings.Contains(sb.String(), "<no value>") || strings.Contains(sb.String(), "%!") {
					t.Errorf("%s: %q", name, sb.String())
				}
				goto next
			}
		}
		t.Errorf("sentence %q fills with none of the test data", name)
	next:
	}
}

// The chart's segments and legend carry the statuses' letters, so a black
// and white print tells them apart: a segment too narrow for them has them
// beside its bar, in the bar's order (a group of 40 models, one done and
// one without figures, as the province's often is).
func TestChartReadsInBlackAndWhite(t *testing.T) {
	c := consolidation(t, false)
	c.Groups = append(c.Groups, report.GroupSummary{Code: "VI", Models: 40,
		ByStatus: map[report.Status]int{report.StatusDone: 1, report.StatusInProgress: 38, report.StatusNone: 1}})
	doc := Build(c, options())
	var labels, legend []string
	asides := 0
	for _, it := range doc.Pages[0].Items {
		switch it.Role {
		case "chart-value":
			labels = append(labels, it.Text)
		case "chart-aside":
			asides++
			labels = append(labels, strings.Split(it.Text, ", ")...)
		case "chart-legend":
			if it.Kind == KindText {
				legend = append(legend, it.Text)
			}
		}
		if strings.HasPrefix(it.Role, "chart-") && it.Kind == KindText && it.X+it.W > a4W-marginRight+0.01 {
			t.Errorf("%s %q ends at %.1f mm, past the margin", it.Role, it.Text, it.X+it.W)
		}
	}
	var want []string
	for _, g := range c.Groups {
		for _, s := range report.StatusesWithNone {
			if k := g.ByStatus[s]; k > 0 {
				want = append(want, fmt.Sprintf("%d %s", k, statusAbbr[s]))
			}
		}
	}
	slices.Sort(labels)
	slices.Sort(want)
	if !slices.Equal(labels, want) {
		t.Errorf("the chart says\n%q\nits segments are\n%q", labels, want)
	}
	if asides == 0 {
		t.Error("the narrow segments' letters are not beside their bar")
	}
	for _, s := range report.StatusesWithNone {
		want := statusAbbr[s] + ": " + s.String()
		if !slices.Contains(legend, want) {
			t.Errorf("legend lacks %q: %q", want, legend)
		}
	}
}

// A canvas made beforehand, on another goroutine, gives the same bytes as
// a document rendered from scratch; a canvas drawn on twice starts anew.
func TestCanvasRendersTheSame(t *testing.T) {
	doc := Build(consolidation(t, false), options())
	var want bytes.Buffer
	if err := doc.Render(&want); err != nil {
		t.Fatal(err)
	}
	ready := make(chan *Canvas, 1)
	go func() { ready <- NewCanvas() }()
	c := <-ready
	for i := range 2 {
		var got bytes.Buffer
		if err := doc.RenderOn(c, &got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("drawing %d on a canvas: %d bytes, from scratch %d", i+1, got.Len(), want.Len())
		}
	}
}

// wentBack is the model the comparison fixture moves back: the first in
// progress at 60 % but model 18, led by one unit.
func wentBack(c *report.Consolidation) int {
	for _, ms := range c.Models {
		if ms.Status == report.StatusInProgress && ms.Progress != nil && *ms.Progress == 60 && ms.Model.Number != 18 && len(ms.Reported) == 1 {
			return ms.Model.Number
		}
	}
	return 0
}

// Compared with the previous week, the report names the models that moved
// and how the one that went back did, and lists it among the difficulties.
func TestComparedNamesModels(t *testing.T) {
	c := consolidationTexts(t, false, -1)
	var up []int
	for _, ms := range c.Models {
		if ms.Moved() > 0 {
			up = append(up, ms.Model.Number)
		}
	}
	back := 0
	for _, ms := range c.Models {
		if ms.Moved() < 0 {
			back = ms.Model.Number
		}
	}
	if back == 0 {
		t.Fatal("the fixture moves no model back")
	}
	body := strings.Join(texts(Build(c, options()), "body"), " ")
	for _, want := range []string{"So với tuần 47/2026, có ", " mô hình có tiến triển (mô hình ",
		fmt.Sprintf("01 mô hình lùi lại (mô hình %d, tiến độ giảm từ 90%% xuống 60%%)", back),
		fmt.Sprintf("- Mô hình %d lùi lại so với tuần 47/2026, tiến độ giảm từ 90%% xuống 60%%", back)} {
		if !strings.Contains(body, want) {
			t.Errorf("the body lacks %q:\n%s", want, body)
		}
	}
	if !slices.Contains(up, 18) || !strings.Contains(body, fmt.Sprintf("(mô hình %s)", strings.Trim(strings.Join(strings.Fields(fmt.Sprint(up)), ", "), "[]"))) {
		t.Errorf("models moved forward %v, not named in:\n%s", up, body)
	}
}

// A unit's proposal to the standing agency is studied, never promised by
// the report: the agency's name leaves the proposal's words, and a month
// the unit wrote without its year gets the year it meant.
func TestProposalAsTask(t *testing.T) {
	nov := time.Date(2026, 11, 19, 0, 0, 0, 0, time.UTC)
	dec := time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		text    string
		written time.Time
		want    string
	}{
		{"Công an xã phối hợp mở lớp tập huấn cho cán bộ xã trong tháng 12", nov, "phối hợp mở lớp tập huấn cho cán bộ xã trong tháng 12/2026"},
		{"công an xã hỗ trợ trong tháng 1", dec, "hỗ trợ trong tháng 1/2027"},
		{"Công an xã rà soát trong tháng 12/2026 và tháng 10", nov, "rà soát trong tháng 12/2026 và tháng 10/2026"},
		{"UBND xã chỉ đạo Công an xã rà soát", nov, "UBND xã chỉ đạo Công an xã rà soát"},
		{"Cấp thêm máy cho Công an xã", nov, "cấp thêm máy cho Công an xã"},
	} {
		if got := datedMonths(withoutSubject(tc.text, "Công an xã"), tc.written); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.text, got, tc.want)
		}
	}
}
