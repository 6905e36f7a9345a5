package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestChooseDataDir(t *testing.T) {
	for _, tc := range []struct {
		name, exeDir, local string
		writable            bool
		want                string
	}{
		{"beside the program", `D:\de06`, `C:\Users\a\AppData\Local`, true, filepath.Join(`D:\de06`, "du-lieu-de06")},
		{"under Program Files", `C:\Program Files\de06`, `C:\Users\a\AppData\Local`, false, filepath.Join(`C:\Users\a\AppData\Local`, "de06", "du-lieu-de06")},
		{"nowhere better", `/opt/de06`, "", false, filepath.Join(`/opt/de06`, "du-lieu-de06")},
	} {
		got := chooseDataDir(tc.exeDir, tc.local, func(string) bool { return tc.writable })
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	if !dirWritable(t.TempDir()) {
		t.Error("a temporary folder is not writable")
	}
	if dirWritable(filepath.Join(t.TempDir(), "khong-co")) {
		t.Error("a missing folder is writable")
	}
}

// A double-click starts the desk beside the program and opens the browser
// at it; closing the window stops it.
func TestLaunchOpensTheDesk(t *testing.T) {
	if ln, err := net.Listen("tcp", "127.0.0.1:8606"); err != nil {
		t.Skip("port 8606 is in use here")
	} else {
		ln.Close()
	}
	exe, _ := os.Executable()
	t.Cleanup(func() { os.RemoveAll(filepath.Join(filepath.Dir(exe), defaultData)) })
	ctx, cancel := context.WithCancel(context.Background())
	opened := make(chan string, 1)
	defer swap(&openBrowser, func(url string) error { opened <- url; return nil })()
	defer swap(&interrupted, func() (context.Context, context.CancelFunc) { return ctx, cancel })()
	var out, errb bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- launch(&out, &errb) }()
	select {
	case url := <-opened:
		resp, err := http.Get(url + "/healthz")
		if err != nil || resp.StatusCode != 200 {
			t.Errorf("the desk does not answer at %s: %v", url, err)
		}
	case code := <-done:
		t.Fatalf("launch ended with %d: %s %s", code, out.String(), errb.String())
	case <-time.After(20 * time.Second):
		t.Fatal("the browser was never opened")
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"Đang mở trình duyệt", "Bàn làm việc: http://127.0.0.1:8606", defaultData, "Đừng đóng cửa sổ này"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("window lacks %q:\n%s", want, out.String())
		}
	}
}

// A fatal error stays on screen until Enter.
func TestLaunchWaitsForEnterOnError(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:8606")
	if err != nil {
		t.Skip("port 8606 is in use here")
	}
	defer ln.Close()
	exe, _ := os.Executable()
	t.Cleanup(func() { os.RemoveAll(filepath.Join(filepath.Dir(exe), defaultData)) })
	enter := &countingReader{r: strings.NewReader("\n")}
	defer swap(&stdin, io.Reader(enter))()
	var out, errb bytes.Buffer
	if code := launch(&out, &errb); code != exitUsage {
		t.Errorf("exit %d", code)
	}
	if !strings.Contains(errb.String(), "127.0.0.1:8606") || !strings.Contains(errb.String(), "Bấm Enter để đóng cửa sổ này") || enter.n == 0 {
		t.Errorf("error not held on screen (read %d bytes): %s", enter.n, errb.String())
	}
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// swap sets *p to v and returns what puts it back.
func swap[T any](p *T, v T) func() {
	old := *p
	*p = v
	return func() { *p = old }
}

// A fault in de06 itself still leaves the window open, with a file for
// whoever maintains it.
func TestLaunchKeepsACrashOnScreen(t *testing.T) {
	if ln, err := net.Listen("tcp", "127.0.0.1:8606"); err != nil {
		t.Skip("port 8606 is in use here")
	} else {
		ln.Close()
	}
	exe, _ := os.Executable()
	dir := filepath.Join(filepath.Dir(exe), defaultData)
	t.Cleanup(func() { os.RemoveAll(dir) })
	defer swap(&openBrowser, func(string) error { panic("thử lỗi") })()
	enter := &countingReader{r: strings.NewReader("\n")}
	defer swap(&stdin, io.Reader(enter))()
	var out, errb bytes.Buffer
	if code := launch(&out, &errb); code != exitUsage {
		t.Errorf("exit %d", code)
	}
	detail, err := os.ReadFile(filepath.Join(dir, "loi-de06.txt"))
	if err != nil || !bytes.Contains(detail, []byte("thử lỗi")) {
		t.Errorf("no detail file: %v", err)
	}
	if !strings.Contains(errb.String(), "loi-de06.txt") || !strings.Contains(errb.String(), "Bấm Enter") || enter.n == 0 {
		t.Errorf("window: %s", errb.String())
	}
	// The port is free again.
	if ln, err := net.Listen("tcp", "127.0.0.1:8606"); err != nil {
		t.Errorf("the port stays taken after the crash: %v", err)
	} else {
		ln.Close()
	}
}
