package main

import (
	"path/filepath"
	"testing"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/pdf"
	"github.com/caongoc/de06/report"
)

// The sample week's report, as merge builds it: the appendix fits six
// landscape pages, and model 37 ("Đã hoàn thành" at 312/326 against a
// 100 % target) is flagged in the findings the workbook's "Kiểm tra" lists.
func TestSampleWeekDocument(t *testing.T) {
	in, err := readInputs(inputOptions{}, []string{filepath.Join("..", "..", "samples", "tuan-48-2026")})
	if err != nil {
		t.Fatal(err)
	}
	cons := report.Consolidate(in.plan, in.checked, nil)
	doc := pdf.Build(cons, pdf.Options{Number: 5, Date: vi.Day(2026, 11, 25)})
	landscape := 0
	for _, p := range doc.Pages {
		if p.Landscape {
			landscape++
		}
	}
	if landscape == 0 || landscape > 6 {
		t.Errorf("appendix of %d landscape pages, want 1 to 6", landscape)
	}
	flagged := false
	for _, f := range cons.Findings {
		if f.Model == 37 && f.Code == report.IndicatorMismatch {
			flagged = true
		}
	}
	if !flagged {
		t.Error("model 37 is not flagged")
	}
}
