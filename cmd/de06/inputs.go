package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/caongoc/de06/excel"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// loadPlan reads --plan, or the embedded default when it is empty.
func loadPlan(path string) (*plan.Plan, error) {
	if path == "" {
		return plan.Default()
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".json" && ext != ".xlsx" && ext != ".xlsm" {
		return nil, usagef(msgPlanLoadExt, path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, readError(path, err)
	}
	defer f.Close()
	if ext == ".json" {
		return plan.DecodeJSON(f, path)
	}
	return excel.ReadPlan(f, path)
}

// spreadsheetExts are the files read from a folder; other files there (a
// PDF, a photo) are listed as skipped.
var spreadsheetExts = map[string]bool{".xlsx": true, ".xlsm": true, ".xls": true, ".ods": true}

// expandPaths turns PATH arguments into files: a file as given, a folder's
// spreadsheets (not recursive), skipping Office lock files (~$…) and hidden
// files. The same file named twice is read once.
func expandPaths(args []string) (files, skipped []string, err error) {
	// Files seen, by size and time: only files alike in both can be one.
	type sizeTime struct{ size, mod int64 }
	seen := map[sizeTime][]os.FileInfo{}
	add := func(p string) error {
		st, err := os.Stat(p)
		if err != nil {
			return readError(p, err)
		}
		k := sizeTime{st.Size(), st.ModTime().UnixNano()}
		for _, other := range seen[k] {
			if os.SameFile(other, st) {
				return nil
			}
		}
		seen[k] = append(seen[k], st)
		files = append(files, p)
		return nil
	}
	args, err = expandWildcards(args)
	if err != nil {
		return nil, nil, err
	}
	for _, a := range args {
		st, e := os.Stat(a)
		if e != nil {
			return nil, nil, readError(a, e)
		}
		if !st.IsDir() {
			if err := add(a); err != nil {
				return nil, nil, err
			}
			continue
		}
		entries, e := os.ReadDir(a)
		if e != nil {
			return nil, nil, readError(a, e)
		}
		for _, en := range entries {
			name := en.Name()
			if en.IsDir() || leftOut(filepath.Join(a, name)) {
				continue
			}
			if !spreadsheetExts[strings.ToLower(filepath.Ext(name))] {
				skipped = append(skipped, name)
				continue
			}
			if err := add(filepath.Join(a, name)); err != nil {
				return nil, nil, err
			}
		}
	}
	sort.Strings(skipped)
	if len(files) == 0 {
		return nil, skipped, usagef(msgNoFiles, strings.Join(args, ", "))
	}
	return files, skipped, nil
}

// expandWildcards expands * and ? in PATH arguments, as cmd.exe on Windows
// does not (a Unix shell already has, unless the pattern was quoted). A
// name that exists as typed is kept as it is; a pattern that matches
// nothing is an error naming it. Lock and hidden files never match.
func expandWildcards(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if !strings.ContainsAny(a, "*?") {
			out = append(out, a)
			continue
		}
		if _, err := os.Stat(a); err == nil {
			out = append(out, a)
			continue
		}
		matches, err := filepath.Glob(a)
		if err != nil {
			return nil, usagef(msgBadPattern, a)
		}
		n := 0
		for _, m := range matches {
			if leftOut(m) {
				continue
			}
			out = append(out, m)
			n++
		}
		if n == 0 {
			return nil, usagef(msgNoMatch, a)
		}
	}
	return out, nil
}

// leftOut reports whether a file found in a folder or by a pattern is
// left out: an Office lock file (~$…) or a hidden file.
func leftOut(path string) bool {
	base := filepath.Base(path)
	return strings.HasPrefix(base, "~$") || strings.HasPrefix(base, ".") || hiddenFile(path)
}

// inputOptions are the flags check and merge share.
type inputOptions struct {
	plan      string
	period    string
	noConvert bool
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
func readInputs(opt inputOptions, args []string) (*inputs, error) {
	p, err := loadPlan(opt.plan)
	if err != nil {
		return nil, err
	}
	var period plan.Period
	if opt.period != "" {
		if period, err = plan.ParsePeriod(opt.period); err != nil {
			return nil, &usageError{err.Error()}
		}
	}
	files, skipped, err := expandPaths(args)
	if err != nil {
		return nil, err
	}
	subs := excel.Reader{Soffice: excel.FindSoffice(), KeepLegacy: opt.noConvert}.ReadAll(files)
	today := now()
	if period.IsZero() {
		period = report.InferPeriod(subs, plan.WeekOf(today))
	}
	return &inputs{plan: p, files: files, skipped: skipped, checked: report.Validate(p, subs, period, today)}, nil
}
