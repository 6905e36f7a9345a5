package main

import (
	"fmt"
	"io"
	"path/filepath"

	"de06/excel"
	"de06/report"
)

func runMerge(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("merge")
	planPath := fl.String("plan", "", "")
	periodText := fl.String("period", "", "")
	previous := fl.String("previous", "", "")
	strict := fl.Bool("strict", false, "")
	outDir := fl.StringP("output", "o", "bao-cao", "")
	number := fl.Int("number", 0, "")
	dateText := fl.String("date", "", "")
	signer := fl.String("signer", "", "")
	if code, done := parseFlags(fl, usageMerge, args, stdout, stderr); done {
		return code
	}
	if fl.NArg() == 0 {
		fmt.Fprintf(stderr, msgNeedPaths, "merge", "merge")
		return exitUsage
	}
	doc, err := docOptions(*number, *dateText, *signer)
	if err != nil {
		fmt.Fprintf(stderr, msgError, "merge", err)
		return exitUsage
	}
	in, err := readInputs(*planPath, *periodText, fl.Args())
	if err != nil {
		fmt.Fprintf(stderr, msgError, "merge", err)
		return exitUsage
	}
	p, files, skipped, checked := in.plan, in.files, in.skipped, in.checked
	var prevEntries []report.PreviousEntry
	if *previous != "" {
		if _, prevEntries, err = excel.ReadPrevious(*previous); err != nil {
			fmt.Fprintf(stderr, msgError, "merge", err)
			return exitUsage
		}
	}
	cons := report.Consolidate(p, checked, prevEntries)

	printSkipped(stdout, skipped)
	printCheck(stdout, checked)
	errs, _ := report.Count(checked.Findings())
	if errs > 0 && *strict {
		fmt.Fprintf(stderr, msgStrict, errs)
		return exitInput
	}

	base := "bao-cao-de-an-06-" + checked.Period.String()
	xlsxPath := filepath.Join(*outDir, base+".xlsx")
	pdfPath := filepath.Join(*outDir, base+".pdf")
	if err := refuseInputs(files, *previous, xlsxPath, pdfPath); err != nil {
		fmt.Fprintf(stderr, msgError, "merge", err)
		return exitUsage
	}
	if err := writeAtomic(xlsxPath, func(w io.Writer) error { return excel.WriteConsolidated(w, cons) }); err != nil {
		fmt.Fprintf(stderr, msgWriteFailed, xlsxPath, excel.FileError(err))
		return exitUsage
	}
	if err := writeAtomic(pdfPath, func(w io.Writer) error { return writeReportPDF(w, cons, doc) }); err != nil {
		fmt.Fprintf(stderr, msgWriteFailed, pdfPath, excel.FileError(err))
		return exitUsage
	}
	n := cons.Counts()
	fmt.Fprintf(stdout, msgMergeSummary, n.UnitsReported, n.UnitsExpected, n.ByStatus[report.StatusDone], n.ByStatus[report.StatusRecurring],
		n.ByStatus[report.StatusInProgress], n.ByStatus[report.StatusNotStarted], n.ByStatus[report.StatusNone], n.Overdue)
	fmt.Fprintf(stdout, msgWrote, xlsxPath)
	fmt.Fprintf(stdout, msgWrote, pdfPath)
	if errs > 0 {
		return exitInput
	}
	return exitOK
}

// refuseInputs makes sure no output overwrites an input.
func refuseInputs(inputs []string, previous string, outputs ...string) error {
	in := map[string]bool{}
	for _, p := range append(inputs, previous) {
		if p == "" {
			continue
		}
		if abs, err := filepath.Abs(p); err == nil {
			in[abs] = true
		}
	}
	for _, o := range outputs {
		if abs, err := filepath.Abs(o); err == nil && in[abs] {
			return fmt.Errorf(msgOutputInput, o)
		}
	}
	return nil
}
