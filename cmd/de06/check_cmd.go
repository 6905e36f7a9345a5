package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"de06/excel"
	"de06/plan"
	"de06/report"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("check")
	planPath := fl.String("plan", "", "")
	periodText := fl.String("period", "", "")
	format := fl.String("format", "text", "")
	annotate := fl.String("annotate", "", "")
	if code, done := parseFlags(fl, usageCheck, args, stdout, stderr); done {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, msgBadFormat, "check", *format)
		return exitUsage
	}
	if fl.NArg() == 0 {
		fmt.Fprintf(stderr, msgNeedPaths, "check", "check")
		return exitUsage
	}
	in, err := readInputs(*planPath, *periodText, fl.Args())
	if err != nil {
		fmt.Fprintf(stderr, msgError, "check", err)
		return exitUsage
	}
	checked, files, skipped := in.checked, in.files, in.skipped
	if *format == "json" {
		if err := writeCheckJSON(stdout, checked); err != nil {
			fmt.Fprintf(stderr, msgError, "check", err)
			return exitUsage
		}
	} else {
		printSkipped(stdout, skipped)
		printCheck(stdout, checked)
	}
	code := exitOK
	if errs, _ := report.Count(checked.Findings()); errs > 0 {
		code = exitInput
	}
	if *annotate != "" {
		if c := writeAnnotated(*annotate, checked, files, stdout, stderr); c != exitOK {
			return c
		}
	}
	return code
}

func printSkipped(w io.Writer, skipped []string) {
	if len(skipped) > 0 {
		fmt.Fprintf(w, msgSkipped, len(skipped), strings.Join(skipped, ", "))
	}
}

// printCheck writes the findings grouped by file, errors first, then a
// summary line.
func printCheck(w io.Writer, c *report.Checked) {
	fmt.Fprintf(w, msgCheckPeriod, c.Period.Label())
	for _, fr := range c.Files {
		unit := msgUnitUnknownShort
		if fr.Unit != nil {
			unit = fr.Unit.Name
		}
		verdict := msgAccepted
		if !fr.Accepted {
			verdict = msgRejected
		}
		errs, warns := fr.Counts()
		fmt.Fprintf(w, msgFileLine, fr.Sub.Name, unit, verdict, len(fr.Entries), errs, warns)
		fs := append([]report.Finding(nil), fr.Findings...)
		report.SortFindings(fs)
		for _, f := range fs {
			tag := msgTagWarning
			if f.Severity == report.Error {
				tag = msgTagError
			}
			fmt.Fprintf(w, "  %s %s\n", tag, f.String())
		}
	}
	printSummary(w, c)
}

func printSummary(w io.Writer, c *report.Checked) {
	acc := 0
	for _, fr := range c.Files {
		if fr.Accepted {
			acc++
		}
	}
	errs, warns := report.Count(c.Findings())
	fmt.Fprintf(w, msgSummary, len(c.Files), acc, len(c.Files)-acc, errs, warns)
}

type jsonFinding struct {
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Sheet    string `json:"sheet"`
	Cell     string `json:"cell"`
	Model    int    `json:"model,omitempty"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
}

type jsonFile struct {
	Path     string        `json:"path"`
	Unit     *string       `json:"unit"`
	Period   *string       `json:"period"`
	Accepted bool          `json:"accepted"`
	Findings []jsonFinding `json:"findings"`
}

type jsonCheck struct {
	Period  string     `json:"period"`
	Files   []jsonFile `json:"files"`
	Summary struct {
		Files    int `json:"files"`
		Accepted int `json:"accepted"`
		Rejected int `json:"rejected"`
		Errors   int `json:"errors"`
		Warnings int `json:"warnings"`
	} `json:"summary"`
}

func writeCheckJSON(w io.Writer, c *report.Checked) error {
	out := jsonCheck{Period: c.Period.String(), Files: []jsonFile{}}
	for _, fr := range c.Files {
		jf := jsonFile{Path: fr.Sub.Path, Accepted: fr.Accepted, Findings: []jsonFinding{}}
		if fr.Unit != nil {
			jf.Unit = &fr.Unit.ID
		}
		if !fr.Period.IsZero() {
			s := fr.Period.String()
			jf.Period = &s
		}
		fs := append([]report.Finding(nil), fr.Findings...)
		report.SortFindings(fs)
		for _, f := range fs {
			jf.Findings = append(jf.Findings, jsonFinding{string(f.Severity), string(f.Code), f.Sheet, f.Cell, f.Model, f.Message, f.Hint})
		}
		out.Files = append(out.Files, jf)
		out.Summary.Files++
		if fr.Accepted {
			out.Summary.Accepted++
		} else {
			out.Summary.Rejected++
		}
	}
	out.Summary.Errors, out.Summary.Warnings = report.Count(c.Findings())
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// writeAnnotated writes DIR/<name>.loi.xlsx for every readable file with
// findings. The inputs are never touched.
func writeAnnotated(dir string, c *report.Checked, inputs []string, stdout, stderr io.Writer) int {
	var frs []*report.FileResult
	var outs []string
	for _, fr := range c.Files {
		if len(fr.Findings) == 0 || fr.Sub.Sheet == "" {
			continue
		}
		slug := plan.Slug(strings.TrimSuffix(fr.Sub.Name, filepath.Ext(fr.Sub.Name)))
		if slug == "" {
			slug = "bao-cao"
		}
		frs = append(frs, fr)
		outs = append(outs, filepath.Join(dir, slug+".loi.xlsx"))
	}
	if err := refuseInputs(inputs, "", outs...); err != nil {
		fmt.Fprintf(stderr, msgError, "check", err)
		return exitUsage
	}
	soffice := excel.FindSoffice()
	for i, fr := range frs {
		err := writeAtomic(outs[i], func(w io.Writer) error { return excel.Annotate(w, fr.Sub, fr.Findings, soffice) })
		if err != nil {
			fmt.Fprintf(stderr, msgWriteFailed, outs[i], excel.FileError(err))
			return exitUsage
		}
		fmt.Fprintf(stdout, msgAnnotated, outs[i])
	}
	return exitOK
}
