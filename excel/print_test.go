package excel

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/internal/metrics"
	"github.com/caongoc/de06/report"
)

// Every workbook de06 writes prints as a person reads it: each visible sheet
// at 80 % or more, no column alone on a page, no word wider than its column
// (nothing cut or spilling over its neighbour), no machine value ("done",
// "progress") and no code except in a sheet's last column, which programs
// read.

// printedWorkbooks are the workbooks de06 writes, by name.
func printedWorkbooks(t *testing.T) map[string][]byte {
	t.Helper()
	p := defaultPlan(t)
	week := sampleConsolidation(t)
	out := map[string][]byte{"tong-hop": consolidatedBytes(t, week)}

	prev, err := ReadPrevious(bytes.NewReader(out["tong-hop"]), "w48.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	prev.Period = w48.Previous()
	paths, _ := filepath.Glob(filepath.Join("..", "samples", "tuan-48-2026", "*.xlsx"))
	slices.Sort(paths)
	out["tong-hop-so-sanh"] = consolidatedBytes(t, report.Consolidate(p, report.Validate(p, Reader{}.ReadAll(paths), w48, time.Time{}), prev))

	bad, _ := filepath.Glob(filepath.Join("..", "samples", "co-loi", "*.xlsx"))
	slices.Sort(bad)
	errs := report.Validate(p, Reader{}.ReadAll(bad), w48, time.Time{})
	out["tong-hop-co-loi"] = consolidatedBytes(t, report.Consolidate(p, errs, nil))
	for _, fr := range errs.Files {
		if fr.Sub.Name != "tram-y-te-go-tay.xlsx" {
			continue
		}
		data, _ := os.ReadFile(fr.Sub.Path)
		var b bytes.Buffer
		if err := Annotate(&b, data, fr.Sub.Name, fr.Findings, Soffice{}); err != nil {
			t.Fatal(err)
		}
		out["ban-danh-dau"] = b.Bytes()
	}

	out["mau"] = writeTemplateBytes(t, p, "van-hoa-xa-hoi", "2026-W49")
	form, err := report.NewForm(p, "van-hoa-xa-hoi", w48.Next())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := form.Prefill(prev2(t, out["tong-hop"])); err != nil {
		t.Fatal(err)
	}
	var tpl bytes.Buffer
	if err := WriteTemplate(&tpl, form, p.Document.StandingAgency); err != nil {
		t.Fatal(err)
	}
	out["mau-dien-san"] = tpl.Bytes()

	var pb bytes.Buffer
	if err := WritePlan(&pb, p); err != nil {
		t.Fatal(err)
	}
	out["ke-hoach"] = pb.Bytes()

	r, _ := provinceRollup(t)
	var prov bytes.Buffer
	if err := WriteProvince(&prov, r); err != nil {
		t.Fatal(err)
	}
	out["tinh"] = prov.Bytes()
	return out
}

func prev2(t *testing.T, b []byte) *report.Previous {
	prev, err := ReadPrevious(bytes.NewReader(b), "w48.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	return prev
}

func TestWorkbooksPrintable(t *testing.T) {
	for name, b := range printedWorkbooks(t) {
		t.Run(name, func(t *testing.T) { checkPrintable(t, b) })
	}
}

var (
	reMachineValue = regexp.MustCompile(`^(progress|done|recurring|notyet|none)$`)
	reCode         = regexp.MustCompile(`^[a-z]+(\.[a-z-]+)+$`)
	reTitleCols    = regexp.MustCompile(`\$([A-Z]+):\$([A-Z]+)`)
)

func checkPrintable(t *testing.T, b []byte) {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sh := range f.GetSheetList() {
		if visible, _ := f.GetSheetVisible(sh); !visible {
			continue
		}
		rows, _ := f.GetRows(sh)
		ncols := 0
		for _, r := range rows {
			ncols = max(ncols, len(r))
		}
		ncols = min(ncols, printArea(f, sh))
		if ncols == 0 {
			continue
		}
		widths := make([]float64, ncols)
		total := 0.0
		for i := range widths {
			widths[i], _ = f.GetColWidth(sh, colName(i+1))
			total += columnPoints(widths[i])
		}
		layout, _ := f.GetPageLayout(sh)
		props, _ := f.GetSheetProps(sh)
		margins, _ := f.GetPageMargins(sh)
		pageW := 595.0
		if layout.Orientation != nil && *layout.Orientation == "landscape" {
			pageW = 842
		}
		if margins.Left != nil && margins.Right != nil {
			pageW -= (*margins.Left + *margins.Right) * 72
		}
		scale := 1.0
		switch {
		case props.FitToPage != nil && *props.FitToPage && layout.FitToWidth != nil && *layout.FitToWidth == 1:
			scale = min(1, pageW/total)
		case layout.AdjustTo != nil:
			scale = float64(*layout.AdjustTo) / 100
		}
		if scale < 0.795 {
			t.Errorf("%s prints at %.0f %%", sh, scale*100)
		}
		checkPagesAcross(t, f, b, sh, widths, pageW/scale)
		checkCells(t, f, sh, rows, widths, ncols)
	}
}

// printArea is how many columns of sh print: those of its print area, or
// all.
func printArea(f *excelize.File, sh string) int {
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Area" && dn.Scope == sh {
			if m := regexp.MustCompile(`:\$([A-Z]+)\$\d+$`).FindStringSubmatch(dn.RefersTo); m != nil {
				n, _ := excelize.ColumnNameToNumber(m[1])
				return n
			}
		}
	}
	return math.MaxInt
}

