package web

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"testing"
	"time"
)

// addrConn is one end of a pipe that says it comes from addr.
type addrConn struct {
	net.Conn
	addr net.Addr
}

func (c addrConn) RemoteAddr() net.Addr { return c.addr }

func fakeConn(t *testing.T, ip string) net.Conn {
	a, b := net.Pipe()
	t.Cleanup(func() { a.Close(); b.Close() })
	return addrConn{Conn: a, addr: &net.TCPAddr{IP: net.ParseIP(ip), Port: 40000}}
}

// admitAs admits a connection from ip and puts it in state cs; nil when
// refused.
func admitAs(t *testing.T, g *ConnGuard, ip string, cs http.ConnState) net.Conn {
	c := g.admit(fakeConn(t, ip))
	if c == nil {
		return nil
	}
	g.State(c, cs)
	return c
}

func isOpen(g *ConnGuard, c net.Conn) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	_, ok := g.open[unwrapConn(c)]
	return ok
}

// The caps, their reserve for this computer and what gives way, on
// connections from addresses the tests cannot dial from.
func TestConnGuardRules(t *testing.T) {
	t.Run("busy connections hold, a newcomer is refused", func(t *testing.T) {
		g := NewConnGuard(64, 4, 0, false)
		for i := range 4 {
			if admitAs(t, g, fmt.Sprintf("203.0.113.%d", i+1), http.StateActive) == nil {
				t.Fatalf("connection %d refused under the cap", i+1)
			}
		}
		if admitAs(t, g, "203.0.113.9", http.StateNew) != nil {
			t.Fatal("a fifth connection admitted while four are busy")
		}
	})
	t.Run("this computer's reserve", func(t *testing.T) {
		g := NewConnGuard(64, 10, 2, false)
		for i := range 8 {
			admitAs(t, g, fmt.Sprintf("203.0.113.%d", i+1), http.StateActive)
		}
		if admitAs(t, g, "203.0.113.50", http.StateActive) != nil {
			t.Fatal("a connection from elsewhere took the reserve")
		}
		for i := range 2 {
			if admitAs(t, g, "127.0.0.1", http.StateActive) == nil {
				t.Fatalf("loopback connection %d refused with the reserve free", i+1)
			}
		}
	})
	t.Run("the address holding most gives way, oldest first", func(t *testing.T) {
		g := NewConnGuard(64, 6, 0, false)
		lone := admitAs(t, g, "198.51.100.7", http.StateIdle)
		var flood []net.Conn
		for range 5 {
			flood = append(flood, admitAs(t, g, "203.0.113.1", http.StateNew))
		}
		if admitAs(t, g, "192.0.2.1", http.StateNew) == nil {
			t.Fatal("a newcomer refused while five connections wait for their header")
		}
		if !isOpen(g, lone) || isOpen(g, flood[0]) || !isOpen(g, flood[1]) {
			t.Fatalf("given way: lone %v, flood[0] %v, flood[1] %v; want only flood[0]", !isOpen(g, lone), !isOpen(g, flood[0]), !isOpen(g, flood[1]))
		}
		if g.Evicted() != 1 {
			t.Fatalf("evicted %d, want 1", g.Evicted())
		}
	})
	t.Run("elsewhere never takes this computer's connection", func(t *testing.T) {
		g := NewConnGuard(64, 4, 0, false)
		var mine []net.Conn
		for range 2 {
			mine = append(mine, admitAs(t, g, "127.0.0.1", http.StateIdle))
		}
		admitAs(t, g, "203.0.113.1", http.StateActive)
		admitAs(t, g, "203.0.113.2", http.StateActive)
		if admitAs(t, g, "203.0.113.3", http.StateNew) != nil || !isOpen(g, mine[0]) || !isOpen(g, mine[1]) {
			t.Fatal("a connection from elsewhere closed the officer's idle one")
		}
	})
	t.Run("per address", func(t *testing.T) {
		g := NewConnGuard(3, 100, 0, false)
		for range 3 {
			admitAs(t, g, "203.0.113.1", http.StateActive)
		}
		if admitAs(t, g, "203.0.113.1", http.StateNew) != nil {
			t.Fatal("a fourth connection from one address admitted")
		}
		if admitAs(t, g, "203.0.113.2", http.StateNew) == nil {
			t.Fatal("another address refused")
		}
	})
	t.Run("behind a proxy, the proxy is not one user", func(t *testing.T) {
		g := NewConnGuard(3, 100, 0, true)
		for i := range 10 {
			if admitAs(t, g, "127.0.0.1", http.StateActive) == nil {
				t.Fatalf("the proxy's connection %d refused by the per-address cap", i+1)
			}
		}
	})
	t.Run("closed connections are counted out", func(t *testing.T) {
		g := NewConnGuard(1, 1, 0, false)
		c := admitAs(t, g, "203.0.113.1", http.StateActive)
		g.State(c, http.StateClosed)
		c.Close()
		if admitAs(t, g, "203.0.113.1", http.StateActive) == nil {
			t.Fatal("a closed connection still counted")
		}
	})
}

// dialFrom opens a connection to addr from the loopback address ip; the
// test skips where this machine has only 127.0.0.1.
func dialFrom(t *testing.T, ip, addr string) net.Conn {
	c, err := (&net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 5 * time.Second}).Dial("tcp", addr)
	if err != nil {
		t.Skipf("no loopback address %s here: %v", ip, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// A real server: connections holding the whole cap with a header never
// finished, or idle after a request, give way to the officer's request;
// a request being answered is never cut.
func TestConnGuardServer(t *testing.T) {
	raw, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	g := NewConnGuard(64, 12, 0, false)
	release := make(chan struct{})
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			<-release
		}
		io.WriteString(w, "ok")
	}), ReadHeaderTimeout: time.Minute, IdleTimeout: time.Minute, ConnState: g.State}
	go srv.Serve(g.Listener(raw))
	t.Cleanup(func() { close(release); srv.Close() })
	addr := raw.Addr().String()

	// 2 requests being answered, 5 idle after a request, 5 half-sent headers.
	busy := make(chan error, 2)
	for range 2 {
		c := dialFrom(t, "127.0.0.2", addr)
		fmt.Fprintf(c, "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
		go func() {
			_, err := http.ReadResponse(bufio.NewReader(c), nil)
			busy <- err
		}()
	}
	for range 5 {
		c := dialFrom(t, "127.0.0.3", addr)
		fmt.Fprintf(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
		if _, err := http.ReadResponse(bufio.NewReader(c), nil); err != nil {
			t.Fatal(err)
		}
	}
	for range 5 {
		c := dialFrom(t, "127.0.0.4", addr)
		fmt.Fprintf(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n")
	}
	time.Sleep(100 * time.Millisecond) // every connection accepted
	for i := range 20 {
		cl := &http.Client{Timeout: 3 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
		resp, err := cl.Get("http://" + addr + "/healthz")
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("request %d from this computer with the cap held: %v", i+1, err)
		}
		resp.Body.Close()
		// The flood comes back at once.
		fmt.Fprintf(dialFrom(t, "127.0.0.4", addr), "GET / HTTP/1.1\r\n")
	}
	release <- struct{}{}
	release <- struct{}{}
	for range 2 {
		if err := <-busy; err != nil {
			t.Fatalf("a request being answered was cut: %v", err)
		}
	}
	if g.Evicted() < 20 {
		t.Fatalf("evicted %d, want at least 20", g.Evicted())
	}
}
