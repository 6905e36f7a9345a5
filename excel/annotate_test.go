package excel

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/internal/formfill"
	"github.com/caongoc/de06/report"
)

func TestAnnotate(t *testing.T) {
	p := defaultPlan(t)
	v := filledValues()
	v.Rows[6] = formfill.Row{Status: "tốt", Progress: 100} // error, E13
	v.Rows[11] = formfill.Row{Status: "HT", Progress: 100} // warning, E14
	src := filledTemplate(t, p, "tram-y-te", v)
	path := filepath.Join(t.TempDir(), "tram.xlsx")
	os.WriteFile(path, src, 0o644)
	s := Reader{}.ReadFile(path)
	fr := check(t, p, s)
	var out bytes.Buffer
	if err := Annotate(&out, src, s.Name, fr.Findings, Soffice{}); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, src) {
		t.Fatal("the input file changed")
	}
	f, err := excelize.OpenReader(&out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fillOf := func(ref string) string {
		id, _ := f.GetCellStyle(sheetReport, ref)
		st, _ := f.GetStyle(id)
		if st == nil || len(st.Fill.Color) == 0 {
			return ""
		}
		return strings.TrimPrefix(strings.ToUpper(st.Fill.Color[0]), "#")
	}
	if got := fillOf("E13"); got != colorError {
		t.Errorf("E13 fill = %q, want error red", got)
	}
	if got := fillOf("E14"); got != colorWarning {
		t.Errorf("E14 fill = %q, want warning orange", got)
	}
	comments, _ := f.GetComments(sheetReport)
	byCell := map[string]string{}
	for _, c := range comments {
		var sb strings.Builder
		for _, p := range c.Paragraph {
			sb.WriteString(p.Text)
		}
		byCell[c.Cell] = sb.String()
	}
	if !strings.Contains(byCell["E13"], `tình trạng "tốt"`) || !strings.Contains(byCell["E13"], "Cách sửa") {
		t.Errorf("E13 comment = %q", byCell["E13"])
	}
	rows, err := f.GetRows(sheetFindings)
	if err != nil || len(rows) != 1+len(fr.Findings) {
		t.Errorf("findings sheet: %v rows, err %v; want %d", len(rows), err, 1+len(fr.Findings))
	}
}

// Annotated copies of every sample with mistakes open in openpyxl and in
// LibreOffice: their colours are valid ARGB values.
func TestAnnotatedOpenElsewhere(t *testing.T) {
	p := defaultPlan(t)
	paths, _ := filepath.Glob(filepath.Join("..", "samples", "co-loi", "*.xlsx"))
	dir := t.TempDir()
	var outs []string
	for _, path := range paths {
		s := Reader{}.ReadFile(path)
		fr := check(t, p, s)
		var b bytes.Buffer
		data, _ := os.ReadFile(path)
		if err := Annotate(&b, data, s.Name, fr.Findings, Soffice{}); err != nil {
			t.Fatal(err)
		}
		if m := regexp.MustCompile(`rgb="([0-9A-Fa-f]{0,5}|[0-9A-Fa-f]{7})"`).Find(styleXML(t, b.Bytes())); m != nil {
			t.Errorf("%s: invalid colour %s", filepath.Base(path), m)
		}
		out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), ".xlsx")+".loi.xlsx")
		os.WriteFile(out, b.Bytes(), 0o644)
		outs = append(outs, out)
	}
	t.Run("openpyxl", func(t *testing.T) {
		py := openpyxl(t)
		for _, out := range outs {
			if b, err := exec.Command(py, "-c", "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1])", out).CombinedOutput(); err != nil {
				t.Errorf("openpyxl cannot open %s: %v\n%s", filepath.Base(out), err, b)
			}
		}
	})
	t.Run("LibreOffice", func(t *testing.T) {
		pdfDir := filepath.Join(dir, "pdf")
		convert(t, "pdf", pdfDir, outs...)
		for _, out := range outs {
			if _, err := os.Stat(filepath.Join(pdfDir, strings.TrimSuffix(filepath.Base(out), ".xlsx")+".pdf")); err != nil {
				t.Errorf("LibreOffice did not open %s", filepath.Base(out))
			}
		}
	})
}

