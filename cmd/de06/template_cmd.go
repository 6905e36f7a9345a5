package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/caongoc/de06/excel"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

func runTemplate(e *env, args []string) error {
	fl := newFlags("template")
	planPath := fl.String("plan", "", "")
	periodText := fl.String("period", "", "")
	units := fl.StringArray("unit", nil, "")
	outDir := fl.StringP("output", "o", "mau-bao-cao", "")
	force := fl.Bool("force", false, "")
	previous := fl.String("previous", "", "")
	if err := parseFlags(e, fl, usageTemplate, args); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return usagef(msgExtraArgs, fl.Arg(0))
	}
	p, err := loadPlan(*planPath)
	if err != nil {
		return err
	}
	period, err := periodOrCurrent(*periodText)
	if err != nil {
		return &usageError{err.Error()}
	}
	ids, err := selectUnits(p, *units)
	if err != nil {
		return err
	}
	prev, err := readPrevious(*previous)
	if err != nil {
		return err
	}
	var prevWarning *report.Finding
	if prev != nil {
		if prevWarning, err = report.CheckPrevious(period, prev.Period); err != nil {
			return &usageError{err.Error()}
		}
	}
	if prevWarning != nil {
		fmt.Fprintf(e.stdout, "%s %s\n", msgTagWarning, prevWarning.Message)
	}
	var outs []output
	var forms []*report.Form
	filled := map[*report.Form]int{}
	for _, id := range ids {
		form, err := report.NewForm(p, id, period)
		if err != nil {
			return &usageError{err.Error()}
		}
		if prev != nil {
			if filled[form], err = form.Prefill(prev); err != nil {
				return &usageError{err.Error()}
			}
		}
		forms = append(forms, form)
		outs = append(outs, output{filepath.Join(*outDir, form.FileName()), func(w io.Writer) error {
			return excel.WriteTemplate(w, form, p.Document.StandingAgency)
		}})
	}
	// Refuse before writing anything, so a run writes all or nothing.
	var paths []string
	for _, o := range outs {
		paths = append(paths, o.path)
	}
	if err := refuseExisting(*force, msgTemplateExists, paths...); err != nil {
		return err
	}
	if err := refuseInputs([]string{*planPath, *previous}, paths...); err != nil {
		return err
	}
	if err := writeOutputs(outs); err != nil {
		return err
	}
	for i, form := range forms {
		fmt.Fprintf(e.stdout, msgTemplateWrote, paths[i], form.Unit.Name, len(form.Rows))
		if prev != nil {
			fmt.Fprintf(e.stdout, msgTemplatePrefilled, filled[form], prev.Period.Name())
		}
	}
	fmt.Fprintf(e.stdout, msgTemplateDone, len(forms), period.Label(), *outDir)
	return nil
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
				return nil, usagef(msgUnitNoReport, n, strings.Join(known, "\n"))
			}
			return nil, usagef(msgUnknownUnit, n, strings.Join(known, "\n"))
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, nil
}
