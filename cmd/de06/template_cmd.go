package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"de06/excel"
	"de06/plan"
	"de06/report"
)

func runTemplate(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("template")
	planPath := fl.String("plan", "", "")
	periodText := fl.String("period", "", "")
	units := fl.StringArray("unit", nil, "")
	outDir := fl.StringP("output", "o", "mau-bao-cao", "")
	force := fl.Bool("force", false, "")
	if code, done := parseFlags(fl, usageTemplate, args, stdout, stderr); done {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, msgExtraArgs, "template", fl.Arg(0))
		return exitUsage
	}
	p, err := loadPlan(*planPath)
	if err != nil {
		fmt.Fprintf(stderr, msgError, "template", err)
		return exitUsage
	}
	period, err := periodOrCurrent(*periodText)
	if err != nil {
		fmt.Fprintf(stderr, msgError, "template", err)
		return exitUsage
	}
	ids, err := selectUnits(p, *units)
	if err != nil {
		fmt.Fprintf(stderr, msgError, "template", err)
		return exitUsage
	}
	var forms []*report.Form
	for _, id := range ids {
		form, err := report.NewForm(p, id, period)
		if err != nil {
			fmt.Fprintf(stderr, msgError, "template", err)
			return exitUsage
		}
		forms = append(forms, form)
	}
	// Refuse before writing anything, so a run either writes all or nothing.
	if !*force {
		for _, form := range forms {
			path := filepath.Join(*outDir, form.FileName())
			if _, err := os.Stat(path); err == nil {
				fmt.Fprintf(stderr, msgTemplateExists, path)
				return exitUsage
			} else if !errors.Is(err, fs.ErrNotExist) {
				fmt.Fprintf(stderr, msgError, "template", err)
				return exitUsage
			}
		}
	}
	for _, form := range forms {
		path := filepath.Join(*outDir, form.FileName())
		err := writeAtomic(path, func(w io.Writer) error { return excel.WriteTemplate(w, form, p.Document.StandingAgency) })
		if err != nil {
			fmt.Fprintf(stderr, msgWriteFailed, path, excel.FileError(err))
			return exitUsage
		}
		fmt.Fprintf(stdout, msgTemplateWrote, path, form.Unit.Name, len(form.Rows))
	}
	fmt.Fprintf(stdout, msgTemplateDone, len(forms), period.Label(), *outDir)
	return exitOK
}

// periodOrCurrent parses --period, or gives the current week.
func periodOrCurrent(s string) (plan.Period, error) {
	if s == "" {
		return plan.WeekOf(now()), nil
	}
	return plan.ParsePeriod(s)
}

// selectUnits resolves --unit names to unit ids; none means every reporting
// unit. An unknown name lists the known units, the closest first.
func selectUnits(p *plan.Plan, names []string) ([]string, error) {
	if len(names) == 0 {
		var ids []string
		for _, u := range p.ReportingUnits() {
			ids = append(ids, u.ID)
		}
		return ids, nil
	}
	var ids []string
	seen := map[string]bool{}
	for _, n := range names {
		id, ok := p.MatchUnit(n)
		if !ok || !p.Unit(id).Reports {
			var known []string
			for _, u := range p.SuggestUnits(n) {
				if u.Reports {
					known = append(known, fmt.Sprintf("  %-22s %s", u.ID, u.Name))
				}
			}
			if ok {
				return nil, fmt.Errorf(msgUnitNoReport, n, strings.Join(known, "\n"))
			}
			return nil, fmt.Errorf(msgUnknownUnit, n, strings.Join(known, "\n"))
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, nil
}
