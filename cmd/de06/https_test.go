package main

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/caongoc/de06/web"
)

// The hosted desk: HTTPS from files or for a domain, and behind a proxy.

// selfSigned writes a certificate for 127.0.0.1 and its key; the pool
// trusts it.
func selfSigned(t *testing.T) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "de06 thu"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, _ := x509.MarshalECPrivateKey(key)
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "c.pem"), filepath.Join(dir, "k.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600)
	leaf, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(leaf)
	return certFile, keyFile, pool
}

// de06 serve --tls-cert --tls-key answers over HTTPS with HSTS and Secure
// cookies, sends plain HTTP on the same port to https, and --public-url
// is the base of every link: board, de06 links, slips.
func TestServeTLS(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the HTTPS desk")
	}
	certFile, keyFile, pool := selfSigned(t)
	port := freePort(t)
	dir := withPassword(t)
	base := "https://127.0.0.1:" + port
	const public = "https://bao-cao.caongoc.example"
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	serveInProcess(t, client, base+"/healthz", "--tls-cert", certFile, "--tls-key", keyFile, "--addr", "127.0.0.1:"+port,
		"--public-url", public, "--data", dir)
	body, resp := get(t, client, base+"/healthz")
	if body != "ok" || resp.TLS == nil {
		t.Fatalf("healthz over HTTPS: %q", body)
	}
	if hsts := resp.Header.Get("Strict-Transport-Security"); !strings.Contains(hsts, "max-age=") {
		t.Errorf("no HSTS: %q", hsts)
	}
	cookie := logIn(t, client, base)
	if !cookie.Secure || !cookie.HttpOnly {
		t.Errorf("session cookie not Secure and HttpOnly: %+v", cookie)
	}
	board, _ := get(t, client, base+"/bang")
	links := linksIn(board)
	if len(links) < 9 {
		t.Fatalf("board: %d links", len(links))
	}
	for _, l := range links {
		if !strings.HasPrefix(l, public+"/u/") {
			t.Errorf("board link %s is not under %s", l, public)
		}
	}
	if !strings.Contains(board, "mở được ở mọi nơi có Internet") {
		t.Error("the board does not say the links open anywhere")
	}
	var out, errb lockedBuffer
	if code := run([]string{"links", "--data", dir}, &out, &errb); code != 0 {
		t.Fatal(errb.String())
	}
	for _, l := range linksIn(out.String()) {
		if !strings.HasPrefix(l, public+"/u/") {
			t.Errorf("de06 links gives %s", l)
		}
	}
	slips, _ := get(t, client, base+"/chia-se/phieu.pdf")
	if text := pdfText(t, []byte(slips)); text != "" {
		if ls := linksIn(text); len(ls) < 9 || !strings.HasPrefix(ls[0], public) || !strings.Contains(text, "ở mọi nơi có Internet") {
			t.Errorf("slips:\n%s", text)
		}
	}
	// Plain HTTP on the same port is sent to the public https address.
	plain := &http.Client{Timeout: 5 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := plain.Get("http://127.0.0.1:" + port + "/bang?period=2026-W48")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusPermanentRedirect || resp.Header.Get("Location") != public+"/bang?period=2026-W48" {
		t.Errorf("plain HTTP: %s → %q", resp.Status, resp.Header.Get("Location"))
	}
}

// Behind a reverse proxy the client's address is the proxy's last
// X-Forwarded-For, for the login throttle and the audit; never otherwise.
func TestBehindProxy(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the login throttle (slow by design)")
	}
	for _, behind := range []bool{true, false} {
		dir := t.TempDir()
		srv, st, _, err := openDeskWith(dir, "", web.Config{BaseURL: "http://127.0.0.1:8606",
			PublicURL: "https://bao-cao.caongoc.example", BehindProxy: behind})
		if err != nil {
			t.Fatal(err)
		}
		h := srv.Handler()
		// The first password is set only from this computer: behind a
		// proxy, a forwarded client is not this computer.
		req, _ := http.NewRequest("GET", "/", nil)
		req.Header.Set("X-Forwarded-For", "203.0.113.9")
		req.RemoteAddr, req.Host = "127.0.0.1:40000", "bao-cao.caongoc.example"
		rec := newRecorder()
		h.ServeHTTP(rec, req)
		if want := map[bool]int{true: http.StatusForbidden, false: http.StatusOK}[behind]; rec.code != want {
			t.Errorf("behind a proxy %v: the first-password page from a forwarded client: %d, want %d", behind, rec.code, want)
		}
		web.SetPassword(st, "mat-khau-thu", time.Now())
		login := func(from string) int {
			req, _ := http.NewRequest("POST", "/login", strings.NewReader("password=sai-mat-khau"))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Accept", "application/json")
			req.Header.Set("X-Forwarded-For", "198.51.100.7, "+from)
			req.RemoteAddr, req.Host = "127.0.0.1:40000", "bao-cao.caongoc.example" // the proxy
			rec := newRecorder()
			h.ServeHTTP(rec, req)
			return rec.code
		}
		for range 5 {
			login("203.0.113.9")
		}
		blocked, other := login("203.0.113.9"), login("203.0.113.10")
		if behind && (blocked != http.StatusTooManyRequests || other != http.StatusUnauthorized) {
			t.Errorf("behind a proxy: the same client %d, another %d; want 429, 401", blocked, other)
		}
		if !behind && other != http.StatusTooManyRequests {
			t.Errorf("not behind a proxy, X-Forwarded-For was believed: another client %d, want 429", other)
		}
		st.Close()
	}
}

// recorder is a minimal ResponseWriter for handler tests.
type recorder struct {
	h    http.Header
	code int
	body bytes.Buffer
}

func newRecorder() *recorder                    { return &recorder{h: http.Header{}, code: 200} }
func (r *recorder) Header() http.Header         { return r.h }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(code int)        { r.code = code }

// --domain: links and slips under https://NAME (with the port when it is
// not 443), plain HTTP sent there, and no certificate for another name
// (autocert's host policy; no certificate is asked for in the test).
func TestServeDomain(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the HTTPS desk")
	}
	port := freePort(t)
	dir := withPassword(t)
	plain := &http.Client{Timeout: 5 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	serveInProcess(t, plain, "http://127.0.0.1:"+port+"/healthz", "--domain", "bao-cao.caongoc.example", "--addr", "127.0.0.1:"+port, "--data", dir)
	public := "https://bao-cao.caongoc.example:" + port
	resp, err := plain.Get("http://127.0.0.1:" + port + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("Location") != public+"/" {
		t.Errorf("plain HTTP sent to %q, want %q", resp.Header.Get("Location"), public+"/")
	}
	var out, errb lockedBuffer
	if code := run([]string{"links", "--data", dir}, &out, &errb); code != 0 {
		t.Fatal(errb.String())
	}
	if ls := linksIn(out.String()); len(ls) != 9 || !strings.HasPrefix(ls[0], public+"/u/") {
		t.Errorf("de06 links under --domain: %v", ls)
	}
	conn, err := tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", "127.0.0.1:"+port,
		&tls.Config{ServerName: "evil.example", InsecureSkipVerify: true})
	if err == nil {
		conn.Close()
		t.Error("a certificate was served for a name that is not the desk's")
	}
}
