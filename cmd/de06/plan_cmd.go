package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/caongoc/de06/excel"
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

func runPlan(e *env, args []string) error {
	fl := newFlags("plan")
	planPath := fl.String("plan", "", "")
	format := fl.String("format", "text", "")
	export := fl.String("export", "", "")
	force := fl.Bool("force", false, "")
	if err := parseFlags(e, fl, usagePlan, args); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return usagef(msgExtraArgs, fl.Arg(0))
	}
	if *format != "text" && *format != "json" {
		return usagef(msgBadFormat, *format)
	}
	p, err := loadPlan(*planPath)
	if err != nil {
		return err
	}
	if *export != "" {
		if err := refuseExisting(*force, msgExists, *export); err != nil {
			return err
		}
		if err := refuseInputs([]string{*planPath}, *export); err != nil {
			return err
		}
		if err := writeOutputs([]output{{*export, func(w io.Writer) error { return excel.WritePlan(w, p) }}}); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, msgWrote, *export)
		return nil
	}
	if *format == "json" {
		if err := plan.EncodeJSON(e.stdout, p); err != nil {
			return writeError(msgStdout, err)
		}
		return nil
	}
	printPlanText(e.stdout, p)
	return nil
}

// refuseExisting refuses to replace files that exist, unless --force;
// format says so, naming the file.
func refuseExisting(force bool, format string, paths ...string) error {
	if force {
		return nil
	}
	for _, path := range paths {
		if _, err := os.Stat(path); err == nil {
			return usagef(format, path)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return readError(path, err)
		}
	}
	return nil
}

func printPlanText(w io.Writer, p *plan.Plan) {
	fmt.Fprintf(w, msgPlanTitle, p.Document.Number, p.Document.Issuer, p.ID)
	for _, g := range p.Groups {
		fmt.Fprintf(w, msgPlanGroup, g.Code, g.Name)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", msgColNumber, msgColTitle, msgColLead, msgColDeadline)
		for _, m := range g.Models {
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\n", m.Number, vi.Shorten(m.Title, 60),
				vi.Shorten(strings.Join(m.Lead, "; "), 40), vi.Shorten(strings.ReplaceAll(m.Deadline.Text, "\n", " "), 40))
		}
		tw.Flush()
	}
	var names []string
	for _, u := range p.ReportingUnits() {
		names = append(names, u.Name)
	}
	fmt.Fprintf(w, msgPlanUnits, len(names), strings.Join(names, "; "))
}
