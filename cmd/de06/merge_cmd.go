package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/caongoc/de06/excel"
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/pdf"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

func runMerge(e *env, args []string) error {
	fl := newFlags("merge")
	opt := addInputFlags(fl)
	previous := fl.String("previous", "", "")
	strict := fl.Bool("strict", false, "")
	outDir := fl.StringP("output", "o", "bao-cao", "")
	number := fl.Int("number", 0, "")
	dateText := fl.String("date", "", "")
	signer := fl.String("signer", "", "")
	if err := parseFlags(e, fl, usageMerge, args); err != nil {
		return err
	}
	if fl.NArg() == 0 {
		return usagef(msgNeedPaths)
	}
	if *number < 0 {
		return usagef(msgBadNumber, *number)
	}
	var date *time.Time
	if *dateText != "" {
		d, ok := vi.ParseDate(*dateText)
		if !ok {
			return usagef(msgBadDate, *dateText)
		}
		date = &d
	}
	in, err := readInputs(*opt, fl.Args())
	if err != nil {
		return err
	}
	checked := in.checked
	doc := docOptions(*number, date, *signer, checked.Period)
	prev, prevWarning, err := readPrevious(*previous, checked.Period)
	if err != nil {
		return err
	}
	cons := report.Consolidate(in.plan, checked, prev)
	// Warnings about the merge itself, beside the files': shown on the
	// console and in the workbook's "Kiểm tra" sheet alike.
	var mergeWarnings []report.Finding
	if prevWarning != nil {
		mergeWarnings = append(mergeWarnings, *prevWarning)
	}
	mergeWarnings = append(mergeWarnings, report.CheckDocument(in.plan, checked.Period, doc.Date)...)
	cons.Findings = append(cons.Findings, mergeWarnings...)
	report.SortFindings(cons.Findings)

	printSkipped(e.stdout, in.skipped)
	printCheck(e.stdout, checked)
	errs, _ := report.Count(cons.Findings) // the files' and the merge's own
	if errs > 0 && *strict {
		return &findingsError{fmt.Sprintf(msgStrict, errs)}
	}
	printMergeFindings(e.stdout, checked, cons)

	base := "bao-cao-de-an-06-" + checked.Period.String()
	xlsxPath := filepath.Join(*outDir, base+".xlsx")
	pdfPath := filepath.Join(*outDir, base+".pdf")
	if err := refuseInputs(append(in.files, *previous), xlsxPath, pdfPath); err != nil {
		return err
	}
	err = writeOutputs([]output{
		{xlsxPath, func(w io.Writer) error { return excel.WriteConsolidated(w, cons) }},
		{pdfPath, func(w io.Writer) error { return pdf.Build(cons, doc).Render(w) }},
	})
	if err != nil {
		return err
	}
	n := cons.Counts()
	fmt.Fprintf(e.stdout, msgMergeSummary, n.UnitsReported, n.UnitsExpected, n.ByStatus[report.StatusDone], n.ByStatus[report.StatusRecurring],
		n.ByStatus[report.StatusInProgress], n.ByStatus[report.StatusNotStarted], n.ByStatus[report.StatusNone], n.Overdue)
	if !cons.Previous.IsZero() {
		fmt.Fprintf(e.stdout, msgComparedWith, cons.Previous.Name())
	}
	fmt.Fprintf(e.stdout, msgWrote, xlsxPath)
	fmt.Fprintf(e.stdout, msgWrote, pdfPath)
	if errs > 0 {
		return &findingsError{}
	}
	return nil
}

// readPrevious reads --previous and judges its period against the one being
// merged: a report of the same or a later period is refused; one that is not
// the period just before gives a warning.
func readPrevious(path string, cur plan.Period) (*report.Previous, *report.Finding, error) {
	if path == "" {
		return nil, nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, readError(path, err)
	}
	defer f.Close()
	prev, err := excel.ReadPrevious(f, path)
	if err != nil {
		return nil, nil, &usageError{err.Error()}
	}
	warning, err := report.CheckPrevious(cur, prev.Period)
	if err != nil {
		return nil, nil, &usageError{err.Error()}
	}
	return prev, warning, nil
}

// docOptions makes the document's number, date and signer: the date is
// --date, else the period's report day (or today, if earlier).
func docOptions(number int, date *time.Time, signer string, p plan.Period) pdf.Options {
	d := report.DefaultReportDate(p, now())
	if date != nil {
		d = *date
	}
	return pdf.Options{Number: number, Date: d, Signer: signer, Created: d.Add(8 * time.Hour)}
}

// printMergeFindings prints what the consolidation found beyond the files'
// own findings (units that did not send, overdue models, the report's
// date…), and the totals of the workbook's "Kiểm tra" sheet, so that the
// console and the sheet say the same.
func printMergeFindings(w io.Writer, checked *report.Checked, cons *report.Consolidation) {
	fromFiles := map[report.Finding]int{}
	for _, f := range checked.Findings() {
		fromFiles[f]++
	}
	var own []report.Finding
	for _, f := range cons.Findings {
		if fromFiles[f] > 0 {
			fromFiles[f]--
			continue
		}
		own = append(own, f)
	}
	if len(own) > 0 {
		fmt.Fprintf(w, msgMergeFindings, len(own))
		for _, f := range own {
			tag := msgTagWarning
			if f.Severity == report.Error {
				tag = msgTagError
			}
			fmt.Fprintf(w, "  %s %s\n", tag, f.String())
		}
	}
	errs, warns := report.Count(cons.Findings)
	fmt.Fprintf(w, msgChecksSheet, errs, warns)
}
