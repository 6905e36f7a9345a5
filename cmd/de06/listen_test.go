package main

import (
	"errors"
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/caongoc/de06/web"
)

// closedSoon reports whether the server closes c within d (an EOF or a
// reset), rather than leaving it open.
func closedSoon(c net.Conn, d time.Duration) bool {
	c.SetReadDeadline(time.Now().Add(d))
	_, err := c.Read(make([]byte, 1))
	var ne net.Error
	return err != nil && !(errors.As(err, &ne) && ne.Timeout())
}

// A listener the officer's switch moves to keeps the server's timeouts
// and the connection cap; moved back to this computer, connections from
// elsewhere are closed.
func TestStationMoveKeepsLimits(t *testing.T) {
	lan := lanAddrs(&net.TCPAddr{IP: net.IPv4zero, Port: 1}, "")
	if len(lan) == 0 {
		t.Skip("this machine has no network address but loopback")
	}
	lanIP, _, _ := net.SplitHostPort(lan[0])
	stn := newStation(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }), nil, "", false)
	if stn.hs.ReadTimeout != web.ReadTimeout || stn.hs.IdleTimeout != web.IdleTimeout || stn.hs.ReadHeaderTimeout != web.ReadHeaderTimeout {
		t.Fatalf("server timeouts: %+v", stn.hs)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := portOf(ln.Addr())
	stn.start(ln)
	t.Cleanup(func() { stn.hs.Close() })
	share := shareSwitch(stn, port)
	if _, err := share(true); err != nil {
		t.Fatal(err)
	}
	// The cap: connsPerAddr idle connections from one address are held;
	// one more makes the oldest give way.
	var held []net.Conn
	t.Cleanup(func() {
		for _, c := range held {
			c.Close()
		}
	})
	for range connsPerAddr {
		c, err := net.Dial("tcp", net.JoinHostPort("127.0.0.1", port))
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
	}
	time.Sleep(200 * time.Millisecond) // let the server accept them
	extra, err := net.Dial("tcp", net.JoinHostPort("127.0.0.1", port))
	if err != nil {
		t.Fatal(err)
	}
	defer extra.Close()
	if !closedSoon(held[0], 2*time.Second) || closedSoon(extra, 200*time.Millisecond) {
		t.Errorf("after the move, connection %d from one address does not take the oldest one's place", connsPerAddr+1)
	}
	for _, c := range held {
		c.Close()
	}
	held = nil
	// A connection from the network while shared, idle after a request…
	c, err := net.Dial("tcp", net.JoinHostPort(lanIP, port))
	if err != nil {
		t.Fatalf("the LAN address: %v", err)
	}
	defer c.Close()
	io.WriteString(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	if n, err := c.Read(make([]byte, 512)); n == 0 || err != nil {
		t.Fatalf("no answer on the LAN address: %v", err)
	}
	// … is closed when sharing is turned off; this computer still answers.
	if _, err := share(false); err != nil {
		t.Fatal(err)
	}
	if !closedSoon(c, 3*time.Second) {
		t.Error("sharing off, a connection from the network stays open")
	}
	resp, err := http.Get("http://127.0.0.1:" + port + "/healthz")
	if err != nil {
		t.Fatalf("after sharing off, this computer: %v", err)
	}
	resp.Body.Close()
	if _, err := net.DialTimeout("tcp", net.JoinHostPort(lanIP, port), time.Second); err == nil {
		t.Error("sharing off, the LAN address still takes connections")
	}
}
