package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/caongoc/de06/internal/floor"
	"github.com/caongoc/de06/internal/scale"
)

// BenchmarkRollup runs the province's job (de06 rollup: read and check
// every commune's workbook, roll them up, write the workbook and the PDF)
// for a province's 166 communes and the country's 3,321, beside its floor
// on the same files (inflate every part, token-scan the sheets, on every
// core), so that the ratio is read in one run. peak-MiB is the process's
// peak resident memory during the roll-up (Linux):
//
//	go test ./cmd/de06 -run XXX -bench Rollup -benchtime 3x
func BenchmarkRollup(b *testing.B) {
	for _, n := range []int{166, 3321} {
		b.Run(fmt.Sprintf("communes=%d", n), func(b *testing.B) { benchRollup(b, n) })
	}
}

func benchRollup(b *testing.B, n int) {
	dir := filepath.Join(b.TempDir(), "tinh")
	list, err := scale.Communes(filepath.Join("..", "..", "samples", "tinh"), dir, n)
	if err != nil {
		b.Fatal(err)
	}
	// The list beside the folder, not in it.
	if err := os.Rename(list, filepath.Join(filepath.Dir(dir), "xa.txt")); err != nil {
		b.Fatal(err)
	}
	list = filepath.Join(filepath.Dir(dir), "xa.txt")
	out := b.TempDir()
	plan := filepath.Join("..", "..", "samples", "ke-hoach-tinh.json")
	b.Run("floor", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := floor.TokenScan(dir); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("rollup", func(b *testing.B) {
		b.ReportAllocs()
		peak := 0.0
		for b.Loop() {
			resetPeak()
			args := []string{"rollup", dir, "-o", out, "--communes", list, "--plan", plan, "--date", "27/11/2026"}
			if code := run(args, io.Discard, io.Discard); code > exitInput {
				b.Fatalf("rollup exit %d", code)
			}
			peak = max(peak, peakMiB())
		}
		if peak > 0 {
			b.ReportMetric(peak, "peak-MiB")
		}
	})
}

// resetPeak returns freed memory to the system and restarts the count of
// the peak resident memory (Linux: /proc/self/clear_refs).
func resetPeak() {
	runtime.GC()
	debug.FreeOSMemory()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// peakMiB is the peak resident memory since resetPeak, or 0 where the
// system does not say.
func peakMiB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			if err == nil {
				return kb / 1024
			}
		}
	}
	return 0
}
