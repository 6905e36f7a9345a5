package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/caongoc/de06/store"
	"github.com/caongoc/de06/web"
)

// startServe runs de06 serve (the test binary standing in) with args and
// returns the process and the desk's address.
func startServe(t *testing.T, env []string, args ...string) (*exec.Cmd, string) {
	t.Helper()
	return startServeCmd(t, env, exec.Command(os.Args[0], append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...))
}

func startServeCmd(t *testing.T, env []string, srv *exec.Cmd) (*exec.Cmd, string) {
	t.Helper()
	srv.Env = append(append(os.Environ(), "DE06_RUN_MAIN=1"), env...)
	stdout, err := srv.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Process.Kill(); srv.Wait() })
	rd := bufio.NewReader(stdout)
	var base string
	for base == "" {
		line, err := rd.ReadString('\n')
		if err != nil {
			t.Fatalf("serve said nothing: %v", err)
		}
		if rest, ok := strings.CutPrefix(line, "Bàn làm việc: "); ok {
			base = strings.TrimSpace(rest)
		}
	}
	go io.Copy(io.Discard, rd)
	return srv, base
}

// The demo's temporary data goes when the desk is stopped by SIGTERM (a
// service manager, a closed terminal), not only by Ctrl+C.
func TestDemoRemovedOnSIGTERM(t *testing.T) {
	if testing.Short() || runtime.GOOS == "windows" {
		t.Skip("-short, or no SIGTERM: skipping")
	}
	tmp := t.TempDir()
	cmd := exec.Command(os.Args[0], "serve", "--addr", "127.0.0.1:0", "--demo")
	cmd.Dir = filepath.Join("..", "..") // the sample week the demo loads
	srv, base := startServeCmd(t, []string{"TMPDIR=" + tmp}, cmd)
	if resp, err := http.Get(base + "/healthz"); err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz: %v", err)
	}
	if m, _ := filepath.Glob(filepath.Join(tmp, "de06-demo-*")); len(m) != 1 {
		t.Fatalf("demo data: %v", m)
	}
	srv.Process.Signal(syscall.SIGTERM)
	if err := srv.Wait(); err != nil {
		t.Fatalf("stopped by SIGTERM: %v", err)
	}
	if m, _ := filepath.Glob(filepath.Join(tmp, "de06-demo-*")); len(m) != 0 {
		t.Fatalf("demo data left: %v", m)
	}
}

// de06 passwd ends every session, as the setup page does.
func TestPasswdEndsSessions(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	future := time.Now().Add(time.Hour)
	if err := st.StartSession(store.Session{TokenHash: []byte("h"), Created: time.Now(), Expires: future}, time.Now()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	cmd := exec.Command(os.Args[0], "passwd", "--data", dir)
	cmd.Env = append(os.Environ(), "DE06_RUN_MAIN=1")
	cmd.Stdin = strings.NewReader("mat-khau-moi-1\n")
	if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "phiên đăng nhập") {
		t.Fatalf("passwd: %v %s", err, out)
	}
	st, err = store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if ok, _ := st.SessionValid([]byte("h"), time.Now()); ok {
		t.Fatal("a session outlived de06 passwd")
	}
}

// A backup is the officer's alone and cannot mint links, unless asked.
func TestBackupSecret(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	if code := run([]string{"links", "--data", dir}, &out, &errb); code != 0 {
		t.Fatalf("links: %s", errb.String())
	}
	secret, err := os.ReadFile(filepath.Join(dir, store.SecretFile))
	if err != nil || len(secret) != 32 {
		t.Fatalf("secret file: %v", err)
	}
	plain := filepath.Join(t.TempDir(), "a.sqlite")
	if code := run([]string{"backup", "--data", dir, plain}, &out, &errb); code != 0 {
		t.Fatalf("backup: %s", errb.String())
	}
	if b, _ := os.ReadFile(plain); bytes.Contains(b, secret) {
		t.Fatal("the backup holds the link secret")
	}
	if st, _ := os.Stat(plain); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", st.Mode().Perm())
	}
	with := filepath.Join(t.TempDir(), "b.sqlite")
	if code := run([]string{"backup", "--data", dir, "--with-secret", with}, &out, &errb); code != 0 {
		t.Fatalf("backup --with-secret: %s", errb.String())
	}
	if b, _ := os.ReadFile(with); !bytes.Contains(b, secret) {
		t.Fatal("--with-secret left the secret out")
	}
	// Rotating: a new secret, every link printed anew.
	out.Reset()
	if code := run([]string{"links", "--data", dir, "--rotate"}, &out, &errb); code != 0 {
		t.Fatalf("links --rotate: %s", errb.String())
	}
	if b, _ := os.ReadFile(filepath.Join(dir, store.SecretFile)); bytes.Equal(b, secret) {
		t.Fatal("--rotate kept the secret")
	}
}

// Under a flood of idle and slow connections from one address, /healthz
// still answers from another. The desk runs with 200 file descriptors
// (prlimit), so that the flood would take them all without the cap per
// address ("accept4: too many open files", /healthz unanswered).
func TestServeUnderFlood(t *testing.T) {
	if testing.Short() || runtime.GOOS != "linux" {
		t.Skip("-short, or no second loopback address")
	}
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		t.Skip("no prlimit")
	}
	_, base := startServeCmd(t, nil, exec.Command(prlimit, "--nofile=200:200", os.Args[0], "serve", "--addr", "127.0.0.1:0", "--data", t.TempDir()))
	addr := strings.TrimPrefix(base, "http://")
	flood := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 2)}}
	var held []net.Conn
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	for i := range 300 {
		c, err := flood.Dial("tcp", addr)
		if err != nil {
			break
		}
		held = append(held, c)
		if i%2 == 0 { // a slow body that never ends
			io.WriteString(c, "POST /login HTTP/1.1\r\nHost: "+addr+"\r\nContent-Length: 5000\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\npass")
		}
	}
	c := &http.Client{Timeout: 3 * time.Second}
	for range 5 {
		resp, err := c.Get(base + "/healthz")
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("healthz under the flood: %v", err)
		}
		resp.Body.Close()
	}
}

// A body that trickles in is cut after ReadTimeout: without it, each slow
// sender held a connection (and a descriptor) for as long as it liked.
func TestServeCutsSlowBodies(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: takes half a minute")
	}
	t.Parallel()
	_, base := startServe(t, nil, "--data", t.TempDir())
	addr := strings.TrimPrefix(base, "http://")
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	fmt.Fprintf(c, "POST /login HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\npass", addr)
	go func() {
		for range 120 { // a byte every half second, for a minute
			time.Sleep(500 * time.Millisecond)
			if _, err := c.Write([]byte("x")); err != nil {
				return
			}
		}
	}()
	c.SetReadDeadline(time.Now().Add(90 * time.Second))
	io.Copy(io.Discard, c) // until the desk answers and closes
	if took := time.Since(start); took > web.ReadTimeout+10*time.Second {
		t.Fatalf("a trickling body held its connection %v", took)
	}
}

// The demo's samples are found in the folder de06 runs in; when absent
// the message names every place looked at.
func TestFindSamples(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	rel := filepath.Join("samples", "tuan-48-2026")
	if _, err := findSamples(rel); err == nil || !strings.Contains(err.Error(), filepath.Join(dir, rel)) {
		t.Fatalf("without samples: %v", err)
	}
	if err := os.MkdirAll(rel, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := findSamples(rel); err != nil || got != filepath.Join(dir, rel) {
		t.Errorf("found %q, %v", got, err)
	}
}
