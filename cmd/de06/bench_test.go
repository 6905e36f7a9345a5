package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// benchDir copies the sample week (files saved by LibreOffice, as units'
// files are) into a folder until it holds n files.
func benchDir(b *testing.B, n int) string {
	b.Helper()
	samples, _ := filepath.Glob(filepath.Join("..", "..", "samples", "tuan-48-2026", "*.xlsx"))
	if len(samples) == 0 {
		b.Fatal("no samples")
	}
	dir := b.TempDir()
	for i := range n {
		src := samples[i%len(samples)]
		data, err := os.ReadFile(src)
		if err != nil {
			b.Fatal(err)
		}
		name := fmt.Sprintf("%04d-%s", i, filepath.Base(src))
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// floor is the least any reader of these files must do: read each file,
// inflate every part and scan the worksheets' XML tokens with
// encoding/xml, on every core.
func floor(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	jobs := make(chan string)
	errs := make(chan error, len(entries))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for path := range jobs {
				errs <- scanWorkbook(path)
			}
		})
	}
	for _, e := range entries {
		jobs <- filepath.Join(dir, e.Name())
	}
	close(jobs)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func scanWorkbook(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		if strings.HasPrefix(f.Name, "xl/worksheets/") && strings.HasSuffix(f.Name, ".xml") {
			d := xml.NewDecoder(rc)
			for {
				if _, err := d.Token(); err != nil {
					break
				}
			}
		} else {
			io.Copy(io.Discard, rc)
		}
		rc.Close()
	}
	return nil
}

// BenchmarkMerge runs the Wednesday job (de06 merge: read, check,
// consolidate, write the workbook and the PDF) beside its floor, on the same
// files, so that the ratio is read in one run:
//
//	go test ./cmd/de06 -run XXX -bench Merge -benchtime 5x
func BenchmarkMerge(b *testing.B) {
	for _, n := range []int{500, 2000} {
		dir := benchDir(b, n)
		out := b.TempDir()
		b.Run(fmt.Sprintf("files=%d/floor", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := floor(dir); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("files=%d/merge", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if code := run([]string{"merge", dir, "-o", out, "--date", "25/11/2026"}, io.Discard, io.Discard); code > exitInput {
					b.Fatalf("merge exit %d", code)
				}
			}
		})
	}
}
