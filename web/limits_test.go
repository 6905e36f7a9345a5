package web

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// rawConn is a connection to the desk for writing requests by hand,
// closed when the test ends.
func (d *testDesk) rawConn() net.Conn {
	d.t.Helper()
	u, _ := url.Parse(d.ts.URL)
	c, err := net.Dial("tcp", u.Host)
	if err != nil {
		d.t.Fatal(err)
	}
	d.t.Cleanup(func() { c.Close() })
	return c
}

// holdUpload starts an upload through link that never ends: its header
// and the start of its body, then nothing. It is counted once its body is
// being received.
func (d *testDesk) holdUpload(link string) net.Conn {
	d.t.Helper()
	u, _ := url.Parse(link)
	c := d.rawConn()
	fmt.Fprintf(c, "POST %s?period=2026-W48 HTTP/1.1\r\nHost: %s\r\nContent-Type: multipart/form-data; boundary=XXB\r\nContent-Length: 5000000\r\n\r\n--XXB\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nPK", u.Path, u.Host)
	return c
}

func (d *testDesk) receivingNow() int {
	d.srv.uploads.mu.Lock()
	defer d.srv.uploads.mu.Unlock()
	n := 0
	for k, v := range d.srv.uploads.n {
		if strings.HasPrefix(k, "addr:") {
			n += v
		}
	}
	return n
}

func (d *testDesk) waitReceiving(n int) {
	d.t.Helper()
	for range 200 {
		if d.receivingNow() == n {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	d.t.Fatalf("%d uploads being received, want %d", d.receivingNow(), n)
}

// One link holds at most two uploads being received, one address four:
// never the eight slots every unit shares. A link's third is refused; an
// address's fifth waits its turn; the others still send.
func TestUploadsAtOnceBounded(t *testing.T) {
	d := newTestDesk(t, Config{})
	file := append([]byte("PK"), make([]byte, 1000)...)
	d.holdUpload(d.links["tram-y-te"])
	d.holdUpload(d.links["tram-y-te"])
	d.waitReceiving(2)
	resp, body := d.upload("tram-y-te", "a.xlsx", file)
	if resp.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "xin đợi các tệp đó gửi xong") || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("a third upload through one link: %d %s", resp.StatusCode, body)
	}
	// A third that trickles too is answered at once, its connection
	// closed (not read on for the upload's time).
	c := d.holdUpload(d.links["tram-y-te"])
	c.SetReadDeadline(time.Now().Add(3 * time.Second))
	if resp, err := http.ReadResponse(bufio.NewReader(c), nil); err != nil || resp.StatusCode != http.StatusTooManyRequests || !resp.Close {
		t.Fatalf("a third trickling upload through one link: %v %v", resp, err)
	}
	if resp, body := d.upload("cong-an", "a.xlsx", file); resp.StatusCode != http.StatusOK {
		t.Fatalf("another unit's upload: %d %s", resp.StatusCode, body)
	}
	d.holdUpload(d.links["cong-an"])
	held := d.holdUpload(d.links["cong-an"])
	d.waitReceiving(4)
	done := make(chan int, 1)
	go func() {
		resp, _ := d.upload("dia-chinh", "a.xlsx", file)
		done <- resp.StatusCode
	}()
	select {
	case code := <-done:
		t.Fatalf("a fifth upload from one address did not wait: %d", code)
	case <-time.After(300 * time.Millisecond):
	}
	held.Close() // one of the address's uploads ends: the fifth goes on
	select {
	case code := <-done:
		if code != http.StatusOK {
			t.Fatalf("the fifth upload after its turn: %d", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the fifth upload still waits after one ended")
	}
}

// A body trickling in below the slowest rate taken is cut, its slot given
// back, well before the upload's five minutes.
func TestSlowUploadCut(t *testing.T) {
	defer func(w time.Duration, m int64) { uploadRateWindow, uploadRateMin = w, m }(uploadRateWindow, uploadRateMin)
	uploadRateWindow, uploadRateMin = 300*time.Millisecond, 1000
	d := newTestDesk(t, Config{})
	c := d.holdUpload(d.links["tram-y-te"])
	start := time.Now()
	go func() {
		for range 100 {
			if _, err := c.Write([]byte("a")); err != nil {
				return
			}
			time.Sleep(50 * time.Millisecond) // 20 bytes a second
		}
	}()
	c.SetReadDeadline(time.Now().Add(4 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("no answer to a trickling upload: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusRequestTimeout || !strings.Contains(string(b), "quá chậm") {
		t.Fatalf("a trickling upload: %d %s", resp.StatusCode, b)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Fatalf("cut after %v", took)
	}
	d.waitReceiving(0)
	if n := d.srv.receiving.InUse(); n != 0 {
		t.Fatalf("%d receiving slots still held", n)
	}
	// A body at a good pace is received whole.
	big := append([]byte("PK"), make([]byte, 200<<10)...)
	if resp, body := d.upload("tram-y-te", "a.xlsx", big); resp.StatusCode != http.StatusOK {
		t.Fatalf("a normal upload: %d %s", resp.StatusCode, body)
	}
}

// A flood of guesses filling the shared hashing queue never keeps out the
// officer's browser on this computer: it has a slot of its own.
func TestOwnMachineHashesApart(t *testing.T) {
	d := newTestDesk(t, Config{})
	d.officer()
	release, err := d.srv.hashing.Acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for range 16 {
		go d.srv.hashing.Acquire(ctx)
	}
	for d.srv.hashing.Waiting() < 16 {
		time.Sleep(5 * time.Millisecond)
	}
	resp, body := d.postForm(nil, "/login", "password=mat-khau-thu")
	release()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("the officer on this computer with the hashing queue full: %d %s", resp.StatusCode, body)
	}
	if !ownMachine("127.0.0.1") || !ownMachine("::1") || ownMachine("127.0.0.2") || ownMachine("203.0.113.1") {
		t.Fatal("ownMachine")
	}
}
