package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"de06/excel"
	"de06/plan"
	"de06/report"
)

func runPlan(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("plan")
	planPath := fs.String("plan", "", "")
	format := fs.String("format", "text", "")
	export := fs.String("export", "", "")
	if code, done := parseFlags(fs, usagePlan, args, stdout, stderr); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, msgExtraArgs, "plan", fs.Arg(0))
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, msgBadFormat, "plan", *format)
		return exitUsage
	}
	p, err := loadPlan(*planPath)
	if err != nil {
		fmt.Fprintf(stderr, msgError, "plan", err)
		return exitUsage
	}
	if *export != "" {
		if err := writeAtomic(*export, func(w io.Writer) error { return excel.WritePlan(w, p) }); err != nil {
			fmt.Fprintf(stderr, msgError, "plan", err)
			return exitUsage
		}
		fmt.Fprintf(stderr, msgWrote, *export)
		return exitOK
	}
	if *format == "json" {
		if err := plan.EncodeJSON(stdout, p); err != nil {
			fmt.Fprintf(stderr, msgError, "plan", err)
			return exitUsage
		}
		return exitOK
	}
	printPlanText(stdout, p)
	return exitOK
}

func printPlanText(w io.Writer, p *plan.Plan) {
	fmt.Fprintf(w, msgPlanTitle, p.Document.Number, p.Document.Issuer, p.ID)
	for _, g := range p.Groups {
		fmt.Fprintf(w, msgPlanGroup, g.Code, g.Name)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", msgColNumber, msgColTitle, msgColLead, msgColDeadline)
		for _, m := range g.Models {
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\n", m.Number, report.Shorten(m.Title, 60),
				report.Shorten(strings.Join(m.Lead, "; "), 40), report.Shorten(strings.ReplaceAll(m.Deadline.Text, "\n", " "), 40))
		}
		tw.Flush()
	}
	var names []string
	for _, u := range p.ReportingUnits() {
		names = append(names, u.Name)
	}
	fmt.Fprintf(w, msgPlanUnits, len(names), strings.Join(names, "; "))
}
