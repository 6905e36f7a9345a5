package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"de06/excel"
	"de06/plan"
	"de06/report"
)

// spreadsheetExts are the files read from a folder; other files there (a
// PDF, a photo) are listed as skipped.
var spreadsheetExts = map[string]bool{".xlsx": true, ".xlsm": true, ".xls": true, ".ods": true}

// expandPaths turns PATH arguments into files: a file as given, a folder's
// spreadsheets (not recursive), skipping Office lock files (~$…) and hidden
// files.
func expandPaths(args []string) (files, skipped []string, err error) {
	seen := map[string]bool{}
	add := func(p string) {
		if abs, e := filepath.Abs(p); e == nil && !seen[abs] {
			seen[abs] = true
			files = append(files, p)
		}
	}
	for _, a := range args {
		st, e := os.Stat(a)
		if e != nil {
			return nil, nil, fmt.Errorf(msgNoPath, a)
		}
		if !st.IsDir() {
			add(a)
			continue
		}
		entries, e := os.ReadDir(a)
		if e != nil {
			return nil, nil, fmt.Errorf(msgReadDir, a, e)
		}
		for _, en := range entries {
			name := en.Name()
			if en.IsDir() || strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") {
				continue
			}
			if !spreadsheetExts[strings.ToLower(filepath.Ext(name))] {
				skipped = append(skipped, name)
				continue
			}
			add(filepath.Join(a, name))
		}
	}
	sort.Strings(skipped)
	if len(files) == 0 {
		return nil, skipped, fmt.Errorf(msgNoFiles, strings.Join(args, ", "))
	}
	return files, skipped, nil
}

// inputs is what check and merge share: the plan, the files found, and
// what reading and validating them gave.
type inputs struct {
	plan    *plan.Plan
	files   []string
	skipped []string
	checked *report.Checked
}

// readInputs loads the plan, finds the files and reads and validates them,
// so that check and merge find exactly the same things. Any error here is a
// usage or I/O error (exit 2); problems in the files are findings.
func readInputs(planPath, periodText string, args []string) (*inputs, error) {
	p, err := loadPlan(planPath)
	if err != nil {
		return nil, err
	}
	var period plan.Period
	if periodText != "" {
		if period, err = plan.ParsePeriod(periodText); err != nil {
			return nil, err
		}
	}
	files, skipped, err := expandPaths(args)
	if err != nil {
		return nil, err
	}
	subs := excel.Reader{Soffice: excel.FindSoffice()}.ReadAll(files)
	if period.IsZero() {
		period = report.InferPeriod(subs, plan.WeekOf(now()))
	}
	return &inputs{plan: p, files: files, skipped: skipped, checked: report.Validate(p, subs, period)}, nil
}
