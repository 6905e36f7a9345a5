package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/caongoc/de06/excel"
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/report"
)

// addInputFlags declares the flags check and merge share.
func addInputFlags(fl *pflag.FlagSet) *inputOptions {
	opt := &inputOptions{}
	fl.StringVar(&opt.plan, "plan", "", "")
	fl.StringVar(&opt.period, "period", "", "")
	fl.BoolVar(&opt.noConvert, "no-convert", false, "")
	return opt
}

func runCheck(e *env, args []string) error {
	fl := newFlags("check")
	opt := addInputFlags(fl)
	format := fl.String("format", "text", "")
	annotate := fl.String("annotate", "", "")
	if err := parseFlags(e, fl, usageCheck, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usagef(msgBadFormat, *format)
	}
	if fl.NArg() == 0 {
		return usagef(msgNeedPaths)
	}
	in, err := readInputs(*opt, fl.Args())
	if err != nil {
		return err
	}
	var annotated map[*report.FileResult]string
	if *annotate != "" {
		if annotated, err = writeAnnotated(*annotate, in.checked, in.files); err != nil {
			return err
		}
	}
	if *format == "json" {
		if err := report.WriteCheckJSON(e.stdout, in.checked, annotated); err != nil {
			return writeError(msgStdout, err)
		}
	} else {
		printSkipped(e.stdout, in.skipped)
		printCheck(e.stdout, in.checked)
		for _, fr := range in.checked.Files {
			if p, ok := annotated[fr]; ok {
				fmt.Fprintf(e.stdout, msgAnnotated, p)
			}
		}
	}
	if errs, _ := report.Count(in.checked.Findings()); errs > 0 {
		return &findingsError{}
	}
	return nil
}

func printSkipped(w io.Writer, skipped []string) {
	if len(skipped) > 0 {
		fmt.Fprintf(w, msgSkipped, len(skipped), strings.Join(skipped, ", "))
	}
}

// printCheck writes the findings grouped by file, errors first, then a
// summary line: thousands of lines for a large folder, written in a few
// writes.
func printCheck(out io.Writer, c *report.Checked) {
	w := bufio.NewWriterSize(out, 64<<10)
	defer w.Flush()
	fmt.Fprintf(w, msgCheckPeriod, c.Period.Label())
	for _, fr := range c.Files {
		unit := msgUnitUnknownShort
		if fr.Unit != nil {
			unit = fr.Unit.Name
		}
		errs, warns := fr.Counts()
		switch {
		case fr.UsedInstead != "":
			fmt.Fprintf(w, msgFileNotUsed, fr.Sub.Name, unit, fr.UsedInstead, errs, warns)
		case fr.Accepted:
			fmt.Fprintf(w, msgFileLine, fr.Sub.Name, unit, msgAccepted, len(fr.Entries), errs, warns)
		default:
			fmt.Fprintf(w, msgFileLine, fr.Sub.Name, unit, msgRejected, 0, errs, warns)
		}
		fs := append([]report.Finding(nil), fr.Findings...)
		report.SortFindings(fs)
		for _, f := range fs {
			tag := msgTagWarning
			if f.Severity == report.Error {
				tag = msgTagError
			}
			fmt.Fprintf(w, "  %s %s\n", tag, onConsole(f))
		}
	}
	printSummary(w, c)
}

func printSummary(w io.Writer, c *report.Checked) {
	acc, notUsed, rej := c.FileCounts()
	errs, warns := report.Count(c.Findings())
	used := fmt.Sprintf(msgSummaryUsed, len(c.Files), acc)
	if notUsed > 0 {
		used += fmt.Sprintf(msgSummaryNotUsed, notUsed)
	}
	fmt.Fprintf(w, msgSummary, used, rej, errs, warns)
}

// writeAnnotated writes DIR/<name>.loi.xlsx for every readable file with
// findings, each name once (a suffix where two inputs would share one).
// The inputs are never touched.
func writeAnnotated(dir string, c *report.Checked, inputs []string) (map[*report.FileResult]string, error) {
	paths := map[*report.FileResult]string{}
	taken := map[string]bool{}
	var outs []output
	soffice := excel.FindSoffice()
	for _, fr := range c.Files {
		if len(fr.Findings) == 0 || fr.Sub.Sheet == "" {
			continue
		}
		slug := vi.Slug(strings.TrimSuffix(fr.Sub.Name, filepath.Ext(fr.Sub.Name)))
		if slug == "" {
			slug = "bao-cao"
		}
		name := slug + ".loi.xlsx"
		for i := 2; taken[name]; i++ {
			name = slug + "-" + strconv.Itoa(i) + ".loi.xlsx"
		}
		taken[name] = true
		path := filepath.Join(dir, name)
		paths[fr] = path
		outs = append(outs, output{path, func(w io.Writer) error {
			b, err := os.ReadFile(fr.Sub.Path)
			if err != nil {
				return readError(fr.Sub.Path, err)
			}
			return excel.Annotate(w, b, fr.Sub.Name, fr.Findings, soffice)
		}})
	}
	var names []string
	for _, o := range outs {
		names = append(names, o.path)
	}
	if err := refuseInputs(inputs, names...); err != nil {
		return nil, err
	}
	if err := writeOutputs(outs); err != nil {
		return nil, err
	}
	return paths, nil
}
