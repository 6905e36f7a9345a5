package web

import (
	"crypto/rand"

	"github.com/caongoc/de06/internal/errlog"
)

// RotateSecret replaces the secret the units' links are derived from and
// gives every reporting unit a new link: every link made before, and any
// a copy of the old secret could make, stops working. A desk already
// running in another process keeps the old secret until it restarts.
func (s *Server) RotateSecret() error {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand)
	s.mu.Lock()
	if err := s.store.SetLinkSecret(b); err != nil {
		s.mu.Unlock()
		return err
	}
	s.secret = b
	s.mu.Unlock()
	var all []string
	for _, u := range s.latest().ReportingUnits() {
		all = append(all, u.ID)
	}
	_, err := s.Links(all)
	return err
}

// Close closes the desk's error log.
func (s *Server) Close() error { return s.log.Close() }

// RecentErrors are the last n errors the desk kept, newest first, for the
// officer's settings page.
func (s *Server) RecentErrors(n int) ([]errlog.Entry, error) { return s.log.Recent(n) }

// EndAllSessions ends every officer's session ("đăng xuất mọi nơi").
func (s *Server) EndAllSessions() (int64, error) { return s.store.EndAllSessions("officer", s.now()) }