// styleXML is the styles part of a workbook.
func styleXML(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open("xl/styles.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	x, _ := io.ReadAll(rc)
	return x
}

// An annotated copy holds the stored file to the reader's limits before
// excelize opens it: a cell bomb or 100,000 merged ranges are refused at
// once, with the reader's message (the copy of such a file took 7,5 s and
// 2,3 GB, or minutes of CPU, before).
func TestAnnotateRefusesHostile(t *testing.T) {
	for _, c := range hostileCases(t) {
		if c.want == "" || !strings.Contains(c.want, "quá giới hạn") && !strings.Contains(c.want, "vùng gộp ô") {
			continue
		}
		var out bytes.Buffer
		err := Annotate(&out, c.b, "x.xlsx", []report.Finding{{Severity: report.Error, Code: report.StatusInvalid, Sheet: "Báo cáo", Cell: "E11", Message: "m"}}, Soffice{})
		if c.name == "a 5 MB text cell" {
			continue // within the package limits; excelize reads it (the reader refuses the cell)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
	// Not a workbook: a message, not excelize's English.
	err := Annotate(io.Discard, []byte("not a workbook at all"), "x.xlsx", nil, Soffice{})
	if err == nil || !strings.Contains(err.Error(), "không") {
		t.Errorf("random bytes: %v", err)
	}
	// A caller gone: stopped before opening.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := defaultPlan(t)
	if err := AnnotateContext(ctx, io.Discard, filledTemplate(t, p, "tram-y-te", filledValues()), "x.xlsx", nil, Soffice{}); err == nil {
		t.Error("annotated for a caller already gone")
	}
}

// An annotated copy, fixed and sent back, is read without a word about
// de06's own sheet; annotated again, it starts clean: the fixed cell is
// yellow again and has no comment, and only the new findings are marked.
func TestAnnotatedCopyComesBack(t *testing.T) {
	p := defaultPlan(t)
	v := filledValues()
	v.Rows[6] = formfill.Row{Status: "tốt", Progress: 100} // error, E13
	src := filledTemplate(t, p, "tram-y-te", v)
	fr := check(t, p, readBytes(t, src, "tram.xlsx"))
	var first bytes.Buffer
	if err := Annotate(&first, src, "tram.xlsx", fr.Findings, Soffice{}); err != nil {
		t.Fatal(err)
	}
	// The unit fixes E13 and breaks E11 in the copy it was sent.
	fixed := editWorkbook(t, first.Bytes(), func(f *excelize.File) {
		f.SetCellStr(sheetReport, "E13", "Thực hiện thường xuyên")
		f.SetCellStr(sheetReport, "E11", "abc")
	})
	s := readBytes(t, fixed, "tram.loi.xlsx")
	for _, fd := range s.Findings {
		if strings.Contains(fd.Message, sheetFindings) || fd.Sheet == sheetFindings {
			t.Errorf("finding about de06's own sheet: %v", fd)
		}
	}
	fr2 := check(t, p, s)
	var second bytes.Buffer
	if err := Annotate(&second, fixed, s.Name, fr2.Findings, Soffice{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&second)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fillOf := func(ref string) string {
		id, _ := f.GetCellStyle(sheetReport, ref)
		st, _ := f.GetStyle(id)
		if st == nil || len(st.Fill.Color) == 0 {
			return ""
		}
		return rgbOf(st.Fill.Color[0], "")
	}
	if got := fillOf("E13"); got != colorInput {
		t.Errorf("fixed E13 is %q, want the input yellow %s", got, colorInput)
	}
	if got := fillOf("E11"); got != colorError {
		t.Errorf("new error E11 is %q", got)
	}
	comments, _ := f.GetComments(sheetReport)
	for _, c := range comments {
		if c.Cell == "E13" {
			t.Errorf("E13 keeps the old comment %v", c.Paragraph)
		}
	}
	if marks := readMarks(&book{File: f}); len(marks) != 1 || marks[0].Cell != "E11" {
		t.Errorf("marks = %+v", marks)
	}
	if list := f.GetSheetList(); strings.Count(strings.Join(list, ","), sheetFindings) != 1 {
		t.Errorf("sheets %v", list)
	}
}

// A workbook saved by openpyxl writes colours as ARGB with a zero alpha
// ("00000000"); the annotated copy keeps them valid, so openpyxl opens it.
func TestAnnotateOpenpyxlSaved(t *testing.T) {
	py := openpyxl(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "tram.xlsx")
	script := `import sys, openpyxl
from openpyxl.styles import Font, Border, Side
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Báo cáo"]
side = Side(style="thin", color="000000")
for row in ws.iter_rows(min_row=11, max_row=17):
    for c in row:
        c.font = Font(name="Times New Roman", size=12, color="000000")
        c.border = Border(left=side, right=side, top=side, bottom=side)
wb.save(sys.argv[2])`
	if b, err := exec.Command(py, "-c", script, filepath.Join("..", "samples", "co-loi", "tram-y-te-go-tay.xlsx"), in).CombinedOutput(); err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, b)
	}
	data, _ := os.ReadFile(in)
	if !bytes.Contains(styleXML(t, data), []byte(`rgb="00000000"`)) {
		t.Fatal("openpyxl did not write an ARGB colour with zero alpha; the test proves nothing")
	}
	p := defaultPlan(t)
	fr := check(t, p, readBytes(t, data, "tram.xlsx"))
	var b bytes.Buffer
	if err := Annotate(&b, data, "tram.xlsx", fr.Findings, Soffice{}); err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`rgb="(?:[0-9A-Fa-f]{0,5}|[0-9A-Fa-f]{7}|[0-9A-Fa-f]{9,})"`).Find(styleXML(t, b.Bytes())); m != nil {
		t.Errorf("invalid colour %s", m)
	}
	out := filepath.Join(dir, "tram.loi.xlsx")
	os.WriteFile(out, b.Bytes(), 0o644)
	if msg, err := exec.Command(py, "-c", "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1])", out).CombinedOutput(); err != nil {
		t.Errorf("openpyxl cannot open the annotated copy: %v\n%s", err, msg)
	}
}

func TestRGBOf(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"00000000", "000000"}, {"FF1F4E79", "1F4E79"}, {"#ffc7ce", "FFC7CE"}, {"FF", "x"}, {"", "x"}, {"12345", "x"},
	} {
		if got := rgbOf(tc.in, "x"); got != tc.want {
			t.Errorf("rgbOf(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// An annotated copy shows what the unit typed: a row holding more than the
// template's height grows, marked or not; the rows above the table keep
// their heights (a merged cell is measured on its merged width); the report
// prints its page numbers.
func TestAnnotatedRowsShowText(t *testing.T) {
	p := defaultPlan(t)
	v := filledValues()
	long := strings.Repeat("Tổ chức tuyên truyền, hướng dẫn người dân cài đặt và kích hoạt tài khoản định danh điện tử mức 2. ", 4)
	v.Rows[6] = formfill.Row{Status: "tốt", Progress: 100}                           // error E13
	v.Rows[11] = formfill.Row{Status: "Đang triển khai", Progress: 50, Result: long} // no finding, a long result
	src := filledTemplate(t, p, "tram-y-te", v)
	path := filepath.Join(t.TempDir(), "tram.xlsx")
	os.WriteFile(path, src, 0o644)
	s := Reader{}.ReadFile(path)
	fr := check(t, p, s)
	var out bytes.Buffer
	if err := Annotate(&out, src, s.Name, fr.Findings, Soffice{}); err != nil {
		t.Fatal(err)
	}
	before, err := excelize.OpenReader(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	defer before.Close()
	f, err := excelize.OpenReader(&out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for r := 1; r < rowFirstModel; r++ {
		was, _ := before.GetRowHeight(sheetReport, r)
		if now, _ := f.GetRowHeight(sheetReport, r); now != was {
			t.Errorf("row %d above the table: %.0f pt, was %.0f pt", r, now, was)
		}
	}
	rows, _ := f.GetRows(sheetReport)
	found := false
	for ri, row := range rows {
		for ci, text := range row {
			if text != long {
				continue
			}
			found = true
			w, _ := f.GetColWidth(sheetReport, colName(ci+1))
			if h, _ := f.GetRowHeight(sheetReport, ri+1); h < textHeight(text, w, 12, false) {
				t.Errorf("row %d: %.0f pt, its text needs %.0f pt", ri+1, h, textHeight(text, w, 12, false))
			}
		}
	}
	if !found {
		t.Fatal("the long result is not in the copy")
	}
	if hf, err := f.GetHeaderFooter(sheetReport); err != nil || hf == nil || hf.OddFooter != footerPages {
		t.Errorf("the report's footer: %+v, %v; want page numbers", hf, err)
	}
}
