package web

import (
	"net"
	"net/http"
	"sync"
)

// ConnGuard caps the connections the desk holds, so that no flood of idle
// or half-sent connections shuts out the officer and /healthz:
//   - at most Total in all, well under the process's file descriptors;
//     of these, Reserve are kept for this computer (loopback: the
//     officer's own browser), which may always get in;
//   - at most PerAddr from one address (an IPv6 address by its /64) —
//     except, behind a proxy on this computer, from loopback: every user
//     then comes through the proxy's one address, and only the total cap
//     holds;
//   - a connection doing nothing — accepted but with no complete request
//     yet (a slow or never-sent header, a TLS handshake under way), or
//     idle between requests — gives way: when a cap is reached, the one
//     waiting longest of the address holding most connections is closed
//     to make room. A connection whose request is being answered is never
//     closed; a newcomer that finds no room is closed at once.
//
// Listener wraps the listener; the http.Server's ConnState must call
// State, so that the guard knows which connections are busy.
type ConnGuard struct {
	perAddr, total, reserve int
	proxy                   bool

	mu     sync.Mutex
	open   map[*guardConn]struct{}
	byAddr map[string]int
	tick   uint64 // orders state changes: the lower, the longer ago
	evict  int    // connections closed to make room, since the start
}

// NewConnGuard makes a guard: perAddr from one address, total in all with
// reserve of them for loopback; behindProxy exempts loopback from the
// per-address cap.
func NewConnGuard(perAddr, total, reserve int, behindProxy bool) *ConnGuard {
	return &ConnGuard{perAddr: perAddr, total: total, reserve: min(reserve, total-1), proxy: behindProxy,
		open: map[*guardConn]struct{}{}, byAddr: map[string]int{}}
}

// Listener caps the connections ln accepts.
func (g *ConnGuard) Listener(ln net.Listener) net.Listener { return &guardListener{Listener: ln, g: g} }

// State records what the http.Server does with a connection (its
// ConnState hook); c may be the guard's connection wrapped (TLS).
func (g *ConnGuard) State(c net.Conn, cs http.ConnState) {
	gc := unwrapConn(c)
	if gc == nil {
		return
	}
	if cs == http.StateClosed {
		gc.release()
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.tick++
	gc.state, gc.since = cs, g.tick
}

// Evicted is how many connections were closed to make room.
func (g *ConnGuard) Evicted() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.evict
}

// unwrapConn finds the guard's connection under c (a tls.Conn, a
// connection the first bytes were peeked from: each gives its NetConn).
func unwrapConn(c net.Conn) *guardConn {
	for range 8 {
		switch v := c.(type) {
		case *guardConn:
			return v
		case interface{ NetConn() net.Conn }:
			c = v.NetConn()
		default:
			return nil
		}
	}
	return nil
}

type guardListener struct {
	net.Listener
	g *ConnGuard
}

func (l *guardListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if gc := l.g.admit(c); gc != nil {
			return gc, nil
		}
		c.Close() // no room: nothing to report to anyone
	}
}

// admit counts c in, closing idle connections to make room; nil when
// there is none.
func (g *ConnGuard) admit(c net.Conn) *guardConn {
	key, loop := connAddr(c)
	gc := &guardConn{Conn: c, g: g, key: key, loop: loop, state: http.StateNew}
	var victims []*guardConn
	defer func() {
		for _, v := range victims {
			v.Conn.Close()
		}
	}()
	g.mu.Lock()
	defer g.mu.Unlock()
	if !(g.proxy && loop) && g.byAddr[key] >= g.perAddr {
		v := g.victim(func(o *guardConn) bool { return o.key == key })
		if v == nil {
			return nil
		}
		victims = append(victims, v)
		g.drop(v)
	}
	limit := g.total - g.reserve
	if loop {
		limit = g.total
	}
	for len(g.open) >= limit {
		// A connection from elsewhere never takes this computer's.
		v := g.victim(func(o *guardConn) bool { return loop || !o.loop || g.proxy })
		if v == nil {
			for _, v := range victims { // put back: this newcomer is the one refused
				g.add(v)
			}
			victims = nil
			return nil
		}
		victims = append(victims, v)
		g.drop(v)
	}
	g.tick++
	gc.since = g.tick
	g.add(gc)
	g.evict += len(victims)
	return gc
}

// victim is the connection to close for room among those ok allows: one
// doing nothing, of the address holding most connections, waiting
// longest; nil when none is doing nothing.
func (g *ConnGuard) victim(ok func(*guardConn) bool) *guardConn {
	var best *guardConn
	for c := range g.open {
		if c.state != http.StateNew && c.state != http.StateIdle || !ok(c) {
			continue
		}
		if best == nil || g.byAddr[c.key] > g.byAddr[best.key] ||
			g.byAddr[c.key] == g.byAddr[best.key] && c.since < best.since {
			best = c
		}
	}
	return best
}

func (g *ConnGuard) add(c *guardConn) {
	c.gone = false
	g.open[c] = struct{}{}
	g.byAddr[c.key]++
}

func (g *ConnGuard) drop(c *guardConn) {
	if c.gone {
		return
	}
	c.gone = true
	delete(g.open, c)
	if g.byAddr[c.key]--; g.byAddr[c.key] <= 0 {
		delete(g.byAddr, c.key)
	}
}

// connAddr is the key c is counted under, and whether it comes from this
// computer.
func connAddr(c net.Conn) (key string, loopback bool) {
	key = c.RemoteAddr().String()
	if host, _, err := net.SplitHostPort(key); err == nil {
		key = host
	}
	ip := net.ParseIP(key)
	return addrKey(key), ip != nil && ip.IsLoopback()
}

type guardConn struct {
	net.Conn
	g     *ConnGuard
	key   string
	loop  bool
	state http.ConnState // g.mu
	since uint64         // g.mu: when it entered its state
	gone  bool           // g.mu: no longer counted
}

func (c *guardConn) release() {
	c.g.mu.Lock()
	c.g.drop(c)
	c.g.mu.Unlock()
}

func (c *guardConn) Close() error {
	c.release()
	return c.Conn.Close()
}
