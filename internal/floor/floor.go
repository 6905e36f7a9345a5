// Package floor holds the least any reader of a folder of unit workbooks
// must do, the floors de06's merge is measured against: TokenScan (read
// each file, inflate every part, scan the worksheets' XML tokens with
// encoding/xml) and Inflate (read each file and inflate its worksheets and
// shared strings), both on every core. It also makes the folder: Inputs
// copies the sample week until it holds n files. It uses the standard
// library only, so a floor never gains from de06's own code.
package floor

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// Inputs fills dir with n copies of the workbooks in samples (named
// 0000-<name>, 0001-<name>…, cycling through them), as a commune's folder
// of returned files.
func Inputs(dir, samples string, n int) error {
	files, err := filepath.Glob(filepath.Join(samples, "*.xlsx"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no sample workbooks in %s", samples)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	data := make([][]byte, len(files))
	for i, f := range files {
		if data[i], err = os.ReadFile(f); err != nil {
			return err
		}
	}
	for i := range n {
		name := fmt.Sprintf("%04d-%s", i, filepath.Base(files[i%len(files)]))
		if err := os.WriteFile(filepath.Join(dir, name), data[i%len(files)], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// TokenScan reads every file in dir, inflates every part and scans the
// worksheets' XML tokens with encoding/xml, on every core.
func TokenScan(dir string) error { return each(dir, scanWorkbook) }

// Inflate reads every file in dir and inflates its worksheets and shared
// strings, on every core: the bare unzip.
func Inflate(dir string) error { return each(dir, inflateWorkbook) }

// each runs fn on every file of dir, on every core.
func each(dir string, fn func(path string) error) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	jobs := make(chan string)
	errs := make([]error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := range errs {
		wg.Go(func() {
			for path := range jobs {
				if err := fn(path); err != nil && errs[w] == nil {
					errs[w] = err
				}
			}
		})
	}
	for _, e := range entries {
		jobs <- filepath.Join(dir, e.Name())
	}
	close(jobs)
	wg.Wait()
	return errors.Join(errs...)
}

func openZip(path string) (*zip.Reader, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return zip.NewReader(bytes.NewReader(data), int64(len(data)))
}

func isSheet(name string) bool {
	return strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml")
}

func scanWorkbook(path string) error {
	zr, err := openZip(path)
	if err != nil {
		return err
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		if isSheet(f.Name) {
			d := xml.NewDecoder(rc)
			for {
				if _, err := d.Token(); err != nil {
					break
				}
			}
		} else {
			_, err = io.Copy(io.Discard, rc)
		}
		rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

func inflateWorkbook(path string) error {
	zr, err := openZip(path)
	if err != nil {
		return err
	}
	for _, f := range zr.File {
		if !isSheet(f.Name) && f.Name != "xl/sharedStrings.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, rc)
		rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}
