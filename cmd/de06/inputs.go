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

// checkInputs reads and validates every input file: the work check and
// merge share, so that both find exactly the same things.
func checkInputs(p *plan.Plan, files []string, periodText string) (*report.Checked, []*report.Submission, error) {
	rd := excel.Reader{Soffice: excel.FindSoffice()}
	subs := rd.ReadAll(files)
	var period plan.Period
	if periodText != "" {
		per, err := plan.ParsePeriod(periodText)
		if err != nil {
			return nil, nil, err
		}
		period = per
	} else {
		period = report.InferPeriod(subs, plan.WeekOf(now()))
	}
	return report.Validate(p, subs, period), subs, nil
}
