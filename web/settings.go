package web

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/caongoc/de06/internal/errlog"
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/store"
)

// The officer's settings page: who is logged in where (and "đăng xuất
// mọi nơi"), the errors the desk kept with their reference numbers, and
// the storage the received files take, per period and unit.

// recentErrors is how many of the kept errors the page lists.
const recentErrors = 20

// sessionView is a live session as the page lists it.
type sessionView struct {
	store.Session
	This    bool   // the session of the page's reader
	Browser string // the browser and system, in the page's words
}

// browserOf says which browser on which system a User-Agent names:
// "Chrome trên Windows"; "" when it names neither.
func browserOf(agent string) string {
	var b, sys string
	for _, x := range browsers {
		if strings.Contains(agent, x.mark) {
			b = x.name
			break
		}
	}
	for _, x := range systems {
		if strings.Contains(agent, x.mark) {
			sys = x.name
			break
		}
	}
	switch {
	case b != "" && sys != "":
		return fmt.Sprintf(msgBrowserOn, b, sys)
	case b != "":
		return fmt.Sprintf(msgBrowser, b)
	case sys != "":
		return fmt.Sprintf(msgSystem, sys)
	}
	return ""
}

// periodUse is the storage one period's files take, with each unit's.
type periodUse struct {
	Period plan.Period
	Bytes  int64
	Files  int
	Units  []unitUse
}

type unitUse struct {
	Name  string
	Bytes int64
	Files int
}

func (s *Server) settingsPage(w http.ResponseWriter, r *http.Request) {
	s.renderSettings(w, r, http.StatusOK, nil)
}

func (s *Server) renderSettings(w http.ResponseWriter, r *http.Request, code int, extra map[string]any) {
	now := s.now()
	live, err := s.store.Sessions(now)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	var mine []byte
	if c, err := r.Cookie(sessionCookie); err == nil {
		mine = tokenHash(c.Value)
	}
	var sessions []sessionView
	for _, se := range live {
		sessions = append(sessions, sessionView{Session: se, This: bytes.Equal(se.TokenHash, mine), Browser: browserOf(se.Agent)})
	}
	errs, err := s.RecentErrors(recentErrors)
	if err != nil {
		// The log itself unreadable: said on the page, and kept in the log.
		s.log.Error("nhật ký lỗi không đọc được", err)
		errs = []errlog.Entry{}
	}
	uses, total, err := s.storageUse()
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	data := map[string]any{"Title": msgSettingsTitle, "Sessions": sessions, "Errors": errs, "LogFile": errlog.FileName,
		"Storage": uses, "Total": total, "UnitQuota": s.cfg.UnitQuota, "PeriodQuota": s.cfg.PeriodQuota,
		"PasswordChanged": r.FormValue("doi-mat-khau") == "1"}
	for k, v := range extra {
		data[k] = v
	}
	s.renderCode(w, code, "cai-dat.html", data)
}

// storageUse is the storage of every period with files, newest period
// first, each with its units largest first, and the total.
func (s *Server) storageUse() ([]periodUse, int64, error) {
	rows, err := s.store.StorageUse()
	if err != nil {
		return nil, 0, err
	}
	byPeriod := map[string]*periodUse{}
	var out []*periodUse
	var total int64
	names := s.latest()
	for _, u := range rows {
		total += u.Bytes
		pu := byPeriod[u.Period]
		if pu == nil {
			p, err := plan.ParsePeriod(u.Period)
			if err != nil {
				continue // a period the desk never files under: not shown
			}
			pu = &periodUse{Period: p}
			byPeriod[u.Period] = pu
			out = append(out, pu)
		}
		name := msgNoUnit
		if u.UnitID != "" {
			name = u.UnitID
			if pl := names.Unit(u.UnitID); pl != nil {
				name = pl.Name
			}
		}
		pu.Bytes += u.Bytes
		pu.Files += u.Files
		pu.Units = append(pu.Units, unitUse{Name: name, Bytes: u.Bytes, Files: u.Files})
	}
	slices.SortFunc(out, func(a, b *periodUse) int { return b.Period.Start().Compare(a.Period.Start()) })
	res := make([]periodUse, 0, len(out))
	for _, pu := range out {
		slices.SortStableFunc(pu.Units, func(a, b unitUse) int { return cmp.Compare(b.Bytes, a.Bytes) })
		res = append(res, *pu)
	}
	return res, total, nil
}

// endAllSessions logs out everywhere: every session of the officer ends,
// this one too.
func (s *Server) endAllSessions(w http.ResponseWriter, r *http.Request) {
	if _, err := s.EndAllSessions(); err != nil {
		s.failErr(w, r, err)
		return
	}
	http.SetCookie(w, s.sessionCookie("", -1))
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// size says a number of bytes as a person reads it: "350 KB", "1,2 MB".
func size(n int64) string {
	switch {
	case n < 1<<10:
		return vi.FormatNumber(float64(n)) + " B"
	case n < 1<<20:
		return vi.FormatNumber(float64(n>>10)) + " KB"
	}
	mb := float64(n) / (1 << 20)
	if mb >= 10 {
		mb = float64(int64(mb + 0.5)) // whole megabytes: a tenth says nothing there
	}
	return vi.FormatNumber(mb) + " MB"
}

// changePassword changes the officer's password from the settings page:
// the present one first (counted as a login attempt, hashed in the
// hashing pool), then the new one twice. Every session ends (SetPassword)
// and this browser gets a new one, so only whoever changed it stays in.
func (s *Server) changePassword(w http.ResponseWriter, r *http.Request) {
	addr := clientAddr(r)
	refuse := func(code int, msg string) {
		s.renderSettings(w, r, code, map[string]any{"PasswordError": msg})
	}
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, http.StatusRequestEntityTooLarge, msgBodyTooLarge)
		return
	}
	pw, again := r.PostFormValue("password"), r.PostFormValue("again")
	if len([]rune(pw)) < 8 || pw != again {
		refuse(http.StatusBadRequest, msgPasswordRule)
		return
	}
	ok, wait := s.logins.begin(addr, s.now())
	if !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		refuse(http.StatusTooManyRequests, fmt.Sprintf(msgTooManyLogins, waitText(wait)))
		return
	}
	stored, _ := s.passwordSet()
	var right bool
	err := s.hashed(r.Context(), func() error {
		if right = checkPassword(r.PostFormValue("current"), stored); !right {
			return nil
		}
		return SetPassword(s.store, pw, s.now())
	})
	switch {
	case errors.Is(err, errBusy):
		s.logins.end(addr, s.now(), attemptUnheard)
		w.Header().Set("Retry-After", "5")
		refuse(http.StatusServiceUnavailable, msgLoginBusy)
		return
	case err != nil:
		s.logins.end(addr, s.now(), attemptOK)
		s.internalError(w, r, err)
		return
	case !right:
		s.logins.end(addr, s.now(), attemptFailed)
		refuse(http.StatusUnauthorized, msgWrongCurrent)
		return
	}
	s.logins.end(addr, s.now(), attemptOK)
	s.startSession(w, r, "/cai-dat?doi-mat-khau=1#mat-khau")
}
