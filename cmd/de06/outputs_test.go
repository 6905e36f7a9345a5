package main

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// tmpFiles lists de06's temporary files left in dir.
func tmpFiles(t *testing.T, dir string) []string {
	m, _ := filepath.Glob(filepath.Join(dir, tmpPattern))
	return m
}

func TestWriteOutputsPair(t *testing.T) {
	dir := t.TempDir()
	x, p := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "a.pdf")
	if err := writeOutputs([]output{{x, writeString("x1")}, {p, writeString("p1")}}); err != nil {
		t.Fatal(err)
	}
	if readString(t, x) != "x1" || readString(t, p) != "p1" {
		t.Fatal("first pair not written")
	}

	// The second output fails (a full disk while writing the PDF): the
	// previous pair stays whole, no temporary file is left.
	full := func(w io.Writer) error {
		io.WriteString(w, "half")
		return &fs.PathError{Op: "write", Path: p, Err: syscall.ENOSPC}
	}
	err := writeOutputs([]output{{x, writeString("x2")}, {p, full}})
	if err == nil {
		t.Fatal("no error")
	}
	if readString(t, x) != "x1" || readString(t, p) != "p1" {
		t.Errorf("previous pair changed: %q, %q", readString(t, x), readString(t, p))
	}
	if left := tmpFiles(t, dir); len(left) != 0 {
		t.Errorf("temporaries left: %v", left)
	}
	if runtime.GOOS != "windows" && !strings.Contains(err.Error(), "ổ đĩa đã đầy") {
		t.Errorf("message %q does not say the disk is full", err)
	}

	// The second rename fails (a folder has the PDF's name): the first
	// file is put back as it was.
	os.Remove(p)
	os.Mkdir(p, 0o755)
	if err := writeOutputs([]output{{x, writeString("x3")}, {p, writeString("p3")}}); err == nil {
		t.Fatal("no error with a folder in the way")
	}
	if readString(t, x) != "x1" {
		t.Errorf("first output replaced although the second failed: %q", readString(t, x))
	}
	if left := tmpFiles(t, dir); len(left) != 0 {
		t.Errorf("temporaries left: %v", left)
	}
}

// A second run writing into the same folder is refused while the first
// holds it, with a message saying so; the lock goes with the first run.
func TestWriteOutputsLocked(t *testing.T) {
	dir := t.TempDir()
	unlock, err := lockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	err = writeOutputs([]output{{filepath.Join(dir, "a.xlsx"), writeString("x")}})
	var busy *busyError
	if !errors.As(err, &busy) || !strings.Contains(err.Error(), "đang ghi vào thư mục") {
		t.Fatalf("err = %v, want busy", err)
	}
	unlock()
	if err := writeOutputs([]output{{filepath.Join(dir, "a.xlsx"), writeString("x")}}); err != nil {
		t.Fatalf("after unlock: %v", err)
	}
}

func TestWriteOutputsRemovesStale(t *testing.T) {
	dir := t.TempDir()
	stale, fresh := filepath.Join(dir, ".de06-1.tmp"), filepath.Join(dir, ".de06-2.tmp")
	other := filepath.Join(dir, "ghi-chu.tmp")
	for _, f := range []string{stale, fresh, other} {
		os.WriteFile(f, nil, 0o644)
	}
	old := time.Now().Add(-48 * time.Hour)
	os.Chtimes(stale, old, old)
	os.Chtimes(other, old, old)
	if err := writeOutputs([]output{{filepath.Join(dir, "a.pdf"), writeString("p")}}); err != nil {
		t.Fatal(err)
	}
	for f, want := range map[string]bool{stale: false, fresh: true, other: true} {
		if _, err := os.Stat(f); (err == nil) != want {
			t.Errorf("%s exists = %v, want %v", filepath.Base(f), err == nil, want)
		}
	}
}

func TestSameFile(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.xlsx")
	os.WriteFile(a, []byte("a"), 0o644)
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	cases := []struct {
		name string
		b    string
		want bool
	}{
		{"itself", a, true},
		{"relative dots", filepath.Join(sub, "..", "a.xlsx"), true},
		{"another file", filepath.Join(dir, "b.xlsx"), false},
	}
	if runtime.GOOS != "windows" {
		link := filepath.Join(dir, "link")
		os.Symlink(dir, link)
		hard := filepath.Join(sub, "hard.xlsx")
		os.Link(a, hard)
		cases = append(cases,
			struct {
				name string
				b    string
				want bool
			}{"through a linked folder", filepath.Join(link, "a.xlsx"), true},
		)
		cases = append(cases, struct {
			name string
			b    string
			want bool
		}{"hard link", hard, true})
	}
	for _, c := range cases {
		if got := sameFile(a, c.b); got != c.want {
			t.Errorf("%s: sameFile = %v, want %v", c.name, got, c.want)
		}
	}
}

