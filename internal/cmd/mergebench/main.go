// Command mergebench measures the whole `de06 merge` process against its
// floors on the same files, in the same run: the encoding/xml token scan
// (read each file, inflate every part, scan the worksheets' tokens, on
// every core) and the bare inflate (worksheets and shared strings), each a
// process of its own as de06 is, and the pandas + openpyxl script that only
// concatenates (shared/anchors/pandas_merge_baseline.py), run with
// /usr/bin/python3. From the repository's root:
//
//	go run ./internal/cmd/mergebench
//
// It builds de06, copies the sample week into 500 and 2,000 files, warms
// each command once, then runs them alternately -rounds times and prints
// the medians (wall, CPU), the peak RSS and the ratios, with the machine's
// load before and after, since a shared machine makes absolute times noisy.
// `-pandas ""` leaves the anchor out.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/caongoc/de06/internal/floor"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("mergebench: ")
	if len(os.Args) == 3 && (os.Args[1] == "tokens" || os.Args[1] == "inflate") {
		runFloor(os.Args[1], os.Args[2])
		return
	}
	sizes := flag.String("files", "500,2000", "how many unit files, comma-separated")
	rounds := flag.Int("rounds", 7, "alternated runs of each command per size")
	pandas := flag.String("pandas", findPandas(), "the pandas anchor script (\"\" to leave it out)")
	pandasRuns := flag.Int("pandas-runs", 1, "runs of the pandas script per size")
	flag.Parse()

	work, err := os.MkdirTemp("", "mergebench-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)
	de06 := filepath.Join(work, "de06"+exe())
	if out, err := exec.Command("go", "build", "-o", de06, "./cmd/de06").CombinedOutput(); err != nil {
		log.Fatalf("go build ./cmd/de06 (run me from the repository's root): %v\n%s", err, out)
	}
	self, err := os.Executable()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("de06 merge against its floors: %d alternated rounds per size after a warm-up, medians\n", *rounds)
	fmt.Printf("machine: %d cores (%s), %s/%s, %s; load average %s at start\n",
		runtime.NumCPU(), cpuModel(), runtime.GOOS, runtime.GOARCH, runtime.Version(), loadAverage())
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			log.Fatalf("-files: %q is not a number of files", s)
		}
		dir := filepath.Join(work, fmt.Sprintf("in-%d", n))
		if err := floor.Inputs(dir, filepath.Join("samples", "tuan-48-2026"), n); err != nil {
			log.Fatal(err)
		}
		cmds := []command{
			{name: "de06 merge", args: []string{de06, "merge", dir, "-o", filepath.Join(work, "out"), "--date", "25/11/2026"}, okExit: 1},
			{name: "token-scan floor", args: []string{self, "tokens", dir}},
			{name: "bare inflate", args: []string{self, "inflate", dir}},
		}
		for i := range cmds {
			cmds[i].run() // warm-up: the files in the page cache, the binaries loaded
			cmds[i].runs = nil
		}
		for r := range *rounds {
			for i := range cmds {
				cmds[(i+r)%len(cmds)].run()
			}
		}
		var anchor *command
		if *pandas != "" {
			anchor = &command{name: "pandas + openpyxl", args: []string{"/usr/bin/python3", *pandas, "merge", dir, filepath.Join(work, "pandas.xlsx")}}
			for range *pandasRuns {
				anchor.run()
			}
		}
		report(n, dirSize(dir), cmds, anchor)
	}
	fmt.Printf("load average %s at end\n", loadAverage())
}

// command is one program measured, with its runs.
type command struct {
	name   string
	args   []string
	okExit int // the highest exit code that is not a failure
	runs   []run
}

type run struct {
	wall, cpu time.Duration
	rss       int64 // bytes, 0 when the system does not say
}

func (c *command) run() {
	cmd := exec.Command(c.args[0], c.args[1:]...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if ee, ok := err.(*exec.ExitError); !ok && err != nil || ok && ee.ExitCode() > c.okExit {
		log.Fatalf("%s: %v\n%s", c.name, err, stderr.String())
	}
	st := cmd.ProcessState
	c.runs = append(c.runs, run{wall: wall, cpu: st.UserTime() + st.SystemTime(), rss: peakRSS(st)})
}

func (c *command) median(f func(run) time.Duration) time.Duration {
	var ds []time.Duration
	for _, r := range c.runs {
		ds = append(ds, f(r))
	}
	return median(ds)
}

func median[T int64 | float64 | time.Duration](xs []T) T {
	slices.Sort(xs)
	if len(xs)%2 == 1 {
		return xs[len(xs)/2]
	}
	return (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
}

// report prints one size's table. A ratio to the token scan is the median
// of the rounds' own ratios: each round's runs share the machine's load.
func report(n int, size int64, cmds []command, anchor *command) {
	fmt.Printf("\n%d files (%.1f MB)\n", n, float64(size)/1e6)
	fmt.Printf("  %-18s %9s %9s %9s   %s\n", "", "wall", "CPU", "peak RSS", "÷ token scan: wall, CPU")
	scan := cmds[1].runs
	for _, c := range cmds {
		var walls, cpus []float64
		for i, r := range c.runs {
			walls = append(walls, r.wall.Seconds()/scan[i].wall.Seconds())
			cpus = append(cpus, r.cpu.Seconds()/scan[i].cpu.Seconds())
		}
		fmt.Printf("  %-18s %9s %9s %9s   %.2f×, %.2f×\n", c.name, secs(c.median(wallOf)), secs(c.median(cpuOf)), mib(c.peak()),
			median(walls), median(cpus))
	}
	if anchor != nil {
		w := anchor.median(wallOf)
		fmt.Printf("  %-18s %9s %9s %9s   (%d run)\n", anchor.name, secs(w), secs(anchor.median(cpuOf)), mib(anchor.peak()), len(anchor.runs))
		fmt.Printf("  de06 merge is %.1f× faster than the pandas script\n", w.Seconds()/cmds[0].median(wallOf).Seconds())
	}
}

func wallOf(r run) time.Duration { return r.wall }
func cpuOf(r run) time.Duration  { return r.cpu }

func (c *command) peak() int64 {
	var p int64
	for _, r := range c.runs {
		p = max(p, r.rss)
	}
	return p
}

func secs(d time.Duration) string { return fmt.Sprintf("%.3f s", d.Seconds()) }

func mib(b int64) string {
	if b == 0 {
		return "?"
	}
	return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20))
}

func runFloor(which, dir string) {
	fn := floor.TokenScan
	if which == "inflate" {
		fn = floor.Inflate
	}
	if err := fn(dir); err != nil {
		log.Fatal(err)
	}
}

// findPandas looks for the anchor script beside the repository, as the
// shared folder sits beside the team's worktrees.
func findPandas() string {
	for _, p := range []string{"../shared/anchors/pandas_merge_baseline.py", "../../shared/anchors/pandas_merge_baseline.py"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

func dirSize(dir string) int64 {
	var n int64
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			n += info.Size()
		}
	}
	return n
}

func exe() string {
	if runtime.GOOS == "windows" {
		return ".exe"
	}
	return ""
}

func cpuModel() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "?"
}
