package web

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/caongoc/de06/internal/slots"
	"github.com/caongoc/de06/plan"
)

// Uploads at once: one link, or one address, never holds every slot that
// receives bodies (eight, Server.receiving) — a link's third is refused,
// an address's fifth waits its turn — and a body trickling in is cut, so
// that slow senders cannot keep the others out.
const (
	uploadsPerLink = 2 // a unit's link: a clerk's phone and a computer
	uploadsPerAddr = 4 // one address: an office's network behind one NAT
)

// The slowest body taken: a window of uploadRateWindow must bring
// uploadRateMin bytes (1 KB/s; a weak 2G signal brings several), or the
// upload is cut. Variables for the tests.
var (
	uploadRateWindow       = 20 * time.Second
	uploadRateMin    int64 = 20 << 10
)

// uploadCounts counts the uploads being received, by link and address.
type uploadCounts struct {
	mu      sync.Mutex
	n       map[string]int
	changed chan struct{} // closed when an upload ends
}

// errLinkBusy: the link has uploadsPerLink being received already.
var errLinkBusy = errors.New("web: the link's uploads at once")

// take counts an upload in for link ("" for none: the officer's) and
// addr. Past its link's cap it fails at once (errLinkBusy); past its
// address's it waits, until ctx ends (its error), for one of that
// address's uploads to end: an office's units sending at once behind one
// address are received in turn, not refused.
func (u *uploadCounts) take(ctx context.Context, link, addr string) (release func(), err error) {
	keys := []string{"addr:" + addr}
	if link != "" {
		keys = append(keys, "link:"+link)
	}
	for {
		u.mu.Lock()
		if u.n == nil {
			u.n = map[string]int{}
		}
		if link != "" && u.n["link:"+link] >= uploadsPerLink {
			u.mu.Unlock()
			return nil, errLinkBusy
		}
		if u.n[keys[0]] < uploadsPerAddr {
			for _, k := range keys {
				u.n[k]++
			}
			u.mu.Unlock()
			return u.releaser(keys), nil
		}
		if u.changed == nil {
			u.changed = make(chan struct{})
		}
		ch := u.changed
		u.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

func (u *uploadCounts) releaser(keys []string) func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			u.mu.Lock()
			defer u.mu.Unlock()
			for _, k := range keys {
				if u.n[k]--; u.n[k] <= 0 {
					delete(u.n, k)
				}
			}
			if u.changed != nil {
				close(u.changed)
				u.changed = nil
			}
		})
	}
}

// takeUpload counts r's upload by its link (a unit's route) and its
// address, waiting until ctx ends for the address's turn.
func (s *Server) takeUpload(ctx context.Context, r *http.Request) (release func(), err error) {
	link := ""
	if u, isUnit := r.Context().Value(unitKey{}).(*plan.Unit); isUnit {
		link = u.ID
	}
	return s.uploads.take(ctx, link, addrKey(clientAddr(r)))
}

// rateReader reads an upload's body, moving the connection's read
// deadline on by a window each time a window's worth has come, never past
// the upload's own time (limit): a body slower than uploadRateMin a
// window meets its deadline, and its read fails.
type rateReader struct {
	io.ReadCloser
	rc     *http.ResponseController
	limit  time.Time
	got    int64 // since the window began
	cut    bool  // the deadline was met
	failed error // the deadline could not be set
}

func newRateReader(w http.ResponseWriter, body io.ReadCloser, start time.Time) *rateReader {
	rr := &rateReader{ReadCloser: body, rc: http.NewResponseController(w), limit: start.Add(UploadTime)}
	rr.window(start)
	return rr
}

func (rr *rateReader) window(now time.Time) {
	d := now.Add(uploadRateWindow)
	if d.After(rr.limit) {
		d = rr.limit
	}
	if err := rr.rc.SetReadDeadline(d); err != nil && !errors.Is(err, http.ErrNotSupported) {
		rr.failed = err
	}
}

func (rr *rateReader) Read(p []byte) (int, error) {
	n, err := rr.ReadCloser.Read(p)
	rr.got += int64(n)
	if rr.got >= uploadRateMin {
		rr.got = 0
		rr.window(time.Now())
	}
	var ne net.Error
	if err != nil && errors.As(err, &ne) && ne.Timeout() {
		rr.cut = true
	}
	return n, err
}

// ownMachine says whether addr is this computer's own browser: 127.0.0.1
// or ::1, where the officer's browser opens the desk (other loopback
// addresses are no browser's).
func ownMachine(addr string) bool {
	ip := net.ParseIP(addr)
	return ip != nil && (ip.Equal(net.IPv4(127, 0, 0, 1)) || ip.Equal(net.IPv6loopback))
}

// hashPool is where a login from addr has its password hashed: this
// computer's browser has a slot of its own, so that a flood of guesses
// from elsewhere, filling the shared queue, never keeps the officer out.
//
// A browser the officer logged in from before (it carries knownCookie) has
// that slot too: guesses from many addresses, each never failed yet, fill
// the shared queue, and would keep the officer out of it from elsewhere.
func (s *Server) hashPool(r *http.Request, addr string) *slots.Pool {
	if ownMachine(addr) || s.knownBrowser(r) {
		return s.ownHash
	}
	return s.hashing
}

// knownCookie marks a browser the officer has logged in from (for the
// login page only); its value is derived from the desk's secret, so no
// other browser can make it.
const knownCookie = "de06_da_dang_nhap"

// knownLife is how long a browser stays known after its last login.
const knownLife = 400 * 24 * time.Hour

func (s *Server) knownMark() string {
	m := hmac.New(sha256.New, s.secret)
	m.Write([]byte("de06: a browser the officer has logged in from"))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func (s *Server) knownBrowser(r *http.Request) bool {
	c, err := r.Cookie(knownCookie)
	return err == nil && hmac.Equal([]byte(c.Value), []byte(s.knownMark()))
}

// markKnown makes the browser of a successful login known.
func (s *Server) markKnown(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: knownCookie, Value: s.knownMark(), Path: "/login",
		MaxAge: int(knownLife.Seconds()), HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: s.https()})
}
