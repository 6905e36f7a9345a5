package main

import (
	"fmt"
	"io"
	"time"

	"de06/pdf"
	"de06/plan"
	"de06/report"
)

// docOptions reads --number, --date and --signer.
func docOptions(number int, date, signer string) (pdf.Options, error) {
	if number < 0 {
		return pdf.Options{}, fmt.Errorf(msgBadNumber, number)
	}
	t := now()
	d := plan.Day(t.Year(), t.Month(), t.Day())
	if date != "" {
		parsed, ok := report.ParseDate(date)
		if !ok {
			return pdf.Options{}, fmt.Errorf(msgBadDate, date)
		}
		d = parsed
	}
	return pdf.Options{Number: number, Date: d, Signer: signer, Created: time.Date(d.Year(), d.Month(), d.Day(), 8, 0, 0, 0, time.UTC)}, nil
}

func writeReportPDF(w io.Writer, c *report.Consolidation, opt pdf.Options) error {
	return pdf.Build(c, opt).Render(w)
}
