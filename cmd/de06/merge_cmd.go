package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/excel"
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/pdf"
	"github.com/caongoc/de06/report"
	"github.com/spf13/pflag"
)

func runMerge(e *env, args []string) error {
	fl := newFlags("merge")
	opt := addInputFlags(fl)
	previous := fl.String("previous", "", "")
	strict := fl.Bool("strict", false, "")
	outDir := fl.StringP("output", "o", "bao-cao", "")
	docOpt := addDocFlags(fl)
	if err := parseFlags(e, fl, usageMerge, args); err != nil {
		return err
	}
	if fl.NArg() == 0 {
		return usagef(msgNeedPaths)
	}
	doc, err := docOpt.doc()
	if err != nil {
		return err
	}
	// The PDF's fonts load while the files are read.
	canvas := make(chan *pdf.Canvas, 1)
	go func() { canvas <- pdf.NewCanvas() }()
	in, err := readInputs(*opt, fl.Args())
	if err != nil {
		return err
	}
	checked := in.checked
	prev, err := readPrevious(*previous)
	if err != nil {
		return err
	}
	printSkipped(e.stdout, in.skipped)
	printCheck(e.stdout, checked)
	m, err := desk.Merge(desk.MergeInput{Plan: in.plan, Checked: checked, Previous: prev,
		Doc: doc, Today: now()})
	switch {
	case errors.Is(err, desk.ErrNothingUsable):
		return &findingsError{vi.Sentence(err.Error())}
	case err != nil:
		return &usageError{err.Error()}
	}
	cons := m.Cons
	errs, _ := report.Count(cons.Findings) // the files' and the merge's own
	if errs > 0 && *strict {
		return &findingsError{fmt.Sprintf(msgStrict, errs)}
	}
	// Unconfirmed, or naming a body that no longer existed: a draft, and
	// the console says why (renderPDF marks it).
	draft := m.Draft()
	printMergeFindings(e.stdout, checked, cons.Findings, len(draft) > 0)

	base := mergeBase(checked.Period)
	xlsxPath := filepath.Join(*outDir, base+".xlsx")
	pdfPath := filepath.Join(*outDir, base+".pdf")
	if err := refuseInputs(append(in.files, *previous), xlsxPath, pdfPath); err != nil {
		return err
	}
	err = writeOutputs([]output{
		{xlsxPath, func(w io.Writer) error { return renderWorkbook(w, m) }},
		{pdfPath, func(w io.Writer) error { return renderPDF(w, m, <-canvas) }},
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
	if len(draft) > 0 {
		fmt.Fprintf(e.stdout, msgDraft, "\n  - "+strings.Join(draft, "\n  - "))
		fmt.Fprint(e.stdout, msgDraftFix)
	}
	fmt.Fprintf(e.stdout, msgWrote, xlsxPath)
	fmt.Fprintf(e.stdout, msgWrote, pdfPath)
	if errs > 0 {
		return &findingsError{}
	}
	return nil
}

// readPrevious reads --previous; desk.Merge judges its period.
func readPrevious(path string) (*report.Previous, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, readError(path, err)
	}
	defer f.Close()
	prev, err := excel.ReadPrevious(f, path)
	if err != nil {
		return nil, &usageError{err.Error()}
	}
	return prev, nil
}

// printMergeFindings prints what the consolidation found beyond the files'
// own findings (units that did not send, overdue models, the report's
// date…), and the totals of the workbook's "Kiểm tra" sheet, so that the
// console and the sheet say the same. The header's findings are left to the
// "DỰ THẢO" lines when the document is a draft.
func printMergeFindings(w io.Writer, checked *report.Checked, findings []report.Finding, draft bool) {
	fromFiles := map[report.Finding]int{}
	for _, f := range checked.Findings() {
		fromFiles[f]++
	}
	var own []report.Finding
	for _, f := range findings {
		if fromFiles[f] > 0 {
			fromFiles[f]--
			continue
		}
		if draft && (f.Code == report.DocumentDistrict || f.Code == report.DocumentUnconfirmed) {
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
			fmt.Fprintf(w, "  %s %s\n", tag, onConsole(f))
		}
	}
	errs, warns := report.Count(findings)
	fmt.Fprintf(w, msgChecksSheet, errs, warns)
}

// onConsole is a finding as the console prints it: its words, which the
// workbooks and the desk show too, then what to do on the command line,
// which only the console says.
func onConsole(f report.Finding) string {
	if h, ok := consoleHints[f.Code]; ok {
		return f.String() + " " + h
	}
	return f.String()
}

// docFlags are the signed report's options, the same for merge and rollup.
type docFlags struct {
	number               *int
	dateText, signerName *string
}

func addDocFlags(fl *pflag.FlagSet) docFlags {
	return docFlags{number: fl.Int("number", 0, ""), dateText: fl.String("date", "", ""), signerName: fl.String("signer", "", "")}
}

// doc checks the options given; a date not given stays zero
// (report.SigningDate decides it).
func (f docFlags) doc() (desk.Doc, error) {
	if *f.number < 0 {
		return desk.Doc{}, usagef(msgBadNumber, *f.number)
	}
	d := desk.Doc{Number: *f.number, Signer: *f.signerName}
	if *f.dateText != "" {
		date, ok := vi.ParseDate(*f.dateText)
		if !ok {
			return desk.Doc{}, usagef(msgBadDate, *f.dateText)
		}
		d.Date = date
	}
	return d, nil
}
