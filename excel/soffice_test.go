package excel

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/caongoc/de06/report"
)

func TestFileURL(t *testing.T) {
	if got, want := fileURL("/tmp/de06 soffice/profile"), "file:///tmp/de06%20soffice/profile"; got != want {
		t.Errorf("fileURL = %q, want %q", got, want)
	}
	// A Windows path (as filepath.ToSlash leaves it there) gets three
	// slashes before its drive letter.
	if got, want := fileURL("C:/Users/Cán bộ/profile"), "file:///C:/Users/C%C3%A1n%20b%E1%BB%99/profile"; got != want {
		t.Errorf("fileURL = %q, want %q", got, want)
	}
}

// A LibreOffice that hangs, and whose launcher left a child holding the
// output pipe, is stopped at the time-out: the conversion fails with a
// Vietnamese message instead of waiting for the grandchild.
func TestSofficeTimeoutKillsGroup(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake soffice is a shell script")
	}
	dir := t.TempDir()
	fake := filepath.Join(dir, "soffice")
	// Like the real launcher: start the worker, wait for it.
	script := "#!/bin/sh\nsleep 60 &\nwait\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err := Soffice{Path: fake, Timeout: 500 * time.Millisecond}.convert(context.Background(), []byte("x"), "a.xls")
	took := time.Since(start)
	if err == nil || !strings.Contains(err.Error(), "LibreOffice chạy quá") {
		t.Errorf("err = %v, want the time-out message", err)
	}
	// Without killing the group this waits the full 60 s of the child.
	if took > 20*time.Second {
		t.Errorf("convert returned after %v: the worker was not killed", took)
	}
}

// The reader gives LibreOffice no more than its caller's context: the
// caller gone (a desk's client, a check's budget), the whole group stops.
func TestSofficeStopsWithContext(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake soffice is a shell script")
	}
	dir := t.TempDir()
	fake := filepath.Join(dir, "soffice")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\nsleep 60 &\nwait\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	start := time.Now()
	xls := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)
	s := Reader{Soffice: Soffice{Path: fake, Timeout: time.Minute}}.ReadContext(ctx, xls, &report.Submission{Name: "a.xls", Meta: map[string]string{}})
	if took := time.Since(start); took > 20*time.Second {
		t.Fatalf("read returned after %v: LibreOffice outlived its caller", took)
	}
	if !slices.ContainsFunc(s.Findings, func(f report.Finding) bool { return strings.Contains(f.Message, "đã dừng") }) {
		t.Fatalf("findings: %v", s.Findings)
	}
	// Already over: LibreOffice is not even started.
	start = time.Now()
	Reader{Soffice: Soffice{Path: fake, Timeout: time.Minute}}.ReadContext(ctx, xls, &report.Submission{Name: "a.xls", Meta: map[string]string{}})
	if time.Since(start) > time.Second {
		t.Fatal("LibreOffice started for a caller already gone")
	}
}
