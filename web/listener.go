package web

import (
	"net"
	"sync"
)

// LimitListener caps the connections the desk holds: perAddr from one
// address (an IPv6 address by its /64), total in all. A connection over
// either cap is closed as soon as it is accepted, so that one client's
// flood of idle or slow connections never takes the file descriptors the
// officer's browser and /healthz need.
func LimitListener(ln net.Listener, perAddr, total int) net.Listener {
	return &capListener{Listener: ln, perAddr: perAddr, total: total, open: map[string]int{}}
}

type capListener struct {
	net.Listener
	perAddr, total int
	mu             sync.Mutex
	open           map[string]int
	all            int
}

func (l *capListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		key := c.RemoteAddr().String()
		if host, _, err := net.SplitHostPort(key); err == nil {
			key = addrKey(host)
		}
		l.mu.Lock()
		over := l.open[key] >= l.perAddr || l.all >= l.total
		if !over {
			l.open[key]++
			l.all++
		}
		l.mu.Unlock()
		if over {
			c.Close() // refused: nothing to report to anyone
			continue
		}
		return &capConn{Conn: c, l: l, key: key}, nil
	}
}

type capConn struct {
	net.Conn
	l    *capListener
	key  string
	once sync.Once
}

func (c *capConn) Close() error {
	c.once.Do(func() {
		c.l.mu.Lock()
		if c.l.open[c.key]--; c.l.open[c.key] <= 0 {
			delete(c.l.open, c.key)
		}
		c.l.all--
		c.l.mu.Unlock()
	})
	return c.Conn.Close()
}
