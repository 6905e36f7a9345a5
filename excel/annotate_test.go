package excel

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestAnnotate(t *testing.T) {
	p := defaultPlan(t)
	v := filledValues()
	v.Rows[6] = RowValues{Status: "tốt", Progress: 100} // error, E13
	v.Rows[11] = RowValues{Status: "HT", Progress: 100} // warning, E14
	src := filledTemplate(t, p, "tram-y-te", v)
	path := filepath.Join(t.TempDir(), "tram.xlsx")
	os.WriteFile(path, src, 0o644)
	s := Reader{}.ReadFile(path)
	fr := check(t, p, s)
	var out bytes.Buffer
	if err := Annotate(&out, s, fr.Findings, Soffice{}); err != nil {
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
