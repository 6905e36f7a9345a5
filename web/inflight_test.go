package web

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// holdBody sends a request's header and the start of its body, from
// client (X-Forwarded-For, behind a proxy; "" for none), then nothing.
func (d *testDesk) holdBody(path, client string) net.Conn {
	d.t.Helper()
	u, _ := url.Parse(d.ts.URL)
	c := d.rawConn()
	xff := ""
	if client != "" {
		xff = "X-Forwarded-For: " + client + "\r\n"
	}
	fmt.Fprintf(c, "POST %s HTTP/1.1\r\nHost: %s\r\n%sAccept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 4000\r\n\r\npassword=", path, u.Host, xff)
	return c
}

func (d *testDesk) inflightOf(key string) int {
	d.srv.inflight.mu.Lock()
	defer d.srv.inflight.mu.Unlock()
	return d.srv.inflight.n[key]
}

func (d *testDesk) waitInflight(key string, n int) {
	d.t.Helper()
	for range 300 {
		if d.inflightOf(key) == n {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	d.t.Fatalf("%d requests of %s in flight, want %d", d.inflightOf(key), key, n)
}

// answerOn reads the answer on c within limit: its status, or 0 when the
// connection closed with none.
func answerOn(t *testing.T, c net.Conn, limit time.Duration) (int, string) {
	t.Helper()
	c.SetReadDeadline(time.Now().Add(limit))
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			t.Fatalf("no answer within %v", limit)
		}
		return 0, ""
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp.StatusCode, string(b)
}

// One client (behind a proxy: one X-Forwarded-For) holds at most
// inflightPerClient requests whose bodies trickle in: the next is
// refused at once, in Vietnamese, its connection closed unread; another
// client still gets in; the held bodies are cut after bodyTime.
func TestInflightPerClient(t *testing.T) {
	old := bodyTime
	bodyTime = 2 * time.Second
	t.Cleanup(func() { bodyTime = old })
	d := newTestDesk(t, Config{BehindProxy: true})
	held := make([]net.Conn, inflightPerClient)
	for i := range held {
		held[i] = d.holdBody("/login", "198.51.100.7")
	}
	d.waitInflight("198.51.100.7", inflightPerClient)
	start := time.Now()
	extra := d.holdBody("/logout", "198.51.100.7")
	code, body := answerOn(t, extra, time.Second)
	if code != http.StatusTooManyRequests || !strings.Contains(body, "quá nhiều yêu cầu cùng lúc") {
		t.Fatalf("request over the cap: %d %s", code, body)
	}
	if since := time.Since(start); since > time.Second {
		t.Errorf("refused after %v, want at once", since)
	}
	if n, _ := extra.Read(make([]byte, 1)); n != 0 {
		t.Error("the refused connection stays open")
	}
	// Another client is answered.
	req, _ := http.NewRequest("GET", d.ts.URL+"/healthz", nil)
	req.Header.Set("X-Forwarded-For", "198.51.100.8")
	if resp, body := d.do(http.DefaultClient, req); resp.StatusCode != http.StatusOK {
		t.Errorf("another client: %d %s", resp.StatusCode, body)
	}
	// The held bodies are cut: every connection closes, none at 10 s.
	for _, c := range held {
		answerOn(t, c, 5*time.Second)
		c.SetReadDeadline(time.Now().Add(time.Second))
		if _, err := c.Read(make([]byte, 1)); err == nil || isTimeout(err) {
			t.Fatalf("a held body's connection is still open after %v (%v)", time.Since(start), err)
		}
	}
	d.waitInflight("198.51.100.7", 0)
}

// This computer's browser (no proxy) is never capped; a body the handler
// never reads does not hold the connection for ReadTimeout.
func TestInflightLoopbackAndUnread(t *testing.T) {
	oldDrain := bodyDrainTime
	bodyDrainTime = 200 * time.Millisecond
	t.Cleanup(func() { bodyDrainTime = oldDrain })
	d := newTestDesk(t, Config{})
	for range inflightPerClient + 4 {
		d.holdBody("/login", "")
	}
	d.waitInflight("127.0.0.1", 0)
	resp, body := d.get(http.DefaultClient, d.ts.URL+"/healthz")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("this computer past the cap: %d %s", resp.StatusCode, body)
	}
	// An unknown page does not read its body: the connection closes at
	// once after the answer, not when the body would end.
	c := d.holdBody("/khong-co", "")
	start := time.Now()
	if code, _ := answerOn(t, c, 3*time.Second); code != http.StatusNotFound {
		t.Fatalf("unknown page: %d", code)
	}
	c.SetReadDeadline(time.Now().Add(3 * time.Second))
	if _, err := c.Read(make([]byte, 1)); err == nil || isTimeout(err) {
		t.Fatalf("the connection of an unread body stays open (%v)", err)
	}
	if since := time.Since(start); since > 2*time.Second {
		t.Errorf("closed after %v", since)
	}
}
