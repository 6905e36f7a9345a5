package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/excel"
)

func TestMain(m *testing.M) {
	// The test binary stands in for de06 in tests that run it as a process
	// (to kill it midway).
	if os.Getenv("DE06_RUN_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	testscript.Main(m, map[string]func(){
		"de06": func() {
			// A fixed clock makes default periods and report dates stable.
			if s := os.Getenv("DE06_NOW"); s != "" {
				if t, err := time.Parse(time.DateOnly, s); err == nil {
					now = func() time.Time { return t }
				}
			}
			os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
		},
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: the CLI as a
// user calls it, with its exit codes, messages and output files.
func TestScripts(t *testing.T) {
	wd, _ := os.Getwd()
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("DE06_NOW", "2026-11-25")
			env.Setenv("ROOT", wd+"/../..")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// xlsxdump FILE prints a workbook as sheet!cell=value lines, so
			// scripts can check what a user would see in it.
			"xlsxdump": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: xlsxdump FILE")
				}
				f, err := excelize.OpenFile(ts.MkAbs(args[0]))
				ts.Check(err)
				defer f.Close()
				ts.Check(excel.Dump(ts.Stdout(), f))
			},
			// relabel IN PERIOD OUT copies a consolidated workbook with its
			// data sheet saying another period, to stand as an earlier report.
			"relabel": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 3 {
					ts.Fatalf("usage: relabel IN PERIOD OUT")
				}
				f, err := excelize.OpenFile(ts.MkAbs(args[0]))
				ts.Check(err)
				defer f.Close()
				rows, err := f.GetRows("Dữ liệu")
				ts.Check(err)
				for r := 2; r <= len(rows); r++ {
					ts.Check(f.SetCellStr("Dữ liệu", fmt.Sprintf("A%d", r), args[1]))
				}
				out := ts.MkAbs(args[2])
				ts.Check(os.MkdirAll(filepath.Dir(out), 0o755))
				ts.Check(f.SaveAs(out))
			},
			// setcell FILE SHEET CELL TEXT writes TEXT into one cell, as a
			// clerk typing into a template.
			"setcell": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 4 {
					ts.Fatalf("usage: setcell FILE SHEET CELL TEXT")
				}
				f, err := excelize.OpenFile(ts.MkAbs(args[0]))
				ts.Check(err)
				defer f.Close()
				ts.Check(f.SetCellStr(args[1], args[2], args[3]))
				ts.Check(f.Save())
			},
		},
	})
}
