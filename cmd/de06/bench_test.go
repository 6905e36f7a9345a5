package main

import (
	"fmt"
	"io"
	"path/filepath"
	"testing"

	"github.com/caongoc/de06/internal/floor"
)

// BenchmarkMerge runs the Wednesday job (de06 merge: read, check,
// consolidate, write the workbook and the PDF) beside its floors, on the
// same files, so that the ratios are read in one run: the encoding/xml
// token scan (every part inflated, the worksheets' tokens scanned, on
// every core) and the bare inflate of the worksheets and shared strings.
// The files are the sample week, saved by LibreOffice as units' files are,
// copied until there are 500 or 2,000:
//
//	go test ./cmd/de06 -run XXX -bench Merge -benchtime 5x
//
// The whole process against the same floors, each a process of its own:
// go run ./internal/cmd/mergebench.
func BenchmarkMerge(b *testing.B) {
	for _, n := range []int{500, 2000} {
		dir := b.TempDir()
		if err := floor.Inputs(dir, filepath.Join("..", "..", "samples", "tuan-48-2026"), n); err != nil {
			b.Fatal(err)
		}
		out := b.TempDir()
		for _, fl := range []struct {
			name string
			scan func(string) error
		}{{"tokenscan", floor.TokenScan}, {"inflate", floor.Inflate}} {
			b.Run(fmt.Sprintf("files=%d/%s", n, fl.name), func(b *testing.B) {
				b.ReportAllocs()
				defer reportCPU(b)()
				for b.Loop() {
					if err := fl.scan(dir); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		b.Run(fmt.Sprintf("files=%d/merge", n), func(b *testing.B) {
			b.ReportAllocs()
			defer reportCPU(b)()
			for b.Loop() {
				if code := run([]string{"merge", dir, "-o", out, "--date", "25/11/2026"}, io.Discard, io.Discard); code > exitInput {
					b.Fatalf("merge exit %d", code)
				}
			}
		})
	}
}

// reportCPU adds the CPU time per run (cpu-ms/op) to a benchmark's
// results: on a shared machine it varies less than the wall time.
func reportCPU(b *testing.B) func() {
	start := processCPU()
	return func() {
		if cpu := processCPU() - start; cpu > 0 && b.N > 0 {
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
		}
	}
}