// english catches words of Go's, the system's and the libraries' messages.
var english = regexp.MustCompile(`(?i)\b(no such|permission|denied|not a|directory|exists|no space|device|invalid|must be|integer|zip|rename|file exists|syntax|parsing|flag)\b`)

// TestNoEnglish runs the commands into the failures a user meets and
// checks that every message is Vietnamese, prefixed by the command, with
// exit code 2.
func TestNoEnglish(t *testing.T) {
	dir := t.TempDir()
	week := filepath.Join("..", "..", "samples", "tuan-48-2026")
	afile := filepath.Join(dir, "afile")
	os.WriteFile(afile, []byte("x"), 0o644)
	taken := filepath.Join(dir, "taken")
	os.MkdirAll(filepath.Join(taken, "bao-cao-de-an-06-2026-W48.xlsx"), 0o755)
	pdfFile := filepath.Join(dir, "bao-cao.pdf")
	os.WriteFile(pdfFile, []byte("%PDF-1.4\n"), 0o644)
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"output under a file", []string{"merge", week, "-o", afile}, "một phần của đường dẫn là tệp"},
		{"a folder has the output's name", []string{"merge", week, "-o", taken}, "thư mục"},
		{"a PDF as --previous", []string{"merge", week, "-o", filepath.Join(dir, "o1"), "--previous", pdfFile}, "không phải tệp Excel"},
		{"--number abc", []string{"merge", week, "--number", "abc"}, `giá trị "abc" của --number không hợp lệ`},
		{"--number missing", []string{"merge", week, "--number"}, "cần một giá trị"},
		{"unknown flag", []string{"check", "--bogus", week}, "không có tùy chọn --bogus"},
		{"unknown short flag", []string{"merge", "-x", week}, "không có tùy chọn -x"},
		{"missing input", []string{"check", filepath.Join(dir, "none")}, "không có tệp hoặc thư mục này"},
		{"template into a file", []string{"template", "-o", afile}, "một phần của đường dẫn là tệp"},
		{"export into a folder", []string{"plan", "--export", taken, "--force"}, "thư mục"},
		{"rollup under a file", []string{"rollup", filepath.Join("..", "..", "samples", "tinh"), "-o", afile}, "một phần của đường dẫn là tệp"},
		{"rollup --communes a PDF", []string{"rollup", week, "--communes", pdfFile}, "chỉ nhận tệp .txt, .csv hoặc .xlsx"},
	}
	if os.Geteuid() != 0 && runtime.GOOS != "windows" {
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o555)
		cases = append(cases, struct {
			name string
			args []string
			want string
		}{"read-only folder", []string{"merge", week, "-o", ro}, "không có quyền ghi"})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(c.args, &stdout, &stderr)
			msg := stderr.String()
			if code != exitUsage {
				t.Errorf("exit %d, want %d; stderr %q", code, exitUsage, msg)
			}
			if !strings.HasPrefix(msg, "de06 "+c.args[0]+": ") {
				t.Errorf("stderr %q lacks the prefix %q", msg, "de06 "+c.args[0]+": ")
			}
			if !strings.Contains(msg, c.want) {
				t.Errorf("stderr %q lacks %q", msg, c.want)
			}
			if m := english.FindString(msg); m != "" {
				t.Errorf("stderr %q holds English (%q)", msg, m)
			}
		})
	}
}

// The batch GC setting is for batch commands only: the desk keeps Go's
// default (its peak memory under floods is what matters there).
func TestGCSettingForBatchOnly(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC set")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, c := range []struct {
		args []string
		want int
	}{{[]string{"serve", "--help"}, 100}, {[]string{"passwd", "--help"}, 100}, {[]string{"check", "--help"}, batchGCPercent}} {
		debug.SetGCPercent(100)
		run(c.args, io.Discard, io.Discard)
		if got := debug.SetGCPercent(100); got != c.want {
			t.Errorf("%v: GC percent %d, want %d", c.args, got, c.want)
		}
	}
}
