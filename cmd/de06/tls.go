package main

import (
	"bufio"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/acme/autocert"
)

// A hosted desk answers over HTTPS: with a certificate from files
// (--tls-cert, --tls-key), or with one Let's Encrypt gives for its name
// (--domain, golang.org/x/crypto/acme/autocert: the TLS-ALPN challenge
// needs port 443 only; certificates kept in the data folder and renewed
// before they expire).

// certDir is the folder of the data folder where autocert keeps its
// account and certificates.
const certDir = "chung-chi"

// tlsFromFiles reads a certificate and its key.
func tlsFromFiles(certFile, keyFile string) (*tls.Config, error) {
	for _, f := range []string{certFile, keyFile} {
		if _, err := os.Stat(f); err != nil {
			return nil, readError(f, err)
		}
	}
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, usagef(msgBadCert, certFile, keyFile)
	}
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12,
		NextProtos: []string{"h2", "http/1.1"}}, nil
}

// tlsForDomain gets and renews certificates for domain, accepting Let's
// Encrypt's terms (the officer asked for it by giving --domain).
func tlsForDomain(domain, dataDir string) *tls.Config {
	m := &autocert.Manager{Prompt: autocert.AcceptTOS, Cache: autocert.DirCache(filepath.Join(dataDir, certDir)),
		HostPolicy: autocert.HostWhitelist(domain)}
	cfg := m.TLSConfig()
	cfg.MinVersion = tls.VersionTLS12
	return cfg
}

// httpsOnly serves TLS on ln and answers a plain HTTP request on the same
// port with a permanent redirect to the same path under base (the desk's
// https address): a clerk who typed http:// still arrives, and no page or
// cookie ever travels in clear.
func httpsOnly(ln net.Listener, cfg *tls.Config, base string) net.Listener {
	l := &splitListener{Listener: ln, cfg: cfg, base: strings.TrimRight(base, "/"),
		conns: make(chan net.Conn), errc: make(chan error, 1), done: make(chan struct{})}
	go l.loop()
	return l
}

type splitListener struct {
	net.Listener
	cfg   *tls.Config
	base  string
	conns chan net.Conn
	errc  chan error
	done  chan struct{}
	once  sync.Once
}

// sniffTime is how long a new connection has to send its first byte.
const sniffTime = 10 * time.Second

func (l *splitListener) loop() {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			l.errc <- err
			return
		}
		go l.sort(c)
	}
}

// sort reads the first byte: a TLS handshake goes on to the server, a
// plain HTTP request gets its redirect.
func (l *splitListener) sort(c net.Conn) {
	c.SetReadDeadline(time.Now().Add(sniffTime))
	br := bufio.NewReader(c)
	first, err := br.Peek(1)
	if err != nil {
		c.Close()
		return
	}
	c.SetReadDeadline(time.Time{})
	pc := &peekedConn{Conn: c, r: br}
	if first[0] != 0x16 { // not a TLS handshake record
		l.redirect(pc)
		return
	}
	select {
	case l.conns <- tls.Server(pc, l.cfg):
	case <-l.done:
		c.Close()
	}
}

func (l *splitListener) redirect(c *peekedConn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(sniffTime))
	req, err := http.ReadRequest(c.r)
	if err != nil {
		return
	}
	body := msgUseHTTPS + "\n"
	resp := &http.Response{StatusCode: http.StatusPermanentRedirect, ProtoMajor: 1, ProtoMinor: 1, Close: true,
		Header: http.Header{"Location": {l.base + req.URL.RequestURI()}, "Content-Type": {"text/plain; charset=utf-8"}},
		Body:   io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body))}
	resp.Write(c)
}

func (l *splitListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case err := <-l.errc:
		l.errc <- err // every later Accept fails too
		return nil, err
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *splitListener) Close() error {
	l.once.Do(func() { close(l.done) })
	return l.Listener.Close()
}

// peekedConn reads first what was peeked.
type peekedConn struct {
	net.Conn
	r *bufio.Reader
}

func (c *peekedConn) Read(p []byte) (int, error) { return c.r.Read(p) }

// NetConn is the connection under c (web.ConnGuard finds its own there).
func (c *peekedConn) NetConn() net.Conn { return c.Conn }
