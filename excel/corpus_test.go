package excel

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestGenerateCorpus rewrites testdata/malformed and the fuzz seed corpus;
// it runs only with -update. The files are committed, so the tests that read
// them need neither excelize tricks nor LibreOffice.
func TestGenerateCorpus(t *testing.T) {
	if !*update {
		t.Skip("run with -update to regenerate testdata/malformed and testdata/fuzz")
	}
	dir := filepath.Join("testdata", "malformed")
	os.MkdirAll(dir, 0o755)
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := defaultPlan(t)
	filled := filledTemplate(t, p, "tram-y-te", filledValues())

	write("empty.xlsx", nil)
	write("csv-renamed.xlsx", []byte("TT,Mô hình,Tình trạng\n1,Mô hình 1,Đã hoàn thành\n"))
	write("truncated.xlsx", filled[:len(filled)/2])

	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create("[Content_Types].xml")
	w.Write([]byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`))
	w, _ = zw.Create("xl/worksheets/sheet1.xml")
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for range 100 { // 100 MB of spaces, about 100 KB on disk
		w.Write(chunk)
	}
	zw.Close()
	write("zip-bomb.xlsx", bomb.Bytes())

	f, _ := excelize.OpenReader(bytes.NewReader(filled))
	var enc bytes.Buffer
	if _, err := f.WriteTo(&enc, excelize.Options{Password: "matkhau"}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	write("encrypted.xlsx", enc.Bytes())

	var nos bytes.Buffer
	zw = zip.NewWriter(&nos)
	for name, body := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":     `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>`,
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	write("no-sheets.xlsx", nos.Bytes())

	nr := excelize.NewFile()
	nr.SetCellStr("Sheet1", "A1", "Danh sách cán bộ")
	nr.SetCellStr("Sheet1", "A2", "Nguyễn Văn A")
	var nrb bytes.Buffer
	nr.WriteTo(&nrb)
	write("not-a-report.xlsx", nrb.Bytes())

	var doc bytes.Buffer
	zw = zip.NewWriter(&doc)
	w, _ = zw.Create("word/document.xml")
	w.Write([]byte(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Báo cáo</w:t></w:r></w:p></w:body></w:document>`))
	zw.Close()
	write("word-document.xlsx", doc.Bytes())

	big := excelize.NewFile()
	sw, _ := big.NewStreamWriter("Sheet1")
	for r := 1; r <= maxRows+10; r++ {
		sw.SetRow(cell(1, r), []any{r})
	}
	sw.Flush()
	var bigb bytes.Buffer
	big.WriteTo(&bigb)
	write("too-many-rows.xlsx", bigb.Bytes())

	if soffice, err := exec.LookPath("soffice"); err == nil {
		tmp := t.TempDir()
		src := filepath.Join(tmp, "legacy.xlsx")
		os.WriteFile(src, filled, 0o644)
		cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(tmp, "lo"), "--headless", "--convert-to", "xls", "--outdir", dir, src)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v\n%s", err, b)
		}
	} else {
		t.Log("soffice not installed: testdata/malformed/legacy.xls not regenerated")
	}

	// Fuzz seeds: a good report, and each malformed file.
	seeds := map[string][]byte{"filled": filled}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		if len(b) < 200_000 {
			seeds[strings.TrimSuffix(e.Name(), filepath.Ext(e.Name()))] = b
		}
	}
	fdir := filepath.Join("testdata", "fuzz", "FuzzRead")
	os.MkdirAll(fdir, 0o755)
	for name, b := range seeds {
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
		os.WriteFile(filepath.Join(fdir, name), []byte(body), 0o644)
	}
}
