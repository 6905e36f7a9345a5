package excel

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/caongoc/de06/report"
)

// Hostile workbooks are made from a real filled report by rewriting its
// report sheet's XML, so that nothing binary is committed.

// reportSheetPart is the part of the report sheet in workbooks de06 writes.
const reportSheetPart = "xl/worksheets/sheet1.xml"

// withPart returns the workbook b with part name replaced by edit's result.
func withPart(t testing.TB, b []byte, name string, edit func([]byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == name {
			data = edit(data)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	zw.Close()
	return out.Bytes()
}

// partOf returns one part of a workbook.
func partOf(t testing.TB, b []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			defer rc.Close()
			data, _ := io.ReadAll(rc)
			return data
		}
	}
	t.Fatalf("no part %s", name)
	return nil
}

// manyMerges adds n one-row merged ranges below the table.
func manyMerges(n int) func([]byte) []byte {
	return func(x []byte) []byte {
		var m strings.Builder
		fmt.Fprintf(&m, `<mergeCells count="%d">`, n)
		for i := range n {
			fmt.Fprintf(&m, `<mergeCell ref="A%d:B%d"/>`, 100+i, 100+i)
		}
		m.WriteString(`</mergeCells>`)
		s := string(x)
		if i := strings.Index(s, "<mergeCells"); i >= 0 {
			j := strings.Index(s, "</mergeCells>") + len("</mergeCells>")
			return []byte(s[:i] + m.String() + s[j:])
		}
		i := strings.Index(s, "</sheetData>") + len("</sheetData>")
		return []byte(s[:i] + m.String() + s[i:])
	}
}

// longText puts an inline string of n characters in the result cell of the
// first model row (K11 in the template).
func longText(n int) func([]byte) []byte {
	return func(x []byte) []byte {
		s := string(x)
		text := []rune(strings.Repeat("Đã triển khai. ", n/15+1))[:n]
		cell := fmt.Sprintf(`<c r="K11" t="inlineStr"><is><t>%s</t></is></c>`, string(text))
		i := strings.Index(s, `<c r="K11"`)
		j := i + strings.Index(s[i:], "</c>") + len("</c>")
		if k := strings.Index(s[i:], "/>"); k >= 0 && i+k < j-len("</c>") {
			j = i + k + 2
		}
		return []byte(s[:i] + cell + s[j:])
	}
}

// hostileCases are workbooks made to cost a reader time or memory, each
// with what the reader must say.
func hostileCases(t testing.TB) []struct {
	name string
	b    []byte
	want string // in an error finding; "" when the file may be read
} {
	p := defaultPlan(t)
	base := filledTemplate(t, p, "tram-y-te", filledValues())
	sheet := func(edit func([]byte) []byte) []byte { return withPart(t, base, reportSheetPart, edit) }
	replace := func(old, new string) func([]byte) []byte {
		return func(x []byte) []byte { return bytes.Replace(x, []byte(old), []byte(new), 1) }
	}
	return []struct {
		name string
		b    []byte
		want string
	}{
		{"100000 merged ranges", sheet(manyMerges(100_000)), "vùng gộp ô"},
		{"a 5 MB text cell", sheet(longText(5 << 20)), "quá giới hạn 32767 ký tự"},
		{"a whole-grid merge", sheet(replace(`<mergeCell ref="`, `<mergeCell ref="A1:XFD1048576"/><mergeCell ref="`)), ""},
		{"a cell at the grid's end", sheet(replace(`</sheetData>`, `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>`)), "hơn 5000 dòng"},
		{"rows out of order", sheet(replace(`<row r="2"`, `<row r="40"><c r="A40"><v>1</v></c></row><row r="2"`)), ""},
		{"a number beyond float64", sheet(replace(`<c r="F11" s="9"><v>`, `<c r="F11" s="9"><v>1e999`)), ""},
		{"200000 cells", sheet(func(x []byte) []byte {
			var row strings.Builder
			row.WriteString(`<row r="3000">`)
			for i := range 200_000 {
				fmt.Fprintf(&row, `<c r="%s"><v>1</v></c>`, cell(1+i%16000, 3000))
			}
			row.WriteString(`</row></sheetData>`)
			return bytes.Replace(x, []byte(`</sheetData>`), []byte(row.String()), 1)
		}), "ô, quá giới hạn"},
	}
}

// TestHostileWorkbooks: every hostile file is answered by either reader
// with a clear finding, or read as what it is, never hangs nor panics.
func TestHostileWorkbooks(t *testing.T) {
	for _, c := range hostileCases(t) {
		for _, rd := range []Reader{{}, {path: pathExcelize}} {
			s := rd.Read(c.b, &report.Submission{Name: "x.xlsx", Meta: map[string]string{}})
			if c.want == "" {
				continue
			}
			found := false
			for _, f := range s.Findings {
				if f.Severity == report.Error && strings.Contains(f.Message, c.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s (path %d): no error saying %q: %v", c.name, rd.path, c.want, s.Findings)
			}
		}
	}
	// The long cell is named.
	s := Reader{}.Read(hostileCases(t)[1].b, &report.Submission{Name: "x.xlsx", Meta: map[string]string{}})
	if !slices.ContainsFunc(s.Findings, func(f report.Finding) bool { return f.Cell == "K11" }) {
		t.Errorf("the long cell is not named: %v", s.Findings)
	}
}

// BenchmarkHostile measures the worst files beside an ordinary report:
//
//	go test ./excel -run XXX -bench Hostile
func BenchmarkHostile(b *testing.B) {
	p := defaultPlan(b)
	ordinary := filledTemplate(b, p, "tram-y-te", filledValues())
	cases := append([]struct {
		name string
		b    []byte
		want string
	}{{"ordinary report", ordinary, ""}}, hostileCases(b)...)
	for _, c := range cases {
		b.Run(strings.ReplaceAll(c.name, " ", "-"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Reader{}.Read(c.b, &report.Submission{Name: "x.xlsx", Meta: map[string]string{}})
			}
		})
	}
}

// A part given twice goes to excelize, but its limits are counted all the
// same: 100,000 merged ranges in a second copy of the report sheet were
// read by excelize with no limit.
func TestDuplicatePartCounted(t *testing.T) {
	base := filledTemplate(t, defaultPlan(t), "tram-y-te", filledValues())
	sheet := partOf(t, base, reportSheetPart)
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		rc, _ := f.Open()
		io.Copy(w, rc)
		rc.Close()
	}
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: reportSheetPart, Method: zip.Deflate})
	w.Write(manyMerges(100_000)(sheet))
	zw.Close()
	s := Reader{}.Read(out.Bytes(), &report.Submission{Name: "x.xlsx", Meta: map[string]string{}})
	if !slices.ContainsFunc(s.Findings, func(f report.Finding) bool { return strings.Contains(f.Message, "vùng gộp ô") }) {
		t.Fatalf("findings: %v", s.Findings)
	}
}
