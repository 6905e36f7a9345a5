package web

import (
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
// receives bodies (eight, Server.receiving), and a body trickling in is
// cut, so that slow senders cannot keep the others out.
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
	mu sync.Mutex
	n  map[string]int
}

// take counts an upload for each key in, each under its cap; false when
// one is full (nothing taken then).
func (u *uploadCounts) take(keys []string, caps []int) (release func(), ok bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.n == nil {
		u.n = map[string]int{}
	}
	for i, k := range keys {
		if u.n[k] >= caps[i] {
			return nil, false
		}
	}
	for _, k := range keys {
		u.n[k]++
	}
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
		})
	}, true
}

// takeUpload counts r's upload by its link (a unit's route) and its
// address.
func (s *Server) takeUpload(r *http.Request) (release func(), ok bool) {
	keys, caps := []string{"addr:" + addrKey(clientAddr(r))}, []int{uploadsPerAddr}
	if u, isUnit := r.Context().Value(unitKey{}).(*plan.Unit); isUnit {
		keys, caps = append(keys, "unit:"+u.ID), append(caps, uploadsPerLink)
	}
	return s.uploads.take(keys, caps)
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
func (s *Server) hashPool(addr string) *slots.Pool {
	if ownMachine(addr) {
		return s.ownHash
	}
	return s.hashing
}
