package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

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
	doc, err := docOptions(*number, *dateText, *signer)
	if err != nil {
		return err
	}
	in, err := readInputs(*opt, fl.Args())
	if err != nil {
		return err
	}
	checked := in.checked
	prev, prevWarning, err := readPrevious(*previous, checked.Period)
	if err != nil {
		return err
	}
	cons := report.Consolidate(in.plan, checked, prev)
	if prevWarning != nil {
		cons.Findings = append(cons.Findings, *prevWarning)
		report.SortFindings(cons.Findings)
	}

	printSkipped(e.stdout, in.skipped)
	printCheck(e.stdout, checked)
	errs, _ := report.Count(checked.Findings())
	if errs > 0 && *strict {
		return &findingsError{fmt.Sprintf(msgStrict, errs)}
	}
	if prevWarning != nil {
		fmt.Fprintf(e.stdout, "%s %s\n", msgTagWarning, prevWarning.String())
	}

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

// docOptions reads --number, --date and --signer.
func docOptions(number int, date, signer string) (pdf.Options, error) {
	if number < 0 {
		return pdf.Options{}, usagef(msgBadNumber, number)
	}
	t := now()
	d := vi.Day(t.Year(), t.Month(), t.Day())
	if date != "" {
		parsed, ok := vi.ParseDate(date)
		if !ok {
			return pdf.Options{}, usagef(msgBadDate, date)
		}
		d = parsed
	}
	return pdf.Options{Number: number, Date: d, Signer: signer, Created: vi.Day(d.Year(), d.Month(), d.Day()).Add(8 * 3600e9)}, nil
}
