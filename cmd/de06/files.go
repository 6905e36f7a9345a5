package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"de06/excel"
	"de06/plan"
)

// writeAtomic writes a file through a temporary file in the same folder and
// a rename, so that a reader never sees half a file and a failed run leaves
// the old file in place.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".de06-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriter(tmp)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// loadPlan reads --plan, or the embedded default when it is empty.
func loadPlan(path string) (*plan.Plan, error) {
	if path == "" {
		return plan.Default()
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf(msgPlanOpen, path, excel.FileError(err))
		}
		defer f.Close()
		return plan.DecodeJSON(f, path)
	case ".xlsx", ".xlsm":
		return excel.ReadPlanFile(path)
	}
	return nil, fmt.Errorf(msgPlanLoadExt, path)
}