// checkPagesAcross lays the columns on pages across as a spreadsheet does,
// with the repeated title columns and the manual breaks, and fails a page
// holding a single column.
func checkPagesAcross(t *testing.T, f *excelize.File, b []byte, sh string, widths []float64, avail float64) {
	titles := 0
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sh {
			if m := reTitleCols.FindStringSubmatch(dn.RefersTo); m != nil {
				titles, _ = excelize.ColumnNameToNumber(m[2])
			}
		}
	}
	breaks := colBreaks(t, b, sh)
	titleW := 0.0
	for i := range titles {
		titleW += columnPoints(widths[i])
	}
	var pages [][]int
	used := avail
	for i := titles; i < len(widths); i++ {
		w := columnPoints(widths[i])
		if len(pages) == 0 || used+w > avail-titleW || slices.Contains(breaks, i) {
			pages = append(pages, nil)
			used = 0
		}
		pages[len(pages)-1] = append(pages[len(pages)-1], i+1)
		used += w
	}
	if len(pages) < 2 {
		return
	}
	for _, p := range pages {
		if len(p) < 2 {
			t.Errorf("%s: column %s prints alone on a page (pages across: %v)", sh, colName(p[0]), pages)
		}
	}
}

// colBreaks reads the manual column breaks of sheet sh (0-based column
// before which a page starts).
func colBreaks(t *testing.T, b []byte, sh string) []int {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		rc, err := zr.Open(name)
		if err != nil {
			return ""
		}
		defer rc.Close()
		x, _ := io.ReadAll(rc)
		return string(x)
	}
	m := regexp.MustCompile(`<sheet [^>]*name="` + regexp.QuoteMeta(sh) + `"[^>]*r:id="([^"]+)"`).FindStringSubmatch(read("xl/workbook.xml"))
	if m == nil {
		return nil
	}
	target := regexp.MustCompile(`Id="` + m[1] + `"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="` + m[1] + `"`).FindStringSubmatch(read("xl/_rels/workbook.xml.rels"))
	if target == nil {
		return nil
	}
	path := "xl/" + strings.TrimPrefix(target[1]+target[2], "/xl/")
	cb := regexp.MustCompile(`(?s)<colBreaks.*?</colBreaks>`).FindString(read(path))
	var out []int
	for _, id := range regexp.MustCompile(`id="(\d+)"`).FindAllStringSubmatch(cb, -1) {
		n, _ := strconv.Atoi(id[1])
		out = append(out, n)
	}
	return out
}

