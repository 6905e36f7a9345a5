package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/excel"
	"github.com/caongoc/de06/pdf"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/rollup"
)

// rollupMemory is the heap the roll-up tries to stay within.
const rollupMemory = 140 << 20

// runRollup puts communes' consolidated workbooks together for the level
// above: the province's workbook and its Decree 30 report.
func runRollup(e *env, args []string) error {
	// The country's 3,321 communes keep some 100 MB alive at the peak; the
	// collector, left to run seldom (batchGC), would let the heap
	// grow five times that. A soft limit keeps it within reach of a small
	// office PC (README: measured at 3,321 communes).
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(rollupMemory))
	fl := newFlags("rollup")
	planPath := fl.String("plan", "", "")
	periodText := fl.String("period", "", "")
	communes := fl.String("communes", "", "")
	outDir := fl.StringP("output", "o", "bao-cao-tinh", "")
	docOpt := addDocFlags(fl)
	if err := parseFlags(e, fl, usageRollup, args); err != nil {
		return err
	}
	if fl.NArg() == 0 {
		return usagef(msgNeedPaths)
	}
	doc, err := docOpt.doc()
	if err != nil {
		return err
	}
	var period plan.Period
	if *periodText != "" {
		p, err := plan.ParsePeriod(*periodText)
		if err != nil {
			return &usageError{err.Error()}
		}
		period = p
	}
	var pl *plan.Plan
	if *planPath != "" {
		p, err := loadPlan(*planPath)
		if err != nil {
			return err
		}
		if p.Level != plan.LevelProvince {
			return usagef(msgRollupPlanLevel, *planPath, p.Level.Word())
		}
		pl = p
	}
	list, err := readCommuneList(*communes)
	if err != nil {
		return err
	}
	files, skipped, err := expandPaths(fl.Args())
	if err != nil {
		return err
	}

	// Each workbook is examined as soon as it is read, and only what the
	// roll-up needs is kept: thousands of communes fit in little memory.
	cs := make([]*rollup.Commune, len(files))
	excel.Reader{Soffice: excel.FindSoffice()}.ReadCommunes(files, func(i int, wb *rollup.Workbook) { cs[i] = rollup.Examine(wb) })
	if period.IsZero() {
		period = rollup.InferPeriod(cs, plan.WeekOf(now()))
	}
	pv := rollup.DerivedProvince(cs, list)
	if pl != nil {
		pv = rollup.NewProvince(pl, list)
	}
	m, err := desk.Roll(desk.RollInput{Province: pv, Communes: cs, Period: period, Doc: doc, Today: now()})
	r := m.Roll
	// The province's header, as a commune's: unconfirmed, or naming a body
	// that no longer existed, the report is a draft (a blank one, too).
	draft := m.Draft()

	printSkipped(e.stdout, skipped)
	chk := r.Checked.Report()
	printCheck(e.stdout, chk)
	if errors.Is(err, desk.ErrNothingUsable) {
		// A report made of nothing is never written.
		return &findingsError{msgRollupNothing}
	}
	printMergeFindings(e.stdout, chk, r.Findings, len(draft) > 0)

	base := rollupBase(period)
	xlsxPath := filepath.Join(*outDir, base+".xlsx")
	pdfPath := filepath.Join(*outDir, base+".pdf")
	inputs := append(append([]string(nil), files...), *communes, *planPath)
	if err := refuseInputs(inputs, xlsxPath, pdfPath); err != nil {
		return err
	}
	err = writeOutputs([]output{
		{xlsxPath, func(w io.Writer) error { return excel.WriteProvince(w, r) }},
		{pdfPath, func(w io.Writer) error { return renderProvincePDF(w, m) }},
	})
	if err != nil {
		return err
	}
	n := r.Counts()
	sent := fmt.Sprint(n.Sent)
	if n.Expected > 0 {
		sent = fmt.Sprintf("%d/%d", n.Sent, n.Expected)
	}
	fmt.Fprintf(e.stdout, msgRollupSummary, sent, n.Lines, n.ByStatus[report.StatusDone], n.ByStatus[report.StatusRecurring],
		n.ByStatus[report.StatusInProgress], n.ByStatus[report.StatusNotStarted], n.ByStatus[report.StatusNone], n.Overdue, n.OverdueCommunes)
	fmt.Fprintf(e.stdout, msgWrote, xlsxPath)
	fmt.Fprintf(e.stdout, msgWrote, pdfPath)
	if len(draft) > 0 {
		fmt.Fprintf(e.stdout, msgDraft, "\n  - "+strings.Join(draft, "\n  - "))
		fmt.Fprint(e.stdout, msgDraftFix)
	}
	if errs, _ := report.Count(r.Findings); errs > 0 {
		return &findingsError{}
	}
	return nil
}

// renderProvincePDF writes a province's roll-up as its Decree 30 report:
// de06 rollup and a province's desk alike. A header unconfirmed, naming a
// body that no longer existed, or blank makes it a draft.
func renderProvincePDF(w io.Writer, m *desk.Merged) error {
	opt := pdf.Options{Number: m.Doc.Number, Date: m.Doc.Date, Signer: m.Doc.Signer, Created: m.Doc.Created,
		Draft: len(m.Draft()) > 0}
	return pdf.BuildProvince(m.Roll, opt).Render(w)
}

// readCommuneList reads --communes: a text file or a workbook, one commune
// a line (the first column of the first sheet).
func readCommuneList(path string) ([]string, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, readError(path, err)
	}
	defer f.Close()
	var lines []string
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		if lines, err = excel.ReadList(f, path); err != nil {
			return nil, &usageError{err.Error()}
		}
	case ".txt", ".csv", "":
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasSuffix(strings.ToLower(path), ".csv") {
				line, _, _ = strings.Cut(line, ",")
			}
			lines = append(lines, line)
		}
		if err := sc.Err(); err != nil {
			return nil, readError(path, err)
		}
	default:
		return nil, usagef(msgCommunesExt, path)
	}
	list := rollup.CleanList(lines)
	if len(list) == 0 {
		return nil, usagef(msgCommunesEmpty, path)
	}
	return list, nil
}