// checkCells fails a word wider than its column (a wrapped cell), a text
// wider than its column that would spill over a filled neighbour (a cell
// that does not wrap), a machine value, and a code outside the last column.
func checkCells(t *testing.T, f *excelize.File, sh string, rows [][]string, widths []float64, ncols int) {
	merged := map[string][2]int{}   // top-left → first, last column
	mergedRows := map[string]bool{} // top-left of a range over several rows
	covered := map[string]bool{}
	if ms, err := f.GetMergeCells(sh); err == nil {
		for _, m := range ms {
			c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
			merged[m.GetStartAxis()] = [2]int{c1, c2}
			if r2 > r1 {
				mergedRows[m.GetStartAxis()] = true
			}
			for r := r1; r <= r2; r++ {
				for c := c1; c <= c2; c++ {
					if r != r1 || c != c1 {
						covered[cell(c, r)] = true
					}
				}
			}
		}
	}
	for ri, row := range rows {
		for ci, v := range row {
			ref := cell(ci+1, ri+1)
			if v == "" || covered[ref] {
				continue
			}
			if reMachineValue.MatchString(v) {
				t.Errorf("%s!%s: machine value %q printed", sh, ref, v)
			}
			if ci+1 > ncols {
				break // outside the print area
			}
			if reCode.MatchString(v) {
				t.Errorf("%s!%s: code %q printed", sh, ref, v)
			}
			first, last := ci+1, ci+1
			if m, ok := merged[ref]; ok {
				first, last = m[0], m[1]
			}
			width := 0.0
			for c := first; c <= last; c++ {
				width += columnPoints(widths[c-1])
			}
			width -= cellPadding
			id, _ := f.GetCellStyle(sh, ref)
			st, _ := f.GetStyle(id)
			size, style, wrap := 11.0, metrics.Style(""), false
			if st != nil {
				if st.Font != nil {
					if st.Font.Size > 0 {
						size = st.Font.Size
					}
					if st.Font.Bold {
						style = "B"
					}
				}
				wrap = st.Alignment != nil && st.Alignment.WrapText
			}
			if wrap {
				for _, w := range strings.Fields(v) {
					if metrics.Width(w, style, size) > width {
						t.Errorf("%s!%s: %q is wider than its column", sh, ref, w)
					}
				}
				// Nothing cut at the bottom either (at LibreOffice's
				// line height, the tighter one).
				if _, tall := mergedRows[ref]; !tall {
					lines := len(metrics.Wrap(v, style, size, width))
					if h, _ := f.GetRowHeight(sh, ri+1); float64(lines)*size*1.15 > h+1 {
						t.Errorf("%s!%s: %d lines in a row %.0f pt tall", sh, ref, lines, h)
					}
				}
				continue
			}
			if last < len(row) && row[last] != "" {
				for _, l := range strings.Split(v, "\n") {
					if metrics.Width(l, style, size) > width {
						t.Errorf("%s!%s: %q spills over %s", sh, ref, l, cell(last+1, ri+1))
					}
				}
			}
		}
	}
}

// pointed is a figure written with a decimal point: "78.8", "100.0"
// (thousands, "4.512", have three digits after it).
var pointed = regexp.MustCompile(`^\(?\d+\.\d{1,2}%?\)?[,;.]?$`)

// The consolidated workbook with a previous period prints in no more than
// a third more pages than without it; every page of every workbook prints
// its text at 80 % or more of its size.
func TestWorkbooksPrintInLibreOffice(t *testing.T) {
	pdftotext := needTool(t, "pdftotext")
	dir := t.TempDir()
	books := printedWorkbooks(t)
	var paths []string
	for name, b := range books {
		path := filepath.Join(dir, name+".xlsx")
		os.WriteFile(path, b, 0o644)
		paths = append(paths, path)
	}
	convert(t, "pdf", dir, paths...)
	pages := map[string]int{}
	for name := range books {
		pdf := filepath.Join(dir, name+".pdf")
		out, err := exec.Command(pdftotext, "-bbox", pdf, "-").Output()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// Figures with a decimal comma whatever LibreOffice's language
		// (the test runs in its default, English): "78,8", never "78.8".
		words := regexp.MustCompile(`>([^<]*)</word>`).FindAllStringSubmatch(string(out), -1)
		for _, w := range words {
			// (The annotated copy keeps what the unit typed.)
			if name != "ban-danh-dau" && pointed.MatchString(w[1]) {
				t.Errorf("%s: %q has a decimal point", name, w[1])
			}
			if reCode.MatchString(w[1]) {
				t.Errorf("%s: prints the code %q", name, w[1])
			}
		}
		for i, page := range strings.Split(string(out), "<page ")[1:] {
			pages[name]++
			var hs []float64
			for _, m := range regexp.MustCompile(`yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"`).FindAllStringSubmatch(page, -1) {
				lo, _ := strconv.ParseFloat(m[1], 64)
				hi, _ := strconv.ParseFloat(m[2], 64)
				hs = append(hs, hi-lo)
			}
			if len(hs) < 20 {
				continue // a chart, a short list
			}
			slices.Sort(hs)
			if med := hs[len(hs)/2]; med < 9.5 {
				t.Errorf("%s page %d: median word height %.1f pt", name, i+1, med)
			}
		}
	}
	t.Logf("pages: %v", pages)
	if with, without := pages["tong-hop-so-sanh"], pages["tong-hop"]; 3*with > 4*without {
		t.Errorf("with the previous period %d pages, without %d: more than a third more", with, without)
	}
}
